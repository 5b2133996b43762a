// The rpc plugin links the transport library statically; none of its vrpc_*
// symbols may leak into the plugin's dynamic symbol table (they would clash
// with another copy in the agent or a second plugin).
#include <dlfcn.h>

#include <gtest/gtest.h>

namespace
{

TEST(Visibility, TransportSymbolsStayHiddenInASharedObject)
{
	void *lib =
	    dlopen("tests/rpc/libvrpc-visibility.so", RTLD_NOW | RTLD_LOCAL);
	ASSERT_NE(lib, nullptr) << dlerror();
	auto probe = (int (*)(void))dlsym(lib, "transport_probe");
	ASSERT_NE(probe, nullptr);
	EXPECT_EQ(probe(), 1); // the library is linked in and works
	const char *names[] = {"vrpc_address_parse", "vrpc_connect",
			       "vrpc_listen",	     "vrpc_send_msg",
			       "vrpc_recv_header",   "vrpc_shm_create",
			       "vrpc_header_pack",   "vrpc_strerror"};
	for (const char *n : names)
		EXPECT_EQ(dlsym(lib, n), nullptr) << n << " is exported";
	dlclose(lib);
}

} // namespace

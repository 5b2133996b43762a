/* The rpc transport compiled into the host (c/plugins/rpc/builtin.c), as
 * the Python and Go bindings have it: when the runtime adds it, and that a
 * libvaccel-rpc.so loaded by path still works and replaces it. This binary
 * links the runtime, the rpc plugin's sources, c/wire and c/rpc. */

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "agent_process.h"

extern "C" {
#include "vaccel/core.h"
#include "vaccel/ops/noop.h"
#include "vaccel/plugin.h"
#include "vaccel/session.h"
}

namespace
{

/* Where the plugin named `name` came from, or "" when none is loaded. */
std::string PluginPath(const char *name)
{
	for (size_t i = 0; i < vaccel_plugin_count(); i++) {
		struct vaccel_plugin_summary s;

		if (vaccel_plugin_get_summary(i, &s) == VACCEL_OK &&
		    std::string(s.name) == name)
			return s.path;
	}
	return "";
}

int RemoteNoop()
{
	struct vaccel_session sess;
	int ret = vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE);

	if (ret)
		return ret;
	ret = vaccel_noop(&sess);
	vaccel_session_release(&sess);
	return ret;
}

class BuiltinRpc : public ::testing::Test
{
      protected:
	AgentProcess agent;

	void SetUp() override
	{
		ASSERT_EQ(agent.Start({agent.UnixAddress()}, {"-p", NOOP_SO}),
			  "");
		unsetenv("VACCEL_PLUGINS");
		unsetenv("VACCEL_RPC_ADDRESS");
	}

	void TearDown() override
	{
		unsetenv("VACCEL_PLUGINS");
		unsetenv("VACCEL_RPC_ADDRESS");
		vaccel_cleanup();
	}
};

TEST_F(BuiltinRpc, NotAddedWithoutAnAddress)
{
	ASSERT_EQ(vaccel_bootstrap(), VACCEL_OK);
	EXPECT_EQ(PluginPath("rpc"), "");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

TEST_F(BuiltinRpc, AddedAtBootstrapAndServesRemoteSessions)
{
	setenv("VACCEL_RPC_ADDRESS", agent.addresses[0].c_str(), 1);
	ASSERT_EQ(vaccel_bootstrap(), VACCEL_OK);
	EXPECT_EQ(PluginPath("rpc"), "(built-in)");
	EXPECT_EQ(RemoteNoop(), VACCEL_OK);
	EXPECT_TRUE(agent.WaitLog("noop")) << agent.Log();
}

TEST_F(BuiltinRpc, NotAddedWhenVaccelPluginsLoadsTheRpcPlugin)
{
	setenv("VACCEL_RPC_ADDRESS", agent.addresses[0].c_str(), 1);
	setenv("VACCEL_PLUGINS", RPC_SO, 1);
	ASSERT_EQ(vaccel_bootstrap(), VACCEL_OK);
	EXPECT_EQ(PluginPath("rpc"), RPC_SO);
	EXPECT_EQ(vaccel_plugin_count(), 1u);
	EXPECT_EQ(RemoteNoop(), VACCEL_OK);
}

TEST_F(BuiltinRpc, LoadingTheRpcPluginByPathReplacesIt)
{
	setenv("VACCEL_RPC_ADDRESS", agent.addresses[0].c_str(), 1);
	ASSERT_EQ(vaccel_bootstrap(), VACCEL_OK);
	ASSERT_EQ(PluginPath("rpc"), "(built-in)");

	/* A session made through the built-in one outlives the switch. */
	struct vaccel_session old;
	ASSERT_EQ(vaccel_session_init(&old, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	ASSERT_EQ(vaccel_noop(&old), VACCEL_OK);

	ASSERT_EQ(vaccel_plugin_load(RPC_SO), VACCEL_OK);
	EXPECT_EQ(PluginPath("rpc"), RPC_SO);
	EXPECT_EQ(vaccel_plugin_count(), 1u);
	EXPECT_EQ(RemoteNoop(), VACCEL_OK);
	EXPECT_EQ(vaccel_noop(&old), VACCEL_OK);
	EXPECT_EQ(vaccel_session_release(&old), VACCEL_OK);
	/* A second one by path is refused as before. */
	EXPECT_EQ(vaccel_plugin_load(RPC_SO), VACCEL_EEXIST);
}

TEST_F(BuiltinRpc, BadAddressFailsTheBootstrapNamingIt)
{
	setenv("VACCEL_RPC_ADDRESS", "carrier-pigeon://x", 1);
	EXPECT_EQ(vaccel_bootstrap(), VACCEL_EINVAL);
	EXPECT_FALSE(vaccel_is_initialized());
}

} // namespace

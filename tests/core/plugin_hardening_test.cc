/* The plugin loader against bad input: malformed descriptors, files that
 * are not libraries, over-long paths, and repeated register_ops. */

#include "vaccel_test.h"

#include <malloc.h>
#include <sys/stat.h>

extern "C" size_t __sanitizer_get_current_allocated_bytes(void)
    __attribute__((weak));

class PluginHardeningTest : public VaccelTest
{
};

TEST_F(PluginHardeningTest, DescriptorThatIsAnIntIsELIBBAD)
{
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("desc-int")), VACCEL_ELIBBAD);
	EXPECT_LOG_HAS("exports 'vaccel_plugin_descriptor' of 4 bytes; a "
		       "plugin descriptor has at least");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

TEST_F(PluginHardeningTest, NullOpsWithACountIsELIBBAD)
{
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("desc-null-ops")),
		  VACCEL_ELIBBAD);
	EXPECT_LOG_HAS("lists 3 ops at (nil), which is not an array of that "
		       "many inside the plugin");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

TEST_F(PluginHardeningTest, OpCountPastTheArrayIsELIBBAD)
{
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("desc-many-ops")),
		  VACCEL_ELIBBAD);
	EXPECT_LOG_HAS("lists 1073741824 ops at");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

TEST_F(PluginHardeningTest, SizeLargerThanTheSymbolIsELIBBAD)
{
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("desc-oversized")),
		  VACCEL_ELIBBAD);
	EXPECT_LOG_HAS("declares a descriptor of 4096 bytes; its "
		       "'vaccel_plugin_descriptor' has only");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

/* dlopen of a FIFO blocks until a writer comes: refused before that. */
TEST_F(PluginHardeningTest, FifoIsRefused)
{
	char dir[] = "/tmp/vaccel-fifo.XXXXXX";
	ASSERT_NE(mkdtemp(dir), nullptr);
	std::string fifo = std::string(dir) + "/libplugin.so";
	ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
	/* Before the fix this blocks: bound it so the test fails instead. */
	alarm(20);
	EXPECT_EQ(vaccel_plugin_load(fifo.c_str()), VACCEL_ELIBBAD);
	alarm(0);
	EXPECT_LOG_HAS("plugin '" + fifo + "' is not a regular file");
	EXPECT_EQ(vaccel_plugin_load(dir), VACCEL_ELIBBAD);
	EXPECT_LOG_HAS(std::string("plugin '") + dir +
		       "' is not a regular file");
	unlink(fifo.c_str());
	rmdir(dir);
}

TEST_F(PluginHardeningTest, PathLongerThanPathMaxIsENAMETOOLONG)
{
	std::string path = "/tmp/";
	while (path.size() < PATH_MAX + 10)
		path += "abcdefgh/";
	path += "libplugin.so";
	EXPECT_EQ(vaccel_plugin_load(path.c_str()), VACCEL_ENAMETOOLONG);
	EXPECT_LOG_HAS("is longer than PATH_MAX");
	/* A name part longer than NAME_MAX too. */
	std::string part = "/tmp/" + std::string(NAME_MAX + 5, 'x') + ".so";
	EXPECT_EQ(vaccel_plugin_load(part.c_str()), VACCEL_ENAMETOOLONG);
}

static int app_noop(struct vaccel_session *sess)
{
	(void)sess;
	return VACCEL_OK;
}

/* Heap bytes in use: the sanitizer's count when one runs (its quarantine
 * hides frees from mallinfo), else malloc's. */
static size_t HeapInUse()
{
	if (__sanitizer_get_current_allocated_bytes)
		return __sanitizer_get_current_allocated_bytes();
	return mallinfo2().uordblks;
}

/* Each call replaces the application plugin; the replaced one must go
 * once no call uses it, not stay until cleanup. */
TEST_F(PluginHardeningTest, RegisterOpsDoesNotKeepReplacedPlugins)
{
	struct vaccel_op ops[] = {VACCEL_PLUGIN_OP(noop, app_noop)};
	struct vaccel_session s;

	ASSERT_EQ(vaccel_plugin_register_ops(ops, 1), VACCEL_OK);
	size_t before = HeapInUse();
	for (int i = 0; i < 20000; i++)
		ASSERT_EQ(vaccel_plugin_register_ops(ops, 1), VACCEL_OK);
	size_t after = HeapInUse();
	/* A kept plugin is over 200 bytes: 20,000 of them are over 4 MB. */
	EXPECT_LT(after, before + 64 * 1024)
	    << "heap grew by " << (after - before) << " bytes";
	EXPECT_EQ(vaccel_plugin_count(), 1u);
	ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
	EXPECT_EQ(vaccel_noop(&s), VACCEL_OK);
	EXPECT_EQ(vaccel_session_release(&s), VACCEL_OK);
}

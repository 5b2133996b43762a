#include "vaccel_test.h"

class PluginLoadTest : public VaccelTest
{
};

TEST_F(PluginLoadTest, LoadsNoop)
{
	EXPECT_EQ(vaccel_plugin_count(), 0u);
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	EXPECT_EQ(vaccel_plugin_count(), 1u);
	EXPECT_LOG_HAS("loaded plugin noop");
}

TEST_F(PluginLoadTest, MissingPathIsENOENT)
{
	EXPECT_EQ(vaccel_plugin_load("/nonexistent/libvaccel-nope.so"),
		  VACCEL_ENOENT);
	EXPECT_LOG_HAS(
	    "plugin '/nonexistent/libvaccel-nope.so' does not exist");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

TEST_F(PluginLoadTest, UnknownNameIsENOENT)
{
	EXPECT_EQ(vaccel_plugin_load("libvaccel-no-such-plugin.so"),
		  VACCEL_ENOENT);
	EXPECT_LOG_HAS("plugin 'libvaccel-no-such-plugin.so' not found");
}

TEST_F(PluginLoadTest, NotASharedObjectIsELIBBAD)
{
	char path[] = "/tmp/vaccel-not-elf.XXXXXX";
	int fd = mkstemp(path);
	ASSERT_GE(fd, 0);
	ASSERT_EQ(write(fd, "hello", 5), 5);
	close(fd);
	EXPECT_EQ(vaccel_plugin_load(path), VACCEL_ELIBBAD);
	EXPECT_LOG_HAS(std::string("cannot load plugin '") + path);
	unlink(path);
}

TEST_F(PluginLoadTest, SharedObjectWithoutDescriptorIsELIBBAD)
{
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("not-a-plugin")),
		  VACCEL_ELIBBAD);
	EXPECT_LOG_HAS("is not a vaccel plugin: it exports no "
		       "'vaccel_plugin_descriptor'");
}

TEST_F(PluginLoadTest, AbiMismatchIsELIBBAD)
{
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("bad-abi")), VACCEL_ELIBBAD);
	EXPECT_LOG_HAS("was built for plugin ABI 99; this runtime provides "
		       "ABI 1");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

TEST_F(PluginLoadTest, VersionMismatchIsELIBBADUnlessIgnored)
{
	struct vaccel_config config;

	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("bad-version")),
		  VACCEL_ELIBBAD);
	EXPECT_LOG_HAS(
	    "was built against vaccel 9.9.0; this runtime is " VACCEL_VERSION);

	ASSERT_EQ(vaccel_config_init(&config, nullptr, VACCEL_LOG_DEBUG,
				     log_path.c_str(), false, true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_bootstrap_with_config(&config), VACCEL_OK);
	vaccel_config_release(&config);
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("bad-version")), VACCEL_OK);
}

TEST_F(PluginLoadTest, InitFailureIsReturned)
{
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("init-fails")), VACCEL_ENODEV);
	EXPECT_LOG_HAS("[init_fails] no device found");
	EXPECT_LOG_HAS("plugin 'init_fails' failed to initialise: "
		       "VACCEL_ENODEV");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

/* A plugin of a newer runtime names an op this one lacks: that op is
 * skipped with a warning, the plugin loads and serves its other ops. */
TEST_F(PluginLoadTest, UnknownOpIdIsSkippedWithAWarning)
{
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("future-op")), VACCEL_OK);
	EXPECT_LOG_HAS("WARN");
	EXPECT_LOG_HAS("plugin 'future_op' lists op id " +
		       std::to_string(VACCEL_OP_MAX + 5) +
		       ", which this runtime does not know (op ids go up "
		       "to " +
		       std::to_string(VACCEL_OP_MAX - 1) +
		       "); skipping that op");
	EXPECT_EQ(vaccel_plugin_count(), 1u);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_OK);
	EXPECT_LOG_HAS("[future_op] noop from future_op");
	vaccel_session_release(&sess);
}

/* Built against vaccel 0.0 with the ABI 1.0 descriptor (shorter than this
 * runtime's) and host table: loads, and gets a host table at least as long
 * as the one it knows. */
TEST_F(PluginLoadTest, OlderMinorWithShorterTablesLoads)
{
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("old-minor")), VACCEL_OK);
	EXPECT_LOG_HAS("[old_minor] old_minor ready: host table of " +
		       std::to_string(sizeof(struct vaccel_host_api)) +
		       " bytes");
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_OK);
	EXPECT_LOG_HAS("[old_minor] noop from old_minor");
	/* resource_unregister lies past its descriptor: never read. */
	RegisteredResource r(&sess, VACCEL_RESOURCE_DATA);
	EXPECT_EQ(vaccel_resource_unregister(&r.res, &sess), VACCEL_OK);
	vaccel_session_release(&sess);
}

TEST_F(PluginLoadTest, NewerMinorIsELIBBAD)
{
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("new-minor")), VACCEL_ELIBBAD);
	EXPECT_LOG_HAS(
	    "plugin 'new_minor' (tests/plugins/libtest-new-minor.so) "
	    "was built against vaccel 0.99.0; this runtime is " VACCEL_VERSION
	    " and loads plugins of 0.0 to 0.1");
}

TEST_F(PluginLoadTest, DuplicateNameIsEEXIST)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	EXPECT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_EEXIST);
	EXPECT_LOG_HAS("a plugin named 'noop' is already loaded");
	EXPECT_EQ(vaccel_plugin_count(), 1u);
}

TEST_F(PluginLoadTest, EmptyAndNullNamesAreEINVAL)
{
	EXPECT_EQ(vaccel_plugin_load(""), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_plugin_load(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_plugin_parse_and_load(nullptr), VACCEL_EINVAL);
}

TEST_F(PluginLoadTest, ParseAndLoadList)
{
	ASSERT_EQ(
	    vaccel_plugin_parse_and_load(NOOP_PLUGIN ":" TEST_PLUGIN("typed")),
	    VACCEL_OK);
	EXPECT_EQ(vaccel_plugin_count(), 2u);
}

TEST_F(PluginLoadTest, ParseAndLoadStopsAtTheBadEntry)
{
	EXPECT_EQ(
	    vaccel_plugin_parse_and_load(NOOP_PLUGIN ":/nonexistent/x.so"),
	    VACCEL_ENOENT);
	EXPECT_LOG_HAS("plugin '/nonexistent/x.so' does not exist");
}

TEST_F(PluginLoadTest, BootstrapWithBadPluginFailsCleanly)
{
	struct vaccel_config config;

	vaccel_cleanup();
	ASSERT_EQ(vaccel_config_init(
		      &config, NOOP_PLUGIN ":/nonexistent/libx.so",
		      VACCEL_LOG_DEBUG, log_path.c_str(), false, false),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_bootstrap_with_config(&config), VACCEL_ENOENT);
	vaccel_config_release(&config);
	EXPECT_FALSE(vaccel_is_initialized());
	/* All or nothing: the good plugin was unloaded again. */
	EXPECT_EQ(vaccel_plugin_count(), 0u);
	EXPECT_LOG_HAS("bootstrap failed: VACCEL_ENOENT");

	/* Until a bootstrap succeeds, calls report the recorded error. */
	struct vaccel_session s;
	EXPECT_EQ(vaccel_session_init(&s, 0), VACCEL_ENOENT);
	EXPECT_LOG_HAS("the last bootstrap failed with VACCEL_ENOENT");
	Bootstrap(VACCEL_LOG_DEBUG, false, NOOP_PLUGIN);
	ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
	EXPECT_EQ(vaccel_noop(&s), VACCEL_OK);
	EXPECT_EQ(vaccel_session_release(&s), VACCEL_OK);
}

TEST_F(PluginLoadTest, CleanupUnloadsPlugins)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	vaccel_cleanup();
	EXPECT_EQ(vaccel_plugin_count(), 0u);
	EXPECT_FALSE(vaccel_is_initialized());
}

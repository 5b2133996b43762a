#include "vaccel_test.h"

#include <cerrno>
#include <cstring>
#include <map>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace
{

const char *const kEnvNames[] = {
    "VACCEL_PLUGINS",		"VACCEL_LOG_LEVEL",	 "VACCEL_LOG_FILE",
    "VACCEL_PROFILING_ENABLED", "VACCEL_VERSION_IGNORE", "VACCEL_RUNDIR",
};

bool IsDir(const std::string &path)
{
	struct stat st;
	return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool Exists(const std::string &path)
{
	struct stat st;
	return stat(path.c_str(), &st) == 0;
}

std::string MakeTempDir()
{
	char tmpl[] = "/tmp/vaccel-config-test.XXXXXX";
	const char *dir = mkdtemp(tmpl);
	return dir ? dir : "";
}

} // namespace

/* Saves the VACCEL_* variables, clears them for the test, and restores
 * them afterwards. */
class ConfigTest : public VaccelTest
{
      protected:
	std::map<std::string, std::string> saved_env;

	void SetUp() override
	{
		for (const char *name : kEnvNames) {
			const char *v = getenv(name);
			if (v)
				saved_env[name] = v;
			unsetenv(name);
		}
		VaccelTest::SetUp();
	}

	void TearDown() override
	{
		VaccelTest::TearDown();
		for (const char *name : kEnvNames) {
			auto it = saved_env.find(name);
			if (it != saved_env.end())
				setenv(name, it->second.c_str(), 1);
			else
				unsetenv(name);
		}
	}
};

TEST_F(ConfigTest, InitCopiesStrings)
{
	char plugins[] = "a.so:b.so";
	char log_file[] = "/tmp/some.log";
	struct vaccel_config c;

	ASSERT_EQ(vaccel_config_init(&c, plugins, VACCEL_LOG_INFO, log_file,
				     true, true),
		  VACCEL_OK);
	ASSERT_NE(c.plugins, nullptr);
	ASSERT_NE(c.log_file, nullptr);
	EXPECT_NE(c.plugins, plugins);
	EXPECT_NE(c.log_file, log_file);
	EXPECT_STREQ(c.plugins, "a.so:b.so");
	EXPECT_STREQ(c.log_file, "/tmp/some.log");
	EXPECT_EQ(c.log_level, VACCEL_LOG_INFO);
	EXPECT_TRUE(c.profiling_enabled);
	EXPECT_TRUE(c.version_ignore);

	/* Changing the sources leaves the config alone. */
	plugins[0] = 'X';
	log_file[1] = 'X';
	EXPECT_STREQ(c.plugins, "a.so:b.so");
	EXPECT_STREQ(c.log_file, "/tmp/some.log");
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
}

TEST_F(ConfigTest, InitWithNullStrings)
{
	struct vaccel_config c;

	ASSERT_EQ(vaccel_config_init(&c, nullptr, VACCEL_LOG_ERROR, nullptr,
				     false, false),
		  VACCEL_OK);
	EXPECT_EQ(c.plugins, nullptr);
	EXPECT_EQ(c.log_file, nullptr);
	EXPECT_EQ(c.log_level, VACCEL_LOG_ERROR);
	EXPECT_FALSE(c.profiling_enabled);
	EXPECT_FALSE(c.version_ignore);
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
}

/* As in vAccel, release leaves the defaults (log level ERROR), not zeros. */
TEST_F(ConfigTest, ReleaseRestoresDefaults)
{
	struct vaccel_config c;

	ASSERT_EQ(vaccel_config_init(&c, "p.so", VACCEL_LOG_DEBUG, "/tmp/l",
				     true, true),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
	EXPECT_EQ(c.plugins, nullptr);
	EXPECT_EQ(c.log_level, VACCEL_LOG_ERROR);
	EXPECT_EQ(c.log_file, nullptr);
	EXPECT_FALSE(c.profiling_enabled);
	EXPECT_FALSE(c.version_ignore);
	/* Releasing a released config is harmless. */
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
	EXPECT_EQ(c.plugins, nullptr);
	EXPECT_EQ(c.log_level, VACCEL_LOG_ERROR);
}

TEST_F(ConfigTest, NullPointerArguments)
{
	struct vaccel_config c, *p = nullptr;

	ASSERT_EQ(
	    vaccel_config_init(&c, "x", VACCEL_LOG_INFO, nullptr, false, false),
	    VACCEL_OK);
	EXPECT_EQ(vaccel_config_init(nullptr, "x", VACCEL_LOG_INFO, nullptr,
				     false, false),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_config_init_from_env(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_config_init_from(nullptr, &c), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_config_release(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_config_new(nullptr, "x", VACCEL_LOG_INFO, nullptr,
				    false, false),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_config_from_env(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_config_from(nullptr, &c), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_config_from(&p, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(p, nullptr);
	EXPECT_EQ(vaccel_config_delete(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);

	struct vaccel_config dst;
	EXPECT_EQ(vaccel_config_init_from(&dst, nullptr), VACCEL_EINVAL);
}

TEST_F(ConfigTest, BadLogLevelIsRejectedAndLogged)
{
	struct vaccel_config c, *p = nullptr;

	ClearLog();
	EXPECT_EQ(vaccel_config_init(&c, nullptr, (vaccel_log_level_t)0,
				     nullptr, false, false),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("log level 0 is not 1..4");
	EXPECT_EQ(vaccel_config_init(&c, nullptr, (vaccel_log_level_t)5,
				     nullptr, false, false),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("log level 5 is not 1..4");
	EXPECT_EQ(vaccel_config_new(&p, "x", (vaccel_log_level_t)5, nullptr,
				    false, false),
		  VACCEL_EINVAL);
	EXPECT_EQ(p, nullptr);

	/* The bounds themselves are fine. */
	for (int l = VACCEL_LOG_ERROR; l <= VACCEL_LOG_DEBUG; l++) {
		ASSERT_EQ(vaccel_config_init(&c, nullptr, (vaccel_log_level_t)l,
					     nullptr, false, false),
			  VACCEL_OK);
		EXPECT_EQ(c.log_level, l);
		EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
	}
}

TEST_F(ConfigTest, NewAndDelete)
{
	struct vaccel_config *p = nullptr;
	std::string plugins = "n.so";

	ASSERT_EQ(vaccel_config_new(&p, plugins.c_str(), VACCEL_LOG_WARN,
				    "/tmp/n.log", true, false),
		  VACCEL_OK);
	ASSERT_NE(p, nullptr);
	EXPECT_NE(p->plugins, plugins.c_str());
	EXPECT_STREQ(p->plugins, "n.so");
	EXPECT_STREQ(p->log_file, "/tmp/n.log");
	EXPECT_EQ(p->log_level, VACCEL_LOG_WARN);
	EXPECT_TRUE(p->profiling_enabled);
	EXPECT_FALSE(p->version_ignore);
	EXPECT_EQ(vaccel_config_delete(p), VACCEL_OK);
}

TEST_F(ConfigTest, FromCopiesWithoutAliasing)
{
	struct vaccel_config *src = nullptr, *copy = nullptr;

	ASSERT_EQ(vaccel_config_new(&src, "s.so", VACCEL_LOG_INFO, "/tmp/s.log",
				    false, true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_config_from(&copy, src), VACCEL_OK);
	ASSERT_NE(copy, nullptr);
	EXPECT_NE(copy, src);
	EXPECT_NE(copy->plugins, src->plugins);
	EXPECT_NE(copy->log_file, src->log_file);
	EXPECT_STREQ(copy->plugins, "s.so");
	EXPECT_STREQ(copy->log_file, "/tmp/s.log");
	EXPECT_EQ(copy->log_level, VACCEL_LOG_INFO);
	EXPECT_FALSE(copy->profiling_enabled);
	EXPECT_TRUE(copy->version_ignore);

	/* The copy outlives its source (ASan catches a shared string). */
	EXPECT_EQ(vaccel_config_delete(src), VACCEL_OK);
	EXPECT_STREQ(copy->plugins, "s.so");
	EXPECT_STREQ(copy->log_file, "/tmp/s.log");
	EXPECT_EQ(vaccel_config_delete(copy), VACCEL_OK);
}

TEST_F(ConfigTest, InitFromCopiesWithoutAliasing)
{
	struct vaccel_config src, dst;

	ASSERT_EQ(vaccel_config_init(&src, "i.so", VACCEL_LOG_DEBUG, nullptr,
				     true, false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_config_init_from(&dst, &src), VACCEL_OK);
	EXPECT_NE(dst.plugins, src.plugins);
	EXPECT_STREQ(dst.plugins, "i.so");
	EXPECT_EQ(dst.log_file, nullptr);
	EXPECT_EQ(dst.log_level, VACCEL_LOG_DEBUG);
	EXPECT_TRUE(dst.profiling_enabled);
	EXPECT_FALSE(dst.version_ignore);
	EXPECT_EQ(vaccel_config_release(&src), VACCEL_OK);
	EXPECT_STREQ(dst.plugins, "i.so");
	EXPECT_EQ(vaccel_config_release(&dst), VACCEL_OK);
}

TEST_F(ConfigTest, PrintDebugWritesTheValues)
{
	struct vaccel_config c;

	ASSERT_EQ(vaccel_config_init(&c, "dbg.so", VACCEL_LOG_WARN, nullptr,
				     true, false),
		  VACCEL_OK);
	ClearLog();
	vaccel_config_print_debug(&c);
	EXPECT_LOG_HAS("plugins=dbg.so");
	EXPECT_LOG_HAS("log_level=VACCEL_LOG_WARN");
	EXPECT_LOG_HAS("log_file=(stderr)");
	EXPECT_LOG_HAS("profiling=1");
	EXPECT_LOG_HAS("version_ignore=0");
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
}

TEST_F(ConfigTest, FromEnvDefaults)
{
	struct vaccel_config c;

	ASSERT_EQ(vaccel_config_init_from_env(&c), VACCEL_OK);
	EXPECT_EQ(c.plugins, nullptr);
	EXPECT_EQ(c.log_file, nullptr);
	EXPECT_EQ(c.log_level, VACCEL_LOG_ERROR);
	EXPECT_FALSE(c.profiling_enabled);
	EXPECT_FALSE(c.version_ignore);
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
}

TEST_F(ConfigTest, FromEnvReadsEveryVariable)
{
	struct vaccel_config c, *p = nullptr;

	setenv("VACCEL_PLUGINS", "one.so:two.so", 1);
	setenv("VACCEL_LOG_LEVEL", "3", 1);
	setenv("VACCEL_LOG_FILE", "/tmp/env.log", 1);
	setenv("VACCEL_PROFILING_ENABLED", "1", 1);
	setenv("VACCEL_VERSION_IGNORE", "yes", 1);

	ASSERT_EQ(vaccel_config_init_from_env(&c), VACCEL_OK);
	EXPECT_STREQ(c.plugins, "one.so:two.so");
	EXPECT_NE(c.plugins, getenv("VACCEL_PLUGINS"));
	EXPECT_STREQ(c.log_file, "/tmp/env.log");
	EXPECT_NE(c.log_file, getenv("VACCEL_LOG_FILE"));
	EXPECT_EQ(c.log_level, VACCEL_LOG_INFO);
	EXPECT_TRUE(c.profiling_enabled);
	EXPECT_TRUE(c.version_ignore);
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);

	ASSERT_EQ(vaccel_config_from_env(&p), VACCEL_OK);
	ASSERT_NE(p, nullptr);
	EXPECT_STREQ(p->plugins, "one.so:two.so");
	EXPECT_STREQ(p->log_file, "/tmp/env.log");
	EXPECT_EQ(p->log_level, VACCEL_LOG_INFO);
	EXPECT_TRUE(p->profiling_enabled);
	EXPECT_TRUE(p->version_ignore);
	EXPECT_EQ(vaccel_config_delete(p), VACCEL_OK);
}

TEST_F(ConfigTest, FromEnvLogLevelNumbersAndNames)
{
	const std::vector<std::pair<const char *, vaccel_log_level_t>> cases = {
	    {"1", VACCEL_LOG_ERROR},
	    {"2", VACCEL_LOG_WARN},
	    {"3", VACCEL_LOG_INFO},
	    {"4", VACCEL_LOG_DEBUG},
	    {"error", VACCEL_LOG_ERROR},
	    {"warn", VACCEL_LOG_WARN},
	    {"info", VACCEL_LOG_INFO},
	    {"debug", VACCEL_LOG_DEBUG},
	    {"DEBUG", VACCEL_LOG_DEBUG},
	    {"Warn", VACCEL_LOG_WARN},
	    {"VACCEL_LOG_INFO", VACCEL_LOG_INFO},
	    {"", VACCEL_LOG_ERROR},
	};

	for (const auto &tc : cases) {
		struct vaccel_config c;

		setenv("VACCEL_LOG_LEVEL", tc.first, 1);
		ASSERT_EQ(vaccel_config_init_from_env(&c), VACCEL_OK)
		    << "VACCEL_LOG_LEVEL=" << tc.first;
		EXPECT_EQ(c.log_level, tc.second)
		    << "VACCEL_LOG_LEVEL=" << tc.first;
		EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
	}
}

TEST_F(ConfigTest, FromEnvBooleans)
{
	const std::vector<std::pair<const char *, bool>> cases = {
	    {"1", true},   {"0", false},   {"true", true}, {"false", false},
	    {"yes", true}, {"no", false},  {"TRUE", true}, {"No", false},
	    {"on", true},  {"off", false},
	};

	for (const char *var :
	     {"VACCEL_PROFILING_ENABLED", "VACCEL_VERSION_IGNORE"}) {
		for (const auto &tc : cases) {
			struct vaccel_config c;

			setenv(var, tc.first, 1);
			ASSERT_EQ(vaccel_config_init_from_env(&c), VACCEL_OK)
			    << var << "=" << tc.first;
			bool got = strcmp(var, "VACCEL_PROFILING_ENABLED") == 0
				       ? c.profiling_enabled
				       : c.version_ignore;
			EXPECT_EQ(got, tc.second) << var << "=" << tc.first;
			EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
		}
		unsetenv(var);
	}
}

TEST_F(ConfigTest, FromEnvBadValuesAreRejectedAndLogged)
{
	const std::vector<std::pair<const char *, const char *>> cases = {
	    {"VACCEL_LOG_LEVEL", "abc"},
	    {"VACCEL_LOG_LEVEL", "7"},
	    {"VACCEL_LOG_LEVEL", "0"},
	    {"VACCEL_LOG_LEVEL", "3x"},
	    {"VACCEL_PROFILING_ENABLED", "maybe"},
	    {"VACCEL_VERSION_IGNORE", "2"},
	};

	for (const auto &tc : cases) {
		struct vaccel_config c;
		struct vaccel_config *p = nullptr;
		std::string expected =
		    std::string(tc.first) + "='" + tc.second + "'";

		setenv(tc.first, tc.second, 1);
		ClearLog();
		EXPECT_EQ(vaccel_config_init_from_env(&c), VACCEL_EINVAL)
		    << expected;
		EXPECT_LOG_HAS(expected);
		EXPECT_EQ(vaccel_config_from_env(&p), VACCEL_EINVAL)
		    << expected;
		EXPECT_EQ(p, nullptr);
		unsetenv(tc.first);
	}
}

TEST_F(ConfigTest, BootstrapWithBadEnvFailsAndStopsRuntime)
{
	ASSERT_TRUE(vaccel_is_initialized());
	setenv("VACCEL_LOG_LEVEL", "abc", 1);
	ClearLog();

	EXPECT_EQ(vaccel_bootstrap(), VACCEL_EINVAL);
	EXPECT_FALSE(vaccel_is_initialized());
	EXPECT_EQ(vaccel_config(), nullptr);
	EXPECT_EQ(vaccel_rundir(), nullptr);
	EXPECT_LOG_HAS("VACCEL_LOG_LEVEL='abc'");
	EXPECT_LOG_HAS("bootstrap failed");
}

TEST_F(ConfigTest, BootstrapWithBadEnvAfterCleanup)
{
	ASSERT_EQ(vaccel_cleanup(), VACCEL_OK);
	ASSERT_FALSE(vaccel_is_initialized());
	setenv("VACCEL_PROFILING_ENABLED", "maybe", 1);

	EXPECT_EQ(vaccel_bootstrap(), VACCEL_EINVAL);
	EXPECT_FALSE(vaccel_is_initialized());
	EXPECT_EQ(vaccel_config(), nullptr);

	/* Fixing the environment lets the next bootstrap succeed. */
	unsetenv("VACCEL_PROFILING_ENABLED");
	setenv("VACCEL_LOG_FILE", log_path.c_str(), 1);
	setenv("VACCEL_LOG_LEVEL", "debug", 1);
	EXPECT_EQ(vaccel_bootstrap(), VACCEL_OK);
	EXPECT_TRUE(vaccel_is_initialized());
	ASSERT_NE(vaccel_config(), nullptr);
	EXPECT_EQ(vaccel_config()->log_level, VACCEL_LOG_DEBUG);
	EXPECT_STREQ(vaccel_config()->log_file, log_path.c_str());
}

TEST_F(ConfigTest, BootstrapFromEnvAppliesTheConfig)
{
	setenv("VACCEL_LOG_FILE", log_path.c_str(), 1);
	setenv("VACCEL_LOG_LEVEL", "info", 1);
	setenv("VACCEL_PROFILING_ENABLED", "true", 1);

	ASSERT_EQ(vaccel_bootstrap(), VACCEL_OK);
	ASSERT_TRUE(vaccel_is_initialized());
	const struct vaccel_config *active = vaccel_config();
	ASSERT_NE(active, nullptr);
	EXPECT_EQ(active->log_level, VACCEL_LOG_INFO);
	EXPECT_STREQ(active->log_file, log_path.c_str());
	EXPECT_EQ(active->plugins, nullptr);
	EXPECT_TRUE(active->profiling_enabled);
	EXPECT_EQ(vaccel_log_level(), VACCEL_LOG_INFO);
	EXPECT_TRUE(vaccel_prof_enabled());
}

TEST_F(ConfigTest, BootstrapWithNullConfig)
{
	ClearLog();
	EXPECT_EQ(vaccel_bootstrap_with_config(nullptr), VACCEL_EINVAL);
	EXPECT_LOG_HAS("config is NULL");
	/* A rejected argument leaves the running runtime alone. */
	EXPECT_TRUE(vaccel_is_initialized());
	EXPECT_NE(vaccel_config(), nullptr);
}

TEST_F(ConfigTest, ActiveConfigIsACopy)
{
	struct vaccel_config c;

	ASSERT_EQ(vaccel_config_init(&c, NOOP_PLUGIN, VACCEL_LOG_DEBUG,
				     log_path.c_str(), true, false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_bootstrap_with_config(&c), VACCEL_OK);

	const struct vaccel_config *active = vaccel_config();
	ASSERT_NE(active, nullptr);
	EXPECT_NE(active, &c);
	EXPECT_NE(active->plugins, c.plugins);
	EXPECT_NE(active->log_file, c.log_file);
	EXPECT_STREQ(active->plugins, NOOP_PLUGIN);
	EXPECT_STREQ(active->log_file, log_path.c_str());
	EXPECT_EQ(active->log_level, VACCEL_LOG_DEBUG);
	EXPECT_TRUE(active->profiling_enabled);
	EXPECT_FALSE(active->version_ignore);

	/* The caller's config may go away while the runtime runs. */
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
	EXPECT_STREQ(vaccel_config()->plugins, NOOP_PLUGIN);
	EXPECT_STREQ(vaccel_config()->log_file, log_path.c_str());

	EXPECT_EQ(vaccel_cleanup(), VACCEL_OK);
	EXPECT_FALSE(vaccel_is_initialized());
	EXPECT_EQ(vaccel_config(), nullptr);
}

TEST_F(ConfigTest, RundirExistsUntilCleanup)
{
	const char *dir = vaccel_rundir();
	ASSERT_NE(dir, nullptr);
	std::string path = dir;

	EXPECT_TRUE(IsDir(path)) << path;
	EXPECT_EQ(vaccel_cleanup(), VACCEL_OK);
	EXPECT_FALSE(Exists(path)) << path << " survived vaccel_cleanup()";
	EXPECT_EQ(vaccel_rundir(), nullptr);
}

TEST_F(ConfigTest, RebootstrapReplacesRundir)
{
	ASSERT_NE(vaccel_rundir(), nullptr);
	std::string first = vaccel_rundir();

	Bootstrap(VACCEL_LOG_DEBUG, false);
	ASSERT_NE(vaccel_rundir(), nullptr);
	std::string second = vaccel_rundir();
	EXPECT_NE(first, second);
	EXPECT_FALSE(Exists(first)) << first;
	EXPECT_TRUE(IsDir(second)) << second;
}

TEST_F(ConfigTest, RundirUnderVaccelRundir)
{
	std::string base = MakeTempDir();
	ASSERT_FALSE(base.empty());
	std::string nested = base + "/a/b";

	setenv("VACCEL_RUNDIR", nested.c_str(), 1);
	Bootstrap(VACCEL_LOG_DEBUG, false);
	ASSERT_NE(vaccel_rundir(), nullptr);
	std::string dir = vaccel_rundir();
	EXPECT_EQ(dir.rfind(nested + "/", 0), 0u)
	    << dir << " is not under " << nested;
	EXPECT_TRUE(IsDir(dir)) << dir;

	EXPECT_EQ(vaccel_cleanup(), VACCEL_OK);
	EXPECT_FALSE(Exists(dir)) << dir;
	/* The base directory itself belongs to the user. */
	EXPECT_TRUE(IsDir(nested));

	rmdir(nested.c_str());
	rmdir((base + "/a").c_str());
	rmdir(base.c_str());
}

TEST_F(ConfigTest, RundirUnderRegularFileFails)
{
	char tmpl[] = "/tmp/vaccel-config-file.XXXXXX";
	int fd = mkstemp(tmpl);
	ASSERT_GE(fd, 0);
	close(fd);
	const std::string file = tmpl;

	for (const std::string &rundir : {file + "/sub", file}) {
		struct vaccel_config c;

		setenv("VACCEL_RUNDIR", rundir.c_str(), 1);
		ClearLog();
		ASSERT_EQ(vaccel_config_init(&c, nullptr, VACCEL_LOG_DEBUG,
					     log_path.c_str(), false, false),
			  VACCEL_OK);
		int ret = vaccel_bootstrap_with_config(&c);
		EXPECT_EQ(ret, VACCEL_ENOTDIR) << rundir;
		EXPECT_FALSE(vaccel_is_initialized());
		EXPECT_EQ(vaccel_rundir(), nullptr);
		EXPECT_EQ(vaccel_config(), nullptr);
		EXPECT_LOG_HAS("VACCEL_RUNDIR='" + rundir + "' is not usable");
		EXPECT_LOG_HAS("bootstrap failed");
		EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);
	}
	unlink(file.c_str());
}

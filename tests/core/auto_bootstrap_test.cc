/* Automatic bootstrap and cleanup at library load and unload. Each case
 * runs in a child process that sets the environment, dlopens libvaccel.so
 * and reports through its exit status, so one case's state cannot leak
 * into another. */

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern "C" {
#include <vaccel.h>
}

/* The test runs in the runfiles root, where the library lies. */
static const char *kLib = "./libvaccel.so";

template <typename F> static F sym(void *dl, const char *name)
{
	return reinterpret_cast<F>(dlsym(dl, name));
}

/* Runs `body` in a child; returns its exit status (or 100 + signal). */
template <typename Body> static int in_child(Body body)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(body());
	int status = 0;
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		return 100 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static std::string read_file(const std::string &path)
{
	std::ifstream in(path);
	std::stringstream ss;
	ss << in.rdbuf();
	return ss.str();
}

class AutoBootstrapTest : public ::testing::Test
{
      protected:
	std::string dir, log;

	void SetUp() override
	{
		char tmpl[] = "/tmp/vaccel-auto.XXXXXX";
		ASSERT_NE(mkdtemp(tmpl), nullptr);
		dir = tmpl;
		log = dir + "/log";
	}

	void TearDown() override
	{
		std::string cmd = "rm -rf '" + dir + "'";
		ASSERT_EQ(system(cmd.c_str()), 0);
	}
};

TEST_F(AutoBootstrapTest, BadPluginsLeaveProcessRunningAndNextCallFails)
{
	std::string lg = log;
	int rc = in_child([&] {
		setenv("VACCEL_PLUGINS", "/nonexistent/libvaccel-gone.so", 1);
		setenv("VACCEL_LOG_FILE", lg.c_str(), 1);
		void *dl = dlopen(kLib, RTLD_NOW | RTLD_LOCAL);
		if (!dl)
			return 2;
		auto is_init = sym<bool (*)(void)>(dl, "vaccel_is_initialized");
		auto sess_init =
		    sym<int (*)(struct vaccel_session *, uint32_t)>(
			dl, "vaccel_session_init");
		auto sess_release = sym<int (*)(struct vaccel_session *)>(
		    dl, "vaccel_session_release");
		auto boot = sym<int (*)(void)>(dl, "vaccel_bootstrap");
		auto noop =
		    sym<int (*)(struct vaccel_session *)>(dl, "vaccel_noop");
		if (is_init())
			return 3;
		struct vaccel_session s;
		if (sess_init(&s, 0) != VACCEL_ENOENT)
			return 4;
		/* Fix the configuration; an explicit bootstrap recovers. */
		setenv("VACCEL_PLUGINS", "c/plugins/noop/libvaccel-noop.so", 1);
		if (boot() != VACCEL_OK || !is_init())
			return 5;
		if (sess_init(&s, 0) != VACCEL_OK || noop(&s) != VACCEL_OK)
			return 6;
		sess_release(&s);
		dlclose(dl);
		return 0;
	});
	EXPECT_EQ(rc, 0);
	std::string text = read_file(log);
	EXPECT_NE(text.find("plugin '/nonexistent/libvaccel-gone.so' does "
			    "not exist"),
		  std::string::npos)
	    << text;
	EXPECT_NE(text.find("bootstrap failed: VACCEL_ENOENT"),
		  std::string::npos)
	    << text;
	EXPECT_NE(text.find("the last bootstrap failed with VACCEL_ENOENT"),
		  std::string::npos)
	    << text;
}

TEST_F(AutoBootstrapTest, BootstrapAtLoadLoadsPlugins)
{
	int rc = in_child([&] {
		setenv("VACCEL_PLUGINS", "c/plugins/noop/libvaccel-noop.so", 1);
		void *dl = dlopen(kLib, RTLD_NOW | RTLD_LOCAL);
		if (!dl)
			return 2;
		auto is_init = sym<bool (*)(void)>(dl, "vaccel_is_initialized");
		auto count = sym<size_t (*)(void)>(dl, "vaccel_plugin_count");
		return is_init() && count() == 1 ? 0 : 3;
	});
	EXPECT_EQ(rc, 0);
}

TEST_F(AutoBootstrapTest, DisabledBootstrapStaysDown)
{
	int rc = in_child([&] {
		setenv("VACCEL_BOOTSTRAP_ENABLED", "0", 1);
		setenv("VACCEL_PLUGINS", "/nonexistent/x.so", 1);
		void *dl = dlopen(kLib, RTLD_NOW | RTLD_LOCAL);
		if (!dl)
			return 2;
		auto is_init = sym<bool (*)(void)>(dl, "vaccel_is_initialized");
		return is_init() ? 3 : 0;
	});
	EXPECT_EQ(rc, 0);
}

/* Unload removes the runtime directory unless VACCEL_CLEANUP_ENABLED=0. */
static int unload_and_check_rundir(const std::string &base, bool cleanup)
{
	setenv("VACCEL_RUNDIR", base.c_str(), 1);
	if (!cleanup)
		setenv("VACCEL_CLEANUP_ENABLED", "0", 1);
	void *dl = dlopen(kLib, RTLD_NOW | RTLD_LOCAL);
	if (!dl)
		return 2;
	auto rundir = sym<const char *(*)(void)>(dl, "vaccel_rundir");
	const char *r = rundir();
	if (!r || r[0] == '\0')
		return 3;
	std::string path = r;
	if (path.rfind(base, 0) != 0)
		return 4;
	struct stat st;
	if (stat(path.c_str(), &st) != 0)
		return 5;
	dlclose(dl);
	bool exists = stat(path.c_str(), &st) == 0;
	return exists == !cleanup ? 0 : 6;
}

TEST_F(AutoBootstrapTest, CleanupAtUnloadRemovesRundir)
{
	std::string base = dir + "/run";
	EXPECT_EQ(in_child([&] { return unload_and_check_rundir(base, true); }),
		  0);
}

TEST_F(AutoBootstrapTest, DisabledCleanupKeepsRundir)
{
	std::string base = dir + "/run";
	EXPECT_EQ(
	    in_child([&] { return unload_and_check_rundir(base, false); }), 0);
}

#include "vaccel_test.h"

#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace
{

/* The log line that contains `marker`, or "" when none does. */
std::string LineWith(const std::string &text, const std::string &marker)
{
	for (const std::string &line : Lines(text))
		if (line.find(marker) != std::string::npos)
			return line;
	return "";
}

bool EndsWith(const std::string &s, const std::string &suffix)
{
	return s.size() >= suffix.size() &&
	       s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

class LogTest : public VaccelTest
{
      protected:
	/* Restarts the runtime logging at `level` to the private file. */
	void RestartAt(vaccel_log_level_t level)
	{
		ASSERT_EQ(vaccel_cleanup(), VACCEL_OK);
		Bootstrap(level, false);
		ClearLog();
	}
};

TEST_F(LogTest, WarnLevelFiltersInfoAndDebug)
{
	RestartAt(VACCEL_LOG_WARN);
	EXPECT_EQ(vaccel_log_level(), VACCEL_LOG_WARN);

	vaccel_error("marker-error %d", 1);
	vaccel_warn("marker-warn %s", "two");
	vaccel_info("marker-info");
	vaccel_debug("marker-debug");

	std::string log = Log();
	std::string err = LineWith(log, "marker-error 1");
	std::string warn = LineWith(log, "marker-warn two");
	ASSERT_FALSE(err.empty()) << log;
	ASSERT_FALSE(warn.empty()) << log;
	EXPECT_NE(err.find("ERROR"), std::string::npos) << err;
	EXPECT_NE(warn.find("WARN"), std::string::npos) << warn;
	EXPECT_TRUE(EndsWith(err, "marker-error 1")) << err;
	EXPECT_EQ(log.find("marker-info"), std::string::npos) << log;
	EXPECT_EQ(log.find("marker-debug"), std::string::npos) << log;
	EXPECT_EQ(Lines(log).size(), 2u) << log;
}

TEST_F(LogTest, EachLevelShowsItselfAndBelow)
{
	const vaccel_log_level_t levels[] = {VACCEL_LOG_ERROR, VACCEL_LOG_WARN,
					     VACCEL_LOG_INFO, VACCEL_LOG_DEBUG};
	const char *const names[] = {"ERROR", "WARN", "INFO", "DEBUG"};

	for (vaccel_log_level_t configured : levels) {
		RestartAt(configured);
		ASSERT_EQ(vaccel_log_level(), configured);
		for (vaccel_log_level_t l : levels)
			vaccel_log(l, "lvl-%d-msg", (int)l);

		std::string log = Log();
		for (vaccel_log_level_t l : levels) {
			std::string line =
			    LineWith(log, "lvl-" + std::to_string(l) + "-msg");
			if (l <= configured) {
				EXPECT_FALSE(line.empty())
				    << "level " << l << " missing at "
				    << configured << ":\n"
				    << log;
				EXPECT_NE(line.find(names[l - 1]),
					  std::string::npos)
				    << line;
			} else {
				EXPECT_TRUE(line.empty())
				    << "level " << l << " shown at "
				    << configured << ": " << line;
			}
		}
		EXPECT_EQ(Lines(log).size(), (size_t)configured) << log;
	}
}

TEST_F(LogTest, LineCarriesPidLevelAndMessage)
{
	ClearLog();
	vaccel_info("formatted %d/%s/%.1f", 42, "abc", 1.5);

	std::string line = LineWith(Log(), "formatted 42/abc/1.5");
	ASSERT_FALSE(line.empty()) << Log();
	std::string pid = "vaccel[" + std::to_string(getpid()) + "]";
	EXPECT_NE(line.find(pid), std::string::npos) << line;
	EXPECT_NE(line.find("INFO"), std::string::npos) << line;
	EXPECT_TRUE(EndsWith(line, "formatted 42/abc/1.5")) << line;
	/* HH:MM:SS.mmm stamp first. */
	ASSERT_GE(line.size(), 12u);
	EXPECT_EQ(line[2], ':') << line;
	EXPECT_EQ(line[5], ':') << line;
	EXPECT_EQ(line[8], '.') << line;
}

TEST_F(LogTest, LogLevelFollowsTheConfig)
{
	EXPECT_EQ(vaccel_log_level(), VACCEL_LOG_DEBUG);
	RestartAt(VACCEL_LOG_INFO);
	EXPECT_EQ(vaccel_log_level(), VACCEL_LOG_INFO);
	ASSERT_NE(vaccel_config(), nullptr);
	EXPECT_EQ(vaccel_config()->log_level, VACCEL_LOG_INFO);
	RestartAt(VACCEL_LOG_ERROR);
	EXPECT_EQ(vaccel_log_level(), VACCEL_LOG_ERROR);
}

TEST_F(LogTest, LogInitRereadsTheActiveConfig)
{
	EXPECT_EQ(vaccel_log_init(), VACCEL_OK);
	EXPECT_EQ(vaccel_log_level(), VACCEL_LOG_DEBUG);
	ClearLog();
	vaccel_debug("after-log-init");
	EXPECT_LOG_HAS("after-log-init");
}

TEST_F(LogTest, UnwritableConfigLogFileFallsBackToStderr)
{
	struct vaccel_config c;

	ASSERT_EQ(vaccel_config_init(&c, nullptr, VACCEL_LOG_INFO,
				     "/nonexistent-dir/x.log", false, false),
		  VACCEL_OK);
	testing::internal::CaptureStderr();
	int ret = vaccel_bootstrap_with_config(&c);
	vaccel_info("to-stderr-marker");
	std::string err = testing::internal::GetCapturedStderr();
	EXPECT_EQ(vaccel_config_release(&c), VACCEL_OK);

	EXPECT_EQ(ret, VACCEL_OK);
	EXPECT_TRUE(vaccel_is_initialized());
	EXPECT_NE(err.find("cannot open log file '/nonexistent-dir/x.log'"),
		  std::string::npos)
	    << err;
	EXPECT_NE(err.find("(No such file or directory); logging to stderr"),
		  std::string::npos)
	    << err;
	EXPECT_NE(err.find("to-stderr-marker"), std::string::npos) << err;
	EXPECT_EQ(Log().find("to-stderr-marker"), std::string::npos);
}

TEST_F(LogTest, UnwritableEnvLogFileFallsBackToStderr)
{
	const char *old_file = getenv("VACCEL_LOG_FILE");
	const char *old_level = getenv("VACCEL_LOG_LEVEL");
	std::string saved_file = old_file ? old_file : "";
	std::string saved_level = old_level ? old_level : "";

	setenv("VACCEL_LOG_FILE", "/nonexistent-dir/x.log", 1);
	setenv("VACCEL_LOG_LEVEL", "warn", 1);
	testing::internal::CaptureStderr();
	int ret = vaccel_bootstrap();
	vaccel_warn("env-stderr-marker");
	std::string err = testing::internal::GetCapturedStderr();

	if (old_file)
		setenv("VACCEL_LOG_FILE", saved_file.c_str(), 1);
	else
		unsetenv("VACCEL_LOG_FILE");
	if (old_level)
		setenv("VACCEL_LOG_LEVEL", saved_level.c_str(), 1);
	else
		unsetenv("VACCEL_LOG_LEVEL");

	EXPECT_EQ(ret, VACCEL_OK);
	EXPECT_TRUE(vaccel_is_initialized());
	EXPECT_EQ(vaccel_log_level(), VACCEL_LOG_WARN);
	EXPECT_NE(err.find("/nonexistent-dir/x.log"), std::string::npos) << err;
	EXPECT_NE(err.find("env-stderr-marker"), std::string::npos) << err;
}

TEST_F(LogTest, AfterCleanupLogsGoToStderr)
{
	ASSERT_EQ(vaccel_cleanup(), VACCEL_OK);
	ClearLog();
	testing::internal::CaptureStderr();
	vaccel_error("post-cleanup-marker");
	std::string err = testing::internal::GetCapturedStderr();

	EXPECT_NE(err.find("post-cleanup-marker"), std::string::npos) << err;
	EXPECT_EQ(Log().find("post-cleanup-marker"), std::string::npos)
	    << Log();
}

TEST_F(LogTest, ConcurrentLinesStayIntact)
{
	constexpr int kThreads = 8;
	constexpr int kLines = 200;
	const std::string suffix = " -- end of concurrent line";
	std::vector<std::thread> threads;

	ClearLog();
	for (int t = 0; t < kThreads; t++)
		threads.emplace_back([t, &suffix] {
			for (int i = 0; i < kLines; i++)
				vaccel_info("conc-marker t=%d i=%d "
					    "padding-padding-padding%s",
					    t, i, suffix.c_str());
		});
	for (auto &th : threads)
		th.join();

	std::set<std::pair<int, int>> seen;
	int count = 0;
	for (const std::string &line : Lines(Log())) {
		if (line.find("conc-marker") == std::string::npos)
			continue;
		count++;
		EXPECT_TRUE(EndsWith(line, suffix)) << "torn line: " << line;
		/* Exactly one message per line. */
		EXPECT_EQ(line.find("conc-marker"), line.rfind("conc-marker"))
		    << line;
		int t = -1, i = -1;
		size_t at = line.find("conc-marker");
		ASSERT_EQ(
		    sscanf(line.c_str() + at, "conc-marker t=%d i=%d", &t, &i),
		    2)
		    << line;
		EXPECT_TRUE(seen.insert({t, i}).second)
		    << "duplicate: " << line;
	}
	EXPECT_EQ(count, kThreads * kLines);
	EXPECT_EQ(seen.size(), (size_t)(kThreads * kLines));
}

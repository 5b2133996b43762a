#pragma once

/* Shared fixture: every test starts a fresh runtime with no plugins and a
 * private log file, and cleans it up afterwards. */

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" {
#include <vaccel.h>
}

#include "tests/remote/remote_backend.h"

/* Runfiles paths of the test plugins (tests run in the workspace root). */
#define TEST_PLUGIN(name) "tests/plugins/libtest-" name ".so"
#define NOOP_PLUGIN "c/plugins/noop/libvaccel-noop.so"

/* The lines of a log text. */
static inline std::vector<std::string> Lines(const std::string &text)
{
	std::vector<std::string> lines;
	std::istringstream in(text);
	std::string line;

	while (std::getline(in, line))
		lines.push_back(line);
	return lines;
}

/* A tiny in-memory resource of `type` registered to `sess` (ops refuse
 * resources their session was not given), released at scope end. */
struct RegisteredResource {
	struct vaccel_resource res = {};
	bool ok = false;

	RegisteredResource(struct vaccel_session *sess,
			   vaccel_resource_type_t type)
	{
		static const char bytes[] = "test";
		ok = vaccel_resource_init_from_buf(&res, bytes, sizeof(bytes),
						   type, "test.bin",
						   true) == VACCEL_OK;
		EXPECT_TRUE(ok);
		if (ok) {
			EXPECT_EQ(vaccel_resource_register(&res, sess),
				  VACCEL_OK);
		}
	}
	~RegisteredResource()
	{
		if (ok)
			vaccel_resource_release(&res);
	}
	RegisteredResource(const RegisteredResource &) = delete;
	RegisteredResource &operator=(const RegisteredResource &) = delete;
};

class VaccelTest : public ::testing::Test
{
      protected:
	std::string log_path;

	void SetUp() override
	{
		char tmpl[] = "/tmp/vaccel-test-log.XXXXXX";
		int fd = mkstemp(tmpl);
		ASSERT_GE(fd, 0);
		close(fd);
		log_path = tmpl;
		Bootstrap(VACCEL_LOG_DEBUG, false);
	}

	void TearDown() override
	{
		vaccel_cleanup();
		unlink(log_path.c_str());
	}

	void Bootstrap(vaccel_log_level_t level, bool profiling,
		       const char *plugins = nullptr)
	{
		struct vaccel_config config;
		ASSERT_EQ(vaccel_config_init(&config, plugins, level,
					     log_path.c_str(), profiling,
					     false),
			  VACCEL_OK);
		ASSERT_EQ(vaccel_bootstrap_with_config(&config), VACCEL_OK);
		vaccel_config_release(&config);
	}

	std::string Log() const
	{
		std::ifstream in(log_path);
		std::stringstream ss;
		ss << in.rdbuf();
		/* Through an agent, the backend logs there. */
		return ss.str() + AgentLog();
	}

	/* Empties the log so a test can check only what follows. */
	void ClearLog() const
	{
		std::ofstream(log_path, std::ios::trunc);
		ClearAgentLog();
	}
};

#define EXPECT_LOG_HAS(text)                                                   \
	EXPECT_NE(Log().find(text), std::string::npos)                         \
	    << "log lacks \"" << (text) << "\"; log:\n"                        \
	    << Log()

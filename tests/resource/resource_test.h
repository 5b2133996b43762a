#pragma once

/* Shared fixture of the resource suites: the core fixture plus a private
 * scratch directory, removed after each test. */

#include "tests/core/vaccel_test.h"

#include <fstream>
#include <ftw.h>
#include <sys/stat.h>

#define UNREG_PLUGIN "tests/resource/libtest-unreg.so"

static inline int RemoveEntry(const char *path, const struct stat *st, int flag,
			      struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static inline bool Exists(const std::string &path)
{
	struct stat st;
	return lstat(path.c_str(), &st) == 0;
}

static inline std::string ReadFile(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	std::stringstream ss;
	ss << in.rdbuf();
	return ss.str();
}

/* The directory vaccel gives resource `id`. */
static inline std::string ResourceRundir(vaccel_id_t id)
{
	return std::string(vaccel_rundir()) + "/resource." + std::to_string(id);
}

static inline std::string Str(const uint8_t *data, size_t size)
{
	return std::string(reinterpret_cast<const char *>(data), size);
}

class ResourceTest : public VaccelTest
{
      protected:
	std::string tmp;

	void SetUp() override
	{
		VaccelTest::SetUp();
		char tmpl[] = "/tmp/vaccel-resource-test.XXXXXX";
		ASSERT_NE(mkdtemp(tmpl), nullptr);
		tmp = tmpl;
	}

	void TearDown() override
	{
		VaccelTest::TearDown();
		nftw(tmp.c_str(), RemoveEntry, 16, FTW_DEPTH | FTW_PHYS);
	}

	/* Writes tmp/<rel> (creating its directories); returns its path. */
	std::string Write(const std::string &rel, const std::string &content)
	{
		std::string path = tmp + "/" + rel;
		for (size_t pos = tmp.size() + 1;
		     (pos = path.find('/', pos)) != std::string::npos; pos++)
			mkdir(path.substr(0, pos).c_str(), 0700);
		std::ofstream(path, std::ios::binary) << content;
		return path;
	}

	std::string Mkdir(const std::string &rel)
	{
		std::string path = tmp + "/" + rel;
		EXPECT_EQ(mkdir(path.c_str(), 0700), 0) << path;
		return path;
	}
};

/* fs_file_read() of utils/fs.h: the file reader vAccel's example programs
 * call, found with vaccel.pc's include path and exported by libvaccel. */

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>

extern "C" {
#include "utils/fs.h"
#include "vaccel.h"
}

static std::string TmpPath(const char *name)
{
	const char *dir = getenv("TEST_TMPDIR");
	return std::string(dir ? dir : "/tmp") + "/" + name;
}

static void WriteFile(const std::string &path, const char *text)
{
	FILE *f = fopen(path.c_str(), "w");
	ASSERT_NE(f, nullptr) << path;
	fputs(text, f);
	fclose(f);
}

TEST(CompatFs, ReadsTheWholeFile)
{
	std::string path = TmpPath("image.bin");
	WriteFile(path, "pixels\n");
	void *data = nullptr;
	size_t size = 0;

	ASSERT_EQ(fs_file_read(path.c_str(), &data, &size), VACCEL_OK);
	ASSERT_NE(data, nullptr);
	EXPECT_EQ(size, 7u);
	EXPECT_EQ(memcmp(data, "pixels\n", 7), 0);
	free(data);

	/* size is optional */
	data = nullptr;
	ASSERT_EQ(fs_file_read(path.c_str(), &data, nullptr), VACCEL_OK);
	EXPECT_EQ(memcmp(data, "pixels\n", 7), 0);
	free(data);
}

TEST(CompatFs, BadFilesAreErrorsAndLeaveDataAlone)
{
	std::string empty = TmpPath("empty.bin");
	WriteFile(empty, "");
	std::string dir = TmpPath("a_dir");
	mkdir(dir.c_str(), 0700);
	void *data = &data;
	size_t size = 5;

	EXPECT_EQ(fs_file_read(TmpPath("missing.bin").c_str(), &data, &size),
		  VACCEL_ENOENT);
	EXPECT_EQ(fs_file_read(empty.c_str(), &data, &size), VACCEL_EINVAL);
	EXPECT_EQ(fs_file_read(dir.c_str(), &data, &size), VACCEL_EINVAL);
	EXPECT_EQ(fs_file_read(nullptr, &data, &size), VACCEL_EINVAL);
	EXPECT_EQ(fs_file_read(empty.c_str(), nullptr, &size), VACCEL_EINVAL);
	EXPECT_EQ(data, (void *)&data);
	EXPECT_EQ(size, 5u);
}

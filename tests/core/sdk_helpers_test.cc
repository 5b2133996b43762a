/* The header-only helpers plugins share with the runtime: the generated
 * dtype tables (vaccel/enum_tables.h), the boolean parser
 * (vaccel/helpers/env.h) and the file helpers (vaccel/helpers/fs.h). This
 * test links nothing from vaccel, as a plugin does not. */

#include <vaccel/enum_tables.h>
#include <vaccel/helpers/env.h>
#include <vaccel/helpers/fs.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

static size_t Size(bool (*fn)(int, size_t *), int value, bool *known)
{
	size_t size = 99;
	*known = fn(value, &size);
	return size;
}

TEST(EnumTables, NamesAndSizesOfEveryFamily)
{
	bool known;
	EXPECT_STREQ(vaccel_torch_data_type_name(VACCEL_TORCH_BFLOAT16),
		     "BFLOAT16");
	EXPECT_EQ(
	    Size(vaccel_torch_data_type_elem_size, VACCEL_TORCH_LONG, &known),
	    8u);
	EXPECT_TRUE(known);
	EXPECT_STREQ(vaccel_tf_data_type_name(VACCEL_TF_COMPLEX128),
		     "COMPLEX128");
	EXPECT_EQ(
	    Size(vaccel_tf_data_type_elem_size, VACCEL_TF_COMPLEX128, &known),
	    16u);
	/* An alias has its target's name and size. */
	EXPECT_STREQ(vaccel_tf_data_type_name(VACCEL_TF_COMPLEX), "COMPLEX64");
	EXPECT_EQ(
	    Size(vaccel_tf_data_type_elem_size, VACCEL_TF_COMPLEX, &known), 8u);
	/* Known, but of no fixed size. */
	EXPECT_EQ(Size(vaccel_tf_data_type_elem_size, VACCEL_TF_STRING, &known),
		  0u);
	EXPECT_TRUE(known);
	EXPECT_STREQ(vaccel_tflite_data_type_name(VACCEL_TFLITE_NOTYPE),
		     "NOTYPE");
	EXPECT_EQ(
	    Size(vaccel_tflite_data_type_elem_size, VACCEL_TFLITE_INT4, &known),
	    0u);
	EXPECT_TRUE(known);
	EXPECT_EQ(Size(vaccel_tflite_data_type_elem_size, VACCEL_TFLITE_FLOAT16,
		       &known),
		  2u);
	/* Unknown values. */
	EXPECT_STREQ(vaccel_tf_data_type_name(0), "unknown");
	EXPECT_STREQ(vaccel_torch_data_type_name(-1), "unknown");
	EXPECT_EQ(Size(vaccel_tflite_data_type_elem_size, 19, &known), 0u);
	EXPECT_FALSE(known);
	EXPECT_EQ(Size(vaccel_torch_data_type_elem_size, 0, &known), 0u);
	EXPECT_FALSE(known);
}

TEST(ParseBool, EveryWordInAnyCase)
{
	const std::vector<std::pair<const char *, bool>> words = {
	    {"1", true},      {"true", true}, {"TRUE", true}, {"Yes", true},
	    {"on", true},     {"ON", true},   {"0", false},   {"false", false},
	    {"False", false}, {"no", false},  {"NO", false},  {"off", false},
	    {"oFf", false},
	};
	for (const auto &w : words) {
		bool out = !w.second;
		EXPECT_EQ(vaccel_parse_bool(w.first, !w.second, &out),
			  VACCEL_OK)
		    << w.first;
		EXPECT_EQ(out, w.second) << w.first;
	}
}

TEST(ParseBool, UnsetOrEmptyGivesTheDefault)
{
	bool out = false;
	EXPECT_EQ(vaccel_parse_bool(nullptr, true, &out), VACCEL_OK);
	EXPECT_TRUE(out);
	EXPECT_EQ(vaccel_parse_bool("", true, &out), VACCEL_OK);
	EXPECT_TRUE(out);
	EXPECT_EQ(vaccel_parse_bool("", false, &out), VACCEL_OK);
	EXPECT_FALSE(out);
}

TEST(ParseBool, AnythingElseIsEINVALWithTheDefault)
{
	for (const char *bad :
	     {"2", "maybe", " on", "on ", "yess", "t", "-1"}) {
		bool out = false;
		EXPECT_EQ(vaccel_parse_bool(bad, true, &out), VACCEL_EINVAL)
		    << bad;
		EXPECT_TRUE(out) << bad;
	}
}

TEST(ParseBool, FromTheEnvironment)
{
	bool out = false;
	setenv("VACCEL_TEST_SWITCH", "Off", 1);
	EXPECT_EQ(vaccel_env_bool("VACCEL_TEST_SWITCH", true, &out), VACCEL_OK);
	EXPECT_FALSE(out);
	unsetenv("VACCEL_TEST_SWITCH");
	EXPECT_EQ(vaccel_env_bool("VACCEL_TEST_SWITCH", true, &out), VACCEL_OK);
	EXPECT_TRUE(out);
}

class FsHelpers : public ::testing::Test
{
      protected:
	std::string root;

	void SetUp() override
	{
		char tmpl[] = "/tmp/vaccel-fs-test-XXXXXX";
		ASSERT_NE(mkdtemp(tmpl), nullptr);
		root = tmpl;
	}
	void TearDown() override
	{
		std::string cmd = "rm -rf '" + root + "'";
		(void)system(cmd.c_str());
	}
	void Write(const std::string &path, const char *text)
	{
		FILE *f = fopen(path.c_str(), "w");
		ASSERT_NE(f, nullptr) << path;
		fputs(text, f);
		fclose(f);
	}
	static bool Exists(const std::string &path)
	{
		struct stat st;
		return lstat(path.c_str(), &st) == 0;
	}
};

TEST_F(FsHelpers, WriteAllWritesEveryByte)
{
	std::string path = root + "/data";
	std::vector<unsigned char> data(300000);
	for (size_t i = 0; i < data.size(); i++)
		data[i] = (unsigned char)(i * 7);
	int fd = open(path.c_str(), O_WRONLY | O_CREAT, 0600);
	ASSERT_GE(fd, 0);
	EXPECT_EQ(vaccel_write_all(fd, data.data(), data.size()), 0);
	close(fd);

	std::vector<unsigned char> back(data.size() + 1);
	fd = open(path.c_str(), O_RDONLY);
	ASSERT_GE(fd, 0);
	size_t got = 0;
	ssize_t n;
	while ((n = read(fd, back.data() + got, back.size() - got)) > 0)
		got += (size_t)n;
	close(fd);
	ASSERT_EQ(got, data.size());
	EXPECT_EQ(memcmp(back.data(), data.data(), data.size()), 0);
}

TEST_F(FsHelpers, WriteAllReportsErrno)
{
	int fds[2];
	ASSERT_EQ(pipe(fds), 0);
	close(fds[1]);
	EXPECT_EQ(vaccel_write_all(fds[1], "x", 1), EBADF);
	close(fds[0]);
}

TEST_F(FsHelpers, RemoveTreeRemovesAllButFollowsNoLink)
{
	std::string outside = root + "/outside", tree = root + "/tree";
	ASSERT_EQ(mkdir(outside.c_str(), 0700), 0);
	Write(outside + "/keep", "kept");
	ASSERT_EQ(mkdir(tree.c_str(), 0700), 0);
	ASSERT_EQ(mkdir((tree + "/a").c_str(), 0700), 0);
	ASSERT_EQ(mkdir((tree + "/a/b").c_str(), 0700), 0);
	Write(tree + "/f", "1");
	Write(tree + "/a/b/g", "2");
	ASSERT_EQ(symlink(outside.c_str(), (tree + "/a/dirlink").c_str()), 0);
	ASSERT_EQ(
	    symlink((outside + "/keep").c_str(), (tree + "/filelink").c_str()),
	    0);

	EXPECT_EQ(vaccel_remove_tree(tree.c_str()), 0);
	EXPECT_FALSE(Exists(tree));
	EXPECT_TRUE(Exists(outside + "/keep"));
	EXPECT_EQ(vaccel_remove_tree(tree.c_str()), ENOENT);
}

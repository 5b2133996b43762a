#include "resource_test.h"

#include <climits>
#include <cstdlib>

class ResourceDirTest : public ResourceTest
{
      protected:
	std::string Dir(struct vaccel_resource *res)
	{
		char *dir = nullptr;
		int ret = vaccel_resource_directory(res, nullptr, 0, &dir);
		EXPECT_EQ(ret, VACCEL_OK) << Log();
		std::string out = dir ? dir : "";
		free(dir);
		return out;
	}

	std::string Real(const std::string &path)
	{
		char buf[PATH_MAX];
		return realpath(path.c_str(), buf) ? buf : "";
	}
};

TEST_F(ResourceDirTest, DirectoryResourceIsItsDirectory)
{
	Write("model/variables/variables.index", "i");
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, (tmp + "/model").c_str(),
				       VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	EXPECT_EQ(Dir(&res), tmp + "/model");
	char out[PATH_MAX];
	ASSERT_EQ(vaccel_resource_directory(&res, out, sizeof(out), nullptr),
		  VACCEL_OK);
	EXPECT_EQ(std::string(out), tmp + "/model");
	/* Too small a buffer. */
	EXPECT_EQ(vaccel_resource_directory(&res, out, 4, nullptr),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS(tmp + "/model does not fit in 4 bytes");
	EXPECT_EQ(res.rundir, nullptr);
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
}

TEST_F(ResourceDirTest, FilesOfOneDirectoryGiveThatDirectory)
{
	std::string a = Write("d/a", "A"), b = Write("d/b", "B");
	const char *paths[] = {a.c_str(), b.c_str()};
	struct vaccel_resource res;
	ASSERT_EQ(
	    vaccel_resource_init_multi(&res, paths, 2, VACCEL_RESOURCE_DATA),
	    VACCEL_OK);
	EXPECT_EQ(Dir(&res), Real(tmp + "/d"));
	EXPECT_EQ(res.rundir, nullptr); /* nothing had to be made */
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
}

TEST_F(ResourceDirTest, FilesOfSeveralDirectoriesAreLinked)
{
	std::string a = Write("x/a.txt", "A"), b = Write("y/b.txt", "B");
	const char *paths[] = {a.c_str(), b.c_str()};
	struct vaccel_resource res;
	ASSERT_EQ(
	    vaccel_resource_init_multi(&res, paths, 2, VACCEL_RESOURCE_DATA),
	    VACCEL_OK);
	std::string dir = ResourceRundir(res.id);
	EXPECT_EQ(Dir(&res), dir);
	EXPECT_EQ(Real(dir + "/a.txt"), Real(a));
	EXPECT_EQ(Real(dir + "/b.txt"), Real(b));
	EXPECT_EQ(ReadFile(dir + "/b.txt"), "B");
	/* Asking again finds the links in place. */
	EXPECT_EQ(Dir(&res), dir);
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_FALSE(Exists(dir));
	EXPECT_EQ(ReadFile(a), "A"); /* the targets stay */
}

TEST_F(ResourceDirTest, SameNameFromTwoDirectoriesIsEEXIST)
{
	std::string a = Write("x/m.bin", "1"), b = Write("y/m.bin", "2");
	const char *paths[] = {a.c_str(), b.c_str()};
	struct vaccel_resource res;
	ASSERT_EQ(
	    vaccel_resource_init_multi(&res, paths, 2, VACCEL_RESOURCE_DATA),
	    VACCEL_OK);
	char *dir = nullptr;
	EXPECT_EQ(vaccel_resource_directory(&res, nullptr, 0, &dir),
		  VACCEL_EEXIST);
	EXPECT_EQ(dir, nullptr);
	EXPECT_LOG_HAS("resource " + std::to_string(res.id) +
		       ": two of its files are named 'm.bin'");
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
}

TEST_F(ResourceDirTest, PersistedBufferIsInItsRundir)
{
	static const char buf[] = "w";
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init_from_buf(
		      &res, buf, 1, VACCEL_RESOURCE_MODEL, "m.pt", false),
		  VACCEL_OK);
	EXPECT_EQ(Dir(&res), Real(ResourceRundir(res.id)));
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
}

TEST_F(ResourceDirTest, MemOnlyBufferIsWrittenWhenAsked)
{
	static const char buf[] = "weights";
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init_from_buf(
		      &res, buf, 7, VACCEL_RESOURCE_MODEL, "m.pt", true),
		  VACCEL_OK);
	std::string dir = ResourceRundir(res.id);
	EXPECT_FALSE(Exists(dir));
	std::string got = Dir(&res);
	EXPECT_EQ(got, Real(dir));
	EXPECT_EQ(ReadFile(dir + "/m.pt"), "weights");
	EXPECT_EQ(res.blobs[0]->type, VACCEL_BLOB_MAPPED);
	EXPECT_EQ(res.blobs[0]->path, dir + "/m.pt");
	EXPECT_EQ(Dir(&res), Real(dir)); /* once */
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_FALSE(Exists(dir));
}

TEST_F(ResourceDirTest, BlobsOfMixedKinds)
{
	static const uint8_t bytes[] = {'b'};
	std::string file = Write("elsewhere/f.txt", "F");
	struct vaccel_blob *f, *m;
	ASSERT_EQ(vaccel_blob_new(&f, file.c_str()), VACCEL_OK);
	ASSERT_EQ(
	    vaccel_blob_from_buf(&m, bytes, 1, true, "mem.bin", nullptr, false),
	    VACCEL_OK);
	const struct vaccel_blob *blobs[] = {f, m};
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init_from_blobs(&res, blobs, 2,
						  VACCEL_RESOURCE_DATA),
		  VACCEL_OK);
	std::string dir = ResourceRundir(res.id);
	EXPECT_EQ(Dir(&res), dir);
	EXPECT_EQ(ReadFile(dir + "/f.txt"), "F");
	EXPECT_EQ(Real(dir + "/f.txt"), Real(file)); /* linked */
	EXPECT_EQ(ReadFile(dir + "/mem.bin"), "b");  /* written */
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_EQ(vaccel_blob_delete(f), VACCEL_OK);
	EXPECT_EQ(vaccel_blob_delete(m), VACCEL_OK);
}

TEST_F(ResourceDirTest, BadArguments)
{
	char out[16];
	char *alloc;
	EXPECT_EQ(vaccel_resource_directory(nullptr, out, 16, &alloc),
		  VACCEL_EINVAL);
	std::string a = Write("a", "A");
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, a.c_str(), VACCEL_RESOURCE_DATA),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_resource_directory(&res, nullptr, 0, nullptr),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("out_path and alloc_path are both NULL");
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_directory(&res, out, 16, nullptr),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_directory: the resource is not "
		       "initialised or was released");
}

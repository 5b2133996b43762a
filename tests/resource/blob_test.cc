#include "resource_test.h"

#include <cstring>

class BlobTest : public ResourceTest
{
};

TEST_F(BlobTest, FileBlobIsReadOnDemand)
{
	std::string path = Write("a.bin", "hello");
	struct vaccel_blob b;
	ASSERT_EQ(vaccel_blob_init(&b, path.c_str()), VACCEL_OK);
	EXPECT_EQ(b.type, VACCEL_BLOB_FILE);
	EXPECT_STREQ(b.name, "a.bin");
	EXPECT_EQ(b.path, path);
	EXPECT_EQ(b.data, nullptr);
	EXPECT_EQ(b.size, 0u);
	EXPECT_TRUE(vaccel_blob_valid(&b));
	EXPECT_EQ(vaccel_blob_path(&b), path);
	size_t size = 0;
	uint8_t *data = vaccel_blob_data(&b, &size);
	ASSERT_NE(data, nullptr);
	EXPECT_EQ(Str(data, size), "hello");
	EXPECT_EQ(b.type, VACCEL_BLOB_MAPPED);
	/* A private mapping: writing the bytes leaves the user's file. */
	data[0] = 'j';
	EXPECT_EQ(ReadFile(path), "hello");
	EXPECT_EQ(vaccel_blob_read(&b), VACCEL_OK); /* already read */
	ASSERT_EQ(vaccel_blob_release(&b), VACCEL_OK);
	EXPECT_EQ(b.type, VACCEL_BLOB_MAX);
	EXPECT_FALSE(vaccel_blob_valid(&b));
	EXPECT_TRUE(Exists(path)); /* not the blob's file */
	EXPECT_EQ(vaccel_blob_release(&b), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_blob_release: the blob is not initialised");
}

TEST_F(BlobTest, InitErrors)
{
	struct vaccel_blob b;
	std::string missing = tmp + "/missing.bin";
	/* vAccel: a path that is not a file is EINVAL, missing ones too. */
	EXPECT_EQ(vaccel_blob_init(&b, missing.c_str()), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_blob_init: " + missing +
		       ": No such file or directory");
	EXPECT_EQ(vaccel_blob_init(&b, tmp.c_str()), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_blob_init: " + tmp + " is not a regular file");
	EXPECT_EQ(vaccel_blob_init(nullptr, tmp.c_str()), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_blob_init(&b, nullptr), VACCEL_EINVAL);
	struct vaccel_blob *pb = nullptr;
	EXPECT_EQ(vaccel_blob_new(&pb, missing.c_str()), VACCEL_EINVAL);
	EXPECT_EQ(pb, nullptr);
	EXPECT_EQ(vaccel_blob_new(nullptr, missing.c_str()), VACCEL_EINVAL);
}

TEST_F(BlobTest, EmptyFileCannotBeRead)
{
	std::string path = Write("empty", "");
	struct vaccel_blob b;
	ASSERT_EQ(vaccel_blob_init(&b, path.c_str()), VACCEL_OK);
	EXPECT_EQ(vaccel_blob_read(&b), VACCEL_EINVAL);
	EXPECT_LOG_HAS("file " + path + " is empty");
	EXPECT_EQ(vaccel_blob_data(&b, nullptr), nullptr);
	EXPECT_EQ(vaccel_blob_release(&b), VACCEL_OK);
}

/* A file replaced by a FIFO after init: reading must not block in open. */
TEST_F(BlobTest, FileReplacedByAFifoIsEINVAL)
{
	std::string path = Write("model.bin", "model");
	struct vaccel_blob b;
	ASSERT_EQ(vaccel_blob_init(&b, path.c_str()), VACCEL_OK);
	ASSERT_EQ(unlink(path.c_str()), 0);
	ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
	alarm(20); /* before the fix this blocked: fail instead */
	EXPECT_EQ(vaccel_blob_read(&b), VACCEL_EINVAL);
	alarm(0);
	EXPECT_LOG_HAS(path + " is not a regular file");
	EXPECT_EQ(vaccel_blob_release(&b), VACCEL_OK);
}

TEST_F(BlobTest, BufferBlobReferencesOrCopies)
{
	static const uint8_t buf[] = {1, 2, 3, 4};
	struct vaccel_blob ref, copy;
	ASSERT_EQ(vaccel_blob_init_from_buf(&ref, buf, sizeof(buf), false,
					    "r.bin", nullptr, false),
		  VACCEL_OK);
	EXPECT_EQ(ref.type, VACCEL_BLOB_BUFFER);
	EXPECT_EQ(ref.data, buf);
	EXPECT_FALSE(ref.data_owned);
	EXPECT_EQ(ref.path, nullptr);
	EXPECT_EQ(vaccel_blob_path(&ref), nullptr);
	EXPECT_STREQ(ref.name, "r.bin");
	EXPECT_TRUE(vaccel_blob_valid(&ref));

	ASSERT_EQ(vaccel_blob_init_from_buf(&copy, buf, sizeof(buf), true,
					    "c.bin", nullptr, false),
		  VACCEL_OK);
	EXPECT_NE(copy.data, buf);
	EXPECT_TRUE(copy.data_owned);
	size_t size = 0;
	uint8_t *data = vaccel_blob_data(&copy, &size);
	EXPECT_EQ(Str(data, size), Str(buf, sizeof(buf)));
	EXPECT_EQ(vaccel_blob_release(&ref), VACCEL_OK);
	EXPECT_EQ(vaccel_blob_release(&copy), VACCEL_OK);
}

TEST_F(BlobTest, FromBufErrors)
{
	static const uint8_t buf[] = {1};
	struct vaccel_blob b;
	EXPECT_EQ(vaccel_blob_init_from_buf(&b, nullptr, 1, false, "x", nullptr,
					    false),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_blob_init_from_buf: buf is NULL");
	EXPECT_EQ(
	    vaccel_blob_init_from_buf(&b, buf, 0, false, "x", nullptr, false),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_blob_init_from_buf: size is 0");
	EXPECT_EQ(vaccel_blob_init_from_buf(&b, buf, 1, false, nullptr, nullptr,
					    false),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_blob_init_from_buf: filename is NULL");
	std::string missing = tmp + "/nodir";
	EXPECT_EQ(vaccel_blob_init_from_buf(&b, buf, 1, false, "x",
					    missing.c_str(), false),
		  VACCEL_ENOENT);
	EXPECT_LOG_HAS(missing + " is not a directory");
	/* The target dir is a subdir of the test's own temp dir, so "../x"
	 * would land in tmp, never in a shared /tmp. */
	std::string sub = tmp + "/sub";
	ASSERT_EQ(mkdir(sub.c_str(), 0700), 0);
	EXPECT_EQ(vaccel_blob_init_from_buf(&b, buf, 1, false, "../x",
					    sub.c_str(), false),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("bad file name '../x'");
	EXPECT_FALSE(Exists(tmp + "/x"));
}

TEST_F(BlobTest, PersistWritesMapsAndRemoves)
{
	static const uint8_t buf[] = {'m', 'o', 'd', 'e', 'l'};
	struct vaccel_blob b;
	ASSERT_EQ(vaccel_blob_init_from_buf(&b, buf, sizeof(buf), false,
					    "m.bin", tmp.c_str(), false),
		  VACCEL_OK);
	std::string path = tmp + "/m.bin";
	EXPECT_EQ(b.type, VACCEL_BLOB_MAPPED);
	EXPECT_EQ(b.path, path);
	EXPECT_STREQ(b.name, "m.bin");
	EXPECT_TRUE(b.path_owned);
	EXPECT_NE(b.data, buf);
	EXPECT_EQ(ReadFile(path), "model");
	EXPECT_EQ(vaccel_blob_path(&b), path);
	/* A shared mapping: the blob's bytes are its file's. */
	b.data[0] = 'M';
	EXPECT_EQ(ReadFile(path), "Model");
	/* Persisting twice is refused. */
	EXPECT_EQ(vaccel_blob_persist(&b, tmp.c_str(), "again", false),
		  VACCEL_EEXIST);
	EXPECT_LOG_HAS("the blob already has the file " + path);
	ASSERT_EQ(vaccel_blob_release(&b), VACCEL_OK);
	EXPECT_FALSE(Exists(path));
}

TEST_F(BlobTest, PersistOwnedBufferFreesIt)
{
	static const uint8_t buf[] = {'x', 'y'};
	struct vaccel_blob b;
	ASSERT_EQ(vaccel_blob_init_from_buf(&b, buf, sizeof(buf), true,
					    "xy.txt", nullptr, false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_blob_persist(&b, tmp.c_str(), "sub/dir/xy.txt", false),
		  VACCEL_OK);
	EXPECT_EQ(b.path, tmp + "/sub/dir/xy.txt");
	EXPECT_STREQ(b.name, "sub/dir/xy.txt");
	EXPECT_EQ(ReadFile(b.path), "xy");
	EXPECT_EQ(vaccel_blob_release(&b), VACCEL_OK); /* ASan: no leak */
}

TEST_F(BlobTest, ExistingOrRandomNameGetsSuffix)
{
	static const uint8_t buf[] = {'z'};
	Write("m.bin", "old");
	struct vaccel_blob taken, rnd;
	ASSERT_EQ(vaccel_blob_init_from_buf(&taken, buf, 1, false, "m.bin",
					    tmp.c_str(), false),
		  VACCEL_OK);
	EXPECT_LOG_HAS(tmp + "/m.bin exists; adding a random suffix");
	ASSERT_EQ(vaccel_blob_init_from_buf(&rnd, buf, 1, false, "m.bin",
					    tmp.c_str(), true),
		  VACCEL_OK);
	for (struct vaccel_blob *b : {&taken, &rnd}) {
		std::string name = b->name;
		/* m_XXXXXX.bin */
		ASSERT_EQ(name.size(), strlen("m_XXXXXX.bin")) << name;
		EXPECT_EQ(name.substr(0, 2), "m_");
		EXPECT_EQ(name.substr(8), ".bin");
		EXPECT_EQ(b->path, tmp + "/" + name);
		EXPECT_EQ(ReadFile(b->path), "z");
	}
	EXPECT_NE(std::string(taken.name), std::string(rnd.name));
	EXPECT_EQ(ReadFile(tmp + "/m.bin"), "old");
	EXPECT_EQ(vaccel_blob_release(&taken), VACCEL_OK);
	EXPECT_EQ(vaccel_blob_release(&rnd), VACCEL_OK);
}

TEST_F(BlobTest, HeapFormsAndValidity)
{
	static const uint8_t buf[] = {7, 7};
	std::string path = Write("f", "ff");
	struct vaccel_blob *f = nullptr, *m = nullptr;
	ASSERT_EQ(vaccel_blob_new(&f, path.c_str()), VACCEL_OK);
	ASSERT_EQ(vaccel_blob_from_buf(&m, buf, 2, true, "m", nullptr, false),
		  VACCEL_OK);
	EXPECT_TRUE(vaccel_blob_valid(f));
	EXPECT_TRUE(vaccel_blob_valid(m));
	EXPECT_EQ(
	    vaccel_blob_from_buf(nullptr, buf, 2, true, "m", nullptr, false),
	    VACCEL_EINVAL);
	EXPECT_EQ(vaccel_blob_delete(f), VACCEL_OK);
	EXPECT_EQ(vaccel_blob_delete(m), VACCEL_OK);
	EXPECT_EQ(vaccel_blob_delete(nullptr), VACCEL_EINVAL);

	struct vaccel_blob zero = {};
	EXPECT_FALSE(vaccel_blob_valid(&zero)); /* no name */
	EXPECT_FALSE(vaccel_blob_valid(nullptr));
	EXPECT_EQ(vaccel_blob_data(nullptr, nullptr), nullptr);
	EXPECT_EQ(vaccel_blob_path(nullptr), nullptr);
	EXPECT_STREQ(vaccel_blob_type_to_str(VACCEL_BLOB_MAPPED),
		     "VACCEL_BLOB_MAPPED");
	EXPECT_STREQ(vaccel_blob_type_to_str((vaccel_blob_type_t)9), "unknown");
}

#include "resource_test.h"

#include <set>

class ResourceInitTest : public ResourceTest
{
};

TEST_F(ResourceInitTest, FromFile)
{
	std::string path = Write("libx.so", "ELF");
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, path.c_str(), VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	EXPECT_GT(res.id, 0);
	EXPECT_EQ(res.type, VACCEL_RESOURCE_LIB);
	ASSERT_EQ(res.nr_paths, 1u);
	EXPECT_EQ(res.paths[0], path);
	ASSERT_EQ(res.nr_blobs, 1u);
	EXPECT_STREQ(res.blobs[0]->name, "libx.so");
	EXPECT_EQ(res.blobs[0]->path, path);
	EXPECT_EQ(res.blobs[0]->type, VACCEL_BLOB_FILE);
	EXPECT_EQ(vaccel_resource_refcount(&res), 0);
	EXPECT_EQ(res.plugin_priv, nullptr);
	EXPECT_LOG_HAS("resource " + std::to_string(res.id) +
		       " created (VACCEL_RESOURCE_LIB, 1 file(s))");
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_TRUE(Exists(path)); /* the user's file stays */
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_release: the resource is not "
		       "initialised or was released");
	EXPECT_EQ(vaccel_resource_refcount(&res), -VACCEL_EINVAL);
}

TEST_F(ResourceInitTest, FileUriPrefixIsStripped)
{
	std::string path = Write("m.pt", "torch");
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, ("file://" + path).c_str(),
				       VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	EXPECT_EQ(res.paths[0], path);
	EXPECT_EQ(res.blobs[0]->path, path);
	size_t size = 0;
	uint8_t *data = vaccel_blob_data(res.blobs[0], &size);
	EXPECT_EQ(Str(data, size), "torch");
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
}

TEST_F(ResourceInitTest, IdsAreNeverReused)
{
	std::string path = Write("d", "1");
	std::set<vaccel_id_t> ids;
	for (int i = 0; i < 5; i++) {
		struct vaccel_resource res;
		ASSERT_EQ(vaccel_resource_init(&res, path.c_str(),
					       VACCEL_RESOURCE_DATA),
			  VACCEL_OK);
		EXPECT_TRUE(ids.insert(res.id).second) << res.id;
		EXPECT_EQ(res.id, *ids.rbegin()); /* increasing */
		ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	}
	EXPECT_EQ(ids.size(), 5u);
}

TEST_F(ResourceInitTest, SeveralPaths)
{
	std::string a = Write("x/a.txt", "A"), b = Write("y/b.txt", "BB"),
		    c = Write("y/c.txt", "CCC");
	std::string b_uri = "file://" + b;
	const char *paths[] = {a.c_str(), b_uri.c_str(), c.c_str()};
	struct vaccel_resource res;
	ASSERT_EQ(
	    vaccel_resource_init_multi(&res, paths, 3, VACCEL_RESOURCE_DATA),
	    VACCEL_OK);
	ASSERT_EQ(res.nr_paths, 3u);
	ASSERT_EQ(res.nr_blobs, 3u);
	EXPECT_EQ(res.paths[1], b);
	const char *names[] = {"a.txt", "b.txt", "c.txt"};
	const char *bodies[] = {"A", "BB", "CCC"};
	for (int i = 0; i < 3; i++) {
		EXPECT_STREQ(res.blobs[i]->name, names[i]);
		size_t size = 0;
		uint8_t *data = vaccel_blob_data(res.blobs[i], &size);
		EXPECT_EQ(Str(data, size), bodies[i]);
	}
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
}

TEST_F(ResourceInitTest, SeveralPathsErrors)
{
	std::string a = Write("a", "A");
	std::string dir = Mkdir("d");
	struct vaccel_resource res;
	const char *with_dir[] = {a.c_str(), dir.c_str()};
	EXPECT_EQ(
	    vaccel_resource_init_multi(&res, with_dir, 2, VACCEL_RESOURCE_DATA),
	    VACCEL_ENOTSUP);
	EXPECT_LOG_HAS(dir + " is a directory; a resource of several paths "
			     "takes files only");
	const char *mixed[] = {a.c_str(), "http://127.0.0.1:1/x"};
	EXPECT_EQ(
	    vaccel_resource_init_multi(&res, mixed, 2, VACCEL_RESOURCE_DATA),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("http://127.0.0.1:1/x mixes URLs and local files");
	const char *with_null[] = {a.c_str(), nullptr};
	EXPECT_EQ(vaccel_resource_init_multi(&res, with_null, 2,
					     VACCEL_RESOURCE_DATA),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_init_multi: paths[1] is NULL");
	EXPECT_EQ(vaccel_resource_init_multi(&res, with_null, 0,
					     VACCEL_RESOURCE_DATA),
		  VACCEL_EINVAL);
	EXPECT_EQ(
	    vaccel_resource_init_multi(&res, nullptr, 1, VACCEL_RESOURCE_DATA),
	    VACCEL_EINVAL);
	/* Nothing half-made stays live. */
	struct vaccel_resource *found;
	EXPECT_EQ(vaccel_resource_get_by_type(&found, VACCEL_RESOURCE_DATA),
		  VACCEL_ENOENT);
}

TEST_F(ResourceInitTest, DirectoryIsWalkedRecursively)
{
	Write("model/saved_model.pb", "graph");
	Write("model/variables/variables.index", "index");
	Write("model/variables/variables.data-00000-of-00001", "data");
	Write("model/assets/deep/er/vocab.txt", "vocab");
	Mkdir("model/empty");
	ASSERT_EQ(symlink("saved_model.pb", (tmp + "/model/link.pb").c_str()),
		  0);
	struct vaccel_resource res;
	/* Trailing slashes are dropped. */
	ASSERT_EQ(vaccel_resource_init(&res, (tmp + "/model//").c_str(),
				       VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	EXPECT_EQ(res.paths[0], tmp + "/model");
	const char *names[] = {"assets/deep/er/vocab.txt", "link.pb",
			       "saved_model.pb",
			       "variables/variables.data-00000-of-00001",
			       "variables/variables.index"};
	const char *bodies[] = {"vocab", "graph", "graph", "data", "index"};
	ASSERT_EQ(res.nr_blobs, 5u);
	for (size_t i = 0; i < 5; i++) {
		EXPECT_STREQ(res.blobs[i]->name, names[i]);
		EXPECT_EQ(res.blobs[i]->path, tmp + "/model/" + names[i]);
		size_t size = 0;
		uint8_t *data = vaccel_blob_data(res.blobs[i], &size);
		EXPECT_EQ(Str(data, size), bodies[i]) << names[i];
	}
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_TRUE(Exists(tmp + "/model/saved_model.pb"));
}

TEST_F(ResourceInitTest, EmptyDirectoryIsEINVAL)
{
	std::string dir = Mkdir("empty");
	Mkdir("empty/sub");
	struct vaccel_resource res;
	EXPECT_EQ(
	    vaccel_resource_init(&res, dir.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("directory " + dir + " holds no regular files");
}

TEST_F(ResourceInitTest, MissingPathIsENOENT)
{
	std::string missing = tmp + "/nope.pt";
	struct vaccel_resource res;
	EXPECT_EQ(
	    vaccel_resource_init(&res, missing.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_ENOENT);
	EXPECT_LOG_HAS("vaccel_resource_init_multi: " + missing +
		       ": No such file or directory");
	struct vaccel_resource *found;
	EXPECT_EQ(vaccel_resource_get_by_type(&found, VACCEL_RESOURCE_MODEL),
		  VACCEL_ENOENT);
}

TEST_F(ResourceInitTest, BadArguments)
{
	std::string path = Write("a", "A");
	struct vaccel_resource res;
	EXPECT_EQ(
	    vaccel_resource_init(nullptr, path.c_str(), VACCEL_RESOURCE_LIB),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_init_multi: res is NULL");
	EXPECT_EQ(vaccel_resource_init(&res, nullptr, VACCEL_RESOURCE_LIB),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_init: path is NULL");
	EXPECT_EQ(
	    vaccel_resource_init(&res, path.c_str(), (vaccel_resource_type_t)7),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_init_multi: 7 is not a resource type");
	EXPECT_EQ(vaccel_resource_init(&res, path.c_str(),
				       (vaccel_resource_type_t)-1),
		  VACCEL_EINVAL);
	EXPECT_EQ(
	    vaccel_resource_init(&res, "ftp://host/x", VACCEL_RESOURCE_LIB),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("ftp://host/x: unsupported scheme");
	EXPECT_EQ(vaccel_resource_release(nullptr), VACCEL_EINVAL);
	struct vaccel_resource zero = {};
	EXPECT_EQ(vaccel_resource_release(&zero), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_resource_refcount(nullptr), -VACCEL_EINVAL);
}

TEST_F(ResourceInitTest, FromBufferInMemoryOnly)
{
	static const char buf[] = "weights";
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init_from_buf(&res, buf, sizeof(buf),
						VACCEL_RESOURCE_MODEL, "w.bin",
						true),
		  VACCEL_OK);
	ASSERT_EQ(res.nr_blobs, 1u);
	EXPECT_EQ(res.nr_paths, 0u);
	EXPECT_EQ(res.paths, nullptr);
	EXPECT_EQ(res.blobs[0]->type, VACCEL_BLOB_BUFFER);
	EXPECT_EQ(res.blobs[0]->data, (const uint8_t *)buf); /* no copy */
	EXPECT_EQ(res.blobs[0]->size, sizeof(buf));
	EXPECT_STREQ(res.blobs[0]->name, "w.bin");
	EXPECT_EQ(res.rundir, nullptr);
	EXPECT_FALSE(Exists(ResourceRundir(res.id)));
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
}

TEST_F(ResourceInitTest, FromBufferPersisted)
{
	static const char buf[] = "weights";
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init_from_buf(
		      &res, buf, 7, VACCEL_RESOURCE_MODEL, "w.bin", false),
		  VACCEL_OK);
	std::string dir = ResourceRundir(res.id);
	EXPECT_EQ(res.blobs[0]->type, VACCEL_BLOB_MAPPED);
	EXPECT_EQ(res.blobs[0]->path, dir + "/w.bin");
	EXPECT_EQ(ReadFile(dir + "/w.bin"), "weights");
	EXPECT_EQ(res.rundir, dir);
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_FALSE(Exists(dir));

	/* No file name: a random one. */
	ASSERT_EQ(vaccel_resource_init_from_buf(
		      &res, buf, 7, VACCEL_RESOURCE_DATA, nullptr, false),
		  VACCEL_OK);
	std::string name = res.blobs[0]->name;
	EXPECT_EQ(name.substr(0, 5), "file_") << name;
	EXPECT_EQ(name.size(), strlen("file_XXXXXX"));
	EXPECT_EQ(ReadFile(ResourceRundir(res.id) + "/" + name), "weights");
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);

	EXPECT_EQ(vaccel_resource_init_from_buf(
		      &res, nullptr, 7, VACCEL_RESOURCE_DATA, "x", false),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_resource_init_from_buf(
		      &res, buf, 0, VACCEL_RESOURCE_DATA, "x", false),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_init_from_buf: nr_bytes is 0");
}

TEST_F(ResourceInitTest, FromBlobsCopies)
{
	static const uint8_t bytes[] = {'b', 'u', 'f'};
	std::string file = Write("f.txt", "file");
	struct vaccel_blob *f, *owned, *persisted;
	ASSERT_EQ(vaccel_blob_new(&f, file.c_str()), VACCEL_OK);
	ASSERT_EQ(vaccel_blob_from_buf(&owned, bytes, 3, true, "o.bin", nullptr,
				       false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_blob_from_buf(&persisted, bytes, 3, false, "p.bin",
				       tmp.c_str(), false),
		  VACCEL_OK);
	const struct vaccel_blob *blobs[] = {f, owned, persisted};
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init_from_blobs(&res, blobs, 3,
						  VACCEL_RESOURCE_DATA),
		  VACCEL_OK);
	ASSERT_EQ(res.nr_blobs, 3u);
	/* The sources go; the copies stay usable. */
	EXPECT_EQ(vaccel_blob_delete(f), VACCEL_OK);
	EXPECT_EQ(vaccel_blob_delete(owned), VACCEL_OK);
	EXPECT_EQ(vaccel_blob_delete(persisted), VACCEL_OK);
	EXPECT_FALSE(Exists(tmp + "/p.bin"));

	EXPECT_EQ(res.blobs[0]->type, VACCEL_BLOB_FILE);
	EXPECT_EQ(res.blobs[0]->path, file);
	EXPECT_EQ(res.blobs[1]->type, VACCEL_BLOB_BUFFER);
	EXPECT_EQ(res.blobs[2]->type, VACCEL_BLOB_MAPPED);
	EXPECT_EQ(res.blobs[2]->path, ResourceRundir(res.id) + "/p.bin");
	const char *names[] = {"f.txt", "o.bin", "p.bin"};
	const char *bodies[] = {"file", "buf", "buf"};
	for (int i = 0; i < 3; i++) {
		EXPECT_STREQ(res.blobs[i]->name, names[i]);
		size_t size = 0;
		uint8_t *data = vaccel_blob_data(res.blobs[i], &size);
		EXPECT_EQ(Str(data, size), bodies[i]);
	}
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);

	struct vaccel_blob zero = {};
	const struct vaccel_blob *bad[] = {&zero};
	EXPECT_EQ(
	    vaccel_resource_init_from_blobs(&res, bad, 1, VACCEL_RESOURCE_DATA),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("blobs[0] is not a valid blob");
	EXPECT_EQ(
	    vaccel_resource_init_from_blobs(&res, bad, 0, VACCEL_RESOURCE_DATA),
	    VACCEL_EINVAL);
}

TEST_F(ResourceInitTest, HeapForms)
{
	static const char buf[] = "abc";
	std::string a = Write("a", "A"), b = Write("b", "B");
	const char *paths[] = {a.c_str(), b.c_str()};
	struct vaccel_resource *r1, *r2, *r3, *r4;
	ASSERT_EQ(vaccel_resource_new(&r1, a.c_str(), VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	ASSERT_EQ(
	    vaccel_resource_multi_new(&r2, paths, 2, VACCEL_RESOURCE_DATA),
	    VACCEL_OK);
	ASSERT_EQ(vaccel_resource_from_buf(&r3, buf, 3, VACCEL_RESOURCE_MODEL,
					   "m", false),
		  VACCEL_OK);
	const struct vaccel_blob *blobs[] = {r3->blobs[0]};
	ASSERT_EQ(
	    vaccel_resource_from_blobs(&r4, blobs, 1, VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	EXPECT_EQ(r2->nr_blobs, 2u);
	EXPECT_EQ(ReadFile(r4->blobs[0]->path), "abc");
	EXPECT_NE(r3->blobs[0]->path, r4->blobs[0]->path);
	for (auto *r : {r1, r2, r3, r4})
		EXPECT_EQ(vaccel_resource_delete(r), VACCEL_OK);
	struct vaccel_resource *none = nullptr;
	EXPECT_EQ(vaccel_resource_new(nullptr, a.c_str(), VACCEL_RESOURCE_LIB),
		  VACCEL_EINVAL);
	EXPECT_EQ(
	    vaccel_resource_new(&none, "/nonexistent/x", VACCEL_RESOURCE_LIB),
	    VACCEL_ENOENT);
	EXPECT_EQ(none, nullptr);
	EXPECT_EQ(vaccel_resource_delete(nullptr), VACCEL_EINVAL);
}

TEST_F(ResourceInitTest, GlobalLookups)
{
	std::string path = Write("a", "A");
	struct vaccel_resource lib, m1, m2;
	ASSERT_EQ(vaccel_resource_init(&lib, path.c_str(), VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	ASSERT_EQ(
	    vaccel_resource_init(&m1, path.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	ASSERT_EQ(
	    vaccel_resource_init(&m2, path.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	struct vaccel_resource *found = nullptr;
	ASSERT_EQ(vaccel_resource_get_by_id(&found, m1.id), VACCEL_OK);
	EXPECT_EQ(found, &m1);
	ASSERT_EQ(vaccel_resource_get_by_type(&found, VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	EXPECT_EQ(found, &m1); /* the oldest */
	struct vaccel_resource **all = nullptr;
	size_t n = 99;
	ASSERT_EQ(
	    vaccel_resource_get_all_by_type(&all, &n, VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	ASSERT_EQ(n, 2u);
	EXPECT_EQ(all[0], &m1);
	EXPECT_EQ(all[1], &m2);
	free(all);
	EXPECT_EQ(
	    vaccel_resource_get_all_by_type(&all, &n, VACCEL_RESOURCE_DATA),
	    VACCEL_ENOENT);
	EXPECT_EQ(n, 0u);
	EXPECT_EQ(vaccel_resource_get_by_id(&found, 0), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_get_by_id: bad id 0");
	EXPECT_EQ(vaccel_resource_get_by_id(&found, m2.id + 1000),
		  VACCEL_ENOENT);
	EXPECT_EQ(vaccel_resource_get_by_id(nullptr, m2.id), VACCEL_EINVAL);
	EXPECT_EQ(
	    vaccel_resource_get_by_type(&found, (vaccel_resource_type_t)3),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_get_by_type: 3 is not a resource type");
	EXPECT_EQ(
	    vaccel_resource_get_all_by_type(&all, nullptr, VACCEL_RESOURCE_LIB),
	    VACCEL_EINVAL);
	ASSERT_EQ(vaccel_resource_release(&m1), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_get_by_id(&found, m1.id), VACCEL_ENOENT);
	ASSERT_EQ(vaccel_resource_get_by_type(&found, VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	EXPECT_EQ(found, &m2);
	EXPECT_EQ(vaccel_resource_release(&m2), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_release(&lib), VACCEL_OK);
}

TEST_F(ResourceInitTest, CleanupReportsLiveResources)
{
	std::string path = Write("a", "A");
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, path.c_str(), VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	vaccel_cleanup();
	EXPECT_LOG_HAS("cleanup: 1 resource(s) still alive (ids " +
		       std::to_string(res.id) + ")");
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
}

/* A second init of a live resource is refused and leaves it intact;
 * before, it leaked the first one's files and listed it twice, and the
 * id lookup read it after its release. */
TEST_F(ResourceInitTest, InitOfALiveResourceIsEINVAL)
{
	std::string path = Write("m.bin", "model");
	struct vaccel_resource *res = nullptr, *found = nullptr;

	ASSERT_EQ(
	    vaccel_resource_new(&res, path.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	vaccel_id_t id = res->id;
	EXPECT_EQ(vaccel_resource_init(res, path.c_str(), VACCEL_RESOURCE_LIB),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_init_multi: resource " +
		       std::to_string(id) +
		       " is live; release it before initialising it again");
	EXPECT_EQ(res->id, id);
	EXPECT_EQ(res->type, VACCEL_RESOURCE_MODEL);
	EXPECT_EQ(vaccel_resource_get_by_id(&found, id), VACCEL_OK);
	EXPECT_EQ(found, res);
	EXPECT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_get_by_id(&found, id), VACCEL_ENOENT);
	struct vaccel_resource *all = nullptr;
	EXPECT_EQ(vaccel_resource_get_by_type(&all, VACCEL_RESOURCE_MODEL),
		  VACCEL_ENOENT);
}

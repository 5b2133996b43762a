#include "exec_fixture.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#define DEP_LIB "tests/backends/libexec-dep.so"
#define MAIN_LIB "tests/backends/libexec-main.so"

static std::vector<char> ReadFile(const char *path)
{
	std::ifstream in(path, std::ios::binary);
	return std::vector<char>(std::istreambuf_iterator<char>(in), {});
}

/* vaccel_exec_with_resource through the exec plugin (docs/exec.md). */
class ExecResourceTest : public ExecFixture
{
      protected:
	int Add(struct vaccel_resource *res, int32_t x, int32_t y, int32_t *sum)
	{
		struct vaccel_arg read[] = {Arg(&x, 4), Arg(&y, 4)};
		struct vaccel_arg write[] = {Arg(sum, 4)};
		return vaccel_exec_with_resource(&sess, res, "add_int32", read,
						 2, write, 1);
	}

	int32_t Count(struct vaccel_resource *res)
	{
		int32_t n = -1;
		struct vaccel_arg write[] = {Arg(&n, 4)};
		EXPECT_EQ(vaccel_exec_with_resource(&sess, res, "count_calls",
						    nullptr, 0, write, 1),
			  VACCEL_OK);
		return n;
	}
};

TEST_F(ExecResourceTest, FromPath)
{
	Start();
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, TEST_LIB, VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	int32_t sum = 0;
	ASSERT_EQ(Add(&res, 30, 12, &sum), VACCEL_OK);
	EXPECT_EQ(sum, 42);
	EXPECT_NE(res.plugin_priv, nullptr); /* the libraries are cached */
	ASSERT_EQ(vaccel_resource_unregister(&res, &sess), VACCEL_OK);
	EXPECT_EQ(res.plugin_priv, nullptr); /* and dropped */
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
}

TEST_F(ExecResourceTest, FromMemoryBuffer)
{
	Start();
	std::vector<char> bytes = ReadFile(TEST_LIB);
	ASSERT_GT(bytes.size(), 0u);
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(vaccel_resource_from_buf(&res, bytes.data(), bytes.size(),
					   VACCEL_RESOURCE_LIB,
					   "libexec-test.so", true),
		  VACCEL_OK);
	ASSERT_EQ(res->nr_blobs, 1u);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	int32_t sum = 0;
	ASSERT_EQ(Add(res, -2, 9, &sum), VACCEL_OK);
	EXPECT_EQ(sum, 7);
	EXPECT_LOG_HAS("loading libexec-test.so from memory");
	char in[] = "memfd", out[8];
	uint64_t len = 0;
	struct vaccel_arg read[] = {Arg(in, sizeof(in))};
	struct vaccel_arg write[] = {Arg(out, sizeof(out)), Arg(&len, 8)};
	ASSERT_EQ(
	    vaccel_exec_with_resource(&sess, res, "reverse", read, 1, write, 2),
	    VACCEL_OK);
	EXPECT_STREQ(out, "dfmem");
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
}

TEST_F(ExecResourceTest, PersistedBuffer)
{
	/* Not mem_only: the bytes are written to the run directory and
	 * loaded from that file. */
	Start();
	std::vector<char> bytes = ReadFile(TEST_LIB);
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(vaccel_resource_from_buf(&res, bytes.data(), bytes.size(),
					   VACCEL_RESOURCE_LIB,
					   "libexec-test.so", false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	int32_t sum = 0;
	ASSERT_EQ(Add(res, 1, 1, &sum), VACCEL_OK);
	EXPECT_EQ(sum, 2);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
}

TEST_F(ExecResourceTest, MemoryCopiesAreIndependent)
{
	/* Two in-memory copies of one library are two libraries: each has
	 * its own static counter. */
	Start();
	std::vector<char> bytes = ReadFile(TEST_LIB);
	struct vaccel_resource *r1 = nullptr, *r2 = nullptr;
	ASSERT_EQ(vaccel_resource_from_buf(&r1, bytes.data(), bytes.size(),
					   VACCEL_RESOURCE_LIB, "one.so", true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_from_buf(&r2, bytes.data(), bytes.size(),
					   VACCEL_RESOURCE_LIB, "two.so", true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(r1, &sess), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(r2, &sess), VACCEL_OK);
	EXPECT_EQ(Count(r1), 1);
	EXPECT_EQ(Count(r1), 2);
	EXPECT_EQ(Count(r2), 1);
	EXPECT_EQ(Count(r1), 3);
	vaccel_resource_delete(r2);
	vaccel_resource_delete(r1);
}

TEST_F(ExecResourceTest, CachedUntilUnregistered)
{
	Start();
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, TEST_LIB, VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	EXPECT_EQ(Count(&res), 1);
	EXPECT_EQ(Count(&res), 2);
	/* Unregistering unloads the library: its counter starts again. */
	ASSERT_EQ(vaccel_resource_unregister(&res, &sess), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	EXPECT_EQ(Count(&res), 1);
	vaccel_resource_release(&res);
}

TEST_F(ExecResourceTest, DlcloseEnabledLoadsPerCall)
{
	setenv("VACCEL_EXEC_DLCLOSE_ENABLED", "1", 1);
	Start();
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, TEST_LIB, VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	EXPECT_EQ(Count(&res), 1);
	EXPECT_EQ(Count(&res), 1);
	EXPECT_EQ(res.plugin_priv, nullptr);
	vaccel_resource_release(&res);
}

TEST_F(ExecResourceTest, DependenciesFirstFunctionFromLast)
{
	Start();
	const char *paths[] = {DEP_LIB, MAIN_LIB};
	struct vaccel_resource res;
	ASSERT_EQ(
	    vaccel_resource_init_multi(&res, paths, 2, VACCEL_RESOURCE_LIB),
	    VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	int32_t x = 6, out = 0;
	struct vaccel_arg read[] = {Arg(&x, 4)};
	struct vaccel_arg write[] = {Arg(&out, 4)};
	ASSERT_EQ(vaccel_exec_with_resource(&sess, &res, "use_dep", read, 1,
					    write, 1),
		  VACCEL_OK);
	EXPECT_EQ(out, 1240); /* 1234 from the dependency + 6 */
	vaccel_resource_release(&res);
}

TEST_F(ExecResourceTest, DependenciesFromMemory)
{
	Start();
	std::vector<char> dep = ReadFile(DEP_LIB), main = ReadFile(MAIN_LIB);
	struct vaccel_blob b1, b2;
	ASSERT_EQ(vaccel_blob_init_from_buf(&b1, (const uint8_t *)dep.data(),
					    dep.size(), false, "libexec-dep.so",
					    nullptr, false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_blob_init_from_buf(&b2, (const uint8_t *)main.data(),
					    main.size(), false,
					    "libexec-main.so", nullptr, false),
		  VACCEL_OK);
	const struct vaccel_blob *blobs[] = {&b1, &b2};
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init_from_blobs(&res, blobs, 2,
						  VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	int32_t x = -34, out = 0;
	struct vaccel_arg read[] = {Arg(&x, 4)};
	struct vaccel_arg write[] = {Arg(&out, 4)};
	ASSERT_EQ(vaccel_exec_with_resource(&sess, &res, "use_dep", read, 1,
					    write, 1),
		  VACCEL_OK);
	EXPECT_EQ(out, 1200);
	vaccel_resource_release(&res);
	vaccel_blob_release(&b2);
	vaccel_blob_release(&b1);
}

TEST_F(ExecResourceTest, MissingDependencyFailsTheLoad)
{
	/* The main library alone (or listed first) cannot load. */
	Start();
	const char *paths[] = {MAIN_LIB, DEP_LIB};
	struct vaccel_resource res;
	ASSERT_EQ(
	    vaccel_resource_init_multi(&res, paths, 2, VACCEL_RESOURCE_LIB),
	    VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	int32_t x = 1, out = 0;
	struct vaccel_arg read[] = {Arg(&x, 4)};
	struct vaccel_arg write[] = {Arg(&out, 4)};
	EXPECT_EQ(vaccel_exec_with_resource(&sess, &res, "use_dep", read, 1,
					    write, 1),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("cannot load library " MAIN_LIB);
	EXPECT_LOG_HAS("undefined symbol: exec_test_dep_value");
	EXPECT_EQ(res.plugin_priv, nullptr);
	vaccel_resource_release(&res);
}

TEST_F(ExecResourceTest, MissingSymbolIsEnosys)
{
	Start();
	std::vector<char> bytes = ReadFile(TEST_LIB);
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(vaccel_resource_from_buf(&res, bytes.data(), bytes.size(),
					   VACCEL_RESOURCE_LIB, "lib.so", true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	EXPECT_EQ(vaccel_exec_with_resource(&sess, res, "not_here", nullptr, 0,
					    nullptr, 0),
		  VACCEL_ENOSYS);
	EXPECT_LOG_HAS("has no function not_here");
	EXPECT_EQ(vaccel_exec_with_resource(&sess, res, "fail_7", nullptr, 0,
					    nullptr, 0),
		  VACCEL_EBACKEND);
	vaccel_resource_delete(res);
}

TEST_F(ExecResourceTest, NotALibraryIsEinval)
{
	Start();
	static const char junk[] = "this is not an ELF file";
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(vaccel_resource_from_buf(&res, junk, sizeof(junk),
					   VACCEL_RESOURCE_LIB, "junk.so",
					   true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	EXPECT_EQ(
	    vaccel_exec_with_resource(&sess, res, "f", nullptr, 0, nullptr, 0),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("cannot load library junk.so from memory");
	vaccel_resource_delete(res);
}

TEST_F(ExecResourceTest, UnregisteredResourceIsRefused)
{
	Start();
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, TEST_LIB, VACCEL_RESOURCE_LIB),
		  VACCEL_OK);
	int32_t sum = 0;
	EXPECT_EQ(Add(&res, 1, 2, &sum), VACCEL_EPERM);
	EXPECT_EQ(sum, 0);
	vaccel_resource_release(&res);
}

TEST_F(ExecResourceTest, ConcurrentFirstCallsLoadOnce)
{
	/* Threads race to make the first call: the library is loaded once
	 * and every sum is right. */
	Start();
	std::vector<char> bytes = ReadFile(TEST_LIB);
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(vaccel_resource_from_buf(&res, bytes.data(), bytes.size(),
					   VACCEL_RESOURCE_LIB, "lib.so", true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	std::atomic<int> bad{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < 8; t++)
		threads.emplace_back([&, t] {
			for (int i = 0; i < 50; i++) {
				int32_t sum = 0;
				if (Add(res, t, i, &sum) != VACCEL_OK ||
				    sum != t + i)
					bad++;
			}
		});
	for (auto &th : threads)
		th.join();
	EXPECT_EQ(bad, 0);
	size_t loads = 0;
	for (const auto &line : Lines(Log()))
		if (line.find("loading lib.so from memory") !=
		    std::string::npos)
			loads++;
	EXPECT_EQ(loads, 1u);
	vaccel_resource_delete(res);
}

static bool MappedNow(const std::string &path)
{
	std::ifstream in("/proc/self/maps");
	std::string maps((std::istreambuf_iterator<char>(in)), {});
	return maps.find(path) != std::string::npos;
}

/* One thread calls a resource's function in a loop while another
 * unregisters and releases the resource. A call may finish or be refused,
 * but none may load the library again after the unregister hook dropped it
 * (a call that passed the registration check just before the unregister
 * did so): each round's copy of the library must be unloaded after the
 * release. */
TEST_F(ExecResourceTest, UnregisterDuringACallLeavesNothingLoaded)
{
	Start();
	char dir[] = "/tmp/vaccel-exec-race.XXXXXX";
	ASSERT_NE(mkdtemp(dir), nullptr);
	std::vector<char> bytes = ReadFile(TEST_LIB);
	ASSERT_FALSE(bytes.empty());
	constexpr int kRounds = 100;
	int leaked = 0, bad = 0, ran = 0;

	for (int round = 0; round < kRounds; round++) {
		std::string lib = std::string(dir) + "/libround" +
				  std::to_string(round) + ".so";
		std::ofstream(lib, std::ios::binary)
		    .write(bytes.data(), (std::streamsize)bytes.size());
		struct vaccel_resource res;
		ASSERT_EQ(vaccel_resource_init(&res, lib.c_str(),
					       VACCEL_RESOURCE_LIB),
			  VACCEL_OK);
		ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
		std::atomic<int> calls{0};
		std::thread caller([&] {
			for (;;) {
				int32_t x = 2, y = 3, sum = 0;
				struct vaccel_arg read[] = {Arg(&x, 4),
							    Arg(&y, 4)};
				struct vaccel_arg write[] = {Arg(&sum, 4)};
				int ret = vaccel_exec_with_resource(
				    &sess, &res, "add_int32", read, 2, write,
				    1);
				if (ret == VACCEL_OK && sum == 5) {
					calls++;
					continue;
				}
				/* Unregistered, or released meanwhile. */
				if (ret != VACCEL_EPERM && ret != VACCEL_EINVAL)
					bad++;
				break;
			}
		});
		/* Once the library is loaded, at a varying moment. */
		while (calls.load() < 1 + round % 7)
			std::this_thread::yield();
		ASSERT_EQ(vaccel_resource_unregister(&res, &sess), VACCEL_OK);
		ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
		caller.join();
		ran += calls.load();
		if (MappedNow(lib))
			leaked++;
		unlink(lib.c_str());
	}
	rmdir(dir);
	EXPECT_EQ(bad, 0);
	EXPECT_GE(ran, kRounds);
	EXPECT_EQ(leaked, 0) << "of " << kRounds << " rounds";
}

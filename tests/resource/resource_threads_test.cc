#include "resource_test.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

class ResourceThreadsTest : public ResourceTest
{
};

/* Threads register and unregister shared resources to shared sessions at
 * random while others look them up and call ops with them: every call
 * gives a valid answer and the refcounts add up at the end. */
TEST_F(ResourceThreadsTest, ConcurrentRegistration)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	constexpr int kSess = 4, kRes = 4, kThreads = 8, kIters = 400;
	struct vaccel_session sess[kSess];
	struct vaccel_resource res[kRes];
	std::string path = Write("lib.so", "ELF");
	for (auto &s : sess)
		ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
	for (auto &r : res)
		ASSERT_EQ(
		    vaccel_resource_init(&r, path.c_str(), VACCEL_RESOURCE_LIB),
		    VACCEL_OK);
	std::atomic<int> bad{0}, registered{0}, unregistered{0}, ops_ok{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < kThreads; t++) {
		threads.emplace_back([&, t] {
			unsigned seed = (unsigned)t * 7919u + 1;
			for (int i = 0; i < kIters; i++) {
				seed = seed * 1103515245u + 12345u;
				auto *r = &res[(seed >> 8) % kRes];
				auto *s = &sess[(seed >> 16) % kSess];
				int ret;
				switch ((seed >> 24) % 4) {
				case 0:
					ret = vaccel_resource_register(r, s);
					if (ret == VACCEL_OK)
						registered++;
					else if (ret != VACCEL_EEXIST)
						bad++;
					break;
				case 1:
					ret = vaccel_resource_unregister(r, s);
					if (ret == VACCEL_OK)
						unregistered++;
					else if (ret != VACCEL_EINVAL)
						bad++;
					break;
				case 2: {
					struct vaccel_resource *f = nullptr;
					ret = vaccel_session_resource_by_id(
					    s, &f, r->id);
					if ((ret == VACCEL_OK && f != r) ||
					    (ret != VACCEL_OK &&
					     ret != VACCEL_ENOENT))
						bad++;
					break;
				}
				default:
					ret = vaccel_exec_with_resource(
					    s, r, "fn", nullptr, 0, nullptr, 0);
					if (ret == VACCEL_OK)
						ops_ok++;
					else if (ret != VACCEL_EPERM)
						bad++;
				}
			}
		});
	}
	for (auto &th : threads)
		th.join();
	EXPECT_EQ(bad.load(), 0);
	EXPECT_GT(registered.load(), 0);
	EXPECT_GT(unregistered.load(), 0);
	EXPECT_GT(ops_ok.load(), 0);
	long total = 0;
	for (auto &r : res) {
		long n = 0;
		for (auto &s : sess)
			n += vaccel_session_has_resource(&s, &r);
		EXPECT_EQ(vaccel_resource_refcount(&r), n);
		total += n;
	}
	EXPECT_EQ(total, registered.load() - unregistered.load());
	for (auto &r : res)
		EXPECT_EQ(vaccel_resource_release(&r), VACCEL_OK);
	for (auto &s : sess) {
		struct vaccel_resource **all = nullptr;
		size_t n = 9;
		EXPECT_EQ(vaccel_session_resources_by_type(&s, &all, &n,
							   VACCEL_RESOURCE_LIB),
			  VACCEL_ENOENT);
		EXPECT_EQ(n, 0u);
		EXPECT_EQ(vaccel_session_release(&s), VACCEL_OK);
	}
}

/* Threads create, register, look up and release their own resources at
 * once: ids stay unique and everything is gone at the end. */
TEST_F(ResourceThreadsTest, ConcurrentLifecycles)
{
	constexpr int kThreads = 8, kIters = 100;
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	static const char buf[] = "data";
	std::mutex ids_lock;
	std::set<vaccel_id_t> ids;
	std::atomic<int> bad{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < kThreads; t++) {
		threads.emplace_back([&] {
			for (int i = 0; i < kIters; i++) {
				struct vaccel_resource *r = nullptr,
						       *f = nullptr;
				if (vaccel_resource_from_buf(
					&r, buf, 4, VACCEL_RESOURCE_DATA, "d",
					i % 2 == 0) != VACCEL_OK) {
					bad++;
					continue;
				}
				{
					std::lock_guard<std::mutex> g(ids_lock);
					if (!ids.insert(r->id).second)
						bad++;
				}
				if (vaccel_resource_register(r, &sess) ||
				    vaccel_resource_get_by_id(&f, r->id) ||
				    f != r ||
				    vaccel_session_resource_by_id(&sess, &f,
								  r->id) ||
				    f != r || vaccel_resource_refcount(r) != 1)
					bad++;
				if (vaccel_resource_delete(r))
					bad++;
			}
		});
	}
	for (auto &th : threads)
		th.join();
	EXPECT_EQ(bad.load(), 0);
	EXPECT_EQ(ids.size(), (size_t)(kThreads * kIters));
	struct vaccel_resource *f;
	EXPECT_EQ(vaccel_resource_get_by_type(&f, VACCEL_RESOURCE_DATA),
		  VACCEL_ENOENT);
	EXPECT_EQ(
	    vaccel_session_resource_by_type(&sess, &f, VACCEL_RESOURCE_DATA),
	    VACCEL_ENOENT);
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
}

/* True when /proc/self/maps lists a mapping of `path`. */
static bool Mapped(const std::string &path)
{
	std::string maps = ReadFile("/proc/self/maps");
	return maps.find(path) != std::string::npos;
}

/* Threads read the bytes of one file blob at once, as plugins read a
 * model through the host table: the file is mapped exactly once, every
 * thread sees that one mapping, and release unmaps it. */
TEST_F(ResourceThreadsTest, ConcurrentBlobReadsMapOnce)
{
	constexpr int kThreads = 8, kRounds = 200;
	std::string content(4096, 'm');

	for (int round = 0; round < kRounds; round++) {
		std::string path =
		    Write("model" + std::to_string(round) + ".bin", content);
		struct vaccel_resource res;
		ASSERT_EQ(vaccel_resource_init(&res, path.c_str(),
					       VACCEL_RESOURCE_MODEL),
			  VACCEL_OK);
		struct vaccel_blob *blob = res.blobs[0];
		std::atomic<int> ready{0};
		std::vector<uint8_t *> seen(kThreads);
		std::vector<size_t> sizes(kThreads);
		std::vector<std::thread> threads;
		for (int t = 0; t < kThreads; t++) {
			threads.emplace_back([&, t] {
				ready++;
				while (ready.load() < kThreads)
					;
				seen[t] = vaccel_blob_data(blob, &sizes[t]);
			});
		}
		for (auto &th : threads)
			th.join();
		for (int t = 0; t < kThreads; t++) {
			ASSERT_NE(seen[t], nullptr);
			ASSERT_EQ(seen[t], seen[0]) << "round " << round;
			ASSERT_EQ(sizes[t], content.size());
		}
		ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
		ASSERT_FALSE(Mapped(path))
		    << "round " << round << ": still mapped after release";
	}
}

#define SLOWCACHE_PLUGIN "tests/resource/libtest-slowcache.so"

/* An op is running on a resource (it caches an object for it after 30 ms)
 * when another thread unregisters and releases the resource. The runtime
 * must run the plugin's unregister hook only after that op returned, so the
 * object it cached is removed: nothing may stay in the plugin's cache. */
TEST_F(ResourceThreadsTest, UnregisterWaitsForRunningOps)
{
	ASSERT_EQ(vaccel_plugin_load(SLOWCACHE_PLUGIN), VACCEL_OK);
	std::string path = Write("lib.so", "ELF");
	struct vaccel_session s;
	ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
	for (int round = 0; round < 5; round++) {
		struct vaccel_resource res;
		ASSERT_EQ(vaccel_resource_init(&res, path.c_str(),
					       VACCEL_RESOURCE_LIB),
			  VACCEL_OK);
		ASSERT_EQ(vaccel_resource_register(&res, &s), VACCEL_OK);
		std::atomic<bool> started{false};
		int ret = -1;
		std::thread op([&] {
			started = true;
			ret = vaccel_exec_with_resource(&s, &res, "f", nullptr,
							0, nullptr, 0);
		});
		while (!started)
			;
		std::this_thread::sleep_for(std::chrono::milliseconds(10));
		auto t0 = std::chrono::steady_clock::now();
		ASSERT_EQ(vaccel_resource_unregister(&res, &s), VACCEL_OK);
		auto waited = std::chrono::steady_clock::now() - t0;
		ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
		op.join();
		/* The op passed its checks before the unregister: it ran. */
		EXPECT_EQ(ret, VACCEL_OK) << "round " << round;
		/* The plugin's noop answers how many objects it caches. */
		EXPECT_EQ(vaccel_noop(&s), 0) << "round " << round;
		EXPECT_GE(waited, std::chrono::milliseconds(5))
		    << "round " << round << ": unregister did not wait";
	}
	EXPECT_EQ(vaccel_session_release(&s), VACCEL_OK);
}

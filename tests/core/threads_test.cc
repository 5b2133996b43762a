#include "vaccel_test.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

class ThreadsTest : public VaccelTest
{
};

static constexpr int kThreads = 8;
static constexpr int kIterations = 200;

TEST_F(ThreadsTest, SessionsAndOpsFromManyThreads)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("typed")), VACCEL_OK);
	std::atomic<int> failures{0};
	std::mutex ids_lock;
	std::set<vaccel_id_t> ids;

	auto work = [&](int t) {
		for (int i = 0; i < kIterations; i++) {
			struct vaccel_session s;
			if (vaccel_session_init(&s, 0) != VACCEL_OK) {
				failures++;
				continue;
			}
			{
				std::lock_guard<std::mutex> g(ids_lock);
				if (!ids.insert(s.id).second)
					failures++;
			}
			double in[2] = {(double)t, (double)-i}, out[2];
			double min = 0, max = 0;
			unsigned char text[32];
			vaccel_op_type_t op = VACCEL_OP_NOOP;
			struct vaccel_arg rd = {&op, sizeof(op), VACCEL_ARG_RAW,
						0, false};
			if (vaccel_noop(&s) != VACCEL_OK ||
			    vaccel_genop(&s, &rd, 1, nullptr, 0) != VACCEL_OK ||
			    vaccel_minmax(&s, in, 2, -1000, 1000, out, &min,
					  &max) != VACCEL_OK ||
			    min != -i || max != t ||
			    vaccel_image_classification(
				&s, "x", text, text, 1, sizeof(text),
				sizeof(text)) != VACCEL_OK)
				failures++;
			if (vaccel_session_release(&s) != VACCEL_OK)
				failures++;
		}
	};
	std::vector<std::thread> threads;
	for (int t = 0; t < kThreads; t++)
		threads.emplace_back(work, t);
	for (auto &th : threads)
		th.join();
	EXPECT_EQ(failures.load(), 0);
	EXPECT_EQ(ids.size(), (size_t)kThreads * kIterations);
}

TEST_F(ThreadsTest, ConcurrentCallsOnOneSession)
{
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("typed")), VACCEL_OK);
	struct vaccel_session s;
	ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
	std::atomic<int> failures{0};

	auto work = [&](int t) {
		for (int i = 0; i < kIterations; i++) {
			float a[4] = {(float)t, 1, 2, 3},
			      b[4] = {1, 1, 1, (float)i};
			float c[4];
			if (vaccel_fpga_vadd(&s, a, b, c, 4, 4) != VACCEL_OK ||
			    c[0] != t + 1 || c[3] != 3 + i)
				failures++;
		}
	};
	std::vector<std::thread> threads;
	for (int t = 0; t < kThreads; t++)
		threads.emplace_back(work, t);
	for (auto &th : threads)
		th.join();
	EXPECT_EQ(failures.load(), 0);
	EXPECT_EQ(vaccel_session_release(&s), VACCEL_OK);
}

TEST_F(ThreadsTest, PluginLoadWhileCalling)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	struct vaccel_session s;
	ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
	std::atomic<bool> stop{false};
	std::atomic<int> failures{0};
	std::atomic<long> calls{0};

	std::vector<std::thread> callers;
	for (int t = 0; t < 4; t++)
		callers.emplace_back([&] {
			while (!stop) {
				if (vaccel_noop(&s) != VACCEL_OK)
					failures++;
				calls++;
			}
		});
	/* Loading takes the registry's write lock between calls. */
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("typed")), VACCEL_OK);
	EXPECT_EQ(vaccel_plugin_load(TEST_PLUGIN("gpu")), VACCEL_OK);
	while (calls < 1000)
		std::this_thread::yield();
	stop = true;
	for (auto &th : callers)
		th.join();
	EXPECT_EQ(failures.load(), 0);
	EXPECT_EQ(vaccel_plugin_count(), 3u);
	EXPECT_EQ(vaccel_session_release(&s), VACCEL_OK);
}

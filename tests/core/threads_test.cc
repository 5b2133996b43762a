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

/* An op function that calls another vaccel op (as the agent and transports
 * do) while another thread keeps changing the registry: with the
 * copy-on-write registry neither side waits for the other. */
static std::atomic<int> nested_calls{0};

static int app_noop(struct vaccel_session *sess)
{
	(void)sess;
	return VACCEL_OK;
}

static int nested_minmax(struct vaccel_session *sess, const double *in, int n,
			 int low, int high, double *out, double *min,
			 double *max)
{
	(void)low, (void)high;
	int ret = vaccel_noop(sess); /* nested dispatch */
	if (ret)
		return ret;
	nested_calls++;
	*min = *max = in[0];
	for (int i = 0; i < n; i++) {
		out[i] = in[i];
		*min = in[i] < *min ? in[i] : *min;
		*max = in[i] > *max ? in[i] : *max;
	}
	return VACCEL_OK;
}

TEST_F(ThreadsTest, NestedDispatchWhileTheRegistryChanges)
{
	struct vaccel_op ops[] = {
	    VACCEL_PLUGIN_OP(noop, app_noop),
	    VACCEL_PLUGIN_OP(minmax, nested_minmax),
	};
	ASSERT_EQ(vaccel_plugin_register_ops(ops, 2), VACCEL_OK);
	nested_calls = 0;
	std::atomic<bool> stop{false};
	std::atomic<int> failures{0};

	std::thread writer([&] {
		/* Re-registering publishes a new registry every time. */
		while (!stop)
			if (vaccel_plugin_register_ops(ops, 2) != VACCEL_OK)
				failures++;
	});
	std::vector<std::thread> callers;
	for (int t = 0; t < 4; t++)
		callers.emplace_back([&, t] {
			struct vaccel_session s;
			if (vaccel_session_init(&s, 0) != VACCEL_OK) {
				failures++;
				return;
			}
			for (int i = 0; i < kIterations; i++) {
				double in[3] = {(double)t, -1.0 * i, 5}, out[3];
				double min = 0, max = 0;
				if (vaccel_minmax(&s, in, 3, 0, 0, out, &min,
						  &max) != VACCEL_OK ||
				    min != (i > 0 ? -i : 0) ||
				    max != (t > 5 ? t : 5))
					failures++;
			}
			vaccel_session_release(&s);
		});
	for (auto &th : callers)
		th.join();
	stop = true;
	writer.join();
	EXPECT_EQ(failures.load(), 0);
	EXPECT_EQ(nested_calls.load(), 4 * kIterations);
}

/* One thread restarts the runtime (cleanup, then bootstrap with another log
 * level) while others call ops and read the runtime's state: every call
 * either runs or gets a clean VACCEL_ENOTSUP, and (under ThreadSanitizer)
 * the initialised flag and the log level are never read mid-write. */
TEST_F(ThreadsTest, RestartWhileOpsRun)
{
	Bootstrap(VACCEL_LOG_ERROR, false, NOOP_PLUGIN);
	struct vaccel_session s;
	ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
	std::atomic<bool> stop{false};
	std::atomic<int> ok{0}, refused{0}, bad{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < 4; t++) {
		threads.emplace_back([&] {
			while (!stop) {
				int ret = vaccel_noop(&s);
				if (ret == VACCEL_OK)
					ok++;
				else if (ret == VACCEL_ENOTSUP)
					refused++;
				else
					bad++;
				if (vaccel_log_level() > VACCEL_LOG_DEBUG)
					bad++;
				(void)vaccel_is_initialized();
			}
		});
	}
	for (int i = 0; i < 40; i++) {
		vaccel_cleanup();
		Bootstrap(i % 2 ? VACCEL_LOG_ERROR : VACCEL_LOG_WARN, false,
			  NOOP_PLUGIN);
		while (ok.load() < i)
			std::this_thread::yield();
	}
	stop = true;
	for (auto &th : threads)
		th.join();
	EXPECT_EQ(bad.load(), 0);
	EXPECT_GE(ok.load(), 40);
	EXPECT_EQ(vaccel_noop(&s), VACCEL_OK);
	EXPECT_EQ(vaccel_session_release(&s), VACCEL_OK);
}

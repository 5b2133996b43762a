#include "vaccel_test.h"

#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace
{

struct Stats {
	uint64_t count = 0, total = 0, min = 0, max = 0;
};

Stats GetStats(const struct vaccel_prof_region *r)
{
	Stats s;
	EXPECT_EQ(
	    vaccel_prof_region_stats(r, &s.count, &s.total, &s.min, &s.max),
	    VACCEL_OK);
	return s;
}

void SleepMs(int ms)
{
	usleep(ms * 1000);
}

} // namespace

class ProfTest : public VaccelTest
{
      protected:
	void EnableProfiling()
	{
		Bootstrap(VACCEL_LOG_DEBUG, true);
		ASSERT_TRUE(vaccel_prof_enabled());
	}
};

TEST_F(ProfTest, StaticRegionInit)
{
	struct vaccel_prof_region r = VACCEL_PROF_REGION_INIT("static-region");

	EXPECT_STREQ(r.name, "static-region");
	EXPECT_FALSE(r.name_owned);
	EXPECT_EQ(r.stats, nullptr);
	Stats s = GetStats(&r);
	EXPECT_EQ(s.count, 0u);
	EXPECT_EQ(s.total, 0u);

	EnableProfiling();
	ASSERT_EQ(vaccel_prof_region_start(&r), VACCEL_OK);
	ASSERT_EQ(vaccel_prof_region_stop(&r), VACCEL_OK);
	EXPECT_EQ(GetStats(&r).count, 1u);
	EXPECT_NE(r.stats, nullptr);
	EXPECT_EQ(vaccel_prof_region_release(&r), VACCEL_OK);
	EXPECT_EQ(r.stats, nullptr);
	EXPECT_EQ(r.name, nullptr);
}

TEST_F(ProfTest, DisabledRecordsNothing)
{
	struct vaccel_prof_region r = VACCEL_PROF_REGION_INIT("off-region");

	ASSERT_FALSE(vaccel_prof_enabled());
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ(vaccel_prof_region_start(&r), VACCEL_OK);
		EXPECT_EQ(vaccel_prof_region_stop(&r), VACCEL_OK);
	}
	/* Stop without start is not an error while disabled. */
	EXPECT_EQ(vaccel_prof_region_stop(&r), VACCEL_OK);
	Stats s = GetStats(&r);
	EXPECT_EQ(s.count, 0u);
	EXPECT_EQ(s.total, 0u);
	EXPECT_EQ(s.min, 0u);
	EXPECT_EQ(s.max, 0u);
	EXPECT_EQ(r.stats, nullptr);
	EXPECT_EQ(vaccel_prof_region_release(&r), VACCEL_OK);
}

TEST_F(ProfTest, EnabledTimesEachPair)
{
	struct vaccel_prof_region r = VACCEL_PROF_REGION_INIT("timed");

	EnableProfiling();
	for (int i = 0; i < 3; i++) {
		ASSERT_EQ(vaccel_prof_region_start(&r), VACCEL_OK);
		SleepMs(1);
		ASSERT_EQ(vaccel_prof_region_stop(&r), VACCEL_OK);
	}
	Stats s = GetStats(&r);
	EXPECT_EQ(s.count, 3u);
	EXPECT_GE(s.total, 3000000u);
	EXPECT_GE(s.min, 1000000u);
	EXPECT_LE(s.min, s.max);
	EXPECT_LE(s.max, s.total);
	EXPECT_GE(s.total, s.min * 3);
	EXPECT_EQ(vaccel_prof_region_release(&r), VACCEL_OK);
}

TEST_F(ProfTest, NestedRegions)
{
	struct vaccel_prof_region outer = VACCEL_PROF_REGION_INIT("outer");
	struct vaccel_prof_region inner = VACCEL_PROF_REGION_INIT("inner");

	EnableProfiling();
	ASSERT_EQ(vaccel_prof_region_start(&outer), VACCEL_OK);
	SleepMs(1);
	ASSERT_EQ(vaccel_prof_region_start(&inner), VACCEL_OK);
	SleepMs(1);
	ASSERT_EQ(vaccel_prof_region_stop(&inner), VACCEL_OK);
	ASSERT_EQ(vaccel_prof_region_stop(&outer), VACCEL_OK);

	Stats o = GetStats(&outer), i = GetStats(&inner);
	EXPECT_EQ(o.count, 1u);
	EXPECT_EQ(i.count, 1u);
	EXPECT_GE(i.total, 1000000u);
	EXPECT_GE(o.total, 2000000u);
	EXPECT_GT(o.total, i.total);

	/* Stopping out of order still matches each region's own start. */
	ASSERT_EQ(vaccel_prof_region_start(&outer), VACCEL_OK);
	ASSERT_EQ(vaccel_prof_region_start(&inner), VACCEL_OK);
	ASSERT_EQ(vaccel_prof_region_stop(&outer), VACCEL_OK);
	ASSERT_EQ(vaccel_prof_region_stop(&inner), VACCEL_OK);
	EXPECT_EQ(GetStats(&outer).count, 2u);
	EXPECT_EQ(GetStats(&inner).count, 2u);
	/* Nothing is left open. */
	EXPECT_EQ(vaccel_prof_region_stop(&inner), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_region_stop(&outer), VACCEL_EINVAL);

	EXPECT_EQ(vaccel_prof_region_release(&outer), VACCEL_OK);
	EXPECT_EQ(vaccel_prof_region_release(&inner), VACCEL_OK);
}

TEST_F(ProfTest, SameRegionNestedTwice)
{
	struct vaccel_prof_region r = VACCEL_PROF_REGION_INIT("recursive");

	EnableProfiling();
	ASSERT_EQ(vaccel_prof_region_start(&r), VACCEL_OK);
	SleepMs(2);
	ASSERT_EQ(vaccel_prof_region_start(&r), VACCEL_OK);
	SleepMs(1);
	ASSERT_EQ(vaccel_prof_region_stop(&r), VACCEL_OK);
	ASSERT_EQ(vaccel_prof_region_stop(&r), VACCEL_OK);

	Stats s = GetStats(&r);
	EXPECT_EQ(s.count, 2u);
	/* Inner sample ~1 ms, outer ~3 ms. */
	EXPECT_GE(s.min, 1000000u);
	EXPECT_GE(s.max, 3000000u);
	EXPECT_GT(s.max, s.min);
	EXPECT_EQ(s.total, s.min + s.max);
	EXPECT_EQ(vaccel_prof_region_stop(&r), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_region_release(&r), VACCEL_OK);
}

TEST_F(ProfTest, StopWithoutStartWhenEnabled)
{
	struct vaccel_prof_region r = VACCEL_PROF_REGION_INIT("unstarted");

	EnableProfiling();
	EXPECT_EQ(vaccel_prof_region_stop(&r), VACCEL_EINVAL);
	EXPECT_EQ(GetStats(&r).count, 0u);
	EXPECT_EQ(vaccel_prof_region_release(&r), VACCEL_OK);
}

TEST_F(ProfTest, NullArguments)
{
	uint64_t n = 7;

	EnableProfiling();
	EXPECT_EQ(vaccel_prof_region_start(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_region_stop(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_region_print(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(
	    vaccel_prof_region_stats(nullptr, &n, nullptr, nullptr, nullptr),
	    VACCEL_EINVAL);
	EXPECT_EQ(n, 7u);
	EXPECT_EQ(vaccel_prof_region_release(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_regions_init(nullptr, 1), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_regions_release(nullptr, 1), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_regions_print_all(nullptr, 1), VACCEL_EINVAL);
}

TEST_F(ProfTest, InitAndReleaseOwnTheName)
{
	struct vaccel_prof_region r;
	char name[] = "owned-name";

	EXPECT_EQ(vaccel_prof_region_init(nullptr, "x"), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_region_init(&r, nullptr), VACCEL_EINVAL);

	ASSERT_EQ(vaccel_prof_region_init(&r, name), VACCEL_OK);
	EXPECT_NE(r.name, name);
	EXPECT_STREQ(r.name, "owned-name");
	EXPECT_TRUE(r.name_owned);
	EXPECT_EQ(r.stats, nullptr);
	name[0] = 'X';
	EXPECT_STREQ(r.name, "owned-name");

	EnableProfiling();
	ASSERT_EQ(vaccel_prof_region_start(&r), VACCEL_OK);
	ASSERT_EQ(vaccel_prof_region_stop(&r), VACCEL_OK);
	EXPECT_EQ(GetStats(&r).count, 1u);

	/* ASan's leak check fails the test if release keeps the name. */
	EXPECT_EQ(vaccel_prof_region_release(&r), VACCEL_OK);
	EXPECT_EQ(r.name, nullptr);
	EXPECT_FALSE(r.name_owned);
	EXPECT_EQ(r.stats, nullptr);
	EXPECT_EQ(GetStats(&r).count, 0u);
}

TEST_F(ProfTest, StartAndStopByName)
{
	struct vaccel_prof_region regions[3] = {
	    VACCEL_PROF_REGION_INIT("alpha"),
	    VACCEL_PROF_REGION_INIT("beta"),
	    VACCEL_PROF_REGION_INIT("gamma"),
	};

	ASSERT_EQ(vaccel_prof_regions_init(regions, 3), VACCEL_OK);
	EnableProfiling();
	for (int i = 0; i < 2; i++) {
		ASSERT_EQ(vaccel_prof_regions_start_by_name(regions, 3, "beta"),
			  VACCEL_OK);
		ASSERT_EQ(vaccel_prof_regions_stop_by_name(regions, 3, "beta"),
			  VACCEL_OK);
	}
	ASSERT_EQ(vaccel_prof_regions_start_by_name(regions, 3, "gamma"),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_prof_regions_stop_by_name(regions, 3, "gamma"),
		  VACCEL_OK);
	EXPECT_EQ(GetStats(&regions[0]).count, 0u);
	EXPECT_EQ(GetStats(&regions[1]).count, 2u);
	EXPECT_EQ(GetStats(&regions[2]).count, 1u);

	EXPECT_EQ(vaccel_prof_regions_start_by_name(regions, 3, "delta"),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_regions_stop_by_name(regions, 3, "delta"),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_regions_start_by_name(regions, 3, nullptr),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_prof_regions_start_by_name(nullptr, 3, "beta"),
		  VACCEL_EINVAL);
	/* "gamma" is outside the first two regions. */
	EXPECT_EQ(vaccel_prof_regions_start_by_name(regions, 2, "gamma"),
		  VACCEL_EINVAL);
	/* Stop by name without a start. */
	EXPECT_EQ(vaccel_prof_regions_stop_by_name(regions, 3, "alpha"),
		  VACCEL_EINVAL);

	EXPECT_EQ(vaccel_prof_regions_release(regions, 3), VACCEL_OK);
	for (const auto &r : regions)
		EXPECT_EQ(r.stats, nullptr);
}

TEST_F(ProfTest, PrintAllToBuf)
{
	struct vaccel_prof_region regions[3] = {
	    VACCEL_PROF_REGION_INIT("first"),
	    VACCEL_PROF_REGION_INIT("second"),
	    VACCEL_PROF_REGION_INIT("third"),
	};
	const int calls[3] = {2, 0, 1};

	EnableProfiling();
	for (int i = 0; i < 3; i++)
		for (int k = 0; k < calls[i]; k++) {
			ASSERT_EQ(vaccel_prof_region_start(&regions[i]),
				  VACCEL_OK);
			ASSERT_EQ(vaccel_prof_region_stop(&regions[i]),
				  VACCEL_OK);
		}

	char *buf = nullptr;
	ASSERT_EQ(vaccel_prof_regions_print_all_to_buf(&buf, 0, regions, 3),
		  VACCEL_OK);
	ASSERT_NE(buf, nullptr);
	std::string text = buf;
	free(buf);
	std::vector<std::string> lines = Lines(text);
	ASSERT_EQ(lines.size(), 3u) << text;
	for (int i = 0; i < 3; i++) {
		std::string want = std::string("[prof] ") + regions[i].name +
				   ": calls " + std::to_string(calls[i]) + " ";
		EXPECT_NE(lines[i].find(want), std::string::npos)
		    << "want \"" << want << "\" in " << lines[i];
	}
	EXPECT_EQ(text.back(), '\n');

	/* A caller's buffer that is big enough. */
	char big[1024];
	char *p = big;
	ASSERT_EQ(
	    vaccel_prof_regions_print_all_to_buf(&p, sizeof(big), regions, 3),
	    VACCEL_OK);
	EXPECT_EQ(p, big);
	EXPECT_EQ(std::string(big), text);

	/* Too small: ENOSPC, and what fits stays NUL-terminated. */
	char small[16];
	p = small;
	EXPECT_EQ(
	    vaccel_prof_regions_print_all_to_buf(&p, sizeof(small), regions, 3),
	    VACCEL_ENOSPC);
	EXPECT_LT(strlen(small), sizeof(small));

	/* Room for the first line only. */
	size_t first_len = lines[0].size() + 1;
	std::vector<char> one(first_len + 1);
	p = one.data();
	EXPECT_EQ(
	    vaccel_prof_regions_print_all_to_buf(&p, one.size(), regions, 3),
	    VACCEL_ENOSPC);
	EXPECT_EQ(std::string(one.data()), lines[0] + "\n");

	EXPECT_EQ(vaccel_prof_regions_print_all_to_buf(nullptr, 64, regions, 3),
		  VACCEL_EINVAL);
	p = small;
	EXPECT_EQ(vaccel_prof_regions_print_all_to_buf(&p, 0, regions, 3),
		  VACCEL_EINVAL);

	EXPECT_EQ(vaccel_prof_regions_release(regions, 3), VACCEL_OK);
}

TEST_F(ProfTest, PrintAllWritesToTheLogAtInfo)
{
	struct vaccel_prof_region regions[2] = {
	    VACCEL_PROF_REGION_INIT("logged-a"),
	    VACCEL_PROF_REGION_INIT("logged-b"),
	};

	EnableProfiling();
	ASSERT_EQ(vaccel_prof_region_start(&regions[1]), VACCEL_OK);
	ASSERT_EQ(vaccel_prof_region_stop(&regions[1]), VACCEL_OK);
	ClearLog();
	EXPECT_EQ(vaccel_prof_regions_print_all(regions, 2), VACCEL_OK);
	EXPECT_LOG_HAS("[prof] logged-a: calls 0 ");
	EXPECT_LOG_HAS("[prof] logged-b: calls 1 ");
	EXPECT_LOG_HAS("INFO");
	EXPECT_EQ(Lines(Log()).size(), 2u) << Log();
	EXPECT_EQ(vaccel_prof_regions_release(regions, 2), VACCEL_OK);
}

TEST_F(ProfTest, ConcurrentStartStopOnOneRegion)
{
	constexpr int kThreads = 8;
	constexpr int kIters = 100;
	struct vaccel_prof_region r;
	std::vector<std::thread> threads;
	std::vector<int> failures(kThreads, 0);

	ASSERT_EQ(vaccel_prof_region_init(&r, "shared"), VACCEL_OK);
	EnableProfiling();
	for (int t = 0; t < kThreads; t++)
		threads.emplace_back([&r, &failures, t] {
			for (int i = 0; i < kIters; i++) {
				if (vaccel_prof_region_start(&r) != VACCEL_OK)
					failures[t]++;
				if (vaccel_prof_region_stop(&r) != VACCEL_OK)
					failures[t]++;
			}
		});
	for (auto &th : threads)
		th.join();

	for (int t = 0; t < kThreads; t++)
		EXPECT_EQ(failures[t], 0) << "thread " << t;
	Stats s = GetStats(&r);
	EXPECT_EQ(s.count, (uint64_t)(kThreads * kIters));
	EXPECT_LE(s.min, s.max);
	EXPECT_GE(s.total, s.max);
	EXPECT_EQ(vaccel_prof_region_release(&r), VACCEL_OK);
}

TEST_F(ProfTest, OpRegions)
{
	const struct vaccel_prof_region *noop =
	    vaccel_prof_op_region(VACCEL_OP_NOOP);
	ASSERT_NE(noop, nullptr);
	EXPECT_STREQ(noop->name, "vaccel_noop_op");
	EXPECT_EQ(vaccel_prof_op_region(VACCEL_OP_NOOP), noop);
	ASSERT_NE(vaccel_prof_op_region(VACCEL_OP_TORCH_MODEL_RUN), nullptr);
	EXPECT_STREQ(vaccel_prof_op_region(VACCEL_OP_TORCH_MODEL_RUN)->name,
		     "vaccel_torch_model_run_op");

	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		const struct vaccel_prof_region *r = vaccel_prof_op_region(op);
		const struct vaccel_op_desc *d = vaccel_op_desc_get(op);
		ASSERT_NE(r, nullptr) << op;
		ASSERT_NE(d, nullptr) << op;
		EXPECT_EQ(std::string(r->name),
			  std::string("vaccel_") + d->name + "_op");
	}
	EXPECT_EQ(vaccel_prof_op_region(VACCEL_OP_MAX), nullptr);
	EXPECT_EQ(vaccel_prof_op_region(999), nullptr);
}

TEST_F(ProfTest, NoopCallsAreCountedWhenEnabled)
{
	struct vaccel_session sess;
	const struct vaccel_prof_region *r =
	    vaccel_prof_op_region(VACCEL_OP_NOOP);
	ASSERT_NE(r, nullptr);

	EnableProfiling();
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	EXPECT_EQ(GetStats(r).count, 0u);
	for (int i = 0; i < 5; i++)
		ASSERT_EQ(vaccel_noop(&sess), VACCEL_OK);
	Stats s = GetStats(r);
	EXPECT_EQ(s.count, 5u);
	EXPECT_LE(s.min, s.max);
	EXPECT_GE(s.total, s.max);
	ASSERT_EQ(vaccel_session_release(&sess), VACCEL_OK);

	/* Cleanup reports the op regions at INFO, then forgets them. */
	ClearLog();
	ASSERT_EQ(vaccel_cleanup(), VACCEL_OK);
	std::string log = Log();
	bool found = false;
	for (const std::string &line : Lines(log)) {
		if (line.find("[prof] vaccel_noop_op") == std::string::npos)
			continue;
		found = true;
		EXPECT_NE(line.find("INFO"), std::string::npos) << line;
		EXPECT_NE(line.find("calls 5 "), std::string::npos) << line;
	}
	EXPECT_TRUE(found) << log;
	/* Ops that never ran are not reported. */
	EXPECT_EQ(log.find("vaccel_exec_op"), std::string::npos) << log;
	EXPECT_FALSE(vaccel_prof_enabled());
	EXPECT_EQ(GetStats(r).count, 0u);
}

TEST_F(ProfTest, NoopCallsAreNotCountedWhenDisabled)
{
	struct vaccel_session sess;
	const struct vaccel_prof_region *r =
	    vaccel_prof_op_region(VACCEL_OP_NOOP);
	ASSERT_NE(r, nullptr);

	ASSERT_FALSE(vaccel_prof_enabled());
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	for (int i = 0; i < 5; i++)
		ASSERT_EQ(vaccel_noop(&sess), VACCEL_OK);
	EXPECT_EQ(GetStats(r).count, 0u);
	ASSERT_EQ(vaccel_session_release(&sess), VACCEL_OK);

	ClearLog();
	ASSERT_EQ(vaccel_cleanup(), VACCEL_OK);
	EXPECT_EQ(Log().find("[prof]"), std::string::npos) << Log();
}

TEST_F(ProfTest, NamedRegionsAreMadeOnceAndSampledWhenEnabled)
{
	const char *name = "prof_test.named.stage";

	EXPECT_EQ(vaccel_prof_region_find("prof_test.never.made"), nullptr);
	EXPECT_EQ(vaccel_prof_region_find(nullptr), nullptr);
	EXPECT_EQ(vaccel_prof_region_get(nullptr), nullptr);
	struct vaccel_prof_region *r = vaccel_prof_region_get(name);
	ASSERT_NE(r, nullptr);
	EXPECT_STREQ(r->name, name);
	EXPECT_EQ(vaccel_prof_region_get(name), r);
	EXPECT_EQ(vaccel_prof_region_find(name), r);
	EXPECT_EQ(vaccel_prof_region_add(nullptr, 1), VACCEL_EINVAL);

	/* Off: a sample is dropped. */
	EXPECT_EQ(vaccel_prof_region_add(r, 1000), VACCEL_OK);
	EXPECT_EQ(GetStats(r).count, 0u);

	EnableProfiling();
	EXPECT_EQ(vaccel_prof_region_add(r, 3000), VACCEL_OK);
	EXPECT_EQ(vaccel_prof_region_add(r, 1000), VACCEL_OK);
	Stats s = GetStats(r);
	EXPECT_EQ(s.count, 2u);
	EXPECT_EQ(s.total, 4000u);
	EXPECT_EQ(s.min, 1000u);
	EXPECT_EQ(s.max, 3000u);

	/* Printed at cleanup with the op regions, then reset; the region
	 * itself stays (transports cache the pointer). */
	ClearLog();
	ASSERT_EQ(vaccel_cleanup(), VACCEL_OK);
	std::string log = Log();
	EXPECT_NE(log.find("[prof] prof_test.named.stage: calls 2 total 0.004 "
			   "ms"),
		  std::string::npos)
	    << log;
	EXPECT_EQ(vaccel_prof_region_find(name), r);
	EXPECT_EQ(GetStats(r).count, 0u);
}

/* Per-op profiling of the transport on both sides (docs/agent.md
 * "Logging and profiling"): with VACCEL_PROFILING_ENABLED in the client
 * and the agent, every op call through the agent adds one sample to the
 * client's rpc.<op>.{encode,wait,decode} and to the agent's
 * agent.<op>.{decode,run,reply}, and the stages fit inside the spans that
 * hold them; with profiling off nothing is recorded. */

#include "tests/core/vaccel_test.h"
#include "agent_process.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

namespace
{

constexpr int kNoops = 7;
constexpr int kCopies = 5;

const char *const kClientStages[] = {"encode", "wait", "decode"};
const char *const kAgentStages[] = {"decode", "run", "reply"};

struct Sample {
	uint64_t count = 0;
	double total_ms = 0;
};

/* The "[prof] NAME: calls N total T ms" lines of a log, by name. */
std::map<std::string, Sample> ProfLines(const std::string &log)
{
	std::map<std::string, Sample> out;
	const std::string tag = "[prof] ";

	for (size_t at = log.find(tag); at != std::string::npos;
	     at = log.find(tag, at + 1)) {
		size_t name = at + tag.size(), colon = log.find(": ", name);
		unsigned long long n;
		double ms;
		Sample s;

		if (colon == std::string::npos ||
		    sscanf(log.c_str() + colon, ": calls %llu total %lf ms", &n,
			   &ms) != 2)
			continue;
		s.count = n;
		s.total_ms = ms;
		out[log.substr(name, colon - name)] = s;
	}
	return out;
}

/* A client region's samples; count 0 when it was never made. */
Sample ClientRegion(const std::string &name)
{
	const struct vaccel_prof_region *r =
	    vaccel_prof_region_find(name.c_str());
	uint64_t n = 0, total = 0;
	Sample s;

	if (r) {
		EXPECT_EQ(
		    vaccel_prof_region_stats(r, &n, &total, nullptr, nullptr),
		    VACCEL_OK);
		EXPECT_STREQ(r->name, name.c_str());
	}
	s.count = n;
	s.total_ms = (double)total / 1e6;
	return s;
}

Sample CoreOpRegion(unsigned int op)
{
	uint64_t n = 0, total = 0;
	Sample s;

	EXPECT_EQ(vaccel_prof_region_stats(vaccel_prof_op_region(op), &n,
					   &total, nullptr, nullptr),
		  VACCEL_OK);
	s.count = n;
	s.total_ms = (double)total / 1e6;
	return s;
}

class ProfTest : public VaccelTest
{
      protected:
	AgentProcess agent;
	struct vaccel_session sess;

	void TearDown() override
	{
		unsetenv("VACCEL_PROFILING_ENABLED");
		VaccelTest::TearDown();
	}

	/* The agent (noop plugin) and this process, both profiling or
	 * not, then kNoops noops and kCopies fpga_arraycopy through it. */
	void RunCalls(bool profiling)
	{
		if (profiling)
			setenv("VACCEL_PROFILING_ENABLED", "1", 1);
		else
			unsetenv("VACCEL_PROFILING_ENABLED");
		ASSERT_EQ(agent.Start({agent.UnixAddress()}, {"-p", NOOP_SO}),
			  "");
		Bootstrap(VACCEL_LOG_DEBUG, profiling);
		setenv("VACCEL_RPC_ADDRESS", agent.addresses[0].c_str(), 1);
		ASSERT_EQ(vaccel_plugin_load(RPC_SO), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE),
			  VACCEL_OK);
		for (int i = 0; i < kNoops; i++)
			ASSERT_EQ(vaccel_noop(&sess), VACCEL_OK);
		for (int i = 0; i < kCopies; i++) {
			int a[4] = {i, 2, 3, 4}, out[4] = {0};

			ASSERT_EQ(vaccel_fpga_arraycopy(&sess, a, out, 4),
				  VACCEL_OK);
			ASSERT_EQ(out[0], i);
			ASSERT_EQ(out[3], 4);
		}
		ASSERT_EQ(vaccel_session_release(&sess), VACCEL_OK);
	}

	/* SIGTERM: the agent exits gracefully and prints its regions. */
	std::map<std::string, Sample> AgentRegions()
	{
		int status = agent.Kill(SIGTERM);

		EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
		    << "agent status " << status;
		return ProfLines(agent.Log());
	}
};

TEST_F(ProfTest, EveryCallCountsOnceOnBothSides)
{
	ASSERT_NO_FATAL_FAILURE(RunCalls(true));
	const std::pair<const char *, int> ops[] = {
	    {"noop", kNoops}, {"fpga_arraycopy", kCopies}};
	const unsigned int op_ids[] = {VACCEL_OP_NOOP,
				       VACCEL_OP_FPGA_ARRAYCOPY};

	for (int k = 0; k < 2; k++) {
		const std::string op = ops[k].first;
		double stages_ms = 0;

		for (const char *stage : kClientStages) {
			Sample s = ClientRegion("rpc." + op + "." + stage);

			EXPECT_EQ(s.count, (uint64_t)ops[k].second)
			    << op << " " << stage;
			stages_ms += s.total_ms;
		}
		/* The stages are inside the core's op region. */
		Sample core = CoreOpRegion(op_ids[k]);
		EXPECT_EQ(core.count, (uint64_t)ops[k].second) << op;
		EXPECT_GT(stages_ms, 0) << op;
		EXPECT_LE(stages_ms, core.total_ms) << op;
	}

	auto agent_regions = AgentRegions();
	std::string log = agent.Log();
	for (int k = 0; k < 2; k++) {
		const std::string op = ops[k].first;
		uint64_t n = (uint64_t)ops[k].second;

		for (const char *stage : kAgentStages) {
			std::string name = "agent." + op + "." + stage;

			ASSERT_EQ(agent_regions.count(name), 1u)
			    << name << " not in the agent's log:\n"
			    << log;
			EXPECT_EQ(agent_regions[name].count, n) << name;
		}
		/* Requests the pool ran were queued; the rest ran inline. */
		std::string queue = "agent." + op + ".queue";
		if (agent_regions.count(queue)) {

			EXPECT_LE(agent_regions[queue].count, n) << queue;
		}
		Sample run = agent_regions["agent." + op + ".run"];
		Sample core = agent_regions["vaccel_" + op + "_op"];
		EXPECT_EQ(core.count, n) << op << "\n" << log;
		/* Each agent run lies within the client's wait for it (one
		 * clock: CLOCK_MONOTONIC); 0.001 ms of print rounding. */
		EXPECT_LE(run.total_ms,
			  ClientRegion("rpc." + op + ".wait").total_ms + 0.002)
		    << op;
		/* The core's op region is inside agent.<op>.run. */
		EXPECT_LE(core.total_ms, run.total_ms + 0.002) << op;
	}
	/* Not an op: the calls that manage sessions are not in them. */
	EXPECT_EQ(agent_regions.count("agent.session_init.run"), 0u);
}

TEST_F(ProfTest, NothingRecordedWithProfilingOff)
{
	ASSERT_NO_FATAL_FAILURE(RunCalls(false));
	for (const char *op : {"noop", "fpga_arraycopy"})
		for (const char *stage : kClientStages)
			EXPECT_EQ(
			    ClientRegion(std::string("rpc.") + op + "." + stage)
				.count,
			    0u)
			    << op << " " << stage;
	EXPECT_EQ(CoreOpRegion(VACCEL_OP_NOOP).count, 0u);
	auto agent_regions = AgentRegions();
	EXPECT_TRUE(agent_regions.empty()) << agent.Log();
	EXPECT_EQ(agent.Log().find("[prof]"), std::string::npos);
}

} // namespace

/* Many threads of one client on one connection: a slow call does not
 * stall the others (on the client, where calling threads take turns
 * reading the connection, nor on the agent, where the connection's reader
 * runs a lone request itself), and the turn to read passes on when the
 * reading thread gets its reply or gives up. */

#include "tests/core/vaccel_test.h"
#include "agent_process.h"
#include "raw_client.h"

#include <chrono>
#include <string>
#include <thread>

namespace
{

using Clock = std::chrono::steady_clock;

long MsSince(Clock::time_point t)
{
	return (long)std::chrono::duration_cast<std::chrono::milliseconds>(
		   Clock::now() - t)
	    .count();
}

class ThreadsTest : public VaccelTest
{
      protected:
	AgentProcess agent;
	struct vaccel_session sess;

	/* An agent on `address` (unix or tcp) and the rpc plugin on it. */
	void Start(bool tcp, int timeout_ms)
	{
		ASSERT_EQ(agent.Start(
			      {tcp ? "tcp://127.0.0.1:0" : agent.UnixAddress()},
			      {"-p", std::string(NOOP_SO) + ":" + EXEC_SO,
			       "--exec-allow-dir", DirOf(RealPath(FNS_SO))}),
			  "");
		setenv("VACCEL_RPC_ADDRESS", agent.addresses[0].c_str(), 1);
		setenv("VACCEL_RPC_TIMEOUT_MS",
		       std::to_string(timeout_ms).c_str(), 1);
		ASSERT_EQ(vaccel_plugin_load(RPC_SO), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE),
			  VACCEL_OK);
		ASSERT_EQ(ExecSleep(&sess, 0), VACCEL_OK);
	}

	/* Calls the agent has run (STATS, over a connection of our own). */
	uint64_t Calls()
	{
		RawClient c;
		if (!c.Connect(agent.addresses[0]) || c.Hello().status)
			return 0;
		auto s = c.Stats();
		return s.size() == 5 ? s[4] : 0;
	}

	/* Wait until the agent has run `n` calls (or started them). */
	bool WaitCalls(uint64_t n)
	{
		for (int i = 0; i < 300; i++) {
			if (Calls() >= n)
				return true;
			usleep(10000);
		}
		return false;
	}

	/* While one thread waits 1.5 s for a slow call, quick calls of
	 * other threads on the same connection come back at once. */
	void SlowCallDoesNotStallQuickOnes()
	{
		int slow = -1;
		/* Idle first: the agent's watcher sleeps after 100 ms
		 * without requests, and must wake for this one. */
		usleep(300 * 1000);
		std::thread t([&] { slow = ExecSleep(&sess, 1500); });
		ASSERT_TRUE(WaitCalls(2)) << "the slow call never ran";
		auto t0 = Clock::now();
		for (int i = 0; i < 20; i++)
			ASSERT_EQ(vaccel_noop(&sess), VACCEL_OK) << i;
		long ms = MsSince(t0);
		int other = -1;
		std::thread u([&] { other = ExecSleep(&sess, 0); });
		u.join();
		long ms2 = MsSince(t0);
		t.join();
		printf("20 noops during a 1.5 s call: %ld ms; an exec from "
		       "a third thread: done at %ld ms\n",
		       ms, ms2);
		EXPECT_LT(ms, 700);
		EXPECT_LT(ms2, 1000);
		EXPECT_EQ(slow, VACCEL_OK);
		EXPECT_EQ(other, VACCEL_OK);
	}
};

TEST_F(ThreadsTest, SlowCallDoesNotStallItsConnectionUnix)
{
	Start(false, 10000);
	SlowCallDoesNotStallQuickOnes();
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
}

TEST_F(ThreadsTest, SlowCallDoesNotStallItsConnectionTcp)
{
	Start(true, 10000);
	SlowCallDoesNotStallQuickOnes();
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
}

/* The first call in reads the connection; when its reply is in, a thread
 * still waiting takes over and gets its own. */
TEST_F(ThreadsTest, ReadingPassesOnWhenTheReaderIsDone)
{
	Start(false, 10000);
	int a = -1, b = -1;
	long b_ms = 0;
	auto t0 = Clock::now();
	std::thread ta([&] { a = ExecSleep(&sess, 300); });
	ASSERT_TRUE(WaitCalls(2));
	std::thread tb([&] {
		b = ExecSleep(&sess, 900);
		b_ms = MsSince(t0);
	});
	ta.join();
	tb.join();
	EXPECT_EQ(a, VACCEL_OK);
	EXPECT_EQ(b, VACCEL_OK);
	EXPECT_GE(b_ms, 900);
	EXPECT_LT(b_ms, 2500);
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
}

/* The reading thread gives up at its timeout; a thread waiting for a
 * reply that comes later takes over reading and gets it. */
TEST_F(ThreadsTest, ReadingPassesOnWhenTheReaderTimesOut)
{
	Start(false, 2000);
	int a = -1, b = -1;
	long a_ms = 0, b_ms = 0;
	auto t0 = Clock::now();
	std::thread ta([&] {
		a = ExecSleep(&sess, 4000);
		a_ms = MsSince(t0);
	});
	ASSERT_TRUE(WaitCalls(2));
	usleep(800 * 1000);
	std::thread tb([&] {
		b = ExecSleep(&sess, 1500);
		b_ms = MsSince(t0);
	});
	ta.join();
	tb.join();
	printf("reader timed out after %ld ms; the other call came back at "
	       "%ld ms\n",
	       a_ms, b_ms);
	EXPECT_EQ(a, VACCEL_EIO);
	EXPECT_GE(a_ms, 1900);
	EXPECT_EQ(b, VACCEL_OK);
	EXPECT_GT(b_ms, a_ms);
	EXPECT_LOG_HAS("after 2000 ms (VACCEL_RPC_TIMEOUT_MS)");
	vaccel_session_release(&sess);
}

} // namespace

/* Faults between the rpc plugin and vaccel-agent: no agent, an agent
 * killed or hung mid-call, an agent restarted, a client killed mid-call.
 * The client side runs through the public API with the rpc plugin loaded
 * in this process; the agent is a real process per test. */

#include "tests/core/vaccel_test.h"
#include "agent_process.h"
#include "raw_client.h"

#include <chrono>
#include <dirent.h>
#include <fstream>
#include <string>
#include <netinet/in.h>
#include <sys/socket.h>
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

/* SIGSTOP takes effect when each thread next runs: wait until every
 * thread of `pid` is stopped ('T' in /proc), so no request is served
 * after this returns. */
bool StopAndWait(pid_t pid)
{
	kill(pid, SIGSTOP);
	for (int tries = 0; tries < 500; tries++) {
		std::string dir = "/proc/" + std::to_string(pid) + "/task";
		DIR *d = opendir(dir.c_str());
		bool all = d != nullptr;
		struct dirent *e;

		while (d && (e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			std::ifstream in(dir + "/" + e->d_name + "/stat");
			std::string stat;
			std::getline(in, stat);
			size_t close = stat.rfind(')');
			if (close == std::string::npos ||
			    close + 2 >= stat.size() ||
			    (stat[close + 2] != 'T' && stat[close + 2] != 't'))
				all = false;
		}
		if (d)
			closedir(d);
		if (all)
			return true;
		usleep(2000);
	}
	return false;
}

class FaultsTest : public VaccelTest
{
      protected:
	AgentProcess agent;

	std::string StartAgent(const std::string &address)
	{
		return agent.Start(
		    {address}, {"-p", std::string(NOOP_SO) + ":" + EXEC_SO,
				"--exec-allow-dir", DirOf(RealPath(FNS_SO))});
	}

	int LoadRpc(const std::string &address, int timeout_ms)
	{
		setenv("VACCEL_RPC_ADDRESS", address.c_str(), 1);
		setenv("VACCEL_RPC_TIMEOUT_MS",
		       std::to_string(timeout_ms).c_str(), 1);
		return vaccel_plugin_load(RPC_SO);
	}

	/* The agent's counters, read over a connection of our own. */
	std::vector<uint64_t> Stats()
	{
		RawClient c;
		if (!c.Connect(agent.addresses[0]) || c.Hello().status)
			return {};
		return c.Stats();
	}
};

/* A loopback port nobody listens on. */
int ClosedPort()
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {};
	socklen_t len = sizeof(a);

	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) ||
	    getsockname(fd, (struct sockaddr *)&a, &len))
		return -1;
	close(fd);
	return ntohs(a.sin_port);
}

TEST_F(FaultsTest, NoAgentFailsFastNamingTheAddress)
{
	/* A timeout of 10 s: failing must not wait for it. */
	std::string unix_addr = agent.UnixAddress("nobody.sock");
	int port = ClosedPort();
	ASSERT_GT(port, 0);
	std::string tcp_addr = "tcp://127.0.0.1:" + std::to_string(port);

	for (const std::string &addr : {unix_addr, tcp_addr}) {
		ASSERT_EQ(LoadRpc(addr, 10000), VACCEL_OK);
		struct vaccel_session sess;
		auto t0 = Clock::now();
		EXPECT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE),
			  VACCEL_EIO)
		    << addr;
		long ms = MsSince(t0);
		printf("no agent at %s: failed in %ld ms\n", addr.c_str(), ms);
		EXPECT_LT(ms, 1000) << addr;
		EXPECT_LOG_HAS(addr);
		vaccel_cleanup();
		Bootstrap(VACCEL_LOG_DEBUG, false);
	}
}

TEST_F(FaultsTest, AgentKilledMidCallGivesEioWithinTheTimeout)
{
	ASSERT_EQ(StartAgent(agent.UnixAddress()), "");
	ASSERT_EQ(LoadRpc(agent.addresses[0], 5000), VACCEL_OK);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	ASSERT_EQ(ExecSleep(&sess, 0), VACCEL_OK);

	int ret = -1;
	Clock::time_point killed;
	std::thread caller([&] { ret = ExecSleep(&sess, 4000); });
	/* The call is running on the agent once it counts it. */
	bool running = false;
	for (int i = 0; i < 300 && !running; i++) {
		auto s = Stats();
		running = s.size() == 5 && s[4] >= 2;
		if (!running)
			usleep(10000);
	}
	ASSERT_TRUE(running) << "the slow call did not reach the agent";
	killed = Clock::now();
	agent.Kill(SIGKILL);
	caller.join();
	long ms = MsSince(killed);
	printf("agent killed mid-call: the call failed %ld ms later\n", ms);
	EXPECT_EQ(ret, VACCEL_EIO);
	EXPECT_LT(ms, 2000);
	EXPECT_LOG_HAS(agent.addresses[0]);
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
}

TEST_F(FaultsTest, HungAgentGivesEioAfterTheTimeout)
{
	ASSERT_EQ(StartAgent(agent.UnixAddress()), "");
	ASSERT_EQ(LoadRpc(agent.addresses[0], 700), VACCEL_OK);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	ASSERT_EQ(vaccel_noop(&sess), VACCEL_OK);
	ASSERT_TRUE(StopAndWait(agent.pid));
	auto t0 = Clock::now();
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_EIO);
	long ms = MsSince(t0);
	kill(agent.pid, SIGCONT);
	printf("hung agent: the call failed after %ld ms (timeout 700)\n", ms);
	EXPECT_GE(ms, 650);
	EXPECT_LT(ms, 3000);
	EXPECT_LOG_HAS("after 700 ms (VACCEL_RPC_TIMEOUT_MS)");
	vaccel_session_release(&sess);
}

TEST_F(FaultsTest, AgentRestartedThenNewSessionWorks)
{
	ASSERT_EQ(StartAgent(agent.UnixAddress()), "");
	std::string addr = agent.addresses[0];
	ASSERT_EQ(LoadRpc(addr, 5000), VACCEL_OK);
	struct vaccel_session old_sess, new_sess;
	ASSERT_EQ(vaccel_session_init(&old_sess, VACCEL_PLUGIN_REMOTE),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_noop(&old_sess), VACCEL_OK);

	agent.Kill(SIGKILL);
	/* Down: calls fail, fast. */
	auto t0 = Clock::now();
	int ret = vaccel_noop(&old_sess);
	EXPECT_TRUE(ret == VACCEL_EIO || ret == VACCEL_ESESS) << ret;
	EXPECT_LT(MsSince(t0), 1000);

	/* Same address again (the dead agent's socket file is stale). */
	ASSERT_EQ(StartAgent(addr), "");
	ASSERT_EQ(agent.addresses[0], addr);
	EXPECT_EQ(vaccel_noop(&old_sess), VACCEL_ESESS);
	EXPECT_LOG_HAS("was made on a connection to the agent that was lost");
	ASSERT_EQ(vaccel_session_init(&new_sess, VACCEL_PLUGIN_REMOTE),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_noop(&new_sess), VACCEL_OK);
	EXPECT_EQ(ExecSleep(&new_sess, 0), VACCEL_OK);
	EXPECT_EQ(vaccel_session_release(&new_sess), VACCEL_OK);
	vaccel_session_release(&old_sess);
	/* The new agent held one session of ours, released now. */
	auto s = Stats();
	ASSERT_EQ(s.size(), 5u);
	EXPECT_EQ(s[1], 0u);
}

TEST_F(FaultsTest, ClientKilledMidCallIsReleasedAndOthersAreServed)
{
	ASSERT_EQ(StartAgent(agent.UnixAddress()), "");
	std::string addr = agent.addresses[0];

	/* The child is a client process of its own: fresh runtime, the rpc
	 * plugin, two sessions, then a slow call it never sees the end of. */
	vaccel_cleanup();
	pid_t child = fork();
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		Bootstrap(VACCEL_LOG_ERROR, false);
		struct vaccel_session a, b;
		if (LoadRpc(addr, 20000) ||
		    vaccel_session_init(&a, VACCEL_PLUGIN_REMOTE) ||
		    vaccel_session_init(&b, VACCEL_PLUGIN_REMOTE))
			_exit(1);
		ExecSleep(&a, 1500);
		_exit(2); /* killed before this */
	}
	ASSERT_GT(child, 0);
	Bootstrap(VACCEL_LOG_DEBUG, false);

	/* Wait until the child's slow call runs: 2 sessions, 1 call. */
	std::vector<uint64_t> s;
	for (int i = 0; i < 500; i++) {
		s = Stats();
		if (s.size() == 5 && s[1] == 2 && s[4] == 1)
			break;
		usleep(10000);
	}
	ASSERT_EQ(s.size(), 5u);
	ASSERT_EQ(s[1], 2u) << "the child client did not start";
	ASSERT_EQ(s[4], 1u);
	kill(child, SIGKILL);
	int status;
	ASSERT_EQ(waitpid(child, &status, 0), child);
	ASSERT_TRUE(WIFSIGNALED(status));

	/* Another client is served at once, while the killed client's
	 * call still runs on the agent. */
	RawClient other;
	ASSERT_TRUE(other.Connect(addr));
	ASSERT_EQ(other.Hello().status, 0u);
	auto t0 = Clock::now();
	uint64_t sid = other.SessionInit();
	ASSERT_NE(sid, 0u);
	RawReply r = other.Request(WIRE_CALL, VACCEL_OP_NOOP, Body().U64(sid));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, 0u);
	EXPECT_LT(MsSince(t0), 500);

	/* Once that call ends, everything the killed client made goes:
	 * left are the other client's connection and session. */
	for (int i = 0; i < 500; i++) {
		s = other.Stats();
		if (s.size() == 5 && s[0] == 1 && s[1] == 1)
			break;
		usleep(10000);
	}
	ASSERT_EQ(s.size(), 5u);
	EXPECT_EQ(s[0], 1u) << "clients";
	EXPECT_EQ(s[1], 1u) << "sessions";
	EXPECT_EQ(s[2], 0u) << "resource handles";
	EXPECT_TRUE(agent.WaitLog("released 2 sessions and 0 resource handles"))
	    << agent.Log();
}

} // namespace

/* VSOCK: a guest behind a hybrid VSOCK backend (Firecracker,
 * vhost-device-vsock) reaches host port P as the UNIX socket <uds>_P, so
 * the agent listening on unix://<uds>_P serves it; and the agent listens
 * on AF_VSOCK addresses itself. */

#include "tests/core/vaccel_test.h"
#include "agent_process.h"
#include "raw_client.h"

#include <chrono>

namespace
{

class VsockTest : public VaccelTest
{
      protected:
	AgentProcess agent;

	int LoadRpc(const std::string &address, int timeout_ms)
	{
		setenv("VACCEL_RPC_ADDRESS", address.c_str(), 1);
		setenv("VACCEL_RPC_TIMEOUT_MS",
		       std::to_string(timeout_ms).c_str(), 1);
		return vaccel_plugin_load(RPC_SO);
	}
};

TEST_F(VsockTest, HybridVsockPathServesAClient)
{
	std::string uds = agent.UnixAddress("vm.vsock_1234");
	ASSERT_EQ(agent.Start({uds}, {"-p", NOOP_SO}), "");
	EXPECT_EQ(agent.addresses[0], uds);
	ASSERT_EQ(LoadRpc(uds, 5000), VACCEL_OK);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_OK);
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
	EXPECT_TRUE(agent.WaitLog("connected from " + uds)) << agent.Log();
}

TEST_F(VsockTest, SigtermRemovesTheSocketFile)
{
	/* A hybrid VSOCK backend (or the next agent) finds the path free. */
	std::string uds = agent.UnixAddress("vm.vsock_4321");
	ASSERT_EQ(agent.Start({uds}, {"-p", NOOP_SO}), "");
	std::string path = uds.substr(strlen("unix://"));
	ASSERT_EQ(access(path.c_str(), F_OK), 0);
	int status = agent.Kill(SIGTERM);
	ASSERT_TRUE(WIFEXITED(status)) << status;
	EXPECT_EQ(WEXITSTATUS(status), 0);
	EXPECT_NE(access(path.c_str(), F_OK), 0) << path << " is still there";
}

TEST_F(VsockTest, AgentListensOnVsockAndSaysWhere)
{
	/* A port of our own (pid-based), next to a UNIX address that proves
	 * the agent runs. */
	unsigned port = 20000 + (unsigned)getpid() % 30000;
	std::string why;
	for (int tries = 0; tries < 20; tries++, port++) {
		why = agent.Start(
		    {"vsock://-1:" + std::to_string(port), agent.UnixAddress()},
		    {"-p", NOOP_SO});
		if (why.empty())
			break;
		agent.Kill();
	}
	ASSERT_EQ(why, "");
	EXPECT_EQ(agent.addresses[0], "vsock://any:" + std::to_string(port));
	RawClient c;
	ASSERT_TRUE(c.Connect(agent.addresses[1]));
	EXPECT_EQ(c.Hello().status, 0u);

	/* This kernel has no VSOCK loopback transport (vsock_loopback is
	 * not loaded), so a connect to the local CID cannot reach the
	 * listener: it fails within the client's timeout, with an error that
	 * names the address. Where a loopback transport exists, the call
	 * gets through instead; both are checked. */
	std::string local = "vsock://1:" + std::to_string(port);
	ASSERT_EQ(LoadRpc(local, 500), VACCEL_OK);
	struct vaccel_session sess;
	auto t0 = std::chrono::steady_clock::now();
	int ret = vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE);
	long ms = (long)std::chrono::duration_cast<std::chrono::milliseconds>(
		      std::chrono::steady_clock::now() - t0)
		      .count();
	printf("connect to %s: %d after %ld ms\n", local.c_str(), ret, ms);
	if (ret == VACCEL_OK) {
		EXPECT_EQ(vaccel_noop(&sess), VACCEL_OK);
		vaccel_session_release(&sess);
	} else {
		EXPECT_EQ(ret, VACCEL_EIO);
		EXPECT_LT(ms, 2000);
		EXPECT_LOG_HAS("cannot reach the agent");
		EXPECT_LOG_HAS(local);
	}
}

TEST_F(VsockTest, BadVsockAddressesAreRefusedByTheAgent)
{
	for (const char *bad :
	     {"vsock://1", "vsock://x:5", "vsock://1:-5",
	      "vsock://4294967296:5", "vsock://1:99999999999"}) {
		std::string why = agent.Start({bad}, {});
		EXPECT_NE(why.find(bad), std::string::npos)
		    << bad << ": " << why;
		int status = agent.Kill(SIGKILL);
		EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) != 0)
		    << bad << ": status " << status;
	}
}

} // namespace

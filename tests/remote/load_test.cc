/* Concurrency: 8 client processes (each with its own rpc plugin and
 * connection) x 4 threads x 1000 mixed calls against one agent with the
 * noop, blas, cpu and exec plugins. Every result is checked against a
 * reference computed here; no call may fail. The agent's memory (VmRSS)
 * is measured after a warm-up run and after two more runs of the same
 * load, and must stay flat.
 *
 * Under AddressSanitizer the calls per thread drop to 250, to keep the
 * ASan run of tests/remote under a minute on 2 cores next to the wire
 * fuzzer (~25 s): measured on 2 cores, a plain run of the full load takes
 * ~3 s, an ASan run of 250 calls per thread 1-2 s, of the full load about
 * four times that, three times over. The shape of the load (processes,
 * threads, the op mix, the checks) is the same. The ASan agent runs with a
 * small quarantine, or its RSS would grow by the freed memory it holds
 * back (up to 256 MiB by default) and the flatness check would measure
 * ASan, not the agent. */

#include "agent_process.h"
#include "tests/core/test_rng.h"
#include "raw_client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>

extern "C" {
#include <vaccel.h>
}

namespace
{

#if defined(__SANITIZE_ADDRESS__)
#define LOAD_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LOAD_ASAN 1
#endif
#endif

#ifdef LOAD_ASAN
constexpr int kCalls = 250;
#else
constexpr int kCalls = 1000;
#endif
constexpr int kClients = 8, kThreads = 4;

/* The call shapes below take ints. */
class CallRng : public Rng
{
      public:
	using Rng::Rng;
	int Below(int n)
	{
		return (int)Rng::Below((uint64_t)n);
	}
	float Float()
	{
		return (float)Below(2001) / 100.0f - 10.0f;
	}
};

/* One call of the mix; "" when its result is right, else what is not. */
std::string OneCall(struct vaccel_session *sess, CallRng &rng, int i,
		    const std::string &lib)
{
	int ret;

	switch (i % 5) {
	case 0:
		ret = vaccel_noop(sess);
		return ret ? "noop: " + std::to_string(ret) : "";
	case 1: { /* C = alpha A B + beta C, column-major */
		int m = 1 + rng.Below(4), n = 1 + rng.Below(4),
		    k = 1 + rng.Below(4);
		std::vector<float> a(m * k), b(k * n), c(m * n), want(m * n);
		for (auto &v : a)
			v = rng.Float();
		for (auto &v : b)
			v = rng.Float();
		for (auto &v : c)
			v = rng.Float();
		float alpha = 1.5f, beta = 0.5f;
		for (int col = 0; col < n; col++)
			for (int row = 0; row < m; row++) {
				double s = 0;
				for (int x = 0; x < k; x++)
					s += (double)a[row + x * m] *
					     b[x + col * k];
				want[row + col * m] =
				    (float)(alpha * s +
					    beta * c[row + col * m]);
			}
		ret = vaccel_sgemm(sess, m, n, k, alpha, a.data(), m, b.data(),
				   k, beta, c.data(), m);
		if (ret)
			return "sgemm: " + std::to_string(ret);
		for (int x = 0; x < m * n; x++)
			if (std::fabs(c[x] - want[x]) >
			    1e-3f * (1 + std::fabs(want[x])))
				return "sgemm: c[" + std::to_string(x) +
				       "] = " + std::to_string(c[x]) +
				       ", want " + std::to_string(want[x]);
		return "";
	}
	case 2: {
		int nd = 1 + rng.Below(16);
		std::vector<double> in(nd), out(nd, -999);
		for (auto &v : in)
			v = rng.Below(200) - 100;
		double mn = 0, mx = 0;
		ret = vaccel_minmax(sess, in.data(), nd, -50, 50, out.data(),
				    &mn, &mx);
		if (ret)
			return "minmax: " + std::to_string(ret);
		double lo = in[0], hi = in[0];
		for (int x = 0; x < nd; x++) {
			lo = std::min(lo, in[x]);
			hi = std::max(hi, in[x]);
			double clamped = std::min(50.0, std::max(-50.0, in[x]));
			if (out[x] != clamped)
				return "minmax: out[" + std::to_string(x) +
				       "] wrong";
		}
		return mn == lo && mx == hi ? "" : "minmax: min/max wrong";
	}
	case 3: {
		size_t len = 1 + (size_t)rng.Below(16);
		std::vector<float> a(len), b(len), c(len, -1);
		for (size_t x = 0; x < len; x++) {
			a[x] = rng.Float();
			b[x] = rng.Float();
		}
		ret = vaccel_fpga_vadd(sess, a.data(), b.data(), c.data(), len,
				       len);
		if (ret)
			return "fpga_vadd: " + std::to_string(ret);
		for (size_t x = 0; x < len; x++)
			if (c[x] != a[x] + b[x])
				return "fpga_vadd: c[" + std::to_string(x) +
				       "] wrong";
		return "";
	}
	default: {
		int32_t x = rng.Below(1000) - 500, y = rng.Below(1000) - 500;
		int32_t sum = 0, prod = 0;
		struct vaccel_arg read[2] = {{&x, 4, VACCEL_ARG_RAW, 0, false},
					     {&y, 4, VACCEL_ARG_RAW, 0, false}};
		struct vaccel_arg write[2] = {
		    {&sum, 4, VACCEL_ARG_RAW, 0, false},
		    {&prod, 4, VACCEL_ARG_RAW, 0, false}};
		ret = vaccel_exec(sess, lib.c_str(), "add_mul_int32", read, 2,
				  write, 2);
		if (ret)
			return "exec: " + std::to_string(ret);
		return sum == x + y && prod == x * y ? "" : "exec: wrong";
	}
	}
}

/* A client process: 4 threads, each with a session of its own, making
 * kCalls calls. Exit status 0, or 1 after printing the first failure. */
[[noreturn]] void Client(const std::string &address, int client)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	setenv("VACCEL_RPC_ADDRESS", address.c_str(), 1);
	setenv("VACCEL_RPC_TIMEOUT_MS", "60000", 1);
	if (!vaccel_is_initialized() && vaccel_bootstrap())
		_exit(10);
	if (vaccel_plugin_load(RPC_SO))
		_exit(11);
	std::string lib = RealPath(FNS_SO);
	std::atomic<int> failures{0};
	std::mutex lock;
	std::string first;
	std::vector<std::thread> threads;
	for (int t = 0; t < kThreads; t++)
		threads.emplace_back([&, t] {
			struct vaccel_session sess;
			CallRng rng(0x4c0adULL *
				    (uint64_t)(client * 16 + t + 1));
			std::string why;
			if (vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE))
				why = "session_init failed";
			for (int i = 0; why.empty() && i < kCalls; i++)
				why = OneCall(&sess, rng, i + t, lib);
			if (why.empty() && vaccel_session_release(&sess))
				why = "session_release failed";
			if (!why.empty()) {
				failures++;
				std::lock_guard<std::mutex> g(lock);
				if (first.empty())
					first = why;
			}
		});
	for (auto &th : threads)
		th.join();
	if (failures)
		fprintf(stderr, "client %d: %d threads failed; first: %s\n",
			client, failures.load(), first.c_str());
	vaccel_cleanup();
	_exit(failures ? 1 : 0);
}

class LoadTest : public ::testing::Test
{
      protected:
	AgentProcess agent;

	/* Run the whole load once: every client must exit 0. */
	void RunLoad()
	{
		std::vector<pid_t> pids;
		for (int c = 0; c < kClients; c++) {
			pid_t pid = fork();
			if (pid == 0)
				Client(agent.addresses[0], c);
			ASSERT_GT(pid, 0);
			pids.push_back(pid);
		}
		for (int c = 0; c < kClients; c++) {
			int status = -1;
			ASSERT_EQ(waitpid(pids[c], &status, 0), pids[c]);
			EXPECT_TRUE(WIFEXITED(status) &&
				    WEXITSTATUS(status) == 0)
			    << "client " << c << ": status " << status;
		}
	}

	/* Once the clients are gone, the agent holds nothing of theirs. */
	void ExpectReleased()
	{
		RawClient c;
		ASSERT_TRUE(c.Connect(agent.addresses[0]));
		ASSERT_EQ(c.Hello().status, 0u);
		std::vector<uint64_t> s;
		for (int i = 0; i < 300; i++) {
			s = c.Stats();
			if (s.size() == 5 && s[0] == 1 && s[1] == 0)
				break;
			usleep(10000);
		}
		ASSERT_EQ(s.size(), 5u);
		EXPECT_EQ(s[0], 1u) << "clients";
		EXPECT_EQ(s[1], 0u) << "sessions";
	}
};

TEST_F(LoadTest, ManyClientsManyThreadsEveryResultRightMemoryFlat)
{
#ifdef LOAD_ASAN
	const char *asan = getenv("ASAN_OPTIONS");
	setenv(
	    "ASAN_OPTIONS",
	    (std::string(asan ? asan : "") + ":quarantine_size_mb=1").c_str(),
	    1);
#endif
	std::string plugins =
	    std::string(NOOP_SO) + ":" + BLAS_SO + ":" + CPU_SO + ":" + EXEC_SO;
	ASSERT_EQ(agent.Start({agent.UnixAddress()},
			      {"-p", plugins, "--exec-allow-dir",
			       DirOf(RealPath(FNS_SO))}),
		  "");
	long rss[3];
	for (int run = 0; run < 3; run++) {
		auto t0 = std::chrono::steady_clock::now();
		RunLoad();
		ExpectReleased();
		rss[run] = agent.RssKb();
		long ms =
		    (long)std::chrono::duration_cast<std::chrono::milliseconds>(
			std::chrono::steady_clock::now() - t0)
			.count();
		printf("run %d: %d x %d x %d calls in %ld ms; agent VmRSS %ld "
		       "KiB\n",
		       run, kClients, kThreads, kCalls, ms, rss[run]);
		if (HasFailure())
			return;
	}
	ASSERT_GT(rss[0], 0);
	/* Flat: after the warm-up (thread stacks, malloc arenas of the
	 * workers, the plugins' first-call state) two more runs of the
	 * same load may not grow the agent by more than 20%. The agent
	 * holds ~7.5 MiB here, so a leak of 25 bytes per call (64000 more
	 * calls) would exceed that; allocator noise (arenas trimmed or not)
	 * stays well inside it. */
	EXPECT_LE(rss[2], rss[0] + rss[0] / 5)
	    << "warm-up " << rss[0] << " KiB, then " << rss[1] << ", "
	    << rss[2];
	EXPECT_LE(rss[1], rss[0] + rss[0] / 5);
}

} // namespace

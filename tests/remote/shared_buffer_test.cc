/* Shared buffers (vaccel/shared_buffer.h): through the rpc plugin with a
 * memfd region they are slots of the region and fpga_arraycopy reads and
 * writes them in place. The proof that the client copies nothing is
 * mprotect: the input is made unreadable and the output read-only in this
 * process before the call (the agent writes through its own mapping), so
 * any client-side copy crashes or fails the call. Without a region or
 * in-process they are heap memory with the same results; bad frees are
 * refused with a message. */

#include "tests/core/vaccel_test.h"
#include "agent_process.h"

extern "C" {
#include "region.h"
#include "vaccel/shared_buffer.h"
}

#include <csignal>
#include <sys/mman.h>
#include <atomic>
#include <thread>
#include <unistd.h>

namespace
{

constexpr size_t kBytes = 1 << 20;

class SharedBufferTest : public VaccelTest
{
      protected:
	AgentProcess agent;
	struct vaccel_session sess = {};
	bool have_sess = false;

	void TearDown() override
	{
		if (have_sess) {
			EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
		}
		unsetenv("VACCEL_RPC_SHM_BYTES");
		unsetenv("VACCEL_RPC_SHM_MIN_BYTES");
		VaccelTest::TearDown();
	}

	/* A remote session through the rpc plugin and a fresh agent. */
	void Remote()
	{
		std::string why =
		    agent.Start({agent.UnixAddress()},
				{"-p", std::string(NOOP_SO) + ":" + CPU_SO});
		ASSERT_EQ(why, "");
		setenv("VACCEL_RPC_ADDRESS", agent.addresses[0].c_str(), 1);
		ASSERT_EQ(vaccel_plugin_load(RPC_SO), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE),
			  VACCEL_OK);
		have_sess = true;
	}

	void Local()
	{
		ASSERT_EQ(vaccel_plugin_load(CPU_SO), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
		have_sess = true;
	}

	static void Fill(void *p, size_t bytes, int seed)
	{
		int *v = (int *)p;
		for (size_t i = 0; i < bytes / sizeof(int); i++)
			v[i] = (int)(i * 2654435761u) ^ seed;
	}

	/* fpga_arraycopy between two shared buffers, checked. */
	void Echo(bool want_region)
	{
		void *in = nullptr, *out = nullptr;
		ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &in), VACCEL_OK);
		ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &out), VACCEL_OK);
		EXPECT_EQ(vaccel_shared_is_region(in), want_region);
		EXPECT_EQ(vaccel_shared_is_region(out), want_region);
		EXPECT_EQ((uintptr_t)in % 64, 0u);
		Fill(in, kBytes, 7);
		memset(out, 0xee, kBytes);
		EXPECT_EQ(vaccel_fpga_arraycopy(&sess, (int *)in, (int *)out,
						kBytes / sizeof(int)),
			  VACCEL_OK);
		EXPECT_EQ(memcmp(in, out, kBytes), 0);
		EXPECT_EQ(vaccel_shared_free(&sess, in), VACCEL_OK);
		EXPECT_EQ(vaccel_shared_free(&sess, out), VACCEL_OK);
	}
};

TEST_F(SharedBufferTest, RegionSlotsAreReadAndWrittenInPlace)
{
	Remote();
	void *in = nullptr, *out = nullptr;
	ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &in), VACCEL_OK);
	ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &out), VACCEL_OK);
	ASSERT_TRUE(vaccel_shared_is_region(in));
	ASSERT_TRUE(vaccel_shared_is_region(out));
	long page = sysconf(_SC_PAGESIZE);
	ASSERT_EQ((uintptr_t)in % page, 0u);
	ASSERT_EQ((uintptr_t)out % page, 0u);
	Fill(in, kBytes, 1);
	std::vector<uint8_t> want((uint8_t *)in, (uint8_t *)in + kBytes);
	memset(out, 0, kBytes);
	/* Any copy of the input or into the output here now faults. */
	ASSERT_EQ(mprotect(in, kBytes, PROT_NONE), 0);
	ASSERT_EQ(mprotect(out, kBytes, PROT_READ), 0);
	EXPECT_EQ(vaccel_fpga_arraycopy(&sess, (int *)in, (int *)out,
					kBytes / sizeof(int)),
		  VACCEL_OK);
	EXPECT_EQ(memcmp(out, want.data(), kBytes), 0);
	ASSERT_EQ(mprotect(in, kBytes, PROT_READ | PROT_WRITE), 0);
	ASSERT_EQ(mprotect(out, kBytes, PROT_READ | PROT_WRITE), 0);
	/* Part of a slot, 8-aligned, goes in place too. */
	memset(out, 0, kBytes);
	ASSERT_EQ(mprotect(in, kBytes, PROT_NONE), 0);
	ASSERT_EQ(mprotect(out, kBytes, PROT_READ), 0);
	EXPECT_EQ(vaccel_fpga_arraycopy(&sess, (int *)in + 1024,
					(int *)out + 2048, 4096),
		  VACCEL_OK);
	ASSERT_EQ(mprotect(in, kBytes, PROT_READ | PROT_WRITE), 0);
	ASSERT_EQ(mprotect(out, kBytes, PROT_READ | PROT_WRITE), 0);
	EXPECT_EQ(memcmp((int *)out + 2048, (int *)in + 1024, 4096 * 4), 0);
	EXPECT_EQ(vaccel_shared_free(&sess, in), VACCEL_OK);
	EXPECT_EQ(vaccel_shared_free(&sess, out), VACCEL_OK);
	EXPECT_TRUE(agent.WaitLog("memfd region")) << agent.Log();
}

/* The same buffer as input and output: the agent refuses overlapping
 * references, so the output is copied and the call still works; so do
 * an unaligned array and one running past its slot. */
TEST_F(SharedBufferTest, OverlappingUnalignedAndOversizedArraysAreCopied)
{
	Remote();
	void *buf = nullptr;
	ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &buf), VACCEL_OK);
	ASSERT_TRUE(vaccel_shared_is_region(buf));
	Fill(buf, kBytes, 2);
	std::vector<uint8_t> want((uint8_t *)buf, (uint8_t *)buf + kBytes);
	EXPECT_EQ(vaccel_fpga_arraycopy(&sess, (int *)buf, (int *)buf,
					kBytes / sizeof(int)),
		  VACCEL_OK);
	EXPECT_EQ(memcmp(buf, want.data(), kBytes), 0);
	/* 4-aligned only: copied. */
	std::vector<int> out(1000, 0);
	EXPECT_EQ(vaccel_fpga_arraycopy(&sess, (int *)buf + 1, out.data(),
					out.size()),
		  VACCEL_OK);
	EXPECT_EQ(memcmp(out.data(), (int *)buf + 1, out.size() * 4), 0);
	/* Past the slot's end (into the heap copy path, still inside the
	 * mapping): copied. */
	void *small = nullptr;
	ASSERT_EQ(vaccel_shared_alloc(&sess, 4096, &small), VACCEL_OK);
	ASSERT_TRUE(vaccel_shared_is_region(small));
	Fill(small, 4096, 3);
	std::vector<int> big(2048, 0);
	EXPECT_EQ(vaccel_fpga_arraycopy(&sess, (int *)small, big.data(), 2048),
		  VACCEL_OK);
	EXPECT_EQ(memcmp(big.data(), small, 8192), 0);
	EXPECT_EQ(vaccel_shared_free(&sess, small), VACCEL_OK);
	EXPECT_EQ(vaccel_shared_free(&sess, buf), VACCEL_OK);
}

/* The agent restarts: the buffers stay valid memory, the memfd is sent
 * again on the new connection, and arrays in them still go in place. */
TEST_F(SharedBufferTest, BuffersOutliveAReconnect)
{
	Remote();
	std::string addr = agent.addresses[0];
	void *in = nullptr, *out = nullptr;
	ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &in), VACCEL_OK);
	ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &out), VACCEL_OK);
	ASSERT_TRUE(vaccel_shared_is_region(in));
	Fill(in, kBytes, 5);
	agent.Kill(SIGKILL);
	EXPECT_NE(vaccel_noop(&sess), VACCEL_OK); /* the connection is lost */
	ASSERT_EQ(
	    agent.Start({addr}, {"-p", std::string(NOOP_SO) + ":" + CPU_SO}),
	    "");
	struct vaccel_session fresh;
	ASSERT_EQ(vaccel_session_init(&fresh, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	memset(out, 0, kBytes);
	std::vector<uint8_t> want((uint8_t *)in, (uint8_t *)in + kBytes);
	ASSERT_EQ(mprotect(in, kBytes, PROT_NONE), 0);
	ASSERT_EQ(mprotect(out, kBytes, PROT_READ), 0);
	EXPECT_EQ(vaccel_fpga_arraycopy(&fresh, (int *)in, (int *)out,
					kBytes / sizeof(int)),
		  VACCEL_OK);
	ASSERT_EQ(mprotect(in, kBytes, PROT_READ | PROT_WRITE), 0);
	ASSERT_EQ(mprotect(out, kBytes, PROT_READ | PROT_WRITE), 0);
	EXPECT_EQ(memcmp(out, want.data(), kBytes), 0);
	EXPECT_EQ(vaccel_shared_free(&sess, in), VACCEL_OK);
	EXPECT_EQ(vaccel_shared_free(&sess, out), VACCEL_OK);
	EXPECT_EQ(vaccel_session_release(&fresh), VACCEL_OK);
}

/* Buffers left at session release are freed then, with a warning (the
 * slot is free again: a buffer as large as the region fits). */
TEST_F(SharedBufferTest, LeftBuffersAreFreedAtSessionRelease)
{
	setenv("VACCEL_RPC_SHM_BYTES", "2097152", 1);
	Remote();
	struct vaccel_session other;
	ASSERT_EQ(vaccel_session_init(&other, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	void *p = nullptr, *h = nullptr;
	ASSERT_EQ(vaccel_shared_alloc(&other, 2097152, &p), VACCEL_OK);
	ASSERT_TRUE(vaccel_shared_is_region(p));
	ASSERT_EQ(vaccel_shared_alloc(&other, 2097152, &h), VACCEL_OK);
	ASSERT_FALSE(vaccel_shared_is_region(h));
	EXPECT_EQ(vaccel_session_release(&other), VACCEL_OK);
	EXPECT_LOG_HAS("was not freed; freeing it now");
	EXPECT_FALSE(vaccel_shared_is_region(p));
	void *again = nullptr;
	ASSERT_EQ(vaccel_shared_alloc(&sess, 2097152, &again), VACCEL_OK);
	EXPECT_TRUE(vaccel_shared_is_region(again));
	EXPECT_EQ(vaccel_shared_free(&sess, again), VACCEL_OK);
}

TEST_F(SharedBufferTest, HeapWithoutARegion)
{
	setenv("VACCEL_RPC_SHM_BYTES", "0", 1);
	Remote();
	Echo(false);
}

TEST_F(SharedBufferTest, HeapWhenTheRegionIsFull)
{
	setenv("VACCEL_RPC_SHM_BYTES", "2097152", 1);
	Remote();
	void *a = nullptr, *b = nullptr, *c = nullptr;
	ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &a), VACCEL_OK);
	ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &b), VACCEL_OK);
	ASSERT_EQ(vaccel_shared_alloc(&sess, kBytes, &c), VACCEL_OK);
	EXPECT_TRUE(vaccel_shared_is_region(a));
	EXPECT_TRUE(vaccel_shared_is_region(b));
	EXPECT_FALSE(vaccel_shared_is_region(c));
	Fill(c, kBytes, 4);
	EXPECT_EQ(vaccel_fpga_arraycopy(&sess, (int *)c, (int *)a,
					kBytes / sizeof(int)),
		  VACCEL_OK);
	EXPECT_EQ(memcmp(a, c, kBytes), 0);
	for (void *p : {a, b, c})
		EXPECT_EQ(vaccel_shared_free(&sess, p), VACCEL_OK);
}

TEST_F(SharedBufferTest, HeapInProcess)
{
	Local();
	Echo(false);
}

TEST_F(SharedBufferTest, BadFreesAreRefusedWithAMessage)
{
	Remote();
	void *p = nullptr;
	ASSERT_EQ(vaccel_shared_alloc(&sess, 4096, &p), VACCEL_OK);
	ASSERT_TRUE(vaccel_shared_is_region(p));
	struct vaccel_session other;
	ASSERT_EQ(vaccel_session_init(&other, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	EXPECT_EQ(vaccel_shared_free(&other, p), VACCEL_EINVAL);
	EXPECT_LOG_HAS("belongs to session");
	EXPECT_EQ(vaccel_shared_free(&sess, p), VACCEL_OK);
	EXPECT_EQ(vaccel_shared_free(&sess, p), VACCEL_EINVAL);
	EXPECT_LOG_HAS("not a shared buffer (never allocated, or already "
		       "freed)");
	int local = 0;
	EXPECT_EQ(vaccel_shared_free(&sess, &local), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_shared_free(&sess, nullptr), VACCEL_OK);
	EXPECT_EQ(vaccel_shared_alloc(&sess, 0, &p), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_shared_alloc(nullptr, 16, &p), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_shared_alloc(&sess, 16, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_session_release(&other), VACCEL_OK);
}

/* Threads allocating, echoing and freeing shared buffers at once: every
 * echo checked, and the slots come back (the region is then empty). */
TEST_F(SharedBufferTest, ConcurrentThreads)
{
	setenv("VACCEL_RPC_SHM_BYTES", "8388608", 1);
	Remote();
	std::vector<std::thread> threads;
	std::atomic<int> bad{0};
	for (int t = 0; t < 4; t++)
		threads.emplace_back([&, t] {
			for (int k = 0; k < 10; k++) {
				size_t bytes = (64u << 10) * (1 + (k + t) % 4);
				void *in = nullptr, *out = nullptr;
				if (vaccel_shared_alloc(&sess, bytes, &in) ||
				    vaccel_shared_alloc(&sess, bytes, &out)) {
					bad++;
					continue;
				}
				Fill(in, bytes, t * 100 + k);
				memset(out, 0, bytes);
				if (vaccel_fpga_arraycopy(&sess, (int *)in,
							  (int *)out,
							  bytes / 4) ||
				    memcmp(in, out, bytes))
					bad++;
				if (vaccel_shared_free(&sess, in) ||
				    vaccel_shared_free(&sess, out))
					bad++;
			}
		});
	for (auto &th : threads)
		th.join();
	EXPECT_EQ(bad.load(), 0);
	/* All slots back: one buffer as large as the region fits again. */
	void *all = nullptr;
	ASSERT_EQ(vaccel_shared_alloc(&sess, 8388608, &all), VACCEL_OK);
	EXPECT_TRUE(vaccel_shared_is_region(all));
	EXPECT_EQ(vaccel_shared_free(&sess, all), VACCEL_OK);
}

TEST(SharedRegionTest, CallerSlotsAreListedCoveredAndFreedOnce)
{
	std::vector<uint8_t> mem(1 << 16);
	struct wire_region r;
	wire_region_init(&r, mem.data(), mem.size());
	uint64_t call = wire_region_alloc(&r, 100);
	uint64_t a = wire_region_alloc_user(&r, 4096);
	ASSERT_NE(a, UINT64_MAX);
	EXPECT_EQ(a % WIRE_REGION_ALIGN, 0u);
	EXPECT_TRUE(wire_region_user_covers(&r, a, 4096));
	EXPECT_TRUE(wire_region_user_covers(&r, a + 8, 4088));
	EXPECT_FALSE(wire_region_user_covers(&r, a + 8, 4089));
	EXPECT_FALSE(wire_region_user_covers(&r, call, 100));
	EXPECT_EQ(wire_region_alloc_user(&r, 1 << 20), UINT64_MAX);
	/* Outside the slice (another lease after a reconnect): not covered. */
	wire_region_set_slice(&r, a + 4096, mem.size() - a - 4096);
	EXPECT_FALSE(wire_region_user_covers(&r, a, 4096));
	wire_region_set_slice(&r, 0, mem.size());
	EXPECT_FALSE(wire_region_free_user(&r, call));
	EXPECT_TRUE(wire_region_free_user(&r, a));
	EXPECT_FALSE(wire_region_free_user(&r, a));
	EXPECT_FALSE(wire_region_user_covers(&r, a, 8));
	wire_region_free(&r, call);
	EXPECT_EQ(wire_region_largest_free(&r), mem.size());
	wire_region_fini(&r);
}

} // namespace

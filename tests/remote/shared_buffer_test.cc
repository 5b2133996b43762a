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
#include "vaccel/shared_buffer.h"
}

#include <sys/mman.h>
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

} // namespace

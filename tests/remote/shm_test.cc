/* The shared-memory path for large parameters (docs/protocol.md "Shared
 * memory"): a memfd over UNIX, an ivshmem file (a fake PCI device in a
 * temp sysfs dir whose resource2 is the agent's /dev/shm file), the
 * region allocator under concurrent calls, and bad attach frames and bad
 * references from a raw client, each refused with a log line while the
 * agent keeps serving. */

#include "tests/core/vaccel_test.h"
#include "agent_process.h"
#include "raw_client.h"

extern "C" {
#include "region.h"
}

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <thread>

namespace
{

constexpr uint64_t kRegion = 1 << 20;

/* A sealed memfd of `size` bytes, mapped here. */
struct Memfd {
	int fd = -1;
	uint8_t *p = nullptr;
	size_t size = 0;

	explicit Memfd(size_t n, bool seal = true)
	{
		fd = memfd_create("shm-test",
				  MFD_CLOEXEC | (seal ? MFD_ALLOW_SEALING : 0));
		if (fd < 0 || ftruncate(fd, (off_t)n))
			return;
		if (seal)
			fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK);
		void *m =
		    mmap(nullptr, n, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (m != MAP_FAILED) {
			p = (uint8_t *)m;
			size = n;
		}
	}
	~Memfd()
	{
		if (p)
			munmap(p, size);
		if (fd >= 0)
			close(fd);
	}
};

Body AttachBody(uint32_t kind, uint64_t size, const uint8_t *nonce = nullptr)
{
	uint8_t zero[WIRE_SHM_NONCE] = {};
	return Body().U32(kind).U64(size).U64(1).Raw(nonce ? nonce : zero,
						     WIRE_SHM_NONCE);
}

/* fpga_arraycopy(sess, a, out_a, len) with both arrays as references. */
Body ArraycopyRefs(uint64_t sess, uint64_t a_off, uint64_t out_off, uint64_t n)
{
	return Body()
	    .U64(sess)
	    .U8(2)
	    .U64(n)
	    .U64(a_off)
	    .U8(2)
	    .U64(n)
	    .U64(out_off)
	    .U64(n);
}

class ShmTest : public VaccelTest
{
      protected:
	AgentProcess agent;

	void StartAgent(const std::vector<std::string> &extra = {})
	{
		std::vector<std::string> args = {"-p", std::string(NOOP_SO) +
							   ":" + CPU_SO};
		args.insert(args.end(), extra.begin(), extra.end());
		std::string why = agent.Start({agent.UnixAddress()}, args);
		ASSERT_EQ(why, "");
	}

	/* A raw connection with HELLO done and a session made. */
	uint64_t Open(RawClient &c, size_t i = 0)
	{
		EXPECT_TRUE(c.Connect(agent.addresses[i])) << c.error;
		EXPECT_EQ(c.Hello().status, 0u);
		uint64_t s = c.SessionInit();
		EXPECT_NE(s, 0u);
		return s;
	}

	/* The agent still serves: a noop on `c`, and one on a new
	 * connection. */
	void ExpectServing(RawClient &c, uint64_t sess)
	{
		RawReply r =
		    c.Request(WIRE_CALL, VACCEL_OP_NOOP, Body().U64(sess));
		EXPECT_EQ(r.ret, 0);
		EXPECT_EQ(r.status, 0u) << r.message;
		RawClient other;
		uint64_t s2 = Open(other);
		r = other.Request(WIRE_CALL, VACCEL_OP_NOOP, Body().U64(s2));
		EXPECT_EQ(r.status, 0u) << r.message;
	}

	void ExpectRefused(RawReply r, uint32_t status, const std::string &why)
	{
		EXPECT_EQ(r.ret, 0);
		EXPECT_EQ(r.status, status) << r.message;
		EXPECT_NE(r.message.find(why), std::string::npos)
		    << "reply: " << r.message;
		EXPECT_TRUE(agent.WaitLog(why)) << agent.Log();
	}

	int LoadRpc(const std::string &address)
	{
		setenv("VACCEL_RPC_ADDRESS", address.c_str(), 1);
		return vaccel_plugin_load(RPC_SO);
	}

	/* fpga_arraycopy of `n` ints through the rpc plugin, checked. */
	void Echo(struct vaccel_session *sess, size_t n, int seed)
	{
		std::vector<int> in(n), out(n, -1);
		for (size_t i = 0; i < n; i++)
			in[i] = (int)(i * 2654435761u) ^ seed;
		ASSERT_EQ(vaccel_fpga_arraycopy(sess, in.data(), out.data(), n),
			  VACCEL_OK);
		ASSERT_TRUE(in == out) << n << " ints came back different";
	}
};

TEST_F(ShmTest, RpcPluginMovesLargeBuffersThroughAMemfd)
{
	StartAgent();
	unsetenv("VACCEL_RPC_SHM_BYTES");
	unsetenv("VACCEL_RPC_SHM_MIN_BYTES");
	ASSERT_EQ(LoadRpc(agent.addresses[0]), VACCEL_OK);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	Echo(&sess, 16, 1);	       /* below the threshold: inline */
	Echo(&sess, (4 << 20) / 4, 2); /* 4 MiB each way: the region */
	EXPECT_TRUE(agent.WaitLog("memfd region of 268435456 bytes"))
	    << agent.Log();
	EXPECT_LOG_HAS("shared memory attached: [0, +268435456)");
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
}

TEST_F(ShmTest, DisabledWithZeroBytes)
{
	StartAgent();
	setenv("VACCEL_RPC_SHM_BYTES", "0", 1);
	ASSERT_EQ(LoadRpc(agent.addresses[0]), VACCEL_OK);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	Echo(&sess, (1 << 20) / 4, 3);
	EXPECT_EQ(agent.Log().find("memfd region"), std::string::npos);
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
	unsetenv("VACCEL_RPC_SHM_BYTES");
}

/* 8 threads at once in a region that holds only some of their buffers:
 * no two calls share a slot (every echo checked), and the calls that find
 * it full go through the socket. */
TEST_F(ShmTest, ConcurrentCallsNeverCollideAndFallBackWhenFull)
{
	StartAgent();
	setenv("VACCEL_RPC_SHM_BYTES", "2097152", 1);
	ASSERT_EQ(LoadRpc(agent.addresses[0]), VACCEL_OK);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	std::vector<std::thread> threads;
	for (int t = 0; t < 8; t++)
		threads.emplace_back([&, t] {
			for (int k = 0; k < 20; k++)
				Echo(&sess, ((64 << 10) << (k % 4)) / 4 + t,
				     t * 100 + k);
		});
	for (auto &th : threads)
		th.join();
	EXPECT_TRUE(agent.WaitLog("memfd region of 2097152 bytes"));
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
	unsetenv("VACCEL_RPC_SHM_BYTES");
}

TEST_F(ShmTest, BadAttachFramesAreRefused)
{
	StartAgent();
	{
		RawClient c;
		uint64_t s = Open(c);
		int p[2];
		ASSERT_EQ(pipe(p), 0);
		ExpectRefused(c.RequestFds(WIRE_SHM_ATTACH, 0,
					   AttachBody(WIRE_SHM_MEMFD, 4096), p,
					   1),
			      VACCEL_EINVAL, "not a memfd");
		close(p[0]);
		close(p[1]);
		ExpectServing(c, s);
	}
	{
		RawClient c;
		uint64_t s = Open(c);
		Memfd unsealed(kRegion, false);
		ASSERT_NE(unsealed.p, nullptr);
		ExpectRefused(c.RequestFds(WIRE_SHM_ATTACH, 0,
					   AttachBody(WIRE_SHM_MEMFD, kRegion),
					   &unsealed.fd, 1),
			      VACCEL_EINVAL, "not sealed against shrinking");
		ExpectServing(c, s);
	}
	{
		RawClient c;
		uint64_t s = Open(c);
		Memfd small(4096);
		ASSERT_NE(small.p, nullptr);
		ExpectRefused(c.RequestFds(WIRE_SHM_ATTACH, 0,
					   AttachBody(WIRE_SHM_MEMFD, kRegion),
					   &small.fd, 1),
			      VACCEL_EINVAL, "shorter than the size announced");
		ExpectRefused(c.Request(WIRE_SHM_ATTACH, 0,
					AttachBody(WIRE_SHM_MEMFD, kRegion)),
			      VACCEL_EINVAL, "it came with 0");
		ExpectRefused(c.Request(WIRE_SHM_ATTACH, 0,
					AttachBody(WIRE_SHM_IVSHMEM, kRegion)),
			      VACCEL_ENOTSUP,
			      "no ivshmem file for this address");
		ExpectRefused(c.Request(WIRE_SHM_ATTACH, 0, AttachBody(7, 1)),
			      VACCEL_EINVAL, "unknown region kind 7");
		/* A reference before any region is attached. */
		ExpectRefused(c.Request(WIRE_CALL, VACCEL_OP_FPGA_ARRAYCOPY,
					ArraycopyRefs(s, 0, 4096, 16)),
			      VACCEL_EINVAL, "but no region is attached");
		Memfd good(kRegion);
		EXPECT_EQ(c.RequestFds(WIRE_SHM_ATTACH, 0,
				       AttachBody(WIRE_SHM_MEMFD, kRegion),
				       &good.fd, 1)
			      .status,
			  0u);
		ExpectRefused(c.RequestFds(WIRE_SHM_ATTACH, 0,
					   AttachBody(WIRE_SHM_MEMFD, kRegion),
					   &good.fd, 1),
			      VACCEL_EEXIST, "has a region already");
		ExpectServing(c, s);
	}
}

TEST_F(ShmTest, BadReferencesAreRefusedAndGoodOnesAreZeroCopy)
{
	StartAgent();
	RawClient c;
	uint64_t s = Open(c);
	Memfd m(kRegion);
	ASSERT_NE(m.p, nullptr);
	RawReply r = c.RequestFds(
	    WIRE_SHM_ATTACH, 0, AttachBody(WIRE_SHM_MEMFD, kRegion), &m.fd, 1);
	ASSERT_EQ(r.status, 0u) << r.message;
	EXPECT_EQ(r.U64(0), 0u);
	EXPECT_EQ(r.U64(1), kRegion);

	/* A good call: the agent reads the input where it lies and the op
	 * writes its output into the region. */
	const uint64_t n = 1024;
	for (uint64_t i = 0; i < n; i++)
		((int *)m.p)[i] = (int)(i * 7 + 1);
	r = c.Request(WIRE_CALL, VACCEL_OP_FPGA_ARRAYCOPY,
		      ArraycopyRefs(s, 0, 8192, n));
	ASSERT_EQ(r.status, 0u) << r.message;
	EXPECT_EQ(memcmp(m.p, m.p + 8192, n * 4), 0);
	/* The reply names the same slot: u8 2, u64 count, u64 offset. */
	ASSERT_EQ(r.rest.size(), 17u);
	EXPECT_EQ(r.rest[0], 2);
	uint64_t off;
	memcpy(&off, r.rest.data() + 9, 8);
	EXPECT_EQ(off, 8192u);

	/* Past the region. */
	ExpectRefused(c.Request(WIRE_CALL, VACCEL_OP_FPGA_ARRAYCOPY,
				ArraycopyRefs(s, kRegion + 8, 8192, n)),
		      VACCEL_EINVAL, "offset 1048584 + length 4096 is outside");
	/* Ending past it. */
	ExpectRefused(c.Request(WIRE_CALL, VACCEL_OP_FPGA_ARRAYCOPY,
				ArraycopyRefs(s, 0, kRegion - 8, n)),
		      VACCEL_EINVAL, "offset 1048568 + length 4096 is outside");
	/* offset + length wraps around 2^64. */
	ExpectRefused(c.Request(WIRE_CALL, VACCEL_OP_FPGA_ARRAYCOPY,
				ArraycopyRefs(s, 0, UINT64_MAX - 7, n)),
		      VACCEL_EINVAL,
		      "offset 18446744073709551608 + length 4096 is outside");
	/* Output over the input. */
	ExpectRefused(
	    c.Request(WIRE_CALL, VACCEL_OP_FPGA_ARRAYCOPY,
		      ArraycopyRefs(s, 0, 2048, n)),
	    VACCEL_EINVAL,
	    "range [2048, +4096) overlaps [0, +4096) of the same call");
	/* Misaligned. */
	ExpectRefused(c.Request(WIRE_CALL, VACCEL_OP_FPGA_ARRAYCOPY,
				ArraycopyRefs(s, 3, 8192, n)),
		      VACCEL_EINVAL, "offset 3 is not a multiple of 8");
	/* A reference where none may be (the session id is no array). */
	ExpectRefused(c.Request(WIRE_CALL, VACCEL_OP_FPGA_ARRAYCOPY,
				Body().U64(s).U8(3).U64(n).U64(0)),
		      VACCEL_EINVAL, "bad presence byte 3");
	ExpectServing(c, s);
}

/* A fake guest: a sysfs dir with an ivshmem-plain device whose resource2
 * is the /dev/shm file the agent was given. */
class IvshmemTest : public ShmTest
{
      protected:
	std::string shm_file, sysfs;

	void SetUp() override
	{
		ShmTest::SetUp();
		char name[64];
		snprintf(name, sizeof(name), "/dev/shm/vaccel-shm-test.%d",
			 (int)getpid());
		shm_file = name;
		int fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0600);
		ASSERT_GE(fd, 0);
		ASSERT_EQ(ftruncate(fd, 16 << 20), 0);
		close(fd);
		sysfs = agent.dir + "/sys";
		MakeDevice(sysfs, "0000:00:03.0", "0x8086", "0x100e", "");
		MakeDevice(sysfs, "0000:00:04.0", "0x1af4", "0x1110", shm_file);
		setenv("VACCEL_RPC_SHM_SYSFS", sysfs.c_str(), 1);
	}

	void TearDown() override
	{
		unlink(shm_file.c_str());
		unsetenv("VACCEL_RPC_SHM_SYSFS");
		unsetenv("VACCEL_RPC_SHM_BYTES");
		ShmTest::TearDown();
	}

	static void MakeDevice(const std::string &root, const char *slot,
			       const char *vendor, const char *device,
			       const std::string &target)
	{
		std::string d = root + "/" + slot;
		mkdir(root.c_str(), 0755);
		ASSERT_EQ(mkdir(d.c_str(), 0755), 0);
		std::ofstream(d + "/vendor") << vendor << "\n";
		std::ofstream(d + "/device") << device << "\n";
		if (!target.empty()) {
			ASSERT_EQ(
			    symlink(target.c_str(), (d + "/resource2").c_str()),
			    0);
		}
	}

	void StartTcpAgent(const std::string &file)
	{
		std::string why =
		    agent.Start({"tcp://127.0.0.1:0"},
				{"--shm-file", file, "-p",
				 std::string(NOOP_SO) + ":" + CPU_SO});
		ASSERT_EQ(why, "");
	}

	RawReply Lease(RawClient &c, uint64_t bytes, const uint8_t *nonce)
	{
		return c.Request(WIRE_SHM_ATTACH, 0,
				 AttachBody(WIRE_SHM_IVSHMEM, bytes, nonce));
	}
};

TEST_F(IvshmemTest, GuestClientUsesTheDeviceOverTcp)
{
	StartTcpAgent(shm_file);
	setenv("VACCEL_RPC_SHM_BYTES", "8388608", 1);
	ASSERT_EQ(LoadRpc(agent.addresses[0]), VACCEL_OK);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	Echo(&sess, (1 << 20) / 4, 5);
	EXPECT_TRUE(agent.WaitLog("leased [0, +8388608) of " + shm_file))
	    << agent.Log();
	EXPECT_LOG_HAS("shared memory attached: [0, +8388608)");
	/* Twice the lease: both directions do not fit, the socket takes
	 * them. */
	Echo(&sess, (8 << 20) / 4, 6);
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
}

TEST_F(IvshmemTest, AnotherFileThanTheDevicesIsDetected)
{
	std::string other = shm_file + ".other";
	int fd = open(other.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
	ASSERT_GE(fd, 0);
	ASSERT_EQ(ftruncate(fd, 16 << 20), 0);
	close(fd);
	StartTcpAgent(other);
	ASSERT_EQ(LoadRpc(agent.addresses[0]), VACCEL_OK);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	Echo(&sess, (1 << 20) / 4, 7);
	EXPECT_LOG_HAS("is not this ivshmem device's memory");
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
	unlink(other.c_str());
}

TEST_F(IvshmemTest, NoDeviceFallsBackToTheSocket)
{
	StartTcpAgent(shm_file);
	setenv("VACCEL_RPC_SHM_SYSFS", (agent.dir + "/none").c_str(), 1);
	ASSERT_EQ(LoadRpc(agent.addresses[0]), VACCEL_OK);
	struct vaccel_session sess;
	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	Echo(&sess, (1 << 20) / 4, 8);
	EXPECT_LOG_HAS("large buffers go through the socket");
	EXPECT_EQ(agent.Log().find("leased"), std::string::npos);
	EXPECT_EQ(vaccel_session_release(&sess), VACCEL_OK);
}

/* Leases: disjoint per connection, refs confined to one's own, freed
 * when the connection closes. */
TEST_F(IvshmemTest, LeasesAreDisjointAndFreedOnClose)
{
	StartTcpAgent(shm_file);
	uint8_t nonce[WIRE_SHM_NONCE];
	memset(nonce, 0xab, sizeof(nonce));
	RawClient a, b, c;
	uint64_t sa = Open(a), sb = Open(b);
	(void)sb;
	RawReply ra = Lease(a, 6 << 20, nonce);
	ASSERT_EQ(ra.status, 0u) << ra.message;
	RawReply rb = Lease(b, 6 << 20, nonce);
	ASSERT_EQ(rb.status, 0u) << rb.message;
	EXPECT_EQ(ra.U64(0), 0u);
	EXPECT_EQ(ra.U64(1), 6u << 20);
	EXPECT_GE(rb.U64(0), ra.U64(0) + ra.U64(1));
	EXPECT_EQ(rb.U64(1), 6u << 20);
	/* The rest (4 MiB) for a third, less than asked. */
	Open(c);
	RawReply rc = Lease(c, 6 << 20, nonce);
	ASSERT_EQ(rc.status, 0u) << rc.message;
	EXPECT_LT(rc.U64(1), 6u << 20);
	EXPECT_GE(rc.U64(1), 1u << 20);
	/* a may not name b's lease. */
	ExpectRefused(a.Request(WIRE_CALL, VACCEL_OP_FPGA_ARRAYCOPY,
				ArraycopyRefs(sa, rb.U64(0), 4096, 16)),
		      VACCEL_EINVAL,
		      "offset " + std::to_string(rb.U64(0)) +
			  " + length 64 is outside this connection's region "
			  "[0, 6291456)");
	/* Full now. */
	RawClient d;
	Open(d);
	ExpectRefused(Lease(d, 6 << 20, nonce), VACCEL_ENOSPC, "is leased out");
	/* a goes; its lease is d's. */
	a.Close();
	ASSERT_TRUE(agent.WaitLog("disconnected"));
	RawReply rd;
	for (int i = 0; i < 100; i++) {
		rd = Lease(d, 6 << 20, nonce);
		if (rd.status == 0)
			break;
		usleep(20000);
	}
	ASSERT_EQ(rd.status, 0u) << rd.message;
	EXPECT_EQ(rd.U64(0), 0u);
	ExpectServing(b, sb);
}

TEST(RegionTest, AllocatorFirstFitAlignedAndSlice)
{
	static uint8_t mem[4096];
	struct wire_region r;

	wire_region_init(&r, mem, sizeof(mem));
	uint64_t a = wire_region_alloc(&r, 100);
	uint64_t b = wire_region_alloc(&r, 100);
	EXPECT_EQ(a, 0u);
	EXPECT_EQ(b, 128u); /* aligned to WIRE_REGION_ALIGN */
	EXPECT_EQ(wire_region_alloc(&r, 4096), UINT64_MAX);
	wire_region_free(&r, a);
	EXPECT_EQ(wire_region_alloc(&r, 64), 0u);
	EXPECT_EQ(wire_region_largest_free(&r), 4096u - 256u);
	wire_region_set_slice(&r, 1024, 1024);
	EXPECT_EQ(wire_region_alloc(&r, 512), 1024u);
	EXPECT_EQ(wire_region_alloc(&r, 1024), UINT64_MAX);
	EXPECT_TRUE(wire_region_check(&r, 1024, 1024));
	EXPECT_FALSE(wire_region_check(&r, 1024, 1025));
	EXPECT_FALSE(wire_region_check(&r, 1000, 8));
	EXPECT_FALSE(wire_region_check(&r, UINT64_MAX - 7, 16));
	wire_region_fini(&r);
}

} // namespace

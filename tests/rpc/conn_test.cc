// Framed connections: splitting messages into frames and reassembling them,
// concurrent senders, fd passing, peer closes, timeouts, shutdown.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <algorithm>
#include <map>
#include <random>
#include <thread>
#include <vector>

#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "rpc/address.h"
#include "rpc/conn.h"
#include "rpc/error.h"
#include "rpc_test.h"

namespace
{

const int T = 5000; // ms: generous, only hit when something hangs

std::vector<uint8_t> random_bytes(size_t n, uint32_t seed)
{
	std::vector<uint8_t> v(n);
	std::mt19937 rng(seed);
	size_t i = 0;
	for (; i + 4 <= n; i += 4) {
		uint32_t r = rng();
		memcpy(&v[i], &r, 4);
	}
	for (; i < n; i++)
		v[i] = (uint8_t)rng();
	return v;
}

struct Frame {
	vrpc_frame_header hdr;
	std::vector<uint8_t> payload;
};

// Read one whole frame; rc of the failing call otherwise.
int read_frame(vrpc_conn *c, Frame *f, int timeout = T)
{
	int rc = vrpc_recv_header(c, &f->hdr, nullptr, nullptr, 0, timeout);
	if (rc < 0)
		return rc;
	f->payload.resize(f->hdr.length);
	return vrpc_recv_exact(c, f->payload.data(), f->hdr.length, timeout);
}

// Sender threads of a test. On the way out (also when an ASSERT returns
// early) the reading end is shut down, so a sender blocked on a full socket
// fails with EPIPE instead of hanging the test, and every thread is joined.
struct Senders {
	vrpc_conn *reader;
	std::vector<std::thread> threads;
	explicit Senders(vrpc_conn *r) : reader(r)
	{
	}
	template <class F> void start(F f)
	{
		threads.emplace_back(f);
	}
	~Senders()
	{
		vrpc_conn_shutdown(reader);
		for (auto &t : threads)
			t.join();
	}
};

int open_fds()
{
	int n = 0;
	DIR *d = opendir("/proc/self/fd");
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

TEST(SendMsg, SplitsIntoFramesAndReassemblesBitExact)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	// 5 MiB + 17 bytes in uneven pieces, one of them empty.
	std::vector<uint8_t> data = random_bytes(5 * 1024 * 1024 + 17, 1);
	size_t cuts[] = {0, 1, 1, 300000, 3000000, data.size()};
	std::vector<iovec> iov;
	for (int i = 0; i + 1 < 6; i++)
		iov.push_back({data.data() + cuts[i], cuts[i + 1] - cuts[i]});
	const uint64_t max = 1000003; // odd on purpose
	std::vector<Frame> frames;
	{
		Senders senders(&p.b);
		senders.start([&] {
			EXPECT_EQ(vrpc_send_msg(&p.a, 9, 0x80, 77, 5,
						iov.data(), (int)iov.size(),
						max, nullptr, 0),
				  0);
		});
		for (;;) {
			Frame f;
			ASSERT_EQ(read_frame(&p.b, &f), 0);
			frames.push_back(f);
			if (!(f.hdr.flags & VRPC_FLAG_MORE))
				break;
		}
	}
	// ceil(5242897 / 1000003) frames, each full but the last.
	ASSERT_EQ(frames.size(), 6u);
	std::vector<uint8_t> got;
	for (size_t i = 0; i < frames.size(); i++) {
		const vrpc_frame_header &h = frames[i].hdr;
		EXPECT_EQ(h.magic, VRPC_MAGIC);
		EXPECT_EQ(h.version, VRPC_VERSION);
		EXPECT_EQ(h.type, 9);
		EXPECT_EQ(h.request_id, 77u);
		EXPECT_EQ(h.op, 5u);
		bool last = i + 1 == frames.size();
		EXPECT_EQ(h.flags, last ? 0x80 : 0x80 | VRPC_FLAG_MORE);
		EXPECT_EQ(h.length, last ? data.size() - 5 * max : max);
		got.insert(got.end(), frames[i].payload.begin(),
			   frames[i].payload.end());
	}
	EXPECT_TRUE(got == data);
}

TEST(SendMsg, ManySmallBuffersUseBoundedWindows)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	std::vector<uint8_t> data = random_bytes(200 * 100, 2);
	std::vector<iovec> iov;
	for (int i = 0; i < 200; i++)
		iov.push_back({data.data() + i * 100, 100});
	Senders senders(&p.b);
	senders.start([&] {
		EXPECT_EQ(vrpc_send_msg(&p.a, 1, 0, 1, 0, iov.data(), 200,
					1 << 20, nullptr, 0),
			  0);
	});
	std::vector<uint8_t> got;
	std::vector<uint64_t> lens;
	for (;;) {
		Frame f;
		ASSERT_EQ(read_frame(&p.b, &f), 0);
		lens.push_back(f.hdr.length);
		got.insert(got.end(), f.payload.begin(), f.payload.end());
		if (!(f.hdr.flags & VRPC_FLAG_MORE))
			break;
	}
	const uint64_t w = VRPC_SEND_WINDOW * 100;
	EXPECT_EQ(lens, (std::vector<uint64_t>{w, w, w, 20000 - 3 * w}));
	EXPECT_TRUE(got == data);
}

TEST(SendMsg, EmptyMessageIsOneEmptyFrame)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	ASSERT_EQ(vrpc_send_msg(&p.a, 3, VRPC_FLAG_MORE, 8, 1, nullptr, 0, 16,
				nullptr, 0),
		  0);
	Frame f;
	ASSERT_EQ(read_frame(&p.b, &f), 0);
	EXPECT_EQ(f.hdr.length, 0u);
	EXPECT_EQ(f.hdr.flags, 0); // MORE passed in is ignored
	EXPECT_EQ(f.hdr.request_id, 8u);
	EXPECT_EQ(vrpc_send_msg(&p.a, 3, 0, 8, 1, nullptr, 0, 0, nullptr, 0),
		  -EINVAL);
}

TEST(SendMsg, ConcurrentSendersInterleaveFramesIntact)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	const int threads = 4, per_thread = 6;
	const uint64_t max = 16 * 1024;
	Senders senders(&p.b);
	for (int t = 0; t < threads; t++)
		senders.start([&, t] {
			for (int m = 0; m < per_thread; m++) {
				uint32_t id = (uint32_t)(t * 100 + m);
				std::vector<uint8_t> d =
				    random_bytes(256 * 1024 + id * 997, id);
				// Two pieces, to slice across an iovec edge.
				iovec iov[2] = {
				    {d.data(), 1000},
				    {d.data() + 1000, d.size() - 1000}};
				EXPECT_EQ(vrpc_send_msg(&p.a, 2, 0, id, 0, iov,
							2, max, nullptr, 0),
					  0);
			}
		});
	std::map<uint32_t, std::vector<uint8_t>> partial;
	int complete = 0, switches = 0;
	uint32_t prev = UINT32_MAX;
	bool prev_more = false;
	while (complete < threads * per_thread) {
		Frame f;
		ASSERT_EQ(read_frame(&p.b, &f), 0);
		ASSERT_LE(f.hdr.length, max);
		// Another request's frame while one was still incomplete.
		if (prev_more && f.hdr.request_id != prev)
			switches++;
		prev = f.hdr.request_id;
		prev_more = f.hdr.flags & VRPC_FLAG_MORE;
		std::vector<uint8_t> &buf = partial[f.hdr.request_id];
		buf.insert(buf.end(), f.payload.begin(), f.payload.end());
		if (!(f.hdr.flags & VRPC_FLAG_MORE)) {
			uint32_t id = f.hdr.request_id;
			EXPECT_TRUE(buf ==
				    random_bytes(256 * 1024 + id * 997, id))
			    << "request " << id;
			partial.erase(id);
			complete++;
		}
	}
	EXPECT_TRUE(partial.empty());
	EXPECT_GT(switches, 0);
}

TEST(FdPassing, MemfdArrivesWithItsData)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	ASSERT_EQ(p.a.is_unix, 1);
	int mfd = memfd_create("t", MFD_CLOEXEC);
	ASSERT_GE(mfd, 0);
	ASSERT_EQ(write(mfd, "tensor bytes", 12), 12);
	const char msg[] = "hdr";
	iovec iov = {(void *)msg, 3};
	ASSERT_EQ(vrpc_send_msg(&p.a, 4, 0, 5, 6, &iov, 1, 1024, &mfd, 1), 0);
	close(mfd); // the receiver's copy stays valid
	vrpc_frame_header h;
	int fds[4] = {-1, -1, -1, -1}, n = -1;
	ASSERT_EQ(vrpc_recv_header(&p.b, &h, fds, &n, 4, T), 0);
	EXPECT_EQ(h.flags, VRPC_FLAG_FDS);
	ASSERT_EQ(n, 1);
	ASSERT_GE(fds[0], 0);
	EXPECT_TRUE(fcntl(fds[0], F_GETFD) & FD_CLOEXEC);
	char buf[16] = "";
	EXPECT_EQ(pread(fds[0], buf, 12, 0), 12);
	EXPECT_STREQ(buf, "tensor bytes");
	char pl[3];
	ASSERT_EQ(vrpc_recv_exact(&p.b, pl, 3, T), 0);
	EXPECT_EQ(memcmp(pl, "hdr", 3), 0);
	close(fds[0]);
}

TEST(FdPassing, TooManyFdsAreClosedAndRejected)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	int before = open_fds();
	int m[3];
	for (int &fd : m)
		fd = memfd_create("x", MFD_CLOEXEC);
	ASSERT_EQ(vrpc_send_msg(&p.a, 4, 0, 1, 0, nullptr, 0, 16, m, 3), 0);
	for (int fd : m)
		close(fd);
	ASSERT_EQ(vrpc_send_msg(&p.a, 4, 0, 2, 0, nullptr, 0, 16, nullptr, 0),
		  0);
	vrpc_frame_header h;
	int fds[1] = {-1}, n = -1;
	EXPECT_EQ(vrpc_recv_header(&p.b, &h, fds, &n, 1, T), VRPC_EFDS);
	EXPECT_EQ(n, 0);
	EXPECT_EQ(h.request_id, 1u); // header read: stream still in sync
	EXPECT_EQ(open_fds(), before);
	ASSERT_EQ(vrpc_recv_header(&p.b, &h, fds, &n, 1, T), 0);
	EXPECT_EQ(h.request_id, 2u);
	EXPECT_EQ(n, 0);
}

TEST(FdPassing, RefusedOnTcp)
{
	char err[256] = "", where[VRPC_ADDRSTRLEN];
	int l = vrpc_listen("tcp://127.0.0.1:0", 1, err, sizeof(err));
	ASSERT_GE(l, 0) << err;
	ASSERT_EQ(vrpc_listener_address(l, where, sizeof(where)), 0);
	int c = vrpc_connect(where, T, err, sizeof(err));
	ASSERT_GE(c, 0) << err;
	vrpc_conn conn;
	ASSERT_EQ(vrpc_conn_init(&conn, c), 0);
	EXPECT_EQ(conn.is_unix, 0);
	int fd = 0;
	EXPECT_EQ(vrpc_send_msg(&conn, 1, 0, 1, 0, nullptr, 0, 16, &fd, 1),
		  -EOPNOTSUPP);
	vrpc_conn_close(&conn);
	close(l);
}

TEST(Recv, PeerClosesCleanlyBeforeFrame)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	shutdown(p.a.fd, SHUT_WR);
	vrpc_frame_header h;
	EXPECT_EQ(vrpc_recv_header(&p.b, &h, nullptr, nullptr, 0, T),
		  VRPC_ECLOSED);
}

TEST(Recv, PeerClosesMidHeader)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	ASSERT_EQ(write(p.a.fd, "VACL\x01\x00\x01\x00\x00\x00", 10), 10);
	shutdown(p.a.fd, SHUT_WR);
	vrpc_frame_header h;
	EXPECT_EQ(vrpc_recv_header(&p.b, &h, nullptr, nullptr, 0, T),
		  VRPC_EEOF);
}

TEST(Recv, PeerClosesMidPayload)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	vrpc_frame_header h = {VRPC_MAGIC, VRPC_VERSION, 1, 0, 3, 0, 100};
	uint8_t raw[VRPC_HEADER_SIZE];
	vrpc_header_pack(&h, raw);
	ASSERT_EQ(write(p.a.fd, raw, sizeof(raw)), (ssize_t)sizeof(raw));
	ASSERT_EQ(write(p.a.fd, std::string(50, 'z').data(), 50), 50);
	shutdown(p.a.fd, SHUT_WR);
	vrpc_frame_header got;
	ASSERT_EQ(vrpc_recv_header(&p.b, &got, nullptr, nullptr, 0, T), 0);
	EXPECT_EQ(got.length, 100u);
	std::vector<uint8_t> buf(100);
	EXPECT_EQ(vrpc_recv_exact(&p.b, buf.data(), 100, T), VRPC_EEOF);
}

TEST(Recv, Timeouts)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	vrpc_frame_header h;
	auto t0 = std::chrono::steady_clock::now();
	EXPECT_EQ(vrpc_recv_header(&p.b, &h, nullptr, nullptr, 0, 150),
		  -ETIMEDOUT);
	long long ms = elapsed_ms(t0);
	EXPECT_GE(ms, 140);
	EXPECT_LT(ms, 2000);
	// Half a header, then silence: still a timeout, not EOF.
	ASSERT_EQ(write(p.a.fd, "VACL", 4), 4);
	EXPECT_EQ(vrpc_recv_header(&p.b, &h, nullptr, nullptr, 0, 100),
		  -ETIMEDOUT);
	char buf[8];
	EXPECT_EQ(vrpc_recv_exact(&p.b, buf, 8, 100), -ETIMEDOUT);
	EXPECT_EQ(vrpc_recv_discard(&p.b, 8, 100), -ETIMEDOUT);
	EXPECT_EQ(vrpc_recv_exact(&p.b, buf, 0, 0), 0); // nothing to read
}

TEST(Recv, HeaderTimeoutKeepsPartialBytesAndResumes)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	vrpc_frame_header h = {VRPC_MAGIC, VRPC_VERSION, 6, 0, 42, 7, 3};
	uint8_t raw[VRPC_HEADER_SIZE + 3];
	vrpc_header_pack(&h, raw);
	memcpy(raw + VRPC_HEADER_SIZE, "xyz", 3);
	ASSERT_EQ(write(p.a.fd, raw, 10), 10);
	vrpc_frame_header got;
	EXPECT_EQ(vrpc_recv_header(&p.b, &got, nullptr, nullptr, 0, 50),
		  -ETIMEDOUT);
	EXPECT_EQ(vrpc_conn_buffered(&p.b), 10u);
	ASSERT_EQ(write(p.a.fd, raw + 10, sizeof(raw) - 10),
		  (ssize_t)(sizeof(raw) - 10));
	ASSERT_EQ(vrpc_recv_header(&p.b, &got, nullptr, nullptr, 0, T), 0);
	EXPECT_EQ(got.request_id, 42u);
	EXPECT_EQ(got.op, 7u);
	char pl[3];
	ASSERT_EQ(vrpc_recv_exact(&p.b, pl, 3, T), 0);
	EXPECT_EQ(memcmp(pl, "xyz", 3), 0);
}

TEST(Recv, SmallFramesAreReadAhead)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	for (uint32_t i = 0; i < 50; i++) {
		iovec iov = {&i, sizeof(i)};
		ASSERT_EQ(
		    vrpc_send_msg(&p.a, 1, 0, i, 0, &iov, 1, 64, nullptr, 0),
		    0);
	}
	for (uint32_t i = 0; i < 50; i++) {
		Frame f;
		ASSERT_EQ(read_frame(&p.b, &f), 0);
		EXPECT_EQ(f.hdr.request_id, i);
		uint32_t v;
		ASSERT_EQ(f.payload.size(), sizeof(v));
		memcpy(&v, f.payload.data(), sizeof(v));
		EXPECT_EQ(v, i);
		// One read brought in all 50 frames (28 bytes each).
		if (i == 0) {
			EXPECT_EQ(vrpc_conn_buffered(&p.b), 49u * 28);
		}
	}
	EXPECT_EQ(vrpc_conn_buffered(&p.b), 0u);
}

TEST(FdPassing, FdsReadAheadWaitForTheirFrame)
{
	// Frame 1 has no fds, frame 2 carries one; both are queued before
	// the reader starts, so one read may bring in frame 2's fd early.
	ConnPair p;
	ASSERT_TRUE(p.ok);
	int mfd = memfd_create("t", MFD_CLOEXEC);
	ASSERT_EQ(write(mfd, "second", 6), 6);
	ASSERT_EQ(vrpc_send_msg(&p.a, 1, 0, 1, 0, nullptr, 0, 64, nullptr, 0),
		  0);
	ASSERT_EQ(vrpc_send_msg(&p.a, 1, 0, 2, 0, nullptr, 0, 64, &mfd, 1), 0);
	close(mfd);
	vrpc_frame_header h;
	int fds[2] = {-1, -1}, n = -1;
	ASSERT_EQ(vrpc_recv_header(&p.b, &h, fds, &n, 2, T), 0);
	EXPECT_EQ(h.request_id, 1u);
	EXPECT_EQ(n, 0);
	ASSERT_EQ(vrpc_recv_header(&p.b, &h, fds, &n, 2, T), 0);
	EXPECT_EQ(h.request_id, 2u);
	ASSERT_EQ(n, 1);
	char buf[8] = "";
	EXPECT_EQ(pread(fds[0], buf, 6, 0), 6);
	EXPECT_STREQ(buf, "second");
	close(fds[0]);
}

TEST(Recv, RandomStreamsEndInAKnownCode)
{
	// Seeded random byte streams, half of them starting like a valid
	// header with a random length: the reader must end every stream
	// with a header check failure, a clean close or a mid-frame EOF,
	// never hang, crash or leak.
	int before = open_fds();
	for (uint32_t seed = 0; seed < 300; seed++) {
		ConnPair p;
		ASSERT_TRUE(p.ok);
		std::mt19937 rng(seed);
		std::vector<uint8_t> bytes = random_bytes(rng() % 200, seed);
		if (seed % 2 && bytes.size() >= VRPC_HEADER_SIZE) {
			vrpc_frame_header h = {
			    VRPC_MAGIC, VRPC_VERSION, 1, 0, 1, 0, rng() % 100};
			vrpc_header_pack(&h, bytes.data());
		}
		ASSERT_EQ(write(p.a.fd, bytes.data(), bytes.size()),
			  (ssize_t)bytes.size());
		shutdown(p.a.fd, SHUT_WR);
		int rc;
		for (;;) {
			vrpc_frame_header h;
			char err[256];
			rc = vrpc_recv_header(&p.b, &h, nullptr, nullptr, 0, T);
			if (rc < 0)
				break;
			rc = vrpc_header_check(&h, 64, err, sizeof(err));
			if (rc < 0)
				break;
			rc = vrpc_recv_discard(&p.b, h.length, T);
			if (rc < 0)
				break;
		}
		EXPECT_TRUE(rc == VRPC_ECLOSED || rc == VRPC_EEOF ||
			    rc == VRPC_EMAGIC || rc == VRPC_EVERSION ||
			    rc == VRPC_ETOOBIG)
		    << "seed " << seed << ": " << rc;
		if (bytes.empty()) {
			EXPECT_EQ(rc, VRPC_ECLOSED);
		}
	}
	EXPECT_EQ(open_fds(), before);
}

TEST(Recv, DiscardSkipsPayload)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	std::vector<uint8_t> big = random_bytes(100000, 3);
	iovec iov = {big.data(), big.size()};
	Senders senders(&p.b);
	senders.start([&] {
		EXPECT_EQ(vrpc_send_msg(&p.a, 1, 0, 1, 0, &iov, 1, 1 << 20,
					nullptr, 0),
			  0);
		iovec small = {(void *)"ok", 2};
		EXPECT_EQ(vrpc_send_msg(&p.a, 1, 0, 2, 0, &small, 1, 1 << 20,
					nullptr, 0),
			  0);
	});
	vrpc_frame_header h;
	ASSERT_EQ(vrpc_recv_header(&p.b, &h, nullptr, nullptr, 0, T), 0);
	ASSERT_EQ(vrpc_recv_discard(&p.b, h.length, T), 0);
	Frame f;
	ASSERT_EQ(read_frame(&p.b, &f), 0);
	EXPECT_EQ(f.hdr.request_id, 2u);
	EXPECT_EQ(std::string(f.payload.begin(), f.payload.end()), "ok");
}

TEST(Conn, ShutdownWakesBlockedReader)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	std::atomic<int> rc{1};
	std::thread reader([&] {
		vrpc_frame_header h;
		rc = vrpc_recv_header(&p.b, &h, nullptr, nullptr, 0, -1);
	});
	std::this_thread::sleep_for(std::chrono::milliseconds(50));
	EXPECT_EQ(rc.load(), 1); // still blocked
	vrpc_conn_shutdown(&p.b);
	reader.join();
	EXPECT_EQ(rc.load(), VRPC_ECLOSED);
	EXPECT_EQ(vrpc_send_msg(&p.b, 1, 0, 1, 0, nullptr, 0, 16, nullptr, 0),
		  -EPIPE);
}

TEST(Conn, SendToClosedPeerIsEpipeNotSignal)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	close(p.b.fd);
	p.b.fd = -1;
	std::vector<uint8_t> d(1 << 20);
	iovec iov = {d.data(), d.size()};
	int rc = vrpc_send_msg(&p.a, 1, 0, 1, 0, &iov, 1, 1 << 16, nullptr, 0);
	EXPECT_EQ(rc, -EPIPE);
}

TEST(Conn, SendFrameRejectsLyingLength)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	vrpc_frame_header h = {VRPC_MAGIC, VRPC_VERSION, 1, 0, 1, 0, 10};
	iovec iov = {(void *)"abc", 3};
	EXPECT_EQ(vrpc_send_frame(&p.a, &h, &iov, 1, nullptr, 0), -EINVAL);
	h.length = 3;
	EXPECT_EQ(vrpc_send_frame(&p.a, &h, &iov, 1, nullptr, 0), 0);
	Frame f;
	ASSERT_EQ(read_frame(&p.b, &f), 0);
	EXPECT_EQ(std::string(f.payload.begin(), f.payload.end()), "abc");
}

TEST(Conn, SendTimesOutWhenPeerStopsReading)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	ASSERT_EQ(vrpc_conn_set_send_timeout(&p.a, 150), 0);
	std::vector<uint8_t> d(8 << 20); // far more than the socket buffer
	iovec iov = {d.data(), d.size()};
	auto t0 = std::chrono::steady_clock::now();
	EXPECT_EQ(vrpc_send_msg(&p.a, 1, 0, 1, 0, &iov, 1, 1 << 20, nullptr, 0),
		  -ETIMEDOUT);
	long long ms = elapsed_ms(t0);
	EXPECT_GE(ms, 140);
	EXPECT_LT(ms, 3000);
}

TEST(Conn, SendFrameWithMoreIovecsThanIovMax)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	const int n = 3000; // IOV_MAX is 1024
	std::vector<uint8_t> data = random_bytes(n * 7, 4);
	std::vector<iovec> iov;
	for (int i = 0; i < n; i++)
		iov.push_back({data.data() + i * 7, 7});
	vrpc_frame_header h = {VRPC_MAGIC, VRPC_VERSION, 1, 0, 1,
			       0,	   data.size()};
	Senders senders(&p.b);
	senders.start([&] {
		EXPECT_EQ(vrpc_send_frame(&p.a, &h, iov.data(), n, nullptr, 0),
			  0);
	});
	Frame f;
	ASSERT_EQ(read_frame(&p.b, &f), 0);
	EXPECT_EQ(f.hdr.length, data.size());
	EXPECT_TRUE(f.payload == data);
}

void on_signal(int)
{
}

TEST(Conn, SendResumesAfterSignalsInterruptIt)
{
	// Signals without SA_RESTART cut a blocked sendmsg short (a partial
	// write) or fail it with EINTR: the frame must still arrive whole.
	struct sigaction sa = {}, old;
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	ASSERT_EQ(sigaction(SIGUSR1, &sa, &old), 0);
	ConnPair p;
	ASSERT_TRUE(p.ok);
	std::vector<uint8_t> data = random_bytes(8 << 20, 5);
	iovec iov[3] = {
	    {data.data(), 12345},
	    {data.data() + 12345, 5 << 20},
	    {data.data() + 12345 + (5 << 20), data.size() - 12345 - (5 << 20)}};
	vrpc_frame_header h = {VRPC_MAGIC, VRPC_VERSION, 1, 0, 1,
			       0,	   data.size()};
	std::atomic<bool> done{false};
	std::atomic<pthread_t> sender_id{};
	std::vector<uint8_t> got(data.size());
	int signals = 0;
	{
		Senders senders(&p.b);
		senders.start([&] {
			sender_id = pthread_self();
			EXPECT_EQ(vrpc_send_frame(&p.a, &h, iov, 3, nullptr, 0),
				  0);
			done = true;
		});
		vrpc_frame_header rh;
		ASSERT_EQ(vrpc_recv_header(&p.b, &rh, nullptr, nullptr, 0, T),
			  0);
		ASSERT_EQ(rh.length, data.size());
		// Read in small steps and signal the sender between them.
		size_t off = 0;
		while (off < got.size()) {
			size_t n = std::min<size_t>(64 << 10, got.size() - off);
			ASSERT_EQ(vrpc_recv_exact(&p.b, got.data() + off, n, T),
				  0);
			off += n;
			if (!done) {
				pthread_kill(sender_id, SIGUSR1);
				signals++;
			}
		}
	}
	sigaction(SIGUSR1, &old, nullptr);
	EXPECT_GT(signals, 10);
	EXPECT_TRUE(got == data);
}

// A quick number, not a benchmark (bench/transport_bench is): send_msg of
// 64 MiB in 4 MiB frames over a socketpair into one buffer.
TEST(Throughput, SocketpairSendMsg)
{
	ConnPair p;
	ASSERT_TRUE(p.ok);
	const size_t size = 64u << 20;
	std::vector<uint8_t> src(size, 0x5A), dst(size);
	iovec iov = {src.data(), size};
	auto t0 = std::chrono::steady_clock::now();
	Senders senders(&p.b);
	senders.start([&] {
		EXPECT_EQ(vrpc_send_msg(&p.a, 1, 0, 1, 0, &iov, 1, 4u << 20,
					nullptr, 0),
			  0);
	});
	size_t off = 0;
	for (;;) {
		vrpc_frame_header h;
		ASSERT_EQ(vrpc_recv_header(&p.b, &h, nullptr, nullptr, 0, T),
			  0);
		ASSERT_LE(off + h.length, size);
		ASSERT_EQ(vrpc_recv_exact(&p.b, dst.data() + off, h.length, T),
			  0);
		off += h.length;
		if (!(h.flags & VRPC_FLAG_MORE))
			break;
	}
	long long ms = elapsed_ms(t0);
	EXPECT_EQ(off, size);
	EXPECT_TRUE(src == dst);
	double mbs = ms > 0 ? (double)size / 1e6 / (ms / 1000.0) : 0;
	printf("send_msg 64 MiB over socketpair: %lld ms, %.0f MB/s\n", ms,
	       mbs);
	RecordProperty("MBps", (int)mbs);
}

} // namespace

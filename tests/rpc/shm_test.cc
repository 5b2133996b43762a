// Shared-memory regions: create, pass, map, refuse what the peer should not
// be trusted with.
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "rpc/conn.h"
#include "rpc/shm.h"
#include "rpc_test.h"

namespace
{

TEST(Shm, CreateMapAndShareThroughSocket)
{
	struct vrpc_shm a;
	ASSERT_EQ(vrpc_shm_create(1 << 20, &a), 0);
	EXPECT_EQ(a.size, 1u << 20);
	EXPECT_TRUE(fcntl(a.fd, F_GETFD) & FD_CLOEXEC);
	EXPECT_TRUE(fcntl(a.fd, F_GET_SEALS) & F_SEAL_SHRINK);
	// The seal holds: shrinking (the SIGBUS attack) fails.
	EXPECT_EQ(ftruncate(a.fd, 4096), -1);
	EXPECT_EQ(errno, EPERM);
	memcpy(a.addr, "written by a", 13);

	ConnPair p;
	ASSERT_TRUE(p.ok);
	ASSERT_EQ(vrpc_send_msg(&p.a, 1, 0, 1, 0, nullptr, 0, 16, &a.fd, 1), 0);
	vrpc_frame_header h;
	int fd = -1, n = 0;
	ASSERT_EQ(vrpc_recv_header(&p.b, &h, &fd, &n, 1, 5000), 0);
	ASSERT_EQ(n, 1);
	struct vrpc_shm b;
	ASSERT_EQ(vrpc_shm_map_fd(fd, 1 << 20, 1, &b), 0);
	EXPECT_EQ(b.fd, fd);
	EXPECT_STREQ((const char *)b.addr, "written by a");
	// Writes are seen by the other mapping: same pages.
	memcpy((char *)b.addr + 4096, "reply", 6);
	EXPECT_STREQ((const char *)a.addr + 4096, "reply");
	vrpc_shm_unmap(&b);
	EXPECT_EQ(b.addr, nullptr);
	EXPECT_EQ(b.fd, -1);
	vrpc_shm_unmap(&a);
	vrpc_shm_unmap(&a); // twice is harmless
}

TEST(Shm, ReadOnlyMapping)
{
	struct vrpc_shm a, b;
	ASSERT_EQ(vrpc_shm_create(4096, &a), 0);
	int dup_fd = fcntl(a.fd, F_DUPFD_CLOEXEC, 0);
	ASSERT_EQ(vrpc_shm_map_fd(dup_fd, 4096, 0, &b), 0);
	((char *)a.addr)[0] = 'k';
	EXPECT_EQ(((const char *)b.addr)[0], 'k');
	vrpc_shm_unmap(&b);
	vrpc_shm_unmap(&a);
}

TEST(Shm, RefusesWhatThePeerCannotBeTrustedWith)
{
	struct vrpc_shm a, out;
	ASSERT_EQ(vrpc_shm_create(4096, &a), 0);
	// Smaller than the size the message announces.
	EXPECT_EQ(vrpc_shm_map_fd(a.fd, 8192, 1, &out), -ERANGE);
	EXPECT_EQ(out.addr, nullptr);
	// A memfd the peer could still shrink under us.
	int unsealed = memfd_create("u", MFD_CLOEXEC);
	ASSERT_EQ(ftruncate(unsealed, 4096), 0);
	EXPECT_EQ(vrpc_shm_map_fd(unsealed, 4096, 1, &out), -EPERM);
	close(unsealed);
	// Not a file at all.
	int pfd[2];
	ASSERT_EQ(pipe(pfd), 0);
	EXPECT_EQ(vrpc_shm_map_fd(pfd[0], 4096, 0, &out), -EBADF);
	close(pfd[0]);
	close(pfd[1]);
	EXPECT_EQ(vrpc_shm_map_fd(a.fd, 0, 1, &out), -EINVAL);
	// The refused fd was not taken over: still usable.
	EXPECT_EQ(fcntl(a.fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
	vrpc_shm_unmap(&a);
	EXPECT_EQ(vrpc_shm_create(0, &a), -EINVAL);
}

} // namespace

/* Limits of http(s) resource downloads: a server that accepts and never
 * answers, and one that sends more than the size limit. */

#include "resource_test.h"

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <dirent.h>
#include <future>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <vector>

/* Listens on 127.0.0.1 and, per connection, either says nothing (silent)
 * or sends a large body without Content-Length. Every connection is closed
 * by the destructor, which also unblocks a client that would otherwise
 * wait forever. */
class RawServer
{
      public:
	int port = 0;

	explicit RawServer(bool silent) : silent(silent)
	{
		fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		struct sockaddr_in addr = {};
		addr.sin_family = AF_INET;
		addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		socklen_t len = sizeof(addr);
		if (fd < 0 ||
		    bind(fd, reinterpret_cast<struct sockaddr *>(&addr),
			 sizeof(addr)) ||
		    listen(fd, 8) ||
		    getsockname(fd, reinterpret_cast<struct sockaddr *>(&addr),
				&len))
			return;
		port = ntohs(addr.sin_port);
		thread = std::thread([this] { Serve(); });
	}

	~RawServer()
	{
		if (fd >= 0)
			shutdown(fd, SHUT_RDWR);
		if (thread.joinable())
			thread.join();
		for (int c : conns) {
			shutdown(c, SHUT_RDWR);
			close(c);
		}
		if (fd >= 0)
			close(fd);
	}

	std::string Url() const
	{
		return "http://127.0.0.1:" + std::to_string(port) +
		       "/model.bin";
	}

      private:
	int fd = -1;
	bool silent;
	std::vector<int> conns;
	std::thread thread;

	void Serve()
	{
		for (;;) {
			int c = accept(fd, nullptr, nullptr);
			if (c < 0)
				break;
			conns.push_back(c);
			if (!silent)
				SendBig(c);
		}
	}

	/* 1 MiB with no Content-Length: only counting stops it. */
	static void SendBig(int c)
	{
		std::string head = "HTTP/1.0 200 OK\r\n\r\n";
		std::string chunk(64 * 1024, 'x');
		/* MSG_NOSIGNAL: the client hangs up at its limit, and a
		 * SIGPIPE would end the test process. */
		if (send(c, head.data(), head.size(), MSG_NOSIGNAL) < 0)
			return;
		for (int i = 0; i < 16; i++)
			if (send(c, chunk.data(), chunk.size(), MSG_NOSIGNAL) <
			    0)
				return;
		shutdown(c, SHUT_WR);
	}
};

class DownloadLimitsTest : public ResourceTest
{
      protected:
	void TearDown() override
	{
		ResourceTest::TearDown();
		unsetenv("VACCEL_DOWNLOAD_STALL_TIMEOUT");
		unsetenv("VACCEL_DOWNLOAD_TIMEOUT");
		unsetenv("VACCEL_DOWNLOAD_MAX_SIZE");
	}

	size_t ResourceDirs()
	{
		size_t n = 0;
		DIR *d = opendir(vaccel_rundir());
		while (struct dirent *e = d ? readdir(d) : nullptr)
			n += strncmp(e->d_name, "resource.", 9) == 0;
		if (d)
			closedir(d);
		return n;
	}
};

/* vaccel_resource_init of a RawServer's URL in another thread: its code,
 * or -1 when it is still blocked after 20 s (the server's end, before the
 * future's, then unblocks it, so the test fails instead of hanging). */
static int InitAgainst(bool silent, std::string *url_out)
{
	std::future<int> ret;
	RawServer server(silent);
	if (server.port <= 0)
		return -2;
	std::string url = server.Url();
	*url_out = url;
	ret = std::async(std::launch::async, [url] {
		struct vaccel_resource res;
		int r = vaccel_resource_init(&res, url.c_str(),
					     VACCEL_RESOURCE_MODEL);
		if (r == VACCEL_OK)
			vaccel_resource_release(&res);
		return r;
	});
	if (ret.wait_for(std::chrono::seconds(20)) != std::future_status::ready)
		return -1;
	return ret.get();
}

TEST_F(DownloadLimitsTest, ServerThatNeverAnswersTimesOut)
{
	std::string url;
	setenv("VACCEL_DOWNLOAD_STALL_TIMEOUT", "1", 1);
	EXPECT_EQ(InitAgainst(true, &url), VACCEL_EREMOTEIO)
	    << "-1: still blocked after 20 s";
	EXPECT_LOG_HAS("download of " + url +
		       " failed: Timeout was reached (limits: "
		       "VACCEL_DOWNLOAD_CONNECT_TIMEOUT=30, "
		       "VACCEL_DOWNLOAD_STALL_TIMEOUT=1, "
		       "VACCEL_DOWNLOAD_TIMEOUT=0 seconds)");
	EXPECT_EQ(ResourceDirs(), 0u);
}

TEST_F(DownloadLimitsTest, WholeTransferTimeout)
{
	std::string url;
	setenv("VACCEL_DOWNLOAD_STALL_TIMEOUT", "0", 1);
	setenv("VACCEL_DOWNLOAD_TIMEOUT", "1", 1);
	EXPECT_EQ(InitAgainst(true, &url), VACCEL_EREMOTEIO)
	    << "-1: still blocked after 20 s";
	EXPECT_LOG_HAS("VACCEL_DOWNLOAD_TIMEOUT=1 seconds)");
}

TEST_F(DownloadLimitsTest, LargerThanTheLimitIsEREMOTEIO)
{
	std::string url;
	setenv("VACCEL_DOWNLOAD_MAX_SIZE", "100000", 1);
	EXPECT_EQ(InitAgainst(false, &url), VACCEL_EREMOTEIO);
	EXPECT_LOG_HAS("download of " + url +
		       " failed: larger than 100000 bytes "
		       "(VACCEL_DOWNLOAD_MAX_SIZE)");
	EXPECT_EQ(ResourceDirs(), 0u);
}

TEST_F(DownloadLimitsTest, BadLimitIsEINVAL)
{
	setenv("VACCEL_DOWNLOAD_MAX_SIZE", "-5", 1);
	struct vaccel_resource res;
	EXPECT_EQ(vaccel_resource_init(&res, "http://127.0.0.1:1/model.bin",
				       VACCEL_RESOURCE_MODEL),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("VACCEL_DOWNLOAD_MAX_SIZE is '-5'; expected a whole "
		       "number");
}

#include "resource_test.h"

#include <arpa/inet.h>
#include <atomic>
#include <dirent.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>

/* A tiny HTTP server on 127.0.0.1 (a free port): GET /<anything>/model.bin
 * answers a known body, every other path 404. Stopped by its destructor,
 * so also when an assertion fails. */
class HttpServer
{
      public:
	std::string body;
	int port = 0;
	std::atomic<int> requests{0};

	HttpServer()
	{
		for (int i = 0; i < 100000; i++)
			body.push_back(
			    static_cast<char>((i * 7 + i / 256) & 0xff));
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

	~HttpServer()
	{
		stop = true;
		if (fd >= 0)
			shutdown(fd, SHUT_RDWR); /* wakes accept() */
		if (thread.joinable())
			thread.join();
		if (fd >= 0)
			close(fd);
	}

	std::string Url(const std::string &path) const
	{
		return "http://127.0.0.1:" + std::to_string(port) + path;
	}

      private:
	int fd = -1;
	std::atomic<bool> stop{false};
	std::thread thread;

	void Serve()
	{
		while (!stop) {
			int c = accept(fd, nullptr, nullptr);
			if (c < 0)
				break;
			Answer(c);
			close(c);
		}
	}

	void Answer(int c)
	{
		std::string req;
		char buf[1024];
		while (req.find("\r\n\r\n") == std::string::npos) {
			ssize_t n = read(c, buf, sizeof(buf));
			if (n <= 0)
				return;
			req.append(buf, (size_t)n);
		}
		requests++;
		std::string path = req.substr(4, req.find(' ', 4) - 4);
		path = path.substr(0, path.find('?'));
		bool ok = path.size() >= 10 &&
			  path.compare(path.size() - 10, 10, "/model.bin") == 0;
		std::string out = ok ? body : "not found";
		std::string head =
		    std::string("HTTP/1.1 ") +
		    (ok ? "200 OK" : "404 Not Found") +
		    "\r\nContent-Length: " + std::to_string(out.size()) +
		    "\r\nConnection: close\r\n\r\n";
		std::string all = head + out;
		for (size_t off = 0; off < all.size();) {
			ssize_t n =
			    write(c, all.data() + off, all.size() - off);
			if (n <= 0)
				return;
			off += (size_t)n;
		}
	}
};

class ResourceHttpTest : public ResourceTest
{
      protected:
	HttpServer server;

	void SetUp() override
	{
		ResourceTest::SetUp();
		ASSERT_GT(server.port, 0) << "cannot start the test server";
		/* scripts/setup.sh installs it (libcurl4-openssl-dev): its
		 * absence is a broken setup, not a reason to skip. */
		void *curl = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
		ASSERT_NE(curl, nullptr)
		    << "libcurl.so.4 is not installed: run scripts/setup.sh";
		dlclose(curl);
	}

	/* The resource.* directories left in the runtime directory. */
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

TEST_F(ResourceHttpTest, DownloadsIntoItsRundir)
{
	std::string url = server.Url("/models/v1/model.bin?token=1");
	struct vaccel_resource res;
	ASSERT_EQ(
	    vaccel_resource_init(&res, url.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_OK)
	    << Log();
	std::string dir = ResourceRundir(res.id);
	EXPECT_EQ(res.paths[0], url);
	ASSERT_EQ(res.nr_blobs, 1u);
	EXPECT_STREQ(res.blobs[0]->name, "model.bin");
	EXPECT_EQ(res.blobs[0]->path, dir + "/model.bin");
	size_t size = 0;
	uint8_t *data = vaccel_blob_data(res.blobs[0], &size);
	ASSERT_EQ(size, server.body.size());
	EXPECT_EQ(Str(data, size), server.body);
	char *d = nullptr;
	ASSERT_EQ(vaccel_resource_directory(&res, nullptr, 0, &d), VACCEL_OK);
	char real[PATH_MAX];
	EXPECT_STREQ(d, realpath(dir.c_str(), real));
	free(d);
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_FALSE(Exists(dir));
}

TEST_F(ResourceHttpTest, SeveralUrls)
{
	std::string a = server.Url("/a/model.bin"),
		    b = server.Url("/b/model.bin");
	const char *paths[] = {a.c_str(), b.c_str()};
	struct vaccel_resource res;
	ASSERT_EQ(
	    vaccel_resource_init_multi(&res, paths, 2, VACCEL_RESOURCE_DATA),
	    VACCEL_OK)
	    << Log();
	ASSERT_EQ(res.nr_blobs, 2u);
	/* Both are named model.bin: the second gets its index. */
	EXPECT_STREQ(res.blobs[0]->name, "model.bin");
	EXPECT_STREQ(res.blobs[1]->name, "1_model.bin");
	for (int i = 0; i < 2; i++)
		EXPECT_EQ(ReadFile(res.blobs[i]->path), server.body);
	EXPECT_EQ(server.requests.load(), 2);
	EXPECT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_EQ(ResourceDirs(), 0u);
}

TEST_F(ResourceHttpTest, NotFoundIsEREMOTEIO)
{
	std::string url = server.Url("/missing.bin");
	struct vaccel_resource res;
	EXPECT_EQ(
	    vaccel_resource_init(&res, url.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_EREMOTEIO);
	EXPECT_LOG_HAS("download of " + url + " failed: HTTP status 404");
	EXPECT_EQ(ResourceDirs(), 0u); /* nothing left behind */
	struct vaccel_resource *found;
	EXPECT_EQ(vaccel_resource_get_by_type(&found, VACCEL_RESOURCE_MODEL),
		  VACCEL_ENOENT);
}

TEST_F(ResourceHttpTest, UnreachableIsEREMOTEIO)
{
	/* A port bound but not listening: connections are refused. */
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	ASSERT_GE(fd, 0);
	struct sockaddr_in addr = {};
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof(addr);
	ASSERT_EQ(
	    bind(fd, reinterpret_cast<struct sockaddr *>(&addr), sizeof(addr)),
	    0);
	ASSERT_EQ(
	    getsockname(fd, reinterpret_cast<struct sockaddr *>(&addr), &len),
	    0);
	std::string url =
	    "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) +
	    "/model.bin";
	struct vaccel_resource res;
	EXPECT_EQ(
	    vaccel_resource_init(&res, url.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_EREMOTEIO);
	close(fd);
	EXPECT_LOG_HAS("download of " + url + " failed: ");
	EXPECT_EQ(ResourceDirs(), 0u);
}

// Helpers shared by the transport tests: a temporary directory short enough
// for sun_path, and a connected UNIX socket pair wrapped in vrpc_conn.
#ifndef VRPC_TEST_H
#define VRPC_TEST_H

#include <chrono>
#include <cstdlib>
#include <string>

#include <ftw.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "rpc/conn.h"

// /tmp, not TEST_TMPDIR: Bazel's test directories are longer than the 107
// bytes a UNIX socket path may have.
class TmpDir
{
      public:
	TmpDir()
	{
		char tmpl[] = "/tmp/vrpc-test.XXXXXX";
		if (mkdtemp(tmpl))
			path = tmpl;
	}
	~TmpDir()
	{
		if (!path.empty())
			nftw(path.c_str(), remove_one, 8, FTW_DEPTH | FTW_PHYS);
	}
	std::string path;

      private:
	static int remove_one(const char *p, const struct stat *, int,
			      struct FTW *)
	{
		return remove(p);
	}
};

static inline long long elapsed_ms(std::chrono::steady_clock::time_point t0)
{
	return std::chrono::duration_cast<std::chrono::milliseconds>(
		   std::chrono::steady_clock::now() - t0)
	    .count();
}

// Two connected vrpc_conn ends of an AF_UNIX socketpair.
struct ConnPair {
	struct vrpc_conn a, b;
	bool ok = false;
	ConnPair()
	{
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
			return;
		ok = vrpc_conn_init(&a, sv[0]) == 0 &&
		     vrpc_conn_init(&b, sv[1]) == 0;
	}
	~ConnPair()
	{
		if (ok) {
			vrpc_conn_close(&a);
			vrpc_conn_close(&b);
		}
	}
};

#endif

/* Copied from c/rpc/socket.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Sockets for parsed addresses: connect with a deadline, listen (removing
 * stale UNIX socket files), accept. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include <linux/vm_sockets.h>

#include "rpc/address.h"

#define SHOWN "%.160s"

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Milliseconds left before deadline (-1: none), never below 0. */
static int remaining(int64_t deadline)
{
	int64_t left;

	if (deadline < 0)
		return -1;
	left = deadline - now_ms();
	if (left < 0)
		return 0;
	return left > 1 << 30 ? 1 << 30 : (int)left;
}

static void set_nodelay(int fd)
{
	int one = 1;

	/* Without it a request/response pair waits for delayed ACKs (40 ms). */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

static int domain_of(int fd)
{
	int d = 0;
	socklen_t len = sizeof(d);

	if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &d, &len) != 0)
		return -errno;
	return d;
}

/* One connection attempt, bounded by deadline. The socket is non-blocking
 * while connecting (so the wait can be bounded with poll) and blocking
 * afterwards. Returns the fd or -errno. */
static int connect_one(int family, const struct sockaddr *sa, socklen_t len,
		       int64_t deadline)
{
	int fd, rc, soerr = 0;
	socklen_t sl = sizeof(soerr);

	fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	for (;;) {
		if (connect(fd, sa, len) == 0)
			goto connected;
		rc = errno;
		/* A full UNIX listen backlog: retry until the deadline. */
		if (rc == EAGAIN && family == AF_UNIX) {
			int left = remaining(deadline);
			if (left == 0) {
				rc = ETIMEDOUT;
				goto fail;
			}
			poll(NULL, 0, left < 0 || left > 5 ? 5 : left);
			continue;
		}
		if (rc == EINPROGRESS || rc == EINTR)
			break;
		goto fail;
	}
	for (;;) {
		struct pollfd p = {.fd = fd, .events = POLLOUT};
		int n = poll(&p, 1, remaining(deadline));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = errno;
			goto fail;
		}
		if (n == 0) {
			rc = ETIMEDOUT;
			goto fail;
		}
		break;
	}
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) != 0) {
		rc = errno;
		goto fail;
	}
	if (soerr != 0) {
		rc = soerr;
		goto fail;
	}
connected:
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
		rc = errno;
		goto fail;
	}
	if (family == AF_INET || family == AF_INET6)
		set_nodelay(fd);
	return fd;
fail:
	close(fd);
	return -rc;
}

static socklen_t unix_sockaddr(const struct vrpc_address *a,
			       struct sockaddr_un *un)
{
	size_t len = strlen(a->path);

	memset(un, 0, sizeof(*un));
	un->sun_family = AF_UNIX;
	if (a->abstract) {
		/* The name is exactly len bytes after the leading NUL. */
		memcpy(un->sun_path + 1, a->path, len);
		return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
				   len);
	}
	memcpy(un->sun_path, a->path, len + 1);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + 1);
}

static void vsock_sockaddr(const struct vrpc_address *a, struct sockaddr_vm *vm)
{
	memset(vm, 0, sizeof(*vm));
	vm->svm_family = AF_VSOCK;
	vm->svm_cid = a->cid;
	vm->svm_port = a->port;
}

static int resolve(const char *addr, const struct vrpc_address *a, int passive,
		   struct addrinfo **res, char *err, size_t errlen)
{
	struct addrinfo hints;
	char port[8];
	int rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0);
	snprintf(port, sizeof(port), "%u", (unsigned)a->port);
	rc = getaddrinfo(a->host, port, &hints, res);
	if (rc != 0) {
		snprintf(err, errlen,
			 "\"" SHOWN "\": cannot resolve \"%s\": %s", addr,
			 a->host,
			 rc == EAI_SYSTEM ? strerror(errno) : gai_strerror(rc));
		return -EHOSTUNREACH;
	}
	return 0;
}

static void describe(const struct sockaddr *sa, socklen_t len, char *buf,
		     size_t size)
{
	char host[64], serv[16];

	if (getnameinfo(sa, len, host, sizeof(host), serv, sizeof(serv),
			NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		snprintf(buf, size, "?");
	else if (sa->sa_family == AF_INET6)
		snprintf(buf, size, "[%s]:%s", host, serv);
	else
		snprintf(buf, size, "%s:%s", host, serv);
}

static int connect_tcp(const char *addr, const struct vrpc_address *a,
		       int64_t deadline, int timeout_ms, char *err,
		       size_t errlen)
{
	struct addrinfo *res, *ai;
	char where[96] = "";
	int rc, fd = -EHOSTUNREACH;

	if (a->port == 0) {
		snprintf(err, errlen, "\"" SHOWN "\": cannot connect to port 0",
			 addr);
		return -EINVAL;
	}
	rc = resolve(addr, a, 0, &res, err, errlen);
	if (rc < 0)
		return rc;
	/* Each resolved address in order (e.g. ::1 then 127.0.0.1 for
	 * localhost), all within the one deadline. */
	for (ai = res; ai; ai = ai->ai_next) {
		describe(ai->ai_addr, ai->ai_addrlen, where, sizeof(where));
		fd = connect_one(ai->ai_family, ai->ai_addr, ai->ai_addrlen,
				 deadline);
		if (fd >= 0 || fd == -ETIMEDOUT)
			break;
	}
	freeaddrinfo(res);
	if (fd == -ETIMEDOUT)
		snprintf(err, errlen,
			 "\"" SHOWN "\": connect to %s timed out after %d ms",
			 addr, where, timeout_ms);
	else if (fd < 0)
		snprintf(err, errlen, "\"" SHOWN "\": connect to %s: %s", addr,
			 where, strerror(-fd));
	return fd;
}

int vrpc_connect(const char *addr, int timeout_ms, char *err, size_t errlen)
{
	struct vrpc_address a;
	int64_t deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	int rc, fd;

	rc = vrpc_address_parse(addr, &a, err, errlen);
	if (rc < 0)
		return rc;
	if (a.kind == VRPC_ADDR_TCP)
		return connect_tcp(addr, &a, deadline, timeout_ms, err, errlen);
	if (a.kind == VRPC_ADDR_UNIX) {
		struct sockaddr_un un;
		socklen_t len = unix_sockaddr(&a, &un);
		fd =
		    connect_one(AF_UNIX, (struct sockaddr *)&un, len, deadline);
	} else {
		struct sockaddr_vm vm;
		if (a.cid == VMADDR_CID_ANY) {
			snprintf(err, errlen,
				 "\"" SHOWN "\": cid any is only for listening",
				 addr);
			return -EINVAL;
		}
		vsock_sockaddr(&a, &vm);
		fd = connect_one(AF_VSOCK, (struct sockaddr *)&vm, sizeof(vm),
				 deadline);
	}
	if (fd == -ETIMEDOUT)
		snprintf(err, errlen,
			 "\"" SHOWN "\": connect timed out after %d ms", addr,
			 timeout_ms);
	else if (fd < 0)
		snprintf(err, errlen, "\"" SHOWN "\": connect: %s", addr,
			 strerror(-fd));
	return fd;
}

/* Make room for binding a UNIX socket at path: remove a socket file that
 * nobody listens on any more (left by a process that died), but never a
 * live listener's socket or a file that is not a socket. */
static int clear_stale_socket(const char *addr, const struct sockaddr_un *un,
			      socklen_t len, char *err, size_t errlen)
{
	struct stat st;
	int fd;

	if (lstat(un->sun_path, &st) != 0) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errlen, "\"" SHOWN "\": %s", addr,
			 strerror(errno));
		return -errno;
	}
	if (!S_ISSOCK(st.st_mode)) {
		snprintf(err, errlen,
			 "\"" SHOWN "\": the path exists and is not a socket; "
			 "not removing it",
			 addr);
		return -EEXIST;
	}
	fd = connect_one(AF_UNIX, (const struct sockaddr *)un, len, 0);
	if (fd >= 0 || fd == -ETIMEDOUT) {
		if (fd >= 0)
			close(fd);
		snprintf(err, errlen,
			 "\"" SHOWN "\": another process listens there", addr);
		return -EADDRINUSE;
	}
	if (fd != -ECONNREFUSED) {
		snprintf(err, errlen, "\"" SHOWN "\": probing the socket: %s",
			 addr, strerror(-fd));
		return fd;
	}
	if (unlink(un->sun_path) != 0 && errno != ENOENT) {
		snprintf(err, errlen,
			 "\"" SHOWN "\": removing stale socket: %s", addr,
			 strerror(errno));
		return -errno;
	}
	return 0;
}

/* socket + bind + listen; the fd or -errno (what failed goes into err). */
static int bind_listen(const char *addr, int family, const struct sockaddr *sa,
		       socklen_t len, int backlog, char *err, size_t errlen)
{
	const char *step = "socket";
	int fd, rc, one = 1, zero = 0;

	fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	if (family == AF_INET || family == AF_INET6) {
		/* Restart right away even with connections in TIME_WAIT. */
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		/* [::] also accepts IPv4 clients (mapped addresses). */
		if (family == AF_INET6)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero,
				   sizeof(zero));
	}
	step = "bind";
	if (bind(fd, sa, len) != 0)
		goto fail;
	step = "listen";
	if (listen(fd, backlog > 0 ? backlog : SOMAXCONN) != 0)
		goto fail;
	return fd;
fail:
	rc = errno;
	if (fd >= 0)
		close(fd);
	snprintf(err, errlen, "\"" SHOWN "\": %s: %s", addr, step,
		 strerror(rc));
	return -rc;
}

int vrpc_listen(const char *addr, int backlog, char *err, size_t errlen)
{
	struct vrpc_address a;
	struct addrinfo *res, *ai;
	int rc, fd = -EADDRNOTAVAIL;

	rc = vrpc_address_parse(addr, &a, err, errlen);
	if (rc < 0)
		return rc;
	if (a.kind == VRPC_ADDR_UNIX) {
		struct sockaddr_un un;
		socklen_t len = unix_sockaddr(&a, &un);
		if (!a.abstract) {
			rc = clear_stale_socket(addr, &un, len, err, errlen);
			if (rc < 0)
				return rc;
		}
		return bind_listen(addr, AF_UNIX, (struct sockaddr *)&un, len,
				   backlog, err, errlen);
	}
	if (a.kind == VRPC_ADDR_VSOCK) {
		struct sockaddr_vm vm;
		vsock_sockaddr(&a, &vm);
		return bind_listen(addr, AF_VSOCK, (struct sockaddr *)&vm,
				   sizeof(vm), backlog, err, errlen);
	}
	rc = resolve(addr, &a, 1, &res, err, errlen);
	if (rc < 0)
		return rc;
	for (ai = res; ai; ai = ai->ai_next) {
		fd = bind_listen(addr, ai->ai_family, ai->ai_addr,
				 ai->ai_addrlen, backlog, err, errlen);
		if (fd >= 0)
			break;
	}
	freeaddrinfo(res);
	return fd;
}

int vrpc_listen_remove(const char *addr)
{
	struct vrpc_address a;
	struct stat st;
	char err[256];

	if (vrpc_address_parse(addr, &a, err, sizeof(err)) < 0)
		return -EINVAL;
	if (a.kind != VRPC_ADDR_UNIX || a.abstract)
		return 0;
	if (lstat(a.path, &st) != 0)
		return errno == ENOENT ? 0 : -errno;
	if (!S_ISSOCK(st.st_mode))
		return -EEXIST;
	if (unlink(a.path) != 0 && errno != ENOENT)
		return -errno;
	return 0;
}

int vrpc_accept(int listen_fd)
{
	int fd, d;

	do {
		fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
		/* A connection reset while queued is not the listener's
		 * failure: wait for the next one. */
	} while (fd < 0 && (errno == EINTR || errno == ECONNABORTED));
	if (fd < 0)
		return -errno;
	d = domain_of(fd);
	if (d == AF_INET || d == AF_INET6)
		set_nodelay(fd);
	return fd;
}

int vrpc_fd_is_unix(int fd)
{
	int d = domain_of(fd);

	if (d < 0)
		return d;
	return d == AF_UNIX;
}

int vrpc_set_keepalive(int fd, int idle_s)
{
	int d = domain_of(fd), one = 1;

	if (d < 0)
		return d;
	if (d != AF_INET && d != AF_INET6)
		return -EINVAL;
	if (setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one)) != 0)
		return -errno;
	if (idle_s > 0 && setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle_s,
				     sizeof(idle_s)) != 0)
		return -errno;
	return 0;
}

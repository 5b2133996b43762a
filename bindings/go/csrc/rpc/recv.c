/* Copied from c/rpc/recv.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* The reading side of a framed connection: a small read-ahead buffer (so a
 * small frame costs one system call), exact payload reads that bypass the
 * buffer for the bulk of large payloads, inactivity timeouts, and the fds
 * that SCM_RIGHTS delivers. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rpc/conn.h"
#include "rpc/error.h"

/* Wait until fd is readable: 0, -ETIMEDOUT or -errno. */
static int wait_readable(int fd, int timeout_ms)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};

	for (;;) {
		int n = poll(&p, 1, timeout_ms);
		if (n > 0)
			return 0;
		if (n == 0)
			return -ETIMEDOUT;
		if (errno != EINTR)
			return -errno;
	}
}

static void drop_pending(struct vrpc_conn *c)
{
	for (int i = 0; i < c->npending; i++)
		close(c->pending[i]);
	c->npending = 0;
	c->fd_error = 0;
}

/* Keep the fds of a control message until a header claims them. */
static void take_fds(struct vrpc_conn *c, struct msghdr *msg)
{
	for (struct cmsghdr *m = CMSG_FIRSTHDR(msg); m;
	     m = CMSG_NXTHDR(msg, m)) {
		const unsigned char *p = CMSG_DATA(m);
		int n;
		if (m->cmsg_level != SOL_SOCKET || m->cmsg_type != SCM_RIGHTS)
			continue;
		n = (int)((m->cmsg_len - CMSG_LEN(0)) / sizeof(int));
		for (int k = 0; k < n; k++) {
			int fd;
			memcpy(&fd, p + k * sizeof(int), sizeof(fd));
			if (c->npending < VRPC_MAX_FDS) {
				c->pending[c->npending++] = fd;
			} else {
				close(fd);
				c->fd_error = 1;
			}
		}
	}
	/* The kernel dropped fds that did not fit: never half a set. */
	if (msg->msg_flags & MSG_CTRUNC)
		c->fd_error = 1;
}

/* Read more bytes into the buffer: the count (0 at end of stream),
 * -ETIMEDOUT or -errno. */
static int fill(struct vrpc_conn *c, int timeout_ms)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * VRPC_MAX_FDS)];
		struct cmsghdr align;
	} ctl;

	if (c->rpos > 0) {
		memmove(c->rbuf, c->rbuf + c->rpos, c->rlen - c->rpos);
		c->rlen -= c->rpos;
		c->rpos = 0;
	}
	for (;;) {
		struct iovec iov = {.iov_base = c->rbuf + c->rlen,
				    .iov_len = sizeof(c->rbuf) - c->rlen};
		struct msghdr msg;
		ssize_t r;
		int rc;

		memset(&msg, 0, sizeof(msg));
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		msg.msg_control = ctl.buf;
		msg.msg_controllen = sizeof(ctl.buf);
		r = recvmsg(c->fd, &msg,
			    MSG_CMSG_CLOEXEC |
				(timeout_ms >= 0 ? MSG_DONTWAIT : 0));
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN || timeout_ms < 0)
				return -errno;
			rc = wait_readable(c->fd, timeout_ms);
			if (rc < 0)
				return rc;
			continue;
		}
		take_fds(c, &msg);
		c->rlen += (size_t)r;
		return (int)r;
	}
}

size_t vrpc_conn_buffered(const struct vrpc_conn *conn)
{
	return conn->rlen - conn->rpos;
}

int vrpc_conn_wait_data(struct vrpc_conn *conn)
{
	int r;

	if (vrpc_conn_buffered(conn) > 0)
		return 0;
	r = fill(conn, -1);
	if (r > 0)
		return 0;
	if (r == 0)
		return VRPC_ECLOSED;
	/* SO_RCVTIMEO expired (vrpc_conn_set_recv_timeout). */
	if (r == -EAGAIN || r == -EWOULDBLOCK)
		return -ETIMEDOUT;
	return r;
}

int vrpc_recv_header(struct vrpc_conn *conn, struct vrpc_frame_header *hdr,
		     int *fds, int *nfds, int max_fds, int timeout_ms)
{
	if (nfds)
		*nfds = 0;
	if (!fds || !nfds || max_fds < 0)
		max_fds = 0;
	while (vrpc_conn_buffered(conn) < VRPC_HEADER_SIZE) {
		int r = fill(conn, timeout_ms);
		if (r < 0)
			return r;
		if (r == 0)
			return vrpc_conn_buffered(conn) == 0 ? VRPC_ECLOSED
							     : VRPC_EEOF;
	}
	vrpc_header_unpack(conn->rbuf + conn->rpos, hdr);
	conn->rpos += VRPC_HEADER_SIZE;
	if (conn->fd_error) {
		drop_pending(conn);
		return VRPC_EFDS;
	}
	/* fds read ahead with a later frame wait for that frame's header. */
	if (!(hdr->flags & VRPC_FLAG_FDS) || conn->npending == 0)
		return 0;
	if (conn->npending > max_fds) {
		drop_pending(conn);
		return VRPC_EFDS;
	}
	memcpy(fds, conn->pending, sizeof(int) * conn->npending);
	*nfds = conn->npending;
	conn->npending = 0;
	return 0;
}

int vrpc_recv_exact(struct vrpc_conn *conn, void *buf, size_t len,
		    int timeout_ms)
{
	size_t got = vrpc_conn_buffered(conn);
	/* Without a timeout one blocking MSG_WAITALL call usually does it. */
	int flags = timeout_ms >= 0 ? MSG_DONTWAIT : MSG_WAITALL;

	if (got > len)
		got = len;
	if (got > 0) {
		memcpy(buf, conn->rbuf + conn->rpos, got);
		conn->rpos += got;
	}
	/* The rest straight into buf: no copy through the buffer, and never
	 * past the end of this payload. */
	while (got < len) {
		ssize_t r = recv(conn->fd, (char *)buf + got, len - got, flags);
		if (r < 0) {
			int rc;
			if (errno == EINTR)
				continue;
			/* AF_VSOCK refuses MSG_WAITALL for more than its
			 * receive buffer (256 KiB by default) with ENOMEM:
			 * take what arrives instead, call after call. */
			if (errno == ENOMEM && (flags & MSG_WAITALL)) {
				flags &= ~MSG_WAITALL;
				continue;
			}
			if (errno != EAGAIN || timeout_ms < 0)
				return -errno;
			rc = wait_readable(conn->fd, timeout_ms);
			if (rc < 0)
				return rc;
			continue;
		}
		if (r == 0)
			return VRPC_EEOF;
		got += (size_t)r;
	}
	return 0;
}

int vrpc_recv_discard(struct vrpc_conn *conn, uint64_t len, int timeout_ms)
{
	char sink[16384];

	while (len > 0) {
		size_t n = len < sizeof(sink) ? (size_t)len : sizeof(sink);
		int rc = vrpc_recv_exact(conn, sink, n, timeout_ms);
		if (rc < 0)
			return rc;
		len -= n;
	}
	return 0;
}

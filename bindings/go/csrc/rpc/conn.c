/* Copied from c/rpc/conn.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Framed connection set-up and the sending side: whole-frame writes under a
 * lock, gather writes without copying payloads, SCM_RIGHTS. Reading is in
 * recv.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "rpc/address.h"
#include "rpc/conn.h"
#include "rpc/error.h"

/* iovecs handed to one sendmsg, and per frame by vrpc_send_msg: small
 * enough for the stack, far below IOV_MAX (1024). */
#define BATCH VRPC_SEND_WINDOW

int vrpc_conn_init(struct vrpc_conn *conn, int fd)
{
	int u = vrpc_fd_is_unix(fd), rc;

	if (u < 0)
		return u;
	rc = pthread_mutex_init(&conn->wlock, NULL);
	if (rc != 0)
		return -rc;
	conn->fd = fd;
	conn->is_unix = u;
	conn->closed = 0;
	conn->rpos = conn->rlen = 0;
	conn->npending = conn->fd_error = 0;
	return 0;
}

void vrpc_conn_shutdown(struct vrpc_conn *conn)
{
	__atomic_store_n(&conn->closed, 1, __ATOMIC_RELEASE);
	shutdown(conn->fd, SHUT_RDWR);
}

void vrpc_conn_close(struct vrpc_conn *conn)
{
	__atomic_store_n(&conn->closed, 1, __ATOMIC_RELEASE);
	if (conn->fd >= 0)
		close(conn->fd);
	conn->fd = -1;
	for (int i = 0; i < conn->npending; i++)
		close(conn->pending[i]);
	conn->npending = 0;
	pthread_mutex_destroy(&conn->wlock);
}

int vrpc_conn_set_send_timeout(struct vrpc_conn *conn, int timeout_ms)
{
	struct timeval tv = {0, 0};

	if (timeout_ms > 0) {
		tv.tv_sec = timeout_ms / 1000;
		tv.tv_usec = (timeout_ms % 1000) * 1000;
	}
	if (setsockopt(conn->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) != 0)
		return -errno;
	return 0;
}

int vrpc_conn_set_recv_timeout(struct vrpc_conn *conn, int timeout_ms)
{
	struct timeval tv = {0, 0};

	if (timeout_ms > 0) {
		tv.tv_sec = timeout_ms / 1000;
		tv.tv_usec = (timeout_ms % 1000) * 1000;
	}
	if (setsockopt(conn->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) != 0)
		return -errno;
	return 0;
}

/* Element i of the frame: 0 is the header, then the payload buffers. */
static struct iovec element(const struct iovec *hdr, const struct iovec *p,
			    int i)
{
	return i == 0 ? *hdr : p[i - 1];
}

/* Write header + payload completely; called with the write lock held. */
static int write_frame(int fd, const struct iovec *hiov,
		       const struct iovec *payload, int iovcnt, const int *fds,
		       int nfds)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * VRPC_MAX_FDS)];
		struct cmsghdr align;
	} ctl;
	struct iovec local[BATCH + 1]; /* header + a full window */
	int total = iovcnt + 1, idx = 0;
	size_t off = 0;

	for (;;) {
		struct msghdr msg;
		int n = 0;
		ssize_t r;

		for (int j = idx; j < total && n < BATCH + 1; j++) {
			struct iovec e = element(hiov, payload, j);
			if (j == idx) {
				e.iov_base = (char *)e.iov_base + off;
				e.iov_len -= off;
			}
			if (e.iov_len > 0)
				local[n++] = e;
		}
		if (n == 0)
			return 0;
		memset(&msg, 0, sizeof(msg));
		msg.msg_iov = local;
		msg.msg_iovlen = (size_t)n;
		if (nfds > 0) {
			struct cmsghdr *c;
			memset(&ctl, 0, sizeof(ctl));
			msg.msg_control = ctl.buf;
			msg.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
			c = CMSG_FIRSTHDR(&msg);
			c->cmsg_level = SOL_SOCKET;
			c->cmsg_type = SCM_RIGHTS;
			c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
			memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
		}
		/* MSG_NOSIGNAL: a vanished peer is -EPIPE, not SIGPIPE. */
		r = sendmsg(fd, &msg, MSG_NOSIGNAL);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			/* SO_SNDTIMEO expired (vrpc_conn_set_send_timeout). */
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return -ETIMEDOUT;
			return -errno;
		}
		/* The fds went with the first bytes written. */
		nfds = 0;
		while (r > 0) {
			struct iovec e = element(hiov, payload, idx);
			size_t avail = e.iov_len - off;
			if ((size_t)r >= avail) {
				r -= (ssize_t)avail;
				idx++;
				off = 0;
			} else {
				off += (size_t)r;
				r = 0;
			}
		}
	}
}

int vrpc_send_frame(struct vrpc_conn *conn, const struct vrpc_frame_header *hdr,
		    const struct iovec *payload, int iovcnt, const int *fds,
		    int nfds)
{
	uint8_t hbuf[VRPC_HEADER_SIZE];
	struct iovec hiov = {.iov_base = hbuf, .iov_len = sizeof(hbuf)};
	uint64_t sum = 0;
	int rc;

	if (iovcnt < 0 || (iovcnt > 0 && !payload) || nfds < 0 ||
	    nfds > VRPC_MAX_FDS || (nfds > 0 && !fds))
		return -EINVAL;
	if (nfds > 0 && !conn->is_unix)
		return -EOPNOTSUPP;
	/* A length that lies would desynchronise the stream for good. */
	for (int i = 0; i < iovcnt; i++)
		sum += payload[i].iov_len;
	if (sum != hdr->length)
		return -EINVAL;
	vrpc_header_pack(hdr, hbuf);
	pthread_mutex_lock(&conn->wlock);
	if (__atomic_load_n(&conn->closed, __ATOMIC_ACQUIRE))
		rc = -EPIPE;
	else
		rc = write_frame(conn->fd, &hiov, payload, iovcnt, fds, nfds);
	pthread_mutex_unlock(&conn->wlock);
	return rc;
}

int vrpc_send_msg(struct vrpc_conn *conn, uint8_t type, uint8_t flags,
		  uint32_t request_id, uint32_t op, const struct iovec *iov,
		  int iovcnt, uint64_t max_frame_payload, const int *fds,
		  int nfds)
{
	struct iovec win[BATCH];
	uint64_t total = 0, sent = 0;
	size_t off = 0;
	int i = 0, first = 1;

	if (max_frame_payload == 0 || iovcnt < 0 || (iovcnt > 0 && !iov))
		return -EINVAL;
	for (int k = 0; k < iovcnt; k++)
		total += iov[k].iov_len;
	flags &= (uint8_t) ~(VRPC_FLAG_MORE | VRPC_FLAG_FDS);
	do {
		struct vrpc_frame_header hdr = {
		    .magic = VRPC_MAGIC,
		    .version = VRPC_VERSION,
		    .type = type,
		    .request_id = request_id,
		    .op = op,
		};
		uint64_t flen = 0;
		int n = 0, rc;

		/* The next window: up to max_frame_payload bytes in at most
		 * BATCH pieces (a frame may be shorter when the message is
		 * made of many small buffers). */
		while (i < iovcnt && n < BATCH && flen < max_frame_payload) {
			size_t avail = iov[i].iov_len - off, take = avail;
			if (avail == 0) {
				i++;
				off = 0;
				continue;
			}
			if (take > max_frame_payload - flen)
				take = (size_t)(max_frame_payload - flen);
			win[n].iov_base = (char *)iov[i].iov_base + off;
			win[n].iov_len = take;
			n++;
			flen += take;
			if (take == avail) {
				i++;
				off = 0;
			} else {
				off += take;
			}
		}
		sent += flen;
		hdr.length = flen;
		hdr.flags = flags;
		if (sent < total)
			hdr.flags |= VRPC_FLAG_MORE;
		if (first && nfds > 0)
			hdr.flags |= VRPC_FLAG_FDS;
		rc = vrpc_send_frame(conn, &hdr, win, n, first ? fds : NULL,
				     first ? nfds : 0);
		if (rc < 0)
			return rc;
		first = 0;
	} while (sent < total);
	return 0;
}

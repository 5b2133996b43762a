/* Copied from c/rpc/conn.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* A framed connection over a connected stream socket
 * (docs/protocol.md, "Frames and streaming").
 *
 * Threading model: any number of threads may send at once (a frame is
 * written whole under a write lock, so frames never interleave inside one
 * another); exactly one thread reads (vrpc_recv_*). vrpc_conn_shutdown may be
 * called from any thread to wake the reader; vrpc_conn_close only once no
 * other thread uses the connection.
 *
 * Return values: 0 (or bytes) on success, negative codes from rpc/error.h or
 * negated errno values: -ETIMEDOUT, -EPIPE/-ECONNRESET (peer gone), ... */
#ifndef VRPC_CONN_H
#define VRPC_CONN_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#include "rpc/frame.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Most file descriptors one frame may carry. */
#define VRPC_MAX_FDS 16
/* Most buffers (iovecs) vrpc_send_msg puts in one frame: a message made of
 * many small buffers goes out in frames shorter than the frame limit. */
#define VRPC_SEND_WINDOW 64

/* Bytes the reader reads ahead: a small frame (header and payload) and the
 * header of the next one usually come in with one system call. */
#define VRPC_RBUF_SIZE 4096

struct vrpc_conn {
	int fd;
	int is_unix; /* fds can be passed */
	pthread_mutex_t wlock;
	int closed; /* set by shutdown/close; read atomically */
	/* Reader side, used by the one reading thread only: unread bytes
	 * rbuf[rpos..rlen), and received fds not yet handed to a frame. */
	size_t rpos, rlen;
	int npending, fd_error;
	int pending[VRPC_MAX_FDS];
	unsigned char rbuf[VRPC_RBUF_SIZE];
};

/* Take ownership of a connected stream socket fd. 0 or -errno. */
int vrpc_conn_init(struct vrpc_conn *conn, int fd);
/* Shut both directions down: a blocked reader or writer returns (the reader
 * with VRPC_ECLOSED or an error). The fd stays open until vrpc_conn_close. */
void vrpc_conn_shutdown(struct vrpc_conn *conn);
/* Close the fd and free the lock. */
void vrpc_conn_close(struct vrpc_conn *conn);

/* Bound how long a send may wait for room in the socket buffer (a peer that
 * stopped reading): a send that makes no progress for timeout_ms fails with
 * -ETIMEDOUT (the stream is then out of sync: close the connection).
 * timeout_ms <= 0 waits forever (the default). 0 or -errno. */
int vrpc_conn_set_send_timeout(struct vrpc_conn *conn, int timeout_ms);

/* Bound how long a blocking receive (vrpc_conn_wait_data) waits:
 * SO_RCVTIMEO, so the wait costs no extra system call; timeout_ms <= 0
 * waits forever. The kernel rounds it up to its clock tick. 0 or -errno. */
int vrpc_conn_set_recv_timeout(struct vrpc_conn *conn, int timeout_ms);

/* Wait until bytes are buffered, in a blocking receive of its own (no
 * poll first: a small frame costs one system call). 0 (at once when bytes
 * are buffered already), VRPC_ECLOSED at the end of the stream,
 * -ETIMEDOUT when the receive timeout passed with nothing read, or -errno.
 * Nothing is consumed: vrpc_recv_header then reads the bytes. */
int vrpc_conn_wait_data(struct vrpc_conn *conn);

/* Write one frame: the header, then `iovcnt` payload buffers without copying
 * them (sendmsg, any iovcnt). hdr->length must equal their total size. fds
 * (at most VRPC_MAX_FDS) travel with the frame's first byte; they need a
 * UNIX socket (-EOPNOTSUPP otherwise) and the caller should set
 * VRPC_FLAG_FDS. Returns 0 or a negative code; after a failure in the middle
 * of a frame the stream is out of sync and the connection must be closed. */
int vrpc_send_frame(struct vrpc_conn *conn, const struct vrpc_frame_header *hdr,
		    const struct iovec *payload, int iovcnt, const int *fds,
		    int nfds);

/* Send one logical message as frames of at most max_frame_payload bytes,
 * sliced from `iov` without copying; VRPC_FLAG_MORE on every frame but the
 * last, fds (and VRPC_FLAG_FDS) on the first. `flags` is ORed into every
 * frame. The write lock is held per frame, so other threads' frames can go
 * out between the frames of a large message. An empty message is one frame
 * with length 0. VRPC_FLAG_MORE and VRPC_FLAG_FDS in `flags` are ignored:
 * this function sets them. */
int vrpc_send_msg(struct vrpc_conn *conn, uint8_t type, uint8_t flags,
		  uint32_t request_id, uint32_t op, const struct iovec *iov,
		  int iovcnt, uint64_t max_frame_payload, const int *fds,
		  int nfds);

/* Read exactly one header (24 bytes) and the fds that came with it (up to
 * max_fds into fds, count into *nfds; both may be NULL/0 to accept none).
 * Fds are handed to a frame with VRPC_FLAG_FDS only (the sender attaches
 * them to that frame's first byte, so they never arrive after its header).
 * timeout_ms bounds the wait for each chunk of data (-1: no limit); on a
 * timeout the bytes read so far stay buffered, and a later call resumes.
 * The connection reads ahead (VRPC_RBUF_SIZE): a reader that waits with
 * poll/epoll on conn->fd must first consume vrpc_conn_buffered() bytes,
 * which the fd no longer signals.
 * Returns 0; VRPC_ECLOSED when the peer closed before the first byte;
 * VRPC_EEOF when it closed mid-header; -ETIMEDOUT; VRPC_EFDS when more fds
 * than max_fds came or control data was truncated (all received fds are then
 * closed, *nfds is 0, the header is valid and the stream still in sync); or
 * -errno. The header is not validated: call vrpc_header_check. */
int vrpc_recv_header(struct vrpc_conn *conn, struct vrpc_frame_header *hdr,
		     int *fds, int *nfds, int max_fds, int timeout_ms);

/* Bytes read ahead and not yet consumed (0: the next frame, if any, is still
 * in the socket). */
size_t vrpc_conn_buffered(const struct vrpc_conn *conn);

/* Read exactly len payload bytes into buf. 0, VRPC_EEOF, -ETIMEDOUT or
 * -errno. */
int vrpc_recv_exact(struct vrpc_conn *conn, void *buf, size_t len,
		    int timeout_ms);

/* Read and drop len payload bytes (a frame the receiver refuses). */
int vrpc_recv_discard(struct vrpc_conn *conn, uint64_t len, int timeout_ms);

#ifdef __cplusplus
}
#endif

#endif /* VRPC_CONN_H */

/* Copied from c/rpc/address.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Transport addresses: parsing, connecting, listening
 * (docs/protocol.md, "Addresses").
 *
 *   unix:///abs/path     UNIX stream socket at a filesystem path
 *   unix://@name         UNIX stream socket in the abstract namespace
 *   tcp://host:port      IPv4 literal or DNS name
 *   tcp://[v6addr]:port  IPv6 literal
 *   vsock://cid:port     AF_VSOCK; cid a number, or -1/any (listen only)
 *
 * Every function that can fail takes a caller buffer `err` (256 bytes is
 * plenty) and writes a message naming the address and the reason; the
 * return value is then a negative errno-style code. */
#ifndef VRPC_ADDRESS_H
#define VRPC_ADDRESS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum vrpc_addr_kind {
	VRPC_ADDR_UNIX = 1,
	VRPC_ADDR_TCP = 2,
	VRPC_ADDR_VSOCK = 3,
};

/* sun_path holds 108 bytes on Linux. */
#define VRPC_UNIX_PATH_MAX 108
/* Any textual address fits in this many bytes (including the NUL). */
#define VRPC_ADDRSTRLEN 320

struct vrpc_address {
	enum vrpc_addr_kind kind;
	/* unix: 1 for the abstract namespace (path holds the name, without
	 * the '@'), 0 for a filesystem path. */
	int abstract;
	char path[VRPC_UNIX_PATH_MAX];
	/* tcp: host without brackets (IPv6 literal, IPv4 literal or name). */
	char host[256];
	/* tcp: 0..65535 (0 only makes sense for listen); vsock: 32 bits. */
	uint32_t port;
	/* vsock: context id; VMADDR_CID_ANY (0xFFFFFFFF) for -1/any. */
	uint32_t cid;
};

/* Parse and validate `addr` without touching the network (a DNS name is
 * resolved only by connect/listen). 0 or -EINVAL with a message. */
int vrpc_address_parse(const char *addr, struct vrpc_address *out, char *err,
		       size_t errlen);

/* A connected, blocking, close-on-exec stream socket to `addr`, or a negative
 * code. timeout_ms bounds the whole attempt (all resolved addresses
 * together); -1 waits as long as the kernel does. TCP sockets get
 * TCP_NODELAY. Failures: -EINVAL (bad address), -ETIMEDOUT, -ECONNREFUSED,
 * -ENOENT (no UNIX socket at the path), ... */
int vrpc_connect(const char *addr, int timeout_ms, char *err, size_t errlen);

/* A listening, close-on-exec socket bound to `addr`. A stale UNIX socket file
 * at the path (a socket nobody accepts on) is removed first; any other file
 * there is left alone (-EEXIST), a live listener gives -EADDRINUSE. TCP port
 * 0 picks a free port: ask vrpc_listener_address for it. */
int vrpc_listen(const char *addr, int backlog, char *err, size_t errlen);

/* Remove the socket file of a unix:///path listener (at shutdown); only a
 * socket is removed. A no-op (0) for other addresses and missing files.
 * 0, -EEXIST (the path is not a socket), or -errno. */
int vrpc_listen_remove(const char *addr);

/* Accept one connection: a blocking, close-on-exec fd (TCP_NODELAY on TCP),
 * or -errno (-EAGAIN when the listener is non-blocking and none is queued).
 * A server that polls its listeners (to stop on a signal) should make them
 * O_NONBLOCK: a connection reset between poll and accept would otherwise
 * block the accept until the next client. */
int vrpc_accept(int listen_fd);

/* The address a bound socket listens on, in the syntax above, e.g.
 * "tcp://127.0.0.1:43123" or "unix://@name". 0, or -ENOSPC when buf is too
 * small (VRPC_ADDRSTRLEN always suffices), or -errno. */
int vrpc_listener_address(int fd, char *buf, size_t size);

/* 1 when fd is an AF_UNIX socket (file descriptors can be passed), 0 if it
 * is another kind of socket, -errno when getsockname fails. */
int vrpc_fd_is_unix(int fd);

/* Turn TCP keepalive on (idle_s seconds of silence before probing; 0 keeps
 * the system default). Only for TCP sockets: -EINVAL otherwise. */
int vrpc_set_keepalive(int fd, int idle_s);

#ifdef __cplusplus
}
#endif

#endif /* VRPC_ADDRESS_H */

/* Transport-level numbers for docs/performance.md: round-trip latency of a
 * raw 1-byte ping-pong against a framed ping-pong (header + 8-byte payload
 * through vrpc_send_msg / vrpc_recv_header + vrpc_recv_exact), over a UNIX
 * socketpair and TCP loopback; and one-way throughput of vrpc_send_msg
 * against memcpy. `bazel run -c opt //bench:transport_bench`. Not a test. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "rpc/address.h"
#include "rpc/conn.h"
#include "rpc/shm.h"

#define ROUNDS 20000

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

struct echo {
	int fd;
	int framed;
	size_t bulk; /* > 0: receive one message of this size into dst */
	char *dst;
};

static void *echo_main(void *arg)
{
	struct echo *e = arg;
	struct vrpc_conn c;
	struct vrpc_frame_header h;
	char buf[64], one;

	vrpc_conn_init(&c, e->fd);
	if (e->bulk) {
		size_t off = 0;
		while (off < e->bulk &&
		       vrpc_recv_header(&c, &h, NULL, NULL, 0, -1) == 0 &&
		       h.length <= e->bulk - off &&
		       vrpc_recv_exact(&c, e->dst + off, h.length, -1) == 0)
			off += h.length;
		return NULL;
	}
	for (int i = 0; i < ROUNDS; i++) {
		if (!e->framed) {
			if (read(e->fd, &one, 1) != 1 ||
			    write(e->fd, &one, 1) != 1)
				break;
			continue;
		}
		struct iovec iov = {buf, 8};
		if (vrpc_recv_header(&c, &h, NULL, NULL, 0, -1) != 0 ||
		    vrpc_recv_exact(&c, buf, h.length, -1) != 0 ||
		    vrpc_send_msg(&c, h.type, 0, h.request_id, h.op, &iov, 1,
				  1 << 20, NULL, 0) != 0)
			break;
	}
	return NULL;
}

static void pingpong(const char *name, int a, int b, int framed)
{
	static double t[ROUNDS];
	struct echo e = {b, framed, 0, NULL};
	struct vrpc_conn c;
	struct vrpc_frame_header h;
	pthread_t th;
	char buf[64] = "12345678", one = 'x';

	vrpc_conn_init(&c, a);
	pthread_create(&th, NULL, echo_main, &e);
	for (int i = 0; i < ROUNDS; i++) {
		double t0 = now_us();
		if (!framed) {
			if (write(a, &one, 1) != 1 || read(a, &one, 1) != 1)
				break;
		} else {
			struct iovec iov = {buf, 8};
			if (vrpc_send_msg(&c, 1, 0, (uint32_t)i, 0, &iov, 1,
					  1 << 20, NULL, 0) != 0 ||
			    vrpc_recv_header(&c, &h, NULL, NULL, 0, -1) != 0 ||
			    vrpc_recv_exact(&c, buf, h.length, -1) != 0)
				break;
		}
		t[i] = now_us() - t0;
	}
	pthread_join(th, NULL);
	qsort(t, ROUNDS, sizeof(double), cmp);
	printf("%-34s p50 %6.1f us  p99 %6.1f us\n", name, t[ROUNDS / 2],
	       t[ROUNDS * 99 / 100]);
}

static void tcp_pair(int sv[2])
{
	char err[256], where[VRPC_ADDRSTRLEN];
	int l = vrpc_listen("tcp://127.0.0.1:0", 1, err, sizeof(err));

	if (l < 0 || vrpc_listener_address(l, where, sizeof(where)) != 0) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	sv[0] = vrpc_connect(where, 1000, err, sizeof(err));
	sv[1] = vrpc_accept(l);
	close(l);
}

static void throughput(size_t size, size_t frame)
{
	int sv[2];
	char *src = malloc(size), *dst = malloc(size);
	struct vrpc_conn c;
	struct echo e;
	pthread_t th;
	double t0, socket_s, memcpy_s;

	memset(src, 0x5a, size);
	memset(dst, 0, size);
	memcpy(dst, src, size); /* warm up: pages and caches */
	t0 = now_us();
	memcpy(dst, src, size);
	memcpy_s = (now_us() - t0) / 1e6;
	socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	vrpc_conn_init(&c, sv[0]);
	e.fd = sv[1];
	e.framed = 1;
	e.bulk = size;
	e.dst = dst; /* touched above: no page faults while timing */
	t0 = now_us();
	pthread_create(&th, NULL, echo_main, &e);
	struct iovec iov = {src, size};
	vrpc_send_msg(&c, 1, 0, 1, 0, &iov, 1, frame, NULL, 0);
	pthread_join(th, NULL);
	socket_s = (now_us() - t0) / 1e6;
	printf("%4zu MiB in %zu KiB frames: send_msg over UNIX %6.0f MB/s, "
	       "memcpy %6.0f MB/s\n",
	       size >> 20, frame >> 10, size / 1e6 / socket_s,
	       size / 1e6 / memcpy_s);
	vrpc_conn_close(&c);
	close(sv[1]);
	free(src);
	free(dst);
}

/* The shared-memory path end to end for one buffer: the sender copies it
 * into a new region and passes the fd; the receiver maps the region and
 * reads every byte (a sum, as a backend reading its input would). */
struct shm_rx {
	int fd;
	size_t size;
	unsigned long sum;
};

static void *shm_receiver(void *arg)
{
	struct shm_rx *rx = arg;
	struct vrpc_conn c;
	struct vrpc_frame_header h;
	struct vrpc_shm m;
	int fd, n;
	unsigned long sum = 0;

	vrpc_conn_init(&c, rx->fd);
	if (vrpc_recv_header(&c, &h, &fd, &n, 1, -1) != 0 || n != 1 ||
	    vrpc_shm_map_fd(fd, rx->size, 0, &m) != 0)
		return NULL;
	for (size_t i = 0; i < rx->size; i += sizeof(unsigned long))
		sum += *(const unsigned long *)((const char *)m.addr + i);
	rx->sum = sum;
	vrpc_shm_unmap(&m);
	return NULL;
}

static void shm_path(size_t size)
{
	int sv[2];
	char *src = malloc(size);
	struct vrpc_conn c;
	struct vrpc_shm r;
	struct shm_rx rx;
	pthread_t th;
	double t0, s;

	memset(src, 1, size);
	socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	vrpc_conn_init(&c, sv[0]);
	rx.fd = sv[1];
	rx.size = size;
	rx.sum = 0;
	pthread_create(&th, NULL, shm_receiver, &rx);
	t0 = now_us();
	if (vrpc_shm_create(size, &r) != 0)
		exit(1);
	memcpy(r.addr, src, size);
	vrpc_send_msg(&c, 1, 0, 1, 0, NULL, 0, 1 << 20, &r.fd, 1);
	pthread_join(th, NULL);
	s = (now_us() - t0) / 1e6;
	printf("%4zu MiB through shared memory (copy in, pass fd, map, read): "
	       "%6.0f MB/s%s\n",
	       size >> 20, size / 1e6 / s,
	       rx.sum == size / sizeof(unsigned long) * 0x0101010101010101ul
		   ? ""
		   : " (WRONG SUM)");
	vrpc_shm_unmap(&r);
	vrpc_conn_close(&c);
	free(src);
}

/* Steady state with a reused region (mapped once by both sides): per
 * buffer the sender copies into the region and sends a small frame, the
 * receiver reads the region and answers with a small frame. */
static void *shm_reuse_receiver(void *arg)
{
	struct shm_rx *rx = arg;
	struct vrpc_conn c;
	struct vrpc_frame_header h;
	struct vrpc_shm m;
	int fd, n;

	vrpc_conn_init(&c, rx->fd);
	if (vrpc_recv_header(&c, &h, &fd, &n, 1, -1) != 0 || n != 1 ||
	    vrpc_shm_map_fd(fd, rx->size, 0, &m) != 0)
		return NULL;
	while (vrpc_recv_header(&c, &h, NULL, NULL, 0, -1) == 0) {
		unsigned long sum = 0;
		for (size_t i = 0; i < rx->size; i += sizeof(unsigned long))
			sum +=
			    *(const unsigned long *)((const char *)m.addr + i);
		rx->sum = sum;
		if (vrpc_send_msg(&c, 2, 0, h.request_id, 0, NULL, 0, 16, NULL,
				  0) != 0)
			break;
	}
	vrpc_shm_unmap(&m);
	return NULL;
}

static void shm_reused(size_t size, int rounds)
{
	int sv[2];
	char *src = malloc(size);
	struct vrpc_conn c;
	struct vrpc_frame_header h;
	struct vrpc_shm r;
	struct shm_rx rx;
	pthread_t th;
	double t0, s;

	memset(src, 1, size);
	socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	vrpc_conn_init(&c, sv[0]);
	rx.fd = sv[1];
	rx.size = size;
	rx.sum = 0;
	pthread_create(&th, NULL, shm_reuse_receiver, &rx);
	if (vrpc_shm_create(size, &r) != 0)
		exit(1);
	vrpc_send_msg(&c, 1, 0, 0, 0, NULL, 0, 16, &r.fd, 1);
	t0 = now_us();
	for (int i = 1; i <= rounds; i++) {
		memcpy(r.addr, src, size);
		if (vrpc_send_msg(&c, 1, 0, (uint32_t)i, 0, NULL, 0, 16, NULL,
				  0) != 0 ||
		    vrpc_recv_header(&c, &h, NULL, NULL, 0, -1) != 0)
			exit(1);
	}
	s = (now_us() - t0) / 1e6;
	vrpc_conn_shutdown(&c);
	pthread_join(th, NULL);
	printf("%4zu MiB through a reused shared region (copy in, read): "
	       "%6.0f MB/s\n",
	       size >> 20, (double)size * rounds / 1e6 / s);
	vrpc_shm_unmap(&r);
	vrpc_conn_close(&c);
	free(src);
}

int main(void)
{
	int sv[2];

	socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	pingpong("UNIX raw 1-byte ping-pong", sv[0], sv[1], 0);
	close(sv[0]);
	close(sv[1]);
	socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	pingpong("UNIX framed ping-pong (vrpc)", sv[0], sv[1], 1);
	close(sv[0]);
	close(sv[1]);
	tcp_pair(sv);
	pingpong("TCP raw 1-byte ping-pong", sv[0], sv[1], 0);
	close(sv[0]);
	close(sv[1]);
	tcp_pair(sv);
	pingpong("TCP framed ping-pong (vrpc)", sv[0], sv[1], 1);
	close(sv[0]);
	close(sv[1]);
	throughput(64u << 20, 4u << 20);
	throughput(256u << 20, 4u << 20);
	shm_path(64u << 20);
	shm_path(256u << 20);
	shm_reused(64u << 20, 10);
	return 0;
}

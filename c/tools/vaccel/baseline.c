/* The physical limits the remote numbers are set against, measured in the
 * same run: a raw 1-byte socket ping-pong and a raw socket stream (UNIX
 * socketpair or TCP loopback with TCP_NODELAY, a thread on the other end),
 * and memcpy. */

#define _GNU_SOURCE
#include "rpc/address.h"
#include "tool.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int pair(int tcp, int sv[2])
{
	char err[256], where[VRPC_ADDRSTRLEN];
	int l, one = 1;

	if (!tcp)
		return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	l = vrpc_listen("tcp://127.0.0.1:0", 1, err, sizeof(err));
	if (l < 0 || vrpc_listener_address(l, where, sizeof(where)) != 0) {
		fprintf(stderr, "vaccel: TCP baseline: %s\n", err);
		if (l >= 0)
			close(l);
		return -1;
	}
	sv[0] = vrpc_connect(where, 1000, err, sizeof(err));
	sv[1] = sv[0] < 0 ? -1 : vrpc_accept(l);
	close(l);
	if (sv[0] < 0 || sv[1] < 0) {
		fprintf(stderr, "vaccel: TCP baseline: %s\n", err);
		return -1;
	}
	setsockopt(sv[1], IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return 0;
}

struct peer {
	int fd;
	int n;	      /* ping-pong rounds, or 0 */
	size_t bytes; /* stream bytes to swallow, then one ack byte */
	int reps;
};

static void *peer_main(void *arg)
{
	struct peer *p = arg;
	char one;

	for (int i = 0; i < p->n; i++)
		if (read(p->fd, &one, 1) != 1 || write(p->fd, &one, 1) != 1)
			return NULL;
	if (p->bytes) {
		size_t cap = 1u << 20;
		char *buf = malloc(cap);

		for (int r = 0; buf && r < p->reps; r++) {
			size_t got = 0;
			ssize_t k = 1;

			while (got < p->bytes && k > 0) {
				size_t want = p->bytes - got;

				k = read(p->fd, buf, want < cap ? want : cap);
				got += k > 0 ? (size_t)k : 0;
			}
			if (k <= 0 || write(p->fd, "a", 1) != 1)
				break;
		}
		free(buf);
	}
	return NULL;
}

int raw_pingpong(int tcp, int n, double *p50, double *p99)
{
	int sv[2], warm = 100, ok = 1;
	double *t = malloc((size_t)n * sizeof(*t));
	struct peer p;
	pthread_t th;
	char one = 'x';

	if (!t || pair(tcp, sv)) {
		free(t);
		return -1;
	}
	p = (struct peer){sv[1], n + warm, 0, 0};
	pthread_create(&th, NULL, peer_main, &p);
	for (int i = 0; i < n + warm && ok; i++) {
		double t0 = now_us();

		ok = write(sv[0], &one, 1) == 1 && read(sv[0], &one, 1) == 1;
		if (i >= warm)
			t[i - warm] = now_us() - t0;
	}
	shutdown(sv[0], SHUT_RDWR);
	pthread_join(th, NULL);
	close(sv[0]);
	close(sv[1]);
	if (ok) {
		*p50 = percentile(t, n, 50);
		*p99 = percentile(t, n, 99);
	}
	free(t);
	return ok ? 0 : -1;
}

double raw_stream(int tcp, size_t bytes, int reps)
{
	int sv[2];
	char *src = malloc(bytes), ack;
	double best = 0;
	struct peer p;
	pthread_t th;

	if (!src || pair(tcp, sv)) {
		free(src);
		return -1;
	}
	memset(src, 0x5a, bytes);
	p = (struct peer){sv[1], 0, bytes, reps};
	pthread_create(&th, NULL, peer_main, &p);
	for (int r = 0; r < reps; r++) {
		double t0 = now_us(), s;
		size_t sent = 0;
		ssize_t k = 1;

		while (sent < bytes && k > 0) {
			k = write(sv[0], src + sent, bytes - sent);
			sent += k > 0 ? (size_t)k : 0;
		}
		if (k <= 0 || read(sv[0], &ack, 1) != 1)
			break;
		s = (now_us() - t0) / 1e6;
		if (bytes / 1e6 / s > best)
			best = bytes / 1e6 / s;
	}
	shutdown(sv[0], SHUT_RDWR);
	pthread_join(th, NULL);
	close(sv[0]);
	close(sv[1]);
	free(src);
	return best;
}

double memcpy_rate(size_t bytes, int reps)
{
	char *a = malloc(bytes), *b = malloc(bytes);
	double best = -1;

	if (a && b) {
		memset(a, 1, bytes);
		memset(b, 0, bytes); /* fault the pages in before timing */
		for (int r = 0; r < reps; r++) {
			double t0 = now_us(), s;

			memcpy(b, a, bytes);
			s = (now_us() - t0) / 1e6;
			if (bytes / 1e6 / s > best)
				best = bytes / 1e6 / s;
		}
		/* Keep the copy from being optimised away. */
		if (b[bytes - 1] != 1)
			best = -1;
	}
	free(a);
	free(b);
	return best;
}

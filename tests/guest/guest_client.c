/* The guest side of tests/guest (and its raw baseline's host side): what
 * the examples do not cover, each printing one line the test checks.
 *
 *   guest_client unregistered LIB   exec_with_resource on a LIB resource
 *                                   never registered to the session
 *   guest_client loop LIB           register LIB, then call mytestfunc
 *                                   forever (the test kills the VM)
 *   guest_client rtt N              N noop round trips: p50/p99
 *   guest_client echo MODEL MIB N   N torch_model_run echoes of a MIB MiB
 *                                   float tensor (the agent's noop plugin
 *                                   returns it), each checked: p50, MB/s
 *   guest_client raw-ping ADDR N    N 1-byte round trips on a plain
 *                                   socket to ADDR (no vaccel): p50/p99
 *   guest_client raw-echo ADDR MIB N  MIB MiB through a plain socket to
 *                                   the echo server and back, N times
 *                                   (a writer thread, this one reading):
 *                                   p50, MB/s
 *   guest_client echo-serve ADDR... (host) echo every byte back, on each
 *                                   address, one thread per connection
 *
 * The vaccel commands run through whatever VACCEL_PLUGINS names (the rpc
 * plugin in the guest). Exit status: 0 when the line printed is the
 * expected outcome, 1 otherwise, 2 bad usage. */

#define _GNU_SOURCE
#include "rpc/address.h"

#include <vaccel.h>

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Sorts t[0..n) and prints its median and 99th percentile. */
static void print_percentiles(const char *what, double *t, int n)
{
	long i99 = (long)n * 99 / 100;

	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	printf("%s: p50 %.1f us, p99 %.1f us (%d round trips)\n", what,
	       t[n / 2], t[i99 < n ? i99 : n - 1], n);
}

static int32_t call_mytestfunc(struct vaccel_session *sess,
			       struct vaccel_resource *res, int32_t in,
			       int *ret)
{
	int32_t out = 0;
	struct vaccel_arg read[] = {
	    {&in, sizeof(in), VACCEL_ARG_INT32, 0, false}};
	struct vaccel_arg write[] = {
	    {&out, sizeof(out), VACCEL_ARG_INT32, 0, false}};

	*ret = vaccel_exec_with_resource(sess, res, "mytestfunc", read, 1,
					 write, 1);
	return out;
}

/* The error case: a resource that exists but was never registered to the
 * session must be refused with VACCEL_EPERM before anything runs. */
static int cmd_unregistered(const char *lib)
{
	struct vaccel_session sess;
	struct vaccel_resource res;
	int32_t out;
	int ret;

	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		printf("session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	ret = vaccel_resource_init(&res, lib, VACCEL_RESOURCE_LIB);
	if (ret) {
		printf("resource %s: %s\n", lib, vaccel_error_to_str(ret));
		vaccel_session_release(&sess);
		return 1;
	}
	out = call_mytestfunc(&sess, &res, 21, &ret);
	printf("unregistered resource: %s (%d), output %d\n",
	       vaccel_error_to_str(ret), ret, (int)out);
	vaccel_resource_release(&res);
	vaccel_session_release(&sess);
	return ret == VACCEL_EPERM && out == 0 ? 0 : 1;
}

/* Calls until killed: the test kills the VM while a call is in flight,
 * with a session and a registered resource open on the agent. */
static int cmd_loop(const char *lib)
{
	struct vaccel_session sess;
	struct vaccel_resource res;
	long calls = 0;
	int ret;

	ret = vaccel_session_init(&sess, 0);
	if (!ret)
		ret = vaccel_resource_init(&res, lib, VACCEL_RESOURCE_LIB);
	if (!ret)
		ret = vaccel_resource_register(&res, &sess);
	if (ret) {
		printf("loop: set-up failed: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	for (;;) {
		int32_t out =
		    call_mytestfunc(&sess, &res, (int32_t)calls, &ret);

		if (ret || out != 2 * (int32_t)calls) {
			printf("loop: call %ld: %s, output %d\n", calls,
			       vaccel_error_to_str(ret), (int)out);
			return 1;
		}
		if (++calls == 1) {
			printf("loop: calling\n");
			fflush(stdout);
		}
	}
}

static int cmd_rtt(int n)
{
	struct vaccel_session sess;
	double *t = malloc(sizeof(*t) * (size_t)n);
	int ret;

	if (!t)
		return 1;
	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		printf("session: %s\n", vaccel_error_to_str(ret));
		free(t);
		return 1;
	}
	/* One call first: the connection and HELLO are not a round trip. */
	ret = vaccel_noop(&sess);
	for (int i = 0; !ret && i < n; i++) {
		double t0 = now_us();

		ret = vaccel_noop(&sess);
		t[i] = now_us() - t0;
	}
	if (ret)
		printf("noop: %s\n", vaccel_error_to_str(ret));
	else
		print_percentiles("noop round trip", t, n);
	vaccel_session_release(&sess);
	free(t);
	return ret ? 1 : 0;
}

/* The tensor echo of the noop plugin (docs/noop.md): input i comes back
 * as output i. MODEL is any file: noop never reads it, but the op needs
 * a MODEL resource registered to the session. */
static int cmd_echo(const char *model_path, int mib, int n)
{
	size_t bytes = (size_t)mib << 20;
	int64_t dims[1] = {(int64_t)(bytes / sizeof(float))};
	struct vaccel_session sess;
	struct vaccel_resource model;
	struct vaccel_torch_tensor *in = NULL;
	uint32_t *data = malloc(bytes);
	double *t = malloc(sizeof(*t) * (size_t)n);
	int ret, bad = 0;

	if (!data || !t) {
		printf("echo: out of memory for %d MiB\n", mib);
		free(data);
		free(t);
		return 1;
	}
	for (size_t i = 0; i < bytes / 4; i++)
		data[i] = (uint32_t)(i * 2654435761u);
	ret = vaccel_session_init(&sess, 0);
	if (!ret)
		ret = vaccel_resource_init(&model, model_path,
					   VACCEL_RESOURCE_MODEL);
	if (!ret)
		ret = vaccel_resource_register(&model, &sess);
	if (!ret)
		ret = vaccel_torch_tensor_new(&in, 1, dims, VACCEL_TORCH_FLOAT);
	if (!ret)
		ret = vaccel_torch_tensor_set_data(in, data, bytes);
	if (ret) {
		printf("echo: set-up failed: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	/* One untimed call first: the region lease and first touches. */
	for (int i = -1; !ret && i < n; i++) {
		struct vaccel_torch_tensor *out = NULL;
		double t0 = now_us();

		ret = vaccel_torch_model_run(&sess, &model, NULL, &in, 1, &out,
					     1);
		if (i >= 0)
			t[i] = now_us() - t0;
		if (!ret && (!out || out->size != bytes ||
			     memcmp(out->data, data, bytes)))
			bad++;
		if (out)
			vaccel_torch_tensor_delete(out);
	}
	if (ret || bad) {
		printf("echo %d MiB: %s, %d outputs differ from the input\n",
		       mib, vaccel_error_to_str(ret), bad);
	} else {
		qsort(t, (size_t)n, sizeof(*t), cmp_double);
		printf("tensor echo %d MiB: p50 %.1f ms, %.0f MB/s, "
		       "outputs equal (%d calls)\n",
		       mib, t[n / 2] / 1e3, (double)bytes / t[n / 2], n);
	}
	vaccel_torch_tensor_delete(in);
	vaccel_resource_unregister(&model, &sess);
	vaccel_resource_release(&model);
	vaccel_session_release(&sess);
	free(data);
	free(t);
	return ret || bad ? 1 : 0;
}

static int cmd_raw_ping(const char *addr, int n)
{
	char err[256], byte = 'x';
	double *t = malloc(sizeof(*t) * (size_t)n);
	int fd = vrpc_connect(addr, 5000, err, sizeof(err));

	if (fd < 0 || !t) {
		printf("raw ping: %s\n", fd < 0 ? err : "out of memory");
		free(t);
		return 1;
	}
	for (int i = 0; i <= n; i++) {
		double t0 = now_us();

		if (write(fd, &byte, 1) != 1 || read(fd, &byte, 1) != 1) {
			printf("raw ping: the echo server went away\n");
			close(fd);
			free(t);
			return 1;
		}
		/* Round 0 warms the path up and is not counted. */
		if (i)
			t[i - 1] = now_us() - t0;
	}
	close(fd);
	print_percentiles("raw socket round trip", t, n);
	free(t);
	return 0;
}

struct writer {
	int fd;
	const char *buf;
	size_t len;
	int err;
};

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	size_t done = 0;

	while (done < w->len) {
		ssize_t k = write(w->fd, w->buf + done, w->len - done);

		if (k <= 0) {
			w->err = k < 0 ? errno : EPIPE;
			return NULL;
		}
		done += (size_t)k;
	}
	return NULL;
}

static int cmd_raw_echo(const char *addr, int mib, int n)
{
	size_t bytes = (size_t)mib << 20;
	char err[256], *out = malloc(bytes), *in = malloc(bytes);
	double *t = malloc(sizeof(*t) * (size_t)n);
	int fd = vrpc_connect(addr, 5000, err, sizeof(err)), bad = 0;

	if (fd < 0 || !out || !in || !t) {
		printf("raw echo: %s\n", fd < 0 ? err : "out of memory");
		return 1;
	}
	for (size_t i = 0; i < bytes; i++)
		out[i] = (char)(i * 31 + 7);
	for (int r = -1; r < n; r++) {
		struct writer w = {fd, out, bytes, 0};
		pthread_t th;
		size_t got = 0;
		ssize_t k = 1;
		double t0 = now_us();

		if (pthread_create(&th, NULL, writer_main, &w))
			return 1;
		while (got < bytes && (k = read(fd, in + got, bytes - got)) > 0)
			got += (size_t)k;
		pthread_join(th, NULL);
		if (k <= 0 || w.err) {
			printf("raw echo %d MiB: %s\n", mib,
			       strerror(w.err	? w.err
					: k < 0 ? errno
						: EPIPE));
			return 1;
		}
		/* Round -1 warms up and is not counted. */
		if (r >= 0)
			t[r] = now_us() - t0;
		bad += memcmp(in, out, bytes) != 0;
	}
	close(fd);
	qsort(t, (size_t)n, sizeof(*t), cmp_double);
	printf("raw echo %d MiB: p50 %.1f ms, %.0f MB/s, %s (%d round "
	       "trips)\n",
	       mib, t[n / 2] / 1e3, (double)bytes / t[n / 2],
	       bad ? "DATA DIFFERS" : "data equal", n);
	free(in);
	free(out);
	free(t);
	return bad ? 1 : 0;
}

static void *echo_conn(void *arg)
{
	int fd = (int)(intptr_t)arg;
	/* Large reads: the raw echo baseline should not be slowed by the
	 * server's buffer size. */
	size_t cap = 1u << 20;
	char *buf = malloc(cap);
	ssize_t k;

	while (buf && (k = read(fd, buf, cap)) > 0)
		if (write(fd, buf, (size_t)k) != k)
			break;
	free(buf);
	close(fd);
	return NULL;
}

static int cmd_echo_serve(int nr, char **addrs)
{
	struct pollfd pfd[8];
	char err[256], where[VRPC_ADDRSTRLEN];

	if (nr > 8) {
		fprintf(stderr, "echo-serve: at most 8 addresses\n");
		return 2;
	}
	for (int i = 0; i < nr; i++) {
		pfd[i].fd = vrpc_listen(addrs[i], 16, err, sizeof(err));
		pfd[i].events = POLLIN;
		if (pfd[i].fd < 0) {
			fprintf(stderr, "echo-serve: %s\n", err);
			return 1;
		}
		if (vrpc_listener_address(pfd[i].fd, where, sizeof(where)))
			snprintf(where, sizeof(where), "%s", addrs[i]);
		/* The real port of tcp://...:0: the test reads it here. */
		printf("echo: listening on %s\n", where);
	}
	fflush(stdout);
	for (;;) {
		if (poll(pfd, (nfds_t)nr, -1) < 0)
			continue;
		for (int i = 0; i < nr; i++) {
			pthread_t th;
			int fd;

			if (!(pfd[i].revents & POLLIN))
				continue;
			fd = vrpc_accept(pfd[i].fd);
			if (fd < 0)
				continue;
			if (pthread_create(&th, NULL, echo_conn,
					   (void *)(intptr_t)fd))
				close(fd);
			else
				pthread_detach(th);
		}
	}
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(cmd, "unregistered") && argc == 3)
		return cmd_unregistered(argv[2]);
	if (!strcmp(cmd, "loop") && argc == 3)
		return cmd_loop(argv[2]);
	if (!strcmp(cmd, "rtt") && argc == 3 && atoi(argv[2]) > 0)
		return cmd_rtt(atoi(argv[2]));
	if (!strcmp(cmd, "echo") && argc == 5 && atoi(argv[3]) > 0 &&
	    atoi(argv[3]) <= 1024 && atoi(argv[4]) > 0)
		return cmd_echo(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(cmd, "raw-echo") && argc == 5 && atoi(argv[3]) > 0 &&
	    atoi(argv[3]) <= 1024 && atoi(argv[4]) > 0)
		return cmd_raw_echo(argv[2], atoi(argv[3]), atoi(argv[4]));
	if (!strcmp(cmd, "raw-ping") && argc == 4 && atoi(argv[3]) > 0)
		return cmd_raw_ping(argv[2], atoi(argv[3]));
	if (!strcmp(cmd, "echo-serve") && argc > 2)
		return cmd_echo_serve(argc - 2, argv + 2);
	fprintf(stderr,
		"usage: %s unregistered LIB | loop LIB | rtt N | "
		"echo MODEL MIB N | raw-ping ADDR N | raw-echo ADDR MIB N | "
		"echo-serve ADDR...\n",
		argv[0]);
	return 2;
}

#pragma once

/* The `vaccel` command-line tool (docs/agent.md "The vaccel tool"). */

#include <stddef.h>
#include <stdint.h>

struct vaccel_session;

/* Exit codes. */
#define TOOL_OK 0
#define TOOL_FAIL 1  /* the agent or an op failed */
#define TOOL_USAGE 2 /* bad command line */

struct tool_opts {
	const char *rpc_plugin; /* path of libvaccel-rpc.so */
	int count;		/* round trips per latency measurement */
	uint64_t min_bytes;	/* smallest echo size of `bench` */
	uint64_t max_bytes;	/* largest echo size of `bench` */
	int timeout_ms;
	/* bench: echo arrays from vaccel_shared_alloc (the region: no copy
	 * in the client) rather than malloc. */
	int shared;
};

int cmd_info(void);
int cmd_ping(const char *address, const struct tool_opts *o);
int cmd_bench(const char *address, const struct tool_opts *o);
int cmd_stats(const char *address, const struct tool_opts *o);

/* hello.c: a HELLO exchange of our own on a fresh connection, to show
 * what the agent speaks. */
struct agent_hello {
	uint16_t version;
	uint64_t max_frame;
	uint32_t nr_ops;
	uint32_t ids[256];
	uint32_t hashes[256];
};
int agent_hello(const char *address, int timeout_ms, struct agent_hello *h,
		char *err, size_t errlen);

/* hello.c: HELLO, then STATS, on a fresh connection: the agent's counts
 * of clients (this one included), sessions, resource handles, cached
 * resources and calls served; with `profile`, also its profiling regions
 * that have samples, as "[prof] NAME: calls N total T ms" lines (malloc'd,
 * NULL when there are none: profiling off or an older agent). 0, or -1
 * with a message. */
int agent_stats(const char *address, int timeout_ms, uint64_t v[5],
		char **profile, char *err, size_t errlen);

/* remote.c: a session on the agent through the rpc plugin, the path a
 * guest program takes. */
int remote_session(const char *address, const struct tool_opts *o,
		   struct vaccel_session **sess);
void remote_close(struct vaccel_session *sess);
/* `n` noop round trips: 0 with p50/p99 in microseconds, or a VACCEL_*. */
int remote_noop(struct vaccel_session *sess, int n, double *p50, double *p99);
/* Echo `bytes` through fpga_arraycopy `reps` times; MB/s one way (bytes
 * per call / time per call), or a negative VACCEL_* code. */
double remote_echo(struct vaccel_session *sess, size_t bytes, int reps,
		   int shared);

/* baseline.c: the physical limits of the same transport, in-process. */
/* 1-byte raw socket ping-pong over a UNIX socketpair (tcp = 0) or TCP
 * loopback (tcp = 1). 0 or -1 (with a message on stderr). */
int raw_pingpong(int tcp, int n, double *p50, double *p99);
/* One-way raw socket stream of `bytes`, MB/s, or < 0. */
double raw_stream(int tcp, size_t bytes, int reps);
double memcpy_rate(size_t bytes, int reps);

/* stats.c */
double now_us(void);
/* Sorts t[0..n) and returns its p-th percentile (0..100). */
double percentile(double *t, int n, int p);

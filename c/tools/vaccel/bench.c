/* `vaccel bench ADDRESS`: remote numbers next to the physical limits of
 * the same transport, measured in the same run (docs/performance.md). */

#include "tool.h"

#include <stdio.h>
#include <string.h>
#include <vaccel.h>

static int is_tcp(const char *address)
{
	return !strncmp(address, "tcp://", 6);
}

static int is_unix(const char *address)
{
	return !strncmp(address, "unix://", 7);
}

static void size_str(size_t b, char *buf, size_t len)
{
	if (b >= 1u << 30)
		snprintf(buf, len, "%zu GiB", b >> 30);
	else if (b >= 1u << 20)
		snprintf(buf, len, "%zu MiB", b >> 20);
	else
		snprintf(buf, len, "%zu KiB", b >> 10);
}

int cmd_bench(const char *address, const struct tool_opts *o)
{
	struct vaccel_session *sess = NULL;
	int tcp = is_tcp(address), raw = tcp || is_unix(address);
	const char *kind = tcp ? "TCP loopback" : "UNIX socketpair";
	double p50, p99, r50 = 0, r99 = 0;
	int ret = remote_session(address, o, &sess);

	if (!ret)
		ret = remote_noop(sess, o->count, &p50, &p99);
	if (ret) {
		remote_close(sess);
		return TOOL_FAIL;
	}
	if (raw && raw_pingpong(tcp, o->count, &r50, &r99))
		raw = 0;
	printf("noop round trip (%d calls)\n", o->count);
	printf("  %-28s p50 %8.1f us  p99 %8.1f us\n",
	       "vaccel through the agent", p50, p99);
	if (raw)
		printf("  %-28s p50 %8.1f us  p99 %8.1f us  (ratio p50 "
		       "%.2fx)\n",
		       "raw 1-byte ping-pong", r50, r99, p50 / r50);
	else
		printf("  (no raw baseline for this address family)\n");
	printf("echo throughput, fpga_arraycopy (MB/s one way; best of "
	       "several)%s\n",
	       o->shared ? "; arrays from vaccel_shared_alloc" : "");
	printf("  %-8s %12s %12s %12s\n", "size", "vaccel", "memcpy",
	       raw ? (tcp ? "raw TCP" : "raw UNIX") : "raw");
	for (size_t b = o->min_bytes; b <= o->max_bytes; b *= 4) {
		int reps = b <= (1u << 20) ? 50 : b <= (64u << 20) ? 5 : 2;
		double v = remote_echo(sess, b, reps, o->shared);
		double m = memcpy_rate(b, reps);
		double s = raw ? raw_stream(tcp, b, reps) : -1;
		char sz[32];

		if (v < 0) {
			remote_close(sess);
			return TOOL_FAIL;
		}
		size_str(b, sz, sizeof(sz));
		printf("  %-8s %12.0f %12.0f %12.0f\n", sz, v, m, s);
		if (b > o->max_bytes / 4)
			break;
	}
	printf("(vaccel echo moves each byte both ways: request and reply; "
	       "raw is one way over a %s)\n",
	       kind);
	remote_close(sess);
	return TOOL_OK;
}

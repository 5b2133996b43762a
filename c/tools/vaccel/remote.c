/* A session on the agent through the rpc plugin: the path a guest program
 * takes, so `ping` and `bench` measure what applications get. */

#include "tool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vaccel.h>
#include <vaccel/shared_buffer.h>

int remote_session(const char *address, const struct tool_opts *o,
		   struct vaccel_session **sess)
{
	char ms[32];
	int ret;

	/* Only the transport: plugins named by VACCEL_PLUGINS (loaded at
	 * start-up) would make the measurement local. Restart the runtime
	 * without them, then load the rpc plugin for `address`. */
	vaccel_cleanup();
	unsetenv("VACCEL_PLUGINS");
	setenv("VACCEL_RPC_ADDRESS", address, 1);
	snprintf(ms, sizeof(ms), "%d", o->timeout_ms);
	setenv("VACCEL_RPC_TIMEOUT_MS", ms, 1);
	ret = vaccel_bootstrap();
	if (!ret)
		ret = vaccel_plugin_load(o->rpc_plugin);
	if (ret) {
		fprintf(stderr,
			"vaccel: cannot load the rpc plugin '%s': %s (set "
			"--rpc-plugin)\n",
			o->rpc_plugin, vaccel_error_to_str(ret));
		return ret;
	}
	ret = vaccel_session_new(sess, VACCEL_PLUGIN_REMOTE);
	if (ret)
		fprintf(stderr, "vaccel: no session on the agent at %s: %s\n",
			address, vaccel_error_to_str(ret));
	return ret;
}

void remote_close(struct vaccel_session *sess)
{
	if (sess)
		vaccel_session_delete(sess);
}

int remote_noop(struct vaccel_session *sess, int n, double *p50, double *p99)
{
	double *t = malloc((size_t)n * sizeof(*t));
	int ret = VACCEL_OK;

	if (!t)
		return VACCEL_ENOMEM;
	/* Warm up: connection, caches. */
	for (int i = 0; i < 100 && !ret; i++)
		ret = vaccel_noop(sess);
	for (int i = 0; i < n && !ret; i++) {
		double t0 = now_us();

		ret = vaccel_noop(sess);
		t[i] = now_us() - t0;
	}
	if (!ret) {
		*p50 = percentile(t, n, 50);
		*p99 = percentile(t, n, 99);
	} else {
		fprintf(stderr, "vaccel: noop through the agent failed: %s\n",
			vaccel_error_to_str(ret));
	}
	free(t);
	return ret;
}

/* The echo's arrays: the heap, or shared buffers (vaccel_shared_alloc). */
static int *echo_array(struct vaccel_session *sess, size_t bytes, int shared)
{
	void *p = NULL;

	if (!shared)
		return malloc(bytes);
	return vaccel_shared_alloc(sess, bytes, &p) ? NULL : p;
}

static void echo_free(struct vaccel_session *sess, int *p, int shared)
{
	if (shared)
		vaccel_shared_free(sess, p);
	else
		free(p);
}

double remote_echo(struct vaccel_session *sess, size_t bytes, int reps,
		   int shared)
{
	size_t n = bytes / sizeof(int);
	int *in = echo_array(sess, n * sizeof(int), shared);
	int *out = echo_array(sess, n * sizeof(int), shared);
	double best = 0;
	int ret = VACCEL_ENOMEM;

	if (!in || !out)
		goto out;
	if (shared &&
	    (!vaccel_shared_is_region(in) || !vaccel_shared_is_region(out)))
		fprintf(stderr,
			"vaccel: no room in a shared region for the %zu-byte "
			"echo: heap buffers (copied)\n",
			bytes);
	for (size_t i = 0; i < n; i++)
		in[i] = (int)(i * 2654435761u);
	memset(out, 0, n * sizeof(int));
	/* The best of `reps` calls: the transport's rate, not the noise. */
	for (int r = 0; r < reps; r++) {
		double t0 = now_us(), s;

		ret = vaccel_fpga_arraycopy(sess, in, out, n);
		s = (now_us() - t0) / 1e6;
		if (ret)
			break;
		if (memcmp(in, out, n * sizeof(int))) {
			fprintf(stderr,
				"vaccel: the echo of %zu bytes came "
				"back different\n",
				bytes);
			ret = VACCEL_EIO;
			break;
		}
		if (bytes / 1e6 / s > best)
			best = bytes / 1e6 / s;
	}
	if (ret)
		fprintf(stderr,
			"vaccel: fpga_arraycopy of %zu bytes through the "
			"agent failed: %s (does the agent load the cpu "
			"plugin?)\n",
			bytes, vaccel_error_to_str(ret));
out:
	echo_free(sess, in, shared);
	echo_free(sess, out, shared);
	return ret ? -1.0 : best;
}

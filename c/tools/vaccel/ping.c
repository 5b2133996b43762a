/* `vaccel ping ADDRESS`: the agent's protocol and op set, then noop
 * round trips through the rpc plugin. */

#include "tool.h"

#include <stdio.h>
#include <vaccel.h>

static void print_ops(const struct agent_hello *h)
{
	unsigned int same = 0;

	for (uint32_t i = 0; i < h->nr_ops; i++) {
		const struct vaccel_op_desc *d = vaccel_op_desc_get(h->ids[i]);

		same += d && d->sig_hash == h->hashes[i];
	}
	printf("ops: %u (%u callable from here)\n", h->nr_ops, same);
	for (uint32_t i = 0; i < h->nr_ops; i++) {
		const struct vaccel_op_desc *d = vaccel_op_desc_get(h->ids[i]);

		printf("  %3u %-24s %08x%s\n", h->ids[i], d ? d->name : "?",
		       h->hashes[i],
		       !d			     ? "  (unknown here)"
		       : d->sig_hash != h->hashes[i] ? "  (signature differs)"
						     : "");
	}
}

int cmd_ping(const char *address, const struct tool_opts *o)
{
	struct agent_hello h;
	struct vaccel_session *sess = NULL;
	char err[512];
	double p50, p99;
	int ret;

	if (agent_hello(address, o->timeout_ms, &h, err, sizeof(err))) {
		fprintf(stderr, "vaccel: %s\n", err);
		return TOOL_FAIL;
	}
	printf("agent %s: protocol %u, max frame %llu bytes\n", address,
	       h.version, (unsigned long long)h.max_frame);
	print_ops(&h);
	ret = remote_session(address, o, &sess);
	if (!ret)
		ret = remote_noop(sess, o->count, &p50, &p99);
	remote_close(sess);
	if (ret)
		return TOOL_FAIL;
	printf("noop round trip: p50 %.1f us, p99 %.1f us (%d calls)\n", p50,
	       p99, o->count);
	return TOOL_OK;
}

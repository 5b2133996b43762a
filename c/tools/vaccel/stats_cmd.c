/* `vaccel stats ADDRESS`: the agent's object counts (the STATS request,
 * docs/protocol.md "Frame types"), to see what clients left behind. */

#include "tool.h"

#include <stdio.h>

int cmd_stats(const char *address, const struct tool_opts *o)
{
	uint64_t v[5];
	char err[512];

	if (agent_stats(address, o->timeout_ms, v, err, sizeof(err))) {
		fprintf(stderr, "vaccel: %s\n", err);
		return TOOL_FAIL;
	}
	/* Our own connection is one of the clients. */
	printf("agent %s: clients %llu, sessions %llu, resource handles %llu, "
	       "cached resources %llu, calls %llu\n",
	       address, (unsigned long long)v[0], (unsigned long long)v[1],
	       (unsigned long long)v[2], (unsigned long long)v[3],
	       (unsigned long long)v[4]);
	return TOOL_OK;
}

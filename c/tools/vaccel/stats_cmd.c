/* `vaccel stats ADDRESS`: the agent's object counts and, when it profiles,
 * its per-op profiling regions (the STATS request,
 * docs/protocol.md "Frame types"), to see what clients left behind. */

#include "tool.h"

#include <stdio.h>
#include <stdlib.h>

int cmd_stats(const char *address, const struct tool_opts *o)
{
	uint64_t v[5];
	char err[512], *profile = NULL;

	if (agent_stats(address, o->timeout_ms, v, &profile, err,
			sizeof(err))) {
		fprintf(stderr, "vaccel: %s\n", err);
		return TOOL_FAIL;
	}
	/* Our own connection is one of the clients. */
	printf("agent %s: clients %llu, sessions %llu, resource handles %llu, "
	       "cached resources %llu, calls %llu\n",
	       address, (unsigned long long)v[0], (unsigned long long)v[1],
	       (unsigned long long)v[2], (unsigned long long)v[3],
	       (unsigned long long)v[4]);
	/* The agent's per-op regions, when it profiles
	 * (VACCEL_PROFILING_ENABLED; docs/agent.md). */
	if (profile)
		fputs(profile, stdout);
	free(profile);
	return TOOL_OK;
}

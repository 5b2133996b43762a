#pragma once

/* The agent's per-op profiling regions: agent.<op>.queue (received to
 * started, for requests the pool runs), .decode, .run (the backend call)
 * and .reply (encode and send), next to the core's vaccel_<op>_op
 * (docs/agent.md). With profiling off each costs one branch. */

#include <stdint.h>

struct wire_out;

enum agent_prof_stage {
	AGENT_PROF_QUEUE,
	AGENT_PROF_DECODE,
	AGENT_PROF_RUN,
	AGENT_PROF_REPLY,
	AGENT_PROF_NR_STAGES
};

/* Now in ns when profiling is on, else 0 (nothing is recorded then). */
uint64_t agent_prof_now(void);
/* One sample of `stage` of op `op` from `start` (agent_prof_now) to now;
 * returns now, so stages chain. Nothing when `start` is 0. */
uint64_t agent_prof_add(unsigned int op, enum agent_prof_stage stage,
			uint64_t start);
/* Where this thread's reply to a call began (its encoding): set by the
 * call handler, taken (and cleared) once the reply is sent. */
void agent_prof_reply_begins(unsigned int op, uint64_t at);
void agent_prof_reply_sent(void);
/* The STATS reply's profile (docs/protocol.md): u32 n, then n times
 * string name, u64 calls, u64 total ns; the core's op regions and the
 * agent's stages that have samples (none with profiling off). */
void agent_prof_put(struct wire_out *o);

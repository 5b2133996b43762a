#pragma once

/* The rpc plugin's per-op profiling regions: rpc.<op>.encode, .wait (send
 * to reply received) and .decode, next to the core's vaccel_<op>_op
 * (docs/agent.md). With profiling off each costs one branch. */

#include <stdint.h>

enum rpc_prof_stage {
	RPC_PROF_ENCODE,
	RPC_PROF_WAIT,
	RPC_PROF_DECODE,
	RPC_PROF_NR_STAGES
};

/* Now in ns when profiling is on, else 0 (nothing is recorded then). */
uint64_t rpc_prof_now(void);
/* One sample of stage `stage` of op `op`, from `start` (rpc_prof_now) to
 * now; returns now, so stages chain. Nothing when `start` is 0. */
uint64_t rpc_prof_add(unsigned int op, enum rpc_prof_stage stage,
		      uint64_t start);

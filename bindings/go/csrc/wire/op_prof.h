/* Copied from c/wire/op_prof.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* Per-op stage profiling shared by the rpc plugin (rpc.<op>.<stage>) and
 * vaccel-agent (agent.<op>.<stage>): one region per op and stage, looked
 * up by name once through the runtime's profiling functions, then cached.
 * Like the rest of c/wire it calls nothing from libvaccel itself: the
 * plugin passes the host table's functions, the agent the core's. */

#include "vaccel/enums.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

struct vaccel_op_desc;
struct vaccel_prof_region;

#define OP_PROF_MAX_STAGES 4

/* The runtime's profiling functions (vaccel/prof.h). */
struct op_prof_runtime {
	bool (*enabled)(void);
	const struct vaccel_op_desc *(*op_desc)(unsigned int op);
	struct vaccel_prof_region *(*region_get)(const char *name);
	int (*region_add)(struct vaccel_prof_region *region, uint64_t ns);
};

struct op_prof {
	const char *prefix; /* "rpc", "agent" */
	const char *const *stage_names;
	int nr_stages; /* at most OP_PROF_MAX_STAGES */
	const struct op_prof_runtime *rt;
	_Atomic(struct vaccel_prof_region *) regions[VACCEL_OP_MAX]
						    [OP_PROF_MAX_STAGES];
};

/* Now in ns when profiling is on, else 0 (nothing is recorded then). */
uint64_t op_prof_now(const struct op_prof *p);
/* One sample of `stage` of op `op` from `start` (op_prof_now) to now;
 * returns now, so stages chain. Nothing when `start` is 0. */
uint64_t op_prof_add(struct op_prof *p, unsigned int op, int stage,
		     uint64_t start);
/* The region of `stage` of op `op` once it has been used, else NULL. */
struct vaccel_prof_region *op_prof_region(struct op_prof *p, unsigned int op,
					  int stage);

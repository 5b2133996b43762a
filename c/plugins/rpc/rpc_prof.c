/* Per-op stage regions of the rpc plugin, through the host's profiling
 * functions (a runtime without them: nothing is timed). Each region is
 * looked up by name once, then cached by op and stage. */

#include "rpc_prof.h"
#include "vaccel/plugin.h"

#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

static const char *const stage_names[RPC_PROF_NR_STAGES] = {
    [RPC_PROF_ENCODE] = "encode",
    [RPC_PROF_WAIT] = "wait",
    [RPC_PROF_DECODE] = "decode",
};

static _Atomic(struct vaccel_prof_region *) regions[VACCEL_OP_MAX]
						   [RPC_PROF_NR_STAGES];

static bool host_profiles(void)
{
	return VACCEL_HOST_HAS(vaccel_plugin_host, prof_region_add) &&
	       vaccel_plugin_host->prof_enabled();
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t rpc_prof_now(void)
{
	return host_profiles() ? now_ns() : 0;
}

static struct vaccel_prof_region *region_of(unsigned int op,
					    enum rpc_prof_stage stage)
{
	struct vaccel_prof_region *r = atomic_load(&regions[op][stage]);
	const struct vaccel_op_desc *d;
	char name[96];

	if (r)
		return r;
	d = vaccel_plugin_host->op_desc(op);
	if (!d)
		return NULL;
	snprintf(name, sizeof(name), "rpc.%s.%s", d->name, stage_names[stage]);
	/* Racing threads get the same region back: the host makes one per
	 * name. */
	r = vaccel_plugin_host->prof_region_get(name);
	atomic_store(&regions[op][stage], r);
	return r;
}

uint64_t rpc_prof_add(unsigned int op, enum rpc_prof_stage stage,
		      uint64_t start)
{
	struct vaccel_prof_region *r;
	uint64_t end;

	if (!start || op >= VACCEL_OP_MAX)
		return 0;
	end = now_ns();
	r = region_of(op, stage);
	if (r)
		vaccel_plugin_host->prof_region_add(r, end - start);
	return end;
}

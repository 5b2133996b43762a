/* Per-op stage regions of the rpc plugin (op_prof.h), through the host's
 * profiling functions (a runtime without them: nothing is timed). */

#include "rpc_prof.h"
#include "op_prof.h"
#include "vaccel/plugin.h"

static bool host_profiles(void)
{
	return VACCEL_HOST_HAS(vaccel_plugin_host, prof_region_add) &&
	       vaccel_plugin_host->prof_enabled();
}

static const struct vaccel_op_desc *host_op_desc(unsigned int op)
{
	return vaccel_plugin_host->op_desc(op);
}

static struct vaccel_prof_region *host_region_get(const char *name)
{
	return vaccel_plugin_host->prof_region_get(name);
}

static int host_region_add(struct vaccel_prof_region *region, uint64_t ns)
{
	return vaccel_plugin_host->prof_region_add(region, ns);
}

static const struct op_prof_runtime host = {
    .enabled = host_profiles,
    .op_desc = host_op_desc,
    .region_get = host_region_get,
    .region_add = host_region_add,
};

static const char *const stage_names[RPC_PROF_NR_STAGES] = {
    [RPC_PROF_ENCODE] = "encode",
    [RPC_PROF_WAIT] = "wait",
    [RPC_PROF_DECODE] = "decode",
};

static struct op_prof prof = {
    .prefix = "rpc",
    .stage_names = stage_names,
    .nr_stages = RPC_PROF_NR_STAGES,
    .rt = &host,
};

uint64_t rpc_prof_now(void)
{
	return op_prof_now(&prof);
}

uint64_t rpc_prof_add(unsigned int op, enum rpc_prof_stage stage,
		      uint64_t start)
{
	return op_prof_add(&prof, op, (int)stage, start);
}

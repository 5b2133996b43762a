/* Per-op stage regions of the agent (agent_prof.h, op_prof.h), through
 * the core's profiling functions. */

#include "agent_prof.h"
#include "op_prof.h"
#include "vaccel/op_desc.h"
#include "vaccel/prof.h"
#include "wire_buf.h"

#include <stdio.h>
#include <stdlib.h>

static const char *const stage_names[AGENT_PROF_NR_STAGES] = {
    [AGENT_PROF_QUEUE] = "queue",
    [AGENT_PROF_DECODE] = "decode",
    [AGENT_PROF_RUN] = "run",
    [AGENT_PROF_REPLY] = "reply",
};

static const struct op_prof_runtime core = {
    .enabled = vaccel_prof_enabled,
    .op_desc = vaccel_op_desc_get,
    .region_get = vaccel_prof_region_get,
    .region_add = vaccel_prof_region_add,
};

static struct op_prof prof = {
    .prefix = "agent",
    .stage_names = stage_names,
    .nr_stages = AGENT_PROF_NR_STAGES,
    .rt = &core,
};

/* The reply being encoded and sent on this thread. */
static _Thread_local unsigned int reply_op;
static _Thread_local uint64_t reply_start;

uint64_t agent_prof_now(void)
{
	return op_prof_now(&prof);
}

uint64_t agent_prof_add(unsigned int op, enum agent_prof_stage stage,
			uint64_t start)
{
	return op_prof_add(&prof, op, (int)stage, start);
}

void agent_prof_reply_begins(unsigned int op, uint64_t at)
{
	reply_op = op;
	reply_start = at;
}

void agent_prof_reply_sent(void)
{
	if (reply_start)
		agent_prof_add(reply_op, AGENT_PROF_REPLY, reply_start);
	reply_start = 0;
}

struct prof_row {
	const struct vaccel_prof_region *region;
	uint64_t count, total_ns;
};

static void snap(struct prof_row *rows, uint32_t *n,
		 const struct vaccel_prof_region *r)
{
	struct prof_row *row = &rows[*n];

	if (!r)
		return;
	vaccel_prof_region_stats(r, &row->count, &row->total_ns, NULL, NULL);
	if (row->count) {
		row->region = r;
		(*n)++;
	}
}

void agent_prof_put(struct wire_out *o)
{
	/* A snapshot first: the count goes before the rows, and calls may
	 * add samples meanwhile. */
	struct prof_row *rows = calloc(
	    (size_t)VACCEL_OP_MAX * (AGENT_PROF_NR_STAGES + 1), sizeof(*rows));
	uint32_t n = 0;

	for (unsigned int op = 0; rows && op < VACCEL_OP_MAX; op++) {
		snap(rows, &n, vaccel_prof_op_region(op));
		for (int s = 0; s < AGENT_PROF_NR_STAGES; s++)
			snap(rows, &n, op_prof_region(&prof, op, s));
	}
	wire_put_u32(o, n);
	for (uint32_t i = 0; i < n; i++) {
		wire_put_str(o, rows[i].region->name);
		wire_put_u64(o, rows[i].count);
		wire_put_u64(o, rows[i].total_ns);
	}
	free(rows);
}

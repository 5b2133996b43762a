/* Per-op stage regions of the agent (agent_prof.h): each looked up by
 * name once, then cached by op and stage. */

#include "agent_prof.h"
#include "vaccel/op_desc.h"
#include "vaccel/prof.h"
#include "wire_buf.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *const stage_names[AGENT_PROF_NR_STAGES] = {
    [AGENT_PROF_QUEUE] = "queue",
    [AGENT_PROF_DECODE] = "decode",
    [AGENT_PROF_RUN] = "run",
    [AGENT_PROF_REPLY] = "reply",
};

static _Atomic(struct vaccel_prof_region *) regions[VACCEL_OP_MAX]
						   [AGENT_PROF_NR_STAGES];

/* The reply being encoded and sent on this thread. */
static _Thread_local unsigned int reply_op;
static _Thread_local uint64_t reply_start;

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t agent_prof_now(void)
{
	return vaccel_prof_enabled() ? now_ns() : 0;
}

static struct vaccel_prof_region *region_of(unsigned int op,
					    enum agent_prof_stage stage)
{
	struct vaccel_prof_region *r = atomic_load(&regions[op][stage]);
	const struct vaccel_op_desc *d;
	char name[96];

	if (r)
		return r;
	d = vaccel_op_desc_get(op);
	if (!d)
		return NULL;
	snprintf(name, sizeof(name), "agent.%s.%s", d->name,
		 stage_names[stage]);
	/* Racing threads get the same region: the core makes one per name. */
	r = vaccel_prof_region_get(name);
	atomic_store(&regions[op][stage], r);
	return r;
}

uint64_t agent_prof_add(unsigned int op, enum agent_prof_stage stage,
			uint64_t start)
{
	struct vaccel_prof_region *r;
	uint64_t end;

	if (!start || op >= VACCEL_OP_MAX)
		return 0;
	end = now_ns();
	r = region_of(op, stage);
	if (r)
		vaccel_prof_region_add(r, end - start);
	return end;
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
			snap(rows, &n, atomic_load(&regions[op][s]));
	}
	wire_put_u32(o, n);
	for (uint32_t i = 0; i < n; i++) {
		wire_put_str(o, rows[i].region->name);
		wire_put_u64(o, rows[i].count);
		wire_put_u64(o, rows[i].total_ns);
	}
	free(rows);
}

/* Per-op stage regions (op_prof.h). */

#include "op_prof.h"
#include "vaccel/op_desc.h"

#include <stdio.h>
#include <time.h>

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

uint64_t op_prof_now(const struct op_prof *p)
{
	return p->rt->enabled() ? now_ns() : 0;
}

struct vaccel_prof_region *op_prof_region(struct op_prof *p, unsigned int op,
					  int stage)
{
	return op < VACCEL_OP_MAX && stage >= 0 && stage < p->nr_stages
		   ? atomic_load(&p->regions[op][stage])
		   : NULL;
}

static struct vaccel_prof_region *region_of(struct op_prof *p, unsigned int op,
					    int stage)
{
	struct vaccel_prof_region *r = atomic_load(&p->regions[op][stage]);
	const struct vaccel_op_desc *d;
	char name[96];

	if (r)
		return r;
	d = p->rt->op_desc(op);
	if (!d)
		return NULL;
	snprintf(name, sizeof(name), "%s.%s.%s", p->prefix, d->name,
		 p->stage_names[stage]);
	/* Racing threads get the same region back: the runtime makes one
	 * per name. */
	r = p->rt->region_get(name);
	atomic_store(&p->regions[op][stage], r);
	return r;
}

uint64_t op_prof_add(struct op_prof *p, unsigned int op, int stage,
		     uint64_t start)
{
	struct vaccel_prof_region *r;
	uint64_t end;

	if (!start || op >= VACCEL_OP_MAX || stage < 0 || stage >= p->nr_stages)
		return 0;
	end = now_ns();
	r = region_of(p, op, stage);
	if (r)
		p->rt->region_add(r, end - start);
	return end;
}

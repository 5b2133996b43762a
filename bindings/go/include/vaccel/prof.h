/* Copied from c/include/vaccel/prof.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vaccel_prof_stats;

/* A named timing region. start/stop pairs may run on many threads at once
 * and nest; each stop adds one sample to the region's statistics. Regions
 * record only when profiling is enabled (VACCEL_PROFILING_ENABLED). */
struct vaccel_prof_region {
	const char *name;
	bool name_owned;
	/* Allocated on first use; guarded by `lock`. */
	struct vaccel_prof_stats *stats;
	pthread_mutex_t lock;
};

#define VACCEL_PROF_REGION_INIT(region_name)                                   \
	{                                                                      \
		.name = (region_name), .name_owned = false, .stats = NULL,     \
		.lock = PTHREAD_MUTEX_INITIALIZER                              \
	}

bool vaccel_prof_enabled(void);
int vaccel_prof_region_start(struct vaccel_prof_region *region);
int vaccel_prof_region_stop(const struct vaccel_prof_region *region);
int vaccel_prof_region_print(const struct vaccel_prof_region *region);
int vaccel_prof_region_init(struct vaccel_prof_region *region,
			    const char *name);
int vaccel_prof_region_release(struct vaccel_prof_region *region);
int vaccel_prof_regions_start_by_name(struct vaccel_prof_region *regions,
				      int nregions, const char *name);
int vaccel_prof_regions_stop_by_name(struct vaccel_prof_region *regions,
				     int nregions, const char *name);
int vaccel_prof_regions_init(struct vaccel_prof_region *regions, int nregions);
int vaccel_prof_regions_release(struct vaccel_prof_region *regions,
				int nregions);
int vaccel_prof_regions_print_all(struct vaccel_prof_region *regions,
				  int nregions);
int vaccel_prof_regions_print_all_to_buf(char **tbuf, size_t tbuf_len,
					 struct vaccel_prof_region *regions,
					 int size);

/* vaccel addition: the statistics of a region (zeros when it has none). */
int vaccel_prof_region_stats(const struct vaccel_prof_region *region,
			     uint64_t *count, uint64_t *total_ns,
			     uint64_t *min_ns, uint64_t *max_ns);
/* vaccel addition: the core's region for op `op` (timed in the dispatch
 * path), or NULL for an unknown op. */
const struct vaccel_prof_region *vaccel_prof_op_region(unsigned int op);
/* vaccel addition: the process-wide region named `name`, made on first use
 * and kept until the process exits (pointers to it stay valid), printed at
 * vaccel_cleanup with the op regions. Transports time their per-op stages
 * in these (docs/agent.md). NULL when out of memory. */
struct vaccel_prof_region *vaccel_prof_region_get(const char *name);
/* vaccel addition: the region vaccel_prof_region_get made under `name`,
 * or NULL if none was made. */
const struct vaccel_prof_region *vaccel_prof_region_find(const char *name);
/* vaccel addition: add one sample of `ns` nanoseconds, timed by the
 * caller (a span that starts and ends on different threads); nothing when
 * profiling is off. */
int vaccel_prof_region_add(struct vaccel_prof_region *region, uint64_t ns);

#ifdef __cplusplus
}
#endif

/* Profiling regions: aggregate timings (count, total, min, max) of named
 * code regions, safe under concurrent and nested use. The core times every
 * op in its own region (vaccel_prof_op_region). */

#include "internal.h"
#include "vaccel/log.h"
#include "vaccel/prof.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct vaccel_prof_stats {
	uint64_t count;
	uint64_t total_ns;
	uint64_t min_ns;
	uint64_t max_ns;
};

/* Open regions of this thread, innermost last. */
#define PROF_MAX_DEPTH 32
struct open_region {
	const struct vaccel_prof_region *region;
	uint64_t start_ns;
};
static _Thread_local struct open_region open_stack[PROF_MAX_DEPTH];
static _Thread_local int open_depth;

static atomic_bool prof_on;
static struct vaccel_prof_region op_regions[VACCEL_OP_MAX];
static char op_region_names[VACCEL_OP_MAX][48];
static pthread_once_t op_regions_once = PTHREAD_ONCE_INIT;

/* Regions made by name (vaccel_prof_region_get), in the order they were
 * made; never freed, so the pointers transports cache stay valid. */
struct named_region {
	struct vaccel_prof_region region;
	struct named_region *next;
};
static struct named_region *named_head, **named_tail = &named_head;
static pthread_mutex_t named_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void vaccel_prof_configure(bool enabled)
{
	atomic_store(&prof_on, enabled);
}

bool vaccel_prof_enabled(void)
{
	return atomic_load_explicit(&prof_on, memory_order_relaxed);
}

int vaccel_prof_region_init(struct vaccel_prof_region *region, const char *name)
{
	if (!region || !name)
		return VACCEL_EINVAL;
	region->name = strdup(name);
	if (!region->name)
		return VACCEL_ENOMEM;
	region->name_owned = true;
	region->stats = NULL;
	pthread_mutex_init(&region->lock, NULL);
	return VACCEL_OK;
}

int vaccel_prof_region_release(struct vaccel_prof_region *region)
{
	if (!region)
		return VACCEL_EINVAL;
	pthread_mutex_lock(&region->lock);
	free(region->stats);
	region->stats = NULL;
	pthread_mutex_unlock(&region->lock);
	if (region->name_owned)
		free((char *)region->name);
	region->name = NULL;
	region->name_owned = false;
	return VACCEL_OK;
}

int vaccel_prof_region_start(struct vaccel_prof_region *region)
{
	if (!region)
		return VACCEL_EINVAL;
	if (!vaccel_prof_enabled())
		return VACCEL_OK;
	if (open_depth >= PROF_MAX_DEPTH) {
		vaccel_warn(
		    "prof: region '%s' nested deeper than %d; not timed",
		    region->name, PROF_MAX_DEPTH);
		return VACCEL_ENOSPC;
	}
	open_stack[open_depth].region = region;
	open_stack[open_depth].start_ns = now_ns();
	open_depth++;
	return VACCEL_OK;
}

static void add_sample(struct vaccel_prof_region *r, uint64_t ns)
{
	pthread_mutex_lock(&r->lock);
	if (!r->stats)
		r->stats = calloc(1, sizeof(*r->stats));
	if (r->stats) {
		struct vaccel_prof_stats *s = r->stats;

		if (s->count == 0 || ns < s->min_ns)
			s->min_ns = ns;
		if (ns > s->max_ns)
			s->max_ns = ns;
		s->count++;
		s->total_ns += ns;
	}
	pthread_mutex_unlock(&r->lock);
}

int vaccel_prof_region_stop(const struct vaccel_prof_region *region)
{
	uint64_t end = now_ns();

	if (!region)
		return VACCEL_EINVAL;
	/* The innermost open instance of this region on this thread. */
	for (int i = open_depth - 1; i >= 0; i--) {
		if (open_stack[i].region != region)
			continue;
		/* Samples live behind the region's lock, not in the const
		 * struct itself. */
		add_sample((struct vaccel_prof_region *)region,
			   end - open_stack[i].start_ns);
		memmove(&open_stack[i], &open_stack[i + 1],
			(size_t)(open_depth - i - 1) * sizeof(open_stack[0]));
		open_depth--;
		return VACCEL_OK;
	}
	/* Stop without start: profiling was off at start, or a caller bug. */
	return vaccel_prof_enabled() ? VACCEL_EINVAL : VACCEL_OK;
}

int vaccel_prof_region_stats(const struct vaccel_prof_region *region,
			     uint64_t *count, uint64_t *total_ns,
			     uint64_t *min_ns, uint64_t *max_ns)
{
	struct vaccel_prof_stats s = {0};
	struct vaccel_prof_region *r = (struct vaccel_prof_region *)region;

	if (!region)
		return VACCEL_EINVAL;
	pthread_mutex_lock(&r->lock);
	if (r->stats)
		s = *r->stats;
	pthread_mutex_unlock(&r->lock);
	if (count)
		*count = s.count;
	if (total_ns)
		*total_ns = s.total_ns;
	if (min_ns)
		*min_ns = s.min_ns;
	if (max_ns)
		*max_ns = s.max_ns;
	return VACCEL_OK;
}

static int format_region(char *buf, size_t len,
			 const struct vaccel_prof_region *region)
{
	uint64_t n = 0, total = 0, min = 0, max = 0;

	vaccel_prof_region_stats(region, &n, &total, &min, &max);
	return snprintf(buf, len,
			"[prof] %s: calls %llu total %.3f ms avg %.3f us "
			"min %.3f us max %.3f us",
			region->name ? region->name : "(unnamed)",
			(unsigned long long)n, (double)total / 1e6,
			n ? (double)total / (double)n / 1e3 : 0.0,
			(double)min / 1e3, (double)max / 1e3);
}

int vaccel_prof_region_print(const struct vaccel_prof_region *region)
{
	char line[256];

	if (!region)
		return VACCEL_EINVAL;
	format_region(line, sizeof(line), region);
	vaccel_info("%s", line);
	return VACCEL_OK;
}

static struct vaccel_prof_region *
find_region(struct vaccel_prof_region *regions, int n, const char *name)
{
	for (int i = 0; regions && name && i < n; i++)
		if (regions[i].name && strcmp(regions[i].name, name) == 0)
			return &regions[i];
	return NULL;
}

int vaccel_prof_regions_start_by_name(struct vaccel_prof_region *regions,
				      int nregions, const char *name)
{
	struct vaccel_prof_region *r = find_region(regions, nregions, name);

	return r ? vaccel_prof_region_start(r) : VACCEL_EINVAL;
}

int vaccel_prof_regions_stop_by_name(struct vaccel_prof_region *regions,
				     int nregions, const char *name)
{
	struct vaccel_prof_region *r = find_region(regions, nregions, name);

	return r ? vaccel_prof_region_stop(r) : VACCEL_EINVAL;
}

int vaccel_prof_regions_init(struct vaccel_prof_region *regions, int nregions)
{
	if (!regions || nregions < 0)
		return VACCEL_EINVAL;
	for (int i = 0; i < nregions; i++) {
		regions[i].stats = NULL;
		regions[i].name_owned = false;
		pthread_mutex_init(&regions[i].lock, NULL);
	}
	return VACCEL_OK;
}

int vaccel_prof_regions_release(struct vaccel_prof_region *regions,
				int nregions)
{
	if (!regions || nregions < 0)
		return VACCEL_EINVAL;
	for (int i = 0; i < nregions; i++)
		vaccel_prof_region_release(&regions[i]);
	return VACCEL_OK;
}

int vaccel_prof_regions_print_all(struct vaccel_prof_region *regions,
				  int nregions)
{
	if (!regions || nregions < 0)
		return VACCEL_EINVAL;
	for (int i = 0; i < nregions; i++)
		vaccel_prof_region_print(&regions[i]);
	return VACCEL_OK;
}

int vaccel_prof_regions_print_all_to_buf(char **tbuf, size_t tbuf_len,
					 struct vaccel_prof_region *regions,
					 int size)
{
	size_t used = 0;
	char *buf;

	if (!tbuf || !regions || size < 0)
		return VACCEL_EINVAL;
	buf = *tbuf;
	if (!buf) {
		if (tbuf_len == 0)
			tbuf_len = 256 * (size_t)(size + 1);
		buf = malloc(tbuf_len);
		if (!buf)
			return VACCEL_ENOMEM;
		*tbuf = buf;
	}
	if (tbuf_len == 0)
		return VACCEL_EINVAL;
	buf[0] = '\0';
	for (int i = 0; i < size; i++) {
		int n = format_region(buf + used, tbuf_len - used, &regions[i]);

		if (n < 0 || (size_t)n + 1 >= tbuf_len - used)
			return VACCEL_ENOSPC;
		used += (size_t)n;
		buf[used++] = '\n';
		buf[used] = '\0';
	}
	return VACCEL_OK;
}

static void init_op_regions(void)
{
	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		const struct vaccel_op_desc *d = vaccel_op_descs[op];

		snprintf(op_region_names[op], sizeof(op_region_names[op]),
			 "vaccel_%s_op", d ? d->name : "unknown");
		op_regions[op].name = op_region_names[op];
		op_regions[op].name_owned = false;
		op_regions[op].stats = NULL;
		pthread_mutex_init(&op_regions[op].lock, NULL);
	}
}

const struct vaccel_prof_region *vaccel_prof_op_region(unsigned int op)
{
	if (op >= VACCEL_OP_MAX || !vaccel_op_descs[op])
		return NULL;
	pthread_once(&op_regions_once, init_op_regions);
	return &op_regions[op];
}

int vaccel_prof_region_add(struct vaccel_prof_region *region, uint64_t ns)
{
	if (!region)
		return VACCEL_EINVAL;
	if (vaccel_prof_enabled())
		add_sample(region, ns);
	return VACCEL_OK;
}

static struct named_region *find_named_locked(const char *name)
{
	for (struct named_region *n = named_head; n; n = n->next)
		if (strcmp(n->region.name, name) == 0)
			return n;
	return NULL;
}

struct vaccel_prof_region *vaccel_prof_region_get(const char *name)
{
	struct named_region *n;

	if (!name) {
		vaccel_error("vaccel_prof_region_get: name is NULL");
		return NULL;
	}
	pthread_mutex_lock(&named_lock);
	n = find_named_locked(name);
	if (!n) {
		n = calloc(1, sizeof(*n));
		if (n && vaccel_prof_region_init(&n->region, name)) {
			free(n);
			n = NULL;
		}
		if (n) {
			*named_tail = n;
			named_tail = &n->next;
		}
	}
	pthread_mutex_unlock(&named_lock);
	if (!n)
		vaccel_error("prof: no memory for region '%s'", name);
	return n ? &n->region : NULL;
}

const struct vaccel_prof_region *vaccel_prof_region_find(const char *name)
{
	struct named_region *n;

	if (!name)
		return NULL;
	pthread_mutex_lock(&named_lock);
	n = find_named_locked(name);
	pthread_mutex_unlock(&named_lock);
	return n ? &n->region : NULL;
}

void vaccel_prof_print_ops(void)
{
	if (!vaccel_prof_enabled())
		return;
	pthread_once(&op_regions_once, init_op_regions);
	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++)
		if (op_regions[op].stats)
			vaccel_prof_region_print(&op_regions[op]);
	pthread_mutex_lock(&named_lock);
	for (struct named_region *n = named_head; n; n = n->next)
		if (n->region.stats)
			vaccel_prof_region_print(&n->region);
	pthread_mutex_unlock(&named_lock);
}

void vaccel_prof_cleanup(void)
{
	pthread_once(&op_regions_once, init_op_regions);
	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		pthread_mutex_lock(&op_regions[op].lock);
		free(op_regions[op].stats);
		op_regions[op].stats = NULL;
		pthread_mutex_unlock(&op_regions[op].lock);
	}
	pthread_mutex_lock(&named_lock);
	for (struct named_region *n = named_head; n; n = n->next) {
		pthread_mutex_lock(&n->region.lock);
		free(n->region.stats);
		n->region.stats = NULL;
		pthread_mutex_unlock(&n->region.lock);
	}
	pthread_mutex_unlock(&named_lock);
}

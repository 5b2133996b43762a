/* The region allocator (region.h): a sorted array of the slots in use,
 * first fit between them. Calls hold few slots at once, so a linear scan
 * under one mutex is cheaper than anything cleverer. */

#include "region.h"

#include <stdlib.h>
#include <string.h>

void wire_region_init(struct wire_region *r, void *base, uint64_t size)
{
	memset(r, 0, sizeof(*r));
	r->base = base;
	r->size = size;
	r->lo = 0;
	r->hi = size;
	pthread_mutex_init(&r->lock, NULL);
}

void wire_region_fini(struct wire_region *r)
{
	free(r->used);
	free(r->user);
	r->used = r->user = NULL;
	r->nr_used = r->cap_used = r->nr_user = r->cap_user = 0;
	pthread_mutex_destroy(&r->lock);
}

void wire_region_set_slice(struct wire_region *r, uint64_t lo, uint64_t len)
{
	pthread_mutex_lock(&r->lock);
	r->lo = lo;
	r->hi = lo + len;
	pthread_mutex_unlock(&r->lock);
}

static uint64_t align_up(uint64_t v)
{
	return (v + WIRE_REGION_ALIGN - 1) & ~(uint64_t)(WIRE_REGION_ALIGN - 1);
}

/* Walk the gaps of [lo, hi) between used slots; returns the first gap of
 * at least `len` bytes (its index in *at), or the largest in *largest. */
static uint64_t find_gap(struct wire_region *r, uint64_t len, size_t *at,
			 uint64_t *largest)
{
	uint64_t start = align_up(r->lo);

	*largest = 0;
	for (size_t i = 0; i <= r->nr_used; i++) {
		uint64_t end = i < r->nr_used ? r->used[i].off : r->hi;
		uint64_t u_end;

		if (end > r->hi)
			end = r->hi;
		if (end > start) {
			if (end - start >= len && len) {
				*at = i;
				return start;
			}
			if (end - start > *largest)
				*largest = end - start;
		}
		if (i < r->nr_used) {
			u_end = align_up(r->used[i].off + r->used[i].len);
			if (u_end > start)
				start = u_end;
		}
	}
	return UINT64_MAX;
}

uint64_t wire_region_alloc(struct wire_region *r, uint64_t len)
{
	uint64_t off, largest;
	size_t at = 0;

	if (len == 0 || len > r->size)
		return UINT64_MAX;
	pthread_mutex_lock(&r->lock);
	off = find_gap(r, len, &at, &largest);
	if (off != UINT64_MAX && r->nr_used == r->cap_used) {
		size_t cap = r->cap_used ? 2 * r->cap_used : 16;
		struct wire_extent *g = realloc(r->used, cap * sizeof(*g));

		if (!g)
			off = UINT64_MAX;
		else {
			r->used = g;
			r->cap_used = cap;
		}
	}
	if (off != UINT64_MAX) {
		memmove(&r->used[at + 1], &r->used[at],
			(r->nr_used - at) * sizeof(*r->used));
		r->used[at] = (struct wire_extent){off, len};
		r->nr_used++;
	}
	pthread_mutex_unlock(&r->lock);
	return off;
}

void wire_region_free(struct wire_region *r, uint64_t off)
{
	pthread_mutex_lock(&r->lock);
	for (size_t i = 0; i < r->nr_used; i++) {
		if (r->used[i].off != off)
			continue;
		memmove(&r->used[i], &r->used[i + 1],
			(r->nr_used - i - 1) * sizeof(*r->used));
		r->nr_used--;
		break;
	}
	pthread_mutex_unlock(&r->lock);
}

uint64_t wire_region_alloc_user(struct wire_region *r, uint64_t len)
{
	uint64_t off = wire_region_alloc(r, len);
	bool listed = false;

	if (off == UINT64_MAX)
		return off;
	/* Not yet handed out, so no call can name it before it is listed. */
	pthread_mutex_lock(&r->lock);
	if (r->nr_user == r->cap_user) {
		size_t cap = r->cap_user ? 2 * r->cap_user : 16;
		struct wire_extent *g = realloc(r->user, cap * sizeof(*g));

		if (g) {
			r->user = g;
			r->cap_user = cap;
		}
	}
	if (r->nr_user < r->cap_user) {
		r->user[r->nr_user++] = (struct wire_extent){off, len};
		listed = true;
	}
	pthread_mutex_unlock(&r->lock);
	if (!listed) {
		wire_region_free(r, off);
		return UINT64_MAX;
	}
	return off;
}

bool wire_region_free_user(struct wire_region *r, uint64_t off)
{
	bool found = false;

	pthread_mutex_lock(&r->lock);
	for (size_t i = 0; i < r->nr_user; i++) {
		if (r->user[i].off != off)
			continue;
		r->user[i] = r->user[--r->nr_user];
		found = true;
		break;
	}
	pthread_mutex_unlock(&r->lock);
	if (found)
		wire_region_free(r, off);
	return found;
}

bool wire_region_user_covers(struct wire_region *r, uint64_t off, uint64_t len)
{
	bool ok = false;

	pthread_mutex_lock(&r->lock);
	for (size_t i = 0; !ok && i < r->nr_user; i++) {
		const struct wire_extent *e = &r->user[i];

		ok = off >= e->off && off - e->off <= e->len &&
		     len <= e->len - (off - e->off);
	}
	ok = ok && wire_region_check(r, off, len);
	pthread_mutex_unlock(&r->lock);
	return ok;
}

bool wire_region_check(const struct wire_region *r, uint64_t off, uint64_t len)
{
	return off >= r->lo && off <= r->hi && len <= r->hi - off;
}

uint64_t wire_region_largest_free(struct wire_region *r)
{
	uint64_t largest;
	size_t at;

	pthread_mutex_lock(&r->lock);
	find_gap(r, 0, &at, &largest);
	pthread_mutex_unlock(&r->lock);
	return largest;
}

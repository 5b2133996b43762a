#pragma once

/*
 * A shared-memory region for large parameters (docs/protocol.md "Shared
 * memory"): a mapping both sides see, of which this connection may use the
 * slice [lo, hi). The client reserves slots in its slice with
 * wire_region_alloc (thread-safe: concurrent calls never get overlapping
 * slots; a full region gives UINT64_MAX and the caller sends inline); the
 * agent only checks references against the slice (wire_region_check).
 *
 * Offsets are from the start of the mapping (the whole memfd, or the whole
 * ivshmem BAR), so a reference means the same bytes on both sides.
 */

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

/* Slot alignment: a cache line, and enough for any element type. */
#define WIRE_REGION_ALIGN 64u
/* Agents refuse references that are not aligned to this. */
#define WIRE_REF_ALIGN 8u
/* At most this many references in one call (each direction). */
#define WIRE_MAX_REFS 64

struct wire_extent {
	uint64_t off, len;
};

struct wire_region {
	uint8_t *base;
	uint64_t size;
	uint64_t lo, hi; /* this connection's slice */
	pthread_mutex_t lock;
	struct wire_extent *used; /* sorted by offset */
	size_t nr_used, cap_used;
	/* The slots among `used` that callers hold (vaccel_shared_alloc):
	 * calls pass arrays inside them by reference, without copying. */
	struct wire_extent *user;
	size_t nr_user, cap_user;
};

/* A region over `size` bytes at `base`, the slice being all of it. */
void wire_region_init(struct wire_region *r, void *base, uint64_t size);
void wire_region_fini(struct wire_region *r);
/* Allocate only inside [lo, lo + len) from now on (an ivshmem lease). */
void wire_region_set_slice(struct wire_region *r, uint64_t lo, uint64_t len);
/* A free slot of `len` bytes in the slice (first fit), or UINT64_MAX. */
uint64_t wire_region_alloc(struct wire_region *r, uint64_t len);
/* Free the slot that starts at `off` (from wire_region_alloc). */
void wire_region_free(struct wire_region *r, uint64_t off);
/* A slot held by a caller until wire_region_free_user (UINT64_MAX: full). */
uint64_t wire_region_alloc_user(struct wire_region *r, uint64_t len);
/* Free a caller's slot; false when `off` starts none. */
bool wire_region_free_user(struct wire_region *r, uint64_t off);
/* Whether [off, off + len) lies inside one caller's slot and the slice. */
bool wire_region_user_covers(struct wire_region *r, uint64_t off, uint64_t len);
/* Whether [off, off + len) lies inside the slice (overflow-safe). */
bool wire_region_check(const struct wire_region *r, uint64_t off, uint64_t len);
/* The largest free extent of the slice. */
uint64_t wire_region_largest_free(struct wire_region *r);

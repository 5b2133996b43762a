/* Shared-memory references of the marshaller (marshal.h, docs/protocol.md
 * "Shared memory"). The agent never trusts a reference: each must lie
 * inside the connection's slice, be aligned, and not overlap another
 * reference of the same call (an output written over an input, or two
 * outputs over each other, would hand the backend aliased buffers). */

#include "marshal.h"

#include <string.h>

void wire_shm_release(struct wire_shm *s)
{
	if (!s || !s->region)
		return;
	for (unsigned int i = 0; i < s->nr_refs; i++)
		wire_region_free(s->region, s->refs[i].off);
	s->nr_refs = 0;
	s->nr_user_refs = 0;
	s->has_arena = false;
}

bool wire_shm_put(struct wire_shm *s, const void *src, uint64_t bytes,
		  uint64_t *off)
{
	if (!s || !s->region || bytes < s->min_bytes || bytes == 0 ||
	    s->nr_refs + s->nr_user_refs >= WIRE_MAX_REFS)
		return false;
	*off = wire_region_alloc(s->region, bytes);
	if (*off == UINT64_MAX)
		return false;
	s->refs[s->nr_refs++] = (struct wire_extent){*off, bytes};
	/* The payload is in place before the frame that names it is sent
	 * (the send is a system call: a full barrier). */
	if (src)
		memcpy(s->region->base + *off, src, (size_t)bytes);
	return true;
}

static bool overlaps(const struct wire_extent *e, unsigned int n, uint64_t off,
		     uint64_t len)
{
	for (unsigned int i = 0; i < n; i++)
		if (off < e[i].off + e[i].len && e[i].off < off + len)
			return true;
	return false;
}

bool wire_shm_user_ref(struct wire_shm *s, const void *p, uint64_t bytes,
		       uint64_t *off)
{
	if (!s || !s->region || bytes == 0 ||
	    s->nr_refs + s->nr_user_refs >= WIRE_MAX_REFS ||
	    !wire_shm_offset_of(s, p, bytes, off) || *off % WIRE_REF_ALIGN ||
	    !wire_region_user_covers(s->region, *off, bytes) ||
	    overlaps(s->user_refs, s->nr_user_refs, *off, bytes) ||
	    overlaps(s->refs, s->nr_refs, *off, bytes))
		return false;
	s->user_refs[s->nr_user_refs++] = (struct wire_extent){*off, bytes};
	return true;
}

void *wire_shm_ref(struct wire_in *in, struct wire_shm *s, uint64_t off,
		   uint64_t len, const char *what)
{
	if (!s || !s->region) {
		wire_fail(in,
			  "%s: a shared-memory reference (offset %llu) but no "
			  "region is attached",
			  what, (unsigned long long)off);
		return NULL;
	}
	if (off % WIRE_REF_ALIGN) {
		wire_fail(in,
			  "%s: shared-memory offset %llu is not a multiple of "
			  "%u",
			  what, (unsigned long long)off, WIRE_REF_ALIGN);
		return NULL;
	}
	if (!wire_region_check(s->region, off, len)) {
		wire_fail(in,
			  "%s: shared-memory offset %llu + length %llu is "
			  "outside this connection's region [%llu, %llu)",
			  what, (unsigned long long)off,
			  (unsigned long long)len,
			  (unsigned long long)s->region->lo,
			  (unsigned long long)s->region->hi);
		return NULL;
	}
	for (unsigned int i = 0; i < s->nr_refs; i++) {
		const struct wire_extent *e = &s->refs[i];

		/* Both lie inside the slice, so off + len cannot wrap. */
		if (len && e->len && off < e->off + e->len &&
		    e->off < off + len) {
			wire_fail(in,
				  "%s: shared-memory range [%llu, +%llu) "
				  "overlaps [%llu, +%llu) of the same call",
				  what, (unsigned long long)off,
				  (unsigned long long)len,
				  (unsigned long long)e->off,
				  (unsigned long long)e->len);
			return NULL;
		}
	}
	if (s->nr_refs >= WIRE_MAX_REFS) {
		wire_fail(in, "%s: more than %d shared-memory references", what,
			  WIRE_MAX_REFS);
		return NULL;
	}
	s->refs[s->nr_refs++] = (struct wire_extent){off, len};
	return s->region->base + off;
}

const void *wire_shm_reply_ref(struct wire_in *in, struct wire_shm *s,
			       uint64_t off, uint64_t len, const char *what)
{
	unsigned int n = s && s->region ? s->nr_refs + s->nr_user_refs : 0;

	for (unsigned int i = 0; i < n; i++) {
		const struct wire_extent *e =
		    i < s->nr_refs ? &s->refs[i]
				   : &s->user_refs[i - s->nr_refs];

		if (off >= e->off && off - e->off <= e->len &&
		    len <= e->len - (off - e->off))
			return s->region->base + off;
	}
	wire_fail(in,
		  "%s: the agent referred to shared memory [%llu, +%llu) "
		  "outside this call's slots",
		  what, (unsigned long long)off, (unsigned long long)len);
	return NULL;
}

bool wire_shm_field_ok(const struct vaccel_field_desc *f)
{
	switch (f->type) {
	case VACCEL_SCALAR_BYTE:
	case VACCEL_SCALAR_CHAR:
	case VACCEL_SCALAR_UCHAR:
	case VACCEL_SCALAR_U8:
	case VACCEL_SCALAR_I8:
		return true;
	default:
		return false;
	}
}

bool wire_shm_offset_of(const struct wire_shm *s, const void *p, uint64_t len,
			uint64_t *off)
{
	const uint8_t *b;

	if (!s || !s->region || !p)
		return false;
	b = s->region->base;
	if ((const uint8_t *)p < b + s->region->lo ||
	    (const uint8_t *)p >= b + s->region->hi)
		return false;
	*off = (uint64_t)((const uint8_t *)p - b);
	return wire_region_check(s->region, *off, len);
}

/* Copied from c/wire/marshal_struct.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Structs on the wire: every field walked from its descriptor. Scalars
 * first (so array counts are known before the arrays), then arrays and
 * strings in field order; `local` fields never travel. */

#include "marshal.h"
#include "vaccel/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *field_at(const void *obj, const struct vaccel_field_desc *f)
{
	return (uint8_t *)obj + f->offset;
}

/* The element count of ARRAY field `f`: its count field's value, or -1. */
static long long array_count(const struct vaccel_struct_desc *s,
			     const void *obj, const struct vaccel_field_desc *f)
{
	const struct vaccel_field_desc *c = &s->fields[f->count_field];

	return vaccel_param_int(c->type, field_at(obj, c));
}

/* count * elem_size in bytes, or false when it does not fit. */
static bool array_bytes(long long count, size_t elem, uint64_t *bytes)
{
	if (count < 0)
		return false;
	if (elem && (unsigned long long)count > UINT64_MAX / elem)
		return false;
	*bytes = (uint64_t)count * elem;
	return *bytes <= SIZE_MAX;
}

/* Agent: copy an output array into the client's reserved slot when it
 * fits; false: it goes inline. */
static bool arena_put(struct wire_shm *shm, const void *src, uint64_t bytes,
		      uint64_t *off)
{
	uint64_t at;

	if (!shm || !shm->has_arena || bytes < shm->min_bytes || !bytes)
		return false;
	at = (shm->arena_used + WIRE_REF_ALIGN - 1) &
	     ~(uint64_t)(WIRE_REF_ALIGN - 1);
	if (at > shm->arena_len || bytes > shm->arena_len - at)
		return false;
	*off = shm->arena_off + at;
	memcpy(shm->region->base + *off, src, (size_t)bytes);
	shm->arena_used = at + bytes;
	return true;
}

int wire_encode_struct(struct wire_out *o, const struct vaccel_struct_desc *s,
		       const void *obj, struct wire_shm *shm, bool agent,
		       const char *what, char *err, size_t errlen)
{
	for (uint32_t i = 0; i < s->nr_fields; i++) {
		const struct vaccel_field_desc *f = &s->fields[i];

		if (f->kind == VACCEL_FIELD_SCALAR &&
		    !(f->flags & VACCEL_FIELD_LOCAL))
			wire_put(o, field_at(obj, f), f->elem_size);
	}
	for (uint32_t i = 0; i < s->nr_fields; i++) {
		const struct vaccel_field_desc *f = &s->fields[i];
		const void *ptr;
		uint64_t bytes;
		long long n;

		if (f->flags & VACCEL_FIELD_LOCAL)
			continue;
		if (f->kind == VACCEL_FIELD_STRING) {
			wire_put_str(o, *(char *const *)field_at(obj, f));
			continue;
		}
		if (f->kind != VACCEL_FIELD_ARRAY)
			continue;
		ptr = *(void *const *)field_at(obj, f);
		n = array_count(s, obj, f);
		if (!array_bytes(n, f->elem_size, &bytes)) {
			snprintf(err, errlen,
				 "%s: %s.%s has an invalid count %lld", what,
				 s->name, f->name, n);
			return VACCEL_EINVAL;
		}
		if (!ptr) {
			if (bytes) {
				snprintf(err, errlen,
					 "%s: %s.%s is NULL with count %lld",
					 what, s->name, f->name, n);
				return VACCEL_EINVAL;
			}
			wire_put_u8(o, 0);
			continue;
		}
		if (wire_shm_field_ok(f)) {
			uint64_t off;
			bool in_region =
			    agent ? arena_put(shm, ptr, bytes, &off)
				  : wire_shm_put(shm, ptr, bytes, &off);

			if (in_region) {
				wire_put_u8(o, 2);
				wire_put_u64(o, off);
				continue;
			}
		}
		wire_put_u8(o, 1);
		wire_pad(o);
		wire_put_ref(o, ptr, (size_t)bytes);
	}
	return o->err;
}

static bool decode_scalar(struct wire_in *in, const struct vaccel_field_desc *f,
			  void *dst, const char *what)
{
	if (!wire_get(in, dst, f->elem_size, what))
		return false;
	/* A bool holds 0 or 1, whatever byte the peer sent. */
	if (f->type == VACCEL_SCALAR_BOOL)
		*(uint8_t *)dst = *(uint8_t *)dst != 0;
	return true;
}

static bool decode_string(struct wire_in *in, char **dst, bool heap,
			  struct wire_call *call, const char *what)
{
	uint32_t n;
	const char *p;

	*dst = NULL;
	if (!wire_get_u32(in, &n, what))
		return false;
	if (n == WIRE_STR_NULL)
		return true;
	p = wire_view(in, n, what);
	if (!p)
		return false;
	if (memchr(p, '\0', n))
		return wire_fail(in, "%s: a string holds a NUL byte", what);
	*dst = heap ? malloc((size_t)n + 1) : wire_call_alloc(call, n + 1);
	if (!*dst)
		return wire_fail(in, "%s: out of memory for %u bytes", what,
				 n + 1);
	memcpy(*dst, p, n);
	(*dst)[n] = '\0';
	return true;
}

bool wire_decode_struct(struct wire_in *in, const struct vaccel_struct_desc *s,
			void *obj, bool heap, struct wire_call *call,
			struct wire_shm *shm, const char *what)
{
	for (uint32_t i = 0; i < s->nr_fields; i++) {
		const struct vaccel_field_desc *f = &s->fields[i];

		if (f->kind == VACCEL_FIELD_SCALAR &&
		    !(f->flags & VACCEL_FIELD_LOCAL) &&
		    !decode_scalar(in, f, field_at(obj, f), what))
			return false;
	}
	for (uint32_t i = 0; i < s->nr_fields; i++) {
		const struct vaccel_field_desc *f = &s->fields[i];
		void **dst = field_at(obj, f);
		const void *view;
		uint64_t bytes;
		uint8_t present;
		long long n;

		if (f->flags & VACCEL_FIELD_LOCAL)
			continue;
		if (f->kind == VACCEL_FIELD_STRING) {
			if (!decode_string(in, (char **)dst, heap, call, what))
				return false;
			continue;
		}
		if (f->kind != VACCEL_FIELD_ARRAY)
			continue;
		n = array_count(s, obj, f);
		if (!array_bytes(n, f->elem_size, &bytes))
			return wire_fail(in,
					 "%s: %s.%s has an invalid count %lld",
					 what, s->name, f->name, n);
		if (!wire_get_u8(in, &present, what))
			return false;
		if (!present) {
			if (bytes)
				return wire_fail(
				    in, "%s: %s.%s is NULL with count %lld",
				    what, s->name, f->name, n);
			continue;
		}
		if (present == 2 && wire_shm_field_ok(f)) {
			/* A reference into the shared region. */
			uint64_t off;

			if (!wire_get_u64(in, &off, what))
				return false;
			view =
			    heap ? wire_shm_reply_ref(in, shm, off, bytes, what)
				 : wire_shm_ref(in, shm, off, bytes, what);
			if (!view)
				return false;
		} else if (present != 1) {
			return wire_fail(in, "%s: %s.%s: bad presence byte %u",
					 what, s->name, f->name, present);
		} else {
			if (!wire_skip_pad(in, what))
				return false;
			view = wire_view(in, bytes, what);
			if (!view)
				return false;
		}
		if (!heap) {
			/* The agent owns the message buffer: a view is as
			 * writable as a copy. A region view is the client's
			 * input, handed to the backend in place. */
			*dst = (void *)view;
			continue;
		}
		*dst = malloc(bytes ? (size_t)bytes : 1);
		if (!*dst)
			return wire_fail(in, "%s: out of memory for %llu bytes",
					 what, (unsigned long long)bytes);
		memcpy(*dst, view, (size_t)bytes);
		if (f->owner_field >= 0)
			*(bool *)field_at(obj, &s->fields[f->owner_field]) =
			    true;
	}
	return true;
}

void wire_struct_free_heap(const struct vaccel_struct_desc *s, void *obj)
{
	for (uint32_t i = 0; i < s->nr_fields; i++) {
		const struct vaccel_field_desc *f = &s->fields[i];
		void **p = field_at(obj, f);

		if (f->kind == VACCEL_FIELD_SCALAR ||
		    (f->flags & VACCEL_FIELD_LOCAL))
			continue;
		free(*p);
		*p = NULL;
		if (f->owner_field >= 0)
			*(bool *)field_at(obj, &s->fields[f->owner_field]) =
			    false;
	}
}

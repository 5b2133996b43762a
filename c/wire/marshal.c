/* Op parameters on the wire, walked from the op descriptors (see
 * marshal.h and docs/protocol.md "Encoding of parameters"). */

#include "marshal.h"
#include "vaccel/error.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* On the supported hosts these C types have their wire widths, so scalars
 * travel as they lie in memory. */
_Static_assert(sizeof(size_t) == 8, "size_t travels as u64");
_Static_assert(sizeof(int) == 4, "int travels as i32");
_Static_assert(sizeof(bool) == 1, "bool travels as u8");

struct wire_block {
	struct wire_block *next;
	alignas(max_align_t) uint8_t data[];
};

void *wire_call_alloc(struct wire_call *call, size_t size)
{
	struct wire_block *b = calloc(1, sizeof(*b) + size);

	if (!b)
		return NULL;
	b->next = call->blocks;
	call->blocks = b;
	return b->data;
}

static bool is_in(const struct vaccel_param_desc *p)
{
	return p->dir & VACCEL_PARAM_IN;
}

static bool is_out(const struct vaccel_param_desc *p)
{
	return p->dir & VACCEL_PARAM_OUT;
}

/* A single value returned through a pointer (minmax's min, tflite's
 * status byte). It travels both ways, so the caller's value is what comes
 * back when the op leaves it alone, and it comes back after a failure too
 * (a status is set exactly then). */
static bool single_out(const struct vaccel_param_desc *p)
{
	return p->kind == VACCEL_PARAM_BUFFER && is_out(p) && p->count[0] < 0 &&
	       p->count_const == 1;
}

/* Whether the bytes of parameter `p` travel in the request. */
static bool sends_bytes(const struct vaccel_param_desc *p)
{
	return is_in(p) || single_out(p);
}

/* The element type's layout for STRUCT, STRUCT_PTRS and ARGS parameters. */
static const struct vaccel_struct_desc *
elem_struct(wire_struct_desc_fn sd, const struct vaccel_param_desc *p)
{
	return sd(p->type);
}

static bool checked_bytes(long long n, size_t elem, uint64_t *bytes)
{
	if (n < 0 || (elem && (unsigned long long)n > SIZE_MAX / elem))
		return false;
	*bytes = (uint64_t)n * elem;
	return true;
}

/* ---- client: request ---------------------------------------------- */

static int encode_param(struct wire_out *o, const struct vaccel_op_desc *d,
			void **argv, unsigned int i, const int64_t *handles,
			wire_struct_desc_fn sd, struct wire_shm *shm, char *err,
			size_t errlen)
{
	const struct vaccel_param_desc *p = &d->params[i];
	const struct vaccel_struct_desc *s = NULL;
	void *ptr;
	long long n;
	uint64_t bytes, off;

	switch (p->kind) {
	case VACCEL_PARAM_SESSION:
	case VACCEL_PARAM_RESOURCE:
		wire_put_u64(o, (uint64_t)handles[i]);
		return VACCEL_OK;
	case VACCEL_PARAM_SCALAR:
		wire_put(o, argv[i], p->elem_size);
		return VACCEL_OK;
	case VACCEL_PARAM_STRING:
		wire_put_str(o, *(const char **)argv[i]);
		return VACCEL_OK;
	default:
		break;
	}
	ptr = *(void **)argv[i];
	n = vaccel_param_count(d, i, argv);
	if (!checked_bytes(n, p->elem_size, &bytes)) {
		snprintf(err, errlen, "%s: the count of '%s' is invalid (%lld)",
			 d->fn_name, p->name, n);
		return VACCEL_EINVAL;
	}
	if (!ptr) {
		wire_put_u8(o, 0);
		return VACCEL_OK;
	}
	/* Large buffers: a slot in the shared region (inputs copied there,
	 * outputs written there by the agent); none needed when the caller's
	 * array already lies in one of its own slots (vaccel_shared_alloc). */
	if (p->kind == VACCEL_PARAM_BUFFER &&
	    (wire_shm_user_ref(shm, ptr, bytes, &off) ||
	     wire_shm_put(shm, sends_bytes(p) ? ptr : NULL, bytes, &off))) {
		wire_put_u8(o, 2);
		wire_put_u64(o, (uint64_t)n);
		wire_put_u64(o, off);
		return VACCEL_OK;
	}
	/* Callee-owned outputs: a slot the agent copies their bytes into. */
	if (p->kind == VACCEL_PARAM_STRUCT_PTRS && !is_in(p) && shm &&
	    !shm->has_arena && shm->arena_want) {
		/* As large as the call's inputs in the region (outputs
		 * are often the size of the inputs), at least arena_want. */
		uint64_t want = shm->arena_want, inputs = 0;

		for (unsigned int k = 0; k < shm->nr_refs; k++)
			inputs += shm->refs[k].len;
		if (inputs > want && wire_shm_put(shm, NULL, inputs, &off))
			want = inputs;
		else if (!wire_shm_put(shm, NULL, want, &off))
			want = 0;
		if (want) {
			shm->has_arena = true;
			wire_put_u8(o, 2);
			wire_put_u64(o, (uint64_t)n);
			wire_put_u64(o, off);
			wire_put_u64(o, want);
			return VACCEL_OK;
		}
	}
	wire_put_u8(o, 1);
	wire_put_u64(o, (uint64_t)n);
	if (!sends_bytes(p))
		return VACCEL_OK;
	if (p->kind == VACCEL_PARAM_BUFFER) {
		wire_pad(o);
		wire_put_ref(o, ptr, (size_t)bytes);
		return VACCEL_OK;
	}
	s = elem_struct(sd, p);
	if (!s) {
		snprintf(err, errlen, "%s: no layout for the structs of '%s'",
			 d->fn_name, p->name);
		return VACCEL_EINVAL;
	}
	for (long long k = 0; k < n; k++) {
		const void *obj;
		int ret;

		if (p->kind == VACCEL_PARAM_STRUCT_PTRS) {
			obj = ((void *const *)ptr)[k];
			wire_put_u8(o, obj != NULL);
			if (!obj)
				continue;
		} else {
			obj = (const uint8_t *)ptr + (size_t)k * s->size;
		}
		ret = wire_encode_struct(o, s, obj, shm, false, d->fn_name, err,
					 errlen);
		if (ret)
			return ret;
	}
	return VACCEL_OK;
}

int wire_encode_request(struct wire_out *o, const struct vaccel_op_desc *d,
			void **argv, const int64_t *handles,
			wire_struct_desc_fn sd, struct wire_shm *shm, char *err,
			size_t errlen)
{
	for (unsigned int i = 0; i < d->nr_params; i++) {
		int ret =
		    encode_param(o, d, argv, i, handles, sd, shm, err, errlen);

		if (ret)
			return ret;
	}
	if (o->err)
		snprintf(err, errlen, "%s: cannot encode the request (%s)",
			 d->fn_name,
			 o->err == VACCEL_ENOMEM ? "out of memory"
						 : "a string is too long");
	return o->err;
}

/* ---- agent: request ----------------------------------------------- */

/* Parameter i sent a region reference (presence byte 2): a buffer's
 * bytes, or the slot for callee-owned outputs. */
static bool decode_ref(struct wire_in *in, struct wire_call *call,
		       unsigned int i, uint64_t bytes)
{
	const struct vaccel_param_desc *p = &call->desc->params[i];
	uint64_t off, len;

	if (!wire_get_u64(in, &off, p->name))
		return false;
	if (p->kind == VACCEL_PARAM_BUFFER) {
		call->slots[i].ptr =
		    wire_shm_ref(in, &call->shm, off, bytes, p->name);
		return call->slots[i].ptr != NULL;
	}
	if (p->kind != VACCEL_PARAM_STRUCT_PTRS || is_in(p) ||
	    call->shm.has_arena)
		return wire_fail(in,
				 "'%s': a shared-memory reference (offset "
				 "%llu) is not allowed here",
				 p->name, (unsigned long long)off);
	if (!wire_get_u64(in, &len, p->name) ||
	    !wire_shm_ref(in, &call->shm, off, len, p->name))
		return false;
	call->shm.arena_off = off;
	call->shm.arena_len = len;
	call->shm.arena_used = 0;
	call->shm.has_arena = true;
	return true;
}

static bool decode_array(struct wire_in *in, struct wire_call *call,
			 unsigned int i, uint64_t *sent)
{
	const struct vaccel_op_desc *d = call->desc;
	const struct vaccel_param_desc *p = &d->params[i];
	const struct vaccel_struct_desc *s = NULL;
	uint8_t present;
	uint64_t n, bytes;
	void *arr;
	size_t size;

	if (!wire_get_u8(in, &present, p->name))
		return false;
	if (present > 2)
		return wire_fail(in, "'%s': bad presence byte %u", p->name,
				 present);
	call->slots[i].ptr = NULL;
	*sent = UINT64_MAX; /* NULL */
	if (!present)
		return true;
	if (!wire_get_u64(in, &n, p->name))
		return false;
	if (n > (uint64_t)LLONG_MAX ||
	    !checked_bytes((long long)n, p->elem_size, &bytes))
		return wire_fail(in, "'%s': count %llu is too large", p->name,
				 (unsigned long long)n);
	*sent = n;
	if (present == 2 && !decode_ref(in, call, i, bytes))
		return false;
	if (present == 2 && p->kind == VACCEL_PARAM_BUFFER)
		return true;
	if (p->kind == VACCEL_PARAM_BUFFER) {
		if (sends_bytes(p)) {
			if (!wire_skip_pad(in, p->name))
				return false;
			call->slots[i].ptr =
			    (void *)wire_view(in, bytes, p->name);
			return call->slots[i].ptr != NULL;
		}
		/* An output: room for what the caller's buffer holds. More
		 * than the message itself needs a reason (limits). */
		if (call->alloc_left < bytes)
			return wire_fail(
			    in,
			    "'%s': an output of %llu bytes is over "
			    "the limit",
			    p->name, (unsigned long long)bytes);
		call->alloc_left -= bytes;
		call->slots[i].ptr = wire_call_alloc(call, (size_t)bytes);
		if (!call->slots[i].ptr)
			return wire_fail(in, "'%s': out of memory", p->name);
		return true;
	}
	s = elem_struct(call->struct_desc, p);
	if (!s)
		return wire_fail(in, "'%s': no layout for its structs",
				 p->name);
	size = p->kind == VACCEL_PARAM_STRUCT_PTRS ? sizeof(void *) : s->size;
	if (!checked_bytes((long long)n, size, &bytes) ||
	    call->alloc_left < bytes)
		return wire_fail(in, "'%s': %llu elements are over the limit",
				 p->name, (unsigned long long)n);
	call->alloc_left -= bytes;
	arr = wire_call_alloc(call, bytes ? (size_t)bytes : 1);
	if (!arr)
		return wire_fail(in, "'%s': out of memory", p->name);
	call->slots[i].ptr = arr;
	if (!is_in(p))
		return true;
	for (uint64_t k = 0; k < n; k++) {
		void *obj = (uint8_t *)arr + k * s->size;

		if (p->kind == VACCEL_PARAM_STRUCT_PTRS) {
			uint8_t nonnull;

			if (!wire_get_u8(in, &nonnull, p->name))
				return false;
			if (!nonnull) {
				((void **)arr)[k] = NULL;
				continue;
			}
			if (call->alloc_left < s->size)
				return wire_fail(in, "'%s': over the limit",
						 p->name);
			call->alloc_left -= s->size;
			obj = wire_call_alloc(call, s->size);
			if (!obj)
				return wire_fail(in, "'%s': out of memory",
						 p->name);
			((void **)arr)[k] = obj;
		}
		if (!wire_decode_struct(in, s, obj, false, call, &call->shm,
					p->name))
			return false;
	}
	return true;
}

int wire_decode_request(struct wire_in *in, const struct vaccel_op_desc *d,
			wire_struct_desc_fn sd, struct wire_call *call)
{
	uint64_t *sent;

	call->desc = d;
	call->struct_desc = sd;
	call->blocks = NULL;
	call->shm.nr_refs = 0;
	call->shm.has_arena = false;
	call->argv = wire_call_alloc(call, d->nr_params * sizeof(void *));
	call->slots =
	    wire_call_alloc(call, d->nr_params * sizeof(*call->slots));
	call->handles = wire_call_alloc(call, d->nr_params * sizeof(int64_t));
	sent = wire_call_alloc(call, d->nr_params * sizeof(uint64_t));
	if (!call->argv || !call->slots || !call->handles || !sent) {
		wire_fail(in, "out of memory");
		goto fail;
	}
	for (unsigned int i = 0; i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];
		uint64_t v;

		call->argv[i] = &call->slots[i];
		switch (p->kind) {
		case VACCEL_PARAM_SESSION:
		case VACCEL_PARAM_RESOURCE:
			if (!wire_get_u64(in, &v, p->name))
				goto fail;
			call->handles[i] = (int64_t)v;
			break;
		case VACCEL_PARAM_SCALAR:
			if (p->elem_size > sizeof(call->slots[i]) ||
			    !wire_get(in, call->slots[i].bytes, p->elem_size,
				      p->name))
				goto fail;
			if (p->type == VACCEL_SCALAR_BOOL)
				call->slots[i].bytes[0] =
				    call->slots[i].bytes[0] != 0;
			break;
		case VACCEL_PARAM_STRING: {
			uint32_t n;
			const char *s;
			char *copy;

			if (!wire_get_u32(in, &n, p->name))
				goto fail;
			call->slots[i].ptr = NULL;
			if (n == WIRE_STR_NULL)
				break;
			s = wire_view(in, n, p->name);
			if (!s)
				goto fail;
			if (memchr(s, '\0', n)) {
				wire_fail(in, "'%s' holds a NUL byte", p->name);
				goto fail;
			}
			copy = wire_call_alloc(call, (size_t)n + 1);
			if (!copy) {
				wire_fail(in, "'%s': out of memory", p->name);
				goto fail;
			}
			memcpy(copy, s, n);
			call->slots[i].ptr = copy;
			break;
		}
		default:
			if (!decode_array(in, call, i, &sent[i]))
				goto fail;
			break;
		}
	}
	if (in->pos != in->len) {
		wire_fail(in, "%llu bytes after the last parameter",
			  (unsigned long long)(in->len - in->pos));
		goto fail;
	}
	/* Every array must hold exactly what its count parameters say:
	 * the op reads that many elements. */
	for (unsigned int i = 0; i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];
		long long want;

		if (p->kind < VACCEL_PARAM_BUFFER || sent[i] == UINT64_MAX)
			continue;
		want = vaccel_param_count(d, i, call->argv);
		if (want < 0 || (uint64_t)want != sent[i]) {
			wire_fail(in,
				  "'%s' holds %llu elements; its count says "
				  "%lld",
				  p->name, (unsigned long long)sent[i], want);
			goto fail;
		}
	}
	return VACCEL_OK;
fail:
	/* Nothing ran, so the outputs hold nothing to release; and their
	 * counts may be unread yet or disagree with the arrays, so freeing
	 * by them would read past the arrays. Only the memory goes. */
	call->slots = NULL;
	wire_call_free(call);
	return VACCEL_EINVAL;
}

/* ---- agent: reply ------------------------------------------------- */

static void encode_arrays_back(struct wire_out *o,
			       const struct vaccel_struct_desc *s,
			       const void *obj)
{
	for (uint32_t f = 0; f < s->nr_fields; f++) {
		const struct vaccel_field_desc *fd = &s->fields[f];
		const struct vaccel_field_desc *c;
		const void *ptr;
		long long n;
		uint64_t bytes;

		if (fd->kind != VACCEL_FIELD_ARRAY ||
		    (fd->flags & VACCEL_FIELD_LOCAL))
			continue;
		c = &s->fields[fd->count_field];
		n = vaccel_param_int(c->type, (const uint8_t *)obj + c->offset);
		ptr = *(void *const *)((const uint8_t *)obj + fd->offset);
		if (!ptr || !checked_bytes(n, fd->elem_size, &bytes)) {
			wire_put_u8(o, 0);
			continue;
		}
		wire_put_u8(o, 1);
		wire_put_u64(o, bytes);
		wire_pad(o);
		wire_put_ref(o, ptr, (size_t)bytes);
	}
}

int wire_encode_reply(struct wire_out *o, struct wire_call *call, bool ok)
{
	const struct vaccel_op_desc *d = call->desc;

	for (unsigned int i = 0; i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];
		const struct vaccel_struct_desc *s;
		void *ptr;
		long long n;
		uint64_t bytes, off;
		char err[160];

		if (!is_out(p))
			continue;
		ptr = call->slots[i].ptr;
		if (!ptr ||
		    !(ok || p->kind == VACCEL_PARAM_STRUCT || single_out(p))) {
			wire_put_u8(o, 0);
			continue;
		}
		n = vaccel_param_count(d, i, call->argv);
		/* Text: only what was written, up to and with its NUL. */
		if ((p->flags & VACCEL_PARAM_TEXT) && n > 0) {
			const char *nul = memchr(ptr, '\0', (size_t)n);

			if (nul)
				n = nul - (const char *)ptr + 1;
		}
		/* Counts were checked when the request was decoded; an op
		 * that changed one gets nothing sent back for it. */
		if (!checked_bytes(n, p->elem_size, &bytes)) {
			wire_put_u8(o, 0);
			continue;
		}
		if (p->kind == VACCEL_PARAM_BUFFER &&
		    wire_shm_offset_of(&call->shm, ptr, bytes, &off)) {
			/* The op wrote into the client's slot. */
			wire_put_u8(o, 2);
			wire_put_u64(o, (uint64_t)n);
			wire_put_u64(o, off);
			continue;
		}
		wire_put_u8(o, 1);
		wire_put_u64(o, (uint64_t)n);
		if (p->kind == VACCEL_PARAM_BUFFER) {
			wire_pad(o);
			wire_put_ref(o, ptr, (size_t)bytes);
			continue;
		}
		s = elem_struct(call->struct_desc, p);
		for (long long k = 0; s && k < n; k++) {
			void *obj = p->kind == VACCEL_PARAM_STRUCT_PTRS
					? ((void **)ptr)[k]
					: (uint8_t *)ptr + (size_t)k * s->size;

			if (p->kind == VACCEL_PARAM_STRUCT_PTRS) {
				wire_put_u8(o, obj != NULL);
				if (!obj)
					continue;
			}
			if (is_in(p) && p->kind != VACCEL_PARAM_STRUCT_PTRS) {
				/* inout (exec's write args): only the
				 * bytes travel back, into the caller's
				 * buffers. */
				encode_arrays_back(o, s, obj);
				continue;
			}
			if (wire_encode_struct(o, s, obj, &call->shm, true,
					       d->fn_name, err, sizeof(err)))
				return VACCEL_EINVAL;
		}
	}
	return o->err;
}

void wire_call_free(struct wire_call *call)
{
	const struct vaccel_op_desc *d = call->desc;

	/* What the op handed back: callee-owned objects and the contents
	 * of out structs (a status message). */
	for (unsigned int i = 0; d && call->slots && i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];
		const struct vaccel_struct_desc *s;
		void *ptr = call->slots[i].ptr;
		long long n;

		if (!is_out(p) || is_in(p) || !ptr ||
		    (p->kind != VACCEL_PARAM_STRUCT &&
		     p->kind != VACCEL_PARAM_STRUCT_PTRS))
			continue;
		s = elem_struct(call->struct_desc, p);
		n = vaccel_param_count(d, i, call->argv);
		for (long long k = 0; s && k < n; k++) {
			if (p->kind == VACCEL_PARAM_STRUCT_PTRS) {
				void *obj = ((void **)ptr)[k];

				if (obj && s->destroy)
					s->destroy(obj);
			} else if (s->release) {
				s->release((uint8_t *)ptr +
					   (size_t)k * s->size);
			}
		}
	}
	while (call->blocks) {
		struct wire_block *next = call->blocks->next;

		free(call->blocks);
		call->blocks = next;
	}
	call->argv = NULL;
	call->slots = NULL;
	call->handles = NULL;
}

/* ---- client: reply ------------------------------------------------ */

static bool decode_arrays_back(struct wire_in *in,
			       const struct vaccel_struct_desc *s, void *obj,
			       const char *what)
{
	for (uint32_t f = 0; f < s->nr_fields; f++) {
		const struct vaccel_field_desc *fd = &s->fields[f];
		const struct vaccel_field_desc *c;
		uint8_t present;
		uint64_t bytes, have = 0;
		const void *view;
		void *dst;

		if (fd->kind != VACCEL_FIELD_ARRAY ||
		    (fd->flags & VACCEL_FIELD_LOCAL))
			continue;
		if (!wire_get_u8(in, &present, what))
			return false;
		if (!present)
			continue;
		if (!wire_get_u64(in, &bytes, what) || !wire_skip_pad(in, what))
			return false;
		c = &s->fields[fd->count_field];
		dst = *(void **)((uint8_t *)obj + fd->offset);
		if (!checked_bytes(
			vaccel_param_int(c->type, (uint8_t *)obj + c->offset),
			fd->elem_size, &have) ||
		    bytes > have || !dst)
			return wire_fail(in,
					 "%s: %llu bytes for a buffer of %llu",
					 what, (unsigned long long)bytes,
					 (unsigned long long)have);
		view = wire_view(in, bytes, what);
		if (!view)
			return false;
		memcpy(dst, view, (size_t)bytes);
	}
	return true;
}

int wire_decode_reply(struct wire_in *in, const struct vaccel_op_desc *d,
		      void **argv, wire_struct_desc_fn sd, struct wire_shm *shm)
{
	for (unsigned int i = 0; i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];
		const struct vaccel_struct_desc *s;
		uint8_t present;
		uint64_t n, bytes;
		void *ptr = NULL;
		long long want;
		/* Slots of a pointer array this reply wrote: only those
		 * are freed on a failure (the others hold what the caller
		 * left there, not ours to free). */
		uint64_t written = 0;

		if (!is_out(p))
			continue;
		if (!wire_get_u8(in, &present, p->name))
			return VACCEL_EIO;
		if (!present)
			continue;
		if (!wire_get_u64(in, &n, p->name))
			return VACCEL_EIO;
		ptr = *(void **)argv[i];
		want = vaccel_param_count(d, i, argv);
		/* Text may come back shorter than its capacity. */
		if (p->flags & VACCEL_PARAM_TEXT && want >= 0 &&
		    n <= (uint64_t)want)
			want = (long long)n;
		if (!ptr || want < 0 || n != (uint64_t)want) {
			wire_fail(in,
				  "'%s': the agent sent %llu elements for %lld",
				  p->name, (unsigned long long)n, want);
			return VACCEL_EIO;
		}
		if (present > 2 ||
		    (present == 2 && p->kind != VACCEL_PARAM_BUFFER)) {
			wire_fail(in, "'%s': bad presence byte %u", p->name,
				  present);
			return VACCEL_EIO;
		}
		if (p->kind == VACCEL_PARAM_BUFFER) {
			const void *view;
			uint64_t off;

			if (!checked_bytes(want, p->elem_size, &bytes))
				return VACCEL_EIO;
			if (present == 2)
				view = wire_get_u64(in, &off, p->name)
					   ? wire_shm_reply_ref(in, shm, off,
								bytes, p->name)
					   : NULL;
			else
				view = wire_skip_pad(in, p->name)
					   ? wire_view(in, bytes, p->name)
					   : NULL;
			if (!view)
				return VACCEL_EIO;
			/* Written in place when it lies in a caller's slot. */
			if (view != ptr)
				memmove(ptr, view, (size_t)bytes);
			continue;
		}
		s = elem_struct(sd, p);
		if (!s) {
			wire_fail(in, "'%s': no layout for its structs",
				  p->name);
			return VACCEL_EIO;
		}
		for (uint64_t k = 0; k < n; k++) {
			void *obj;

			if (p->kind == VACCEL_PARAM_STRUCT_PTRS) {
				uint8_t nonnull;

				((void **)ptr)[k] = NULL;
				written = k + 1;
				if (!wire_get_u8(in, &nonnull, p->name))
					goto fail_ptrs;
				if (!nonnull)
					continue;
				obj = calloc(1, s->size);
				if (!obj) {
					wire_fail(in, "'%s': out of memory",
						  p->name);
					goto fail_ptrs;
				}
				if (!wire_decode_struct(in, s, obj, true, NULL,
							shm, p->name)) {
					wire_struct_free_heap(s, obj);
					free(obj);
					goto fail_ptrs;
				}
				((void **)ptr)[k] = obj;
				continue;
			}
			obj = (uint8_t *)ptr + k * s->size;
			if (is_in(p)) {
				if (!decode_arrays_back(in, s, obj, p->name))
					return VACCEL_EIO;
				continue;
			}
			/* An out struct (a status): the caller's may be
			 * uninitialised, so nothing in it is freed. */
			uint8_t tmp[256];

			if (s->size > sizeof(tmp)) {
				wire_fail(in, "'%s': struct too large",
					  p->name);
				return VACCEL_EIO;
			}
			memset(tmp, 0, s->size);
			if (!wire_decode_struct(in, s, tmp, true, NULL, shm,
						p->name)) {
				wire_struct_free_heap(s, tmp);
				return VACCEL_EIO;
			}
			memcpy(obj, tmp, s->size);
		}
		continue;
	fail_ptrs:
		for (uint64_t k = 0; k < written; k++) {
			void *obj = ((void **)ptr)[k];

			if (obj) {
				wire_struct_free_heap(s, obj);
				free(obj);
				((void **)ptr)[k] = NULL;
			}
		}
		return VACCEL_EIO;
	}
	if (in->pos != in->len) {
		wire_fail(in, "%llu bytes after the last output",
			  (unsigned long long)(in->len - in->pos));
		return VACCEL_EIO;
	}
	return VACCEL_OK;
}

/* Copied from c/wire/wire_buf.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Byte streams for the wire marshaller (see wire_buf.h). */

#include "wire_buf.h"
#include "vaccel/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE 4096u

struct wire_chunk {
	struct wire_chunk *next;
	size_t used;
	size_t cap;
	uint8_t data[];
};

void wire_out_init(struct wire_out *o)
{
	memset(o, 0, sizeof(*o));
}

void wire_out_free(struct wire_out *o)
{
	while (o->chunks) {
		struct wire_chunk *next = o->chunks->next;

		free(o->chunks);
		o->chunks = next;
	}
	free(o->iov);
	memset(o, 0, sizeof(*o));
}

static bool add_iov(struct wire_out *o, const void *p, size_t n)
{
	if (o->nr_iov == o->cap_iov) {
		size_t cap = o->cap_iov ? o->cap_iov * 2 : 16;
		struct iovec *iov = realloc(o->iov, cap * sizeof(*iov));

		if (!iov) {
			o->err = VACCEL_ENOMEM;
			return false;
		}
		o->iov = iov;
		o->cap_iov = cap;
	}
	o->iov[o->nr_iov].iov_base = (void *)p;
	o->iov[o->nr_iov].iov_len = n;
	o->nr_iov++;
	return true;
}

void wire_put(struct wire_out *o, const void *p, size_t n)
{
	struct wire_chunk *c = o->chunks;

	if (o->err || !n)
		return;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;

		c = malloc(sizeof(*c) + cap);
		if (!c) {
			o->err = VACCEL_ENOMEM;
			return;
		}
		c->used = 0;
		c->cap = cap;
		c->next = o->chunks;
		o->chunks = c;
	}
	uint8_t *dst = c->data + c->used;

	memcpy(dst, p, n);
	c->used += n;
	o->len += n;
	/* Extend the last iovec when it ends where this copy starts. */
	if (o->nr_iov) {
		struct iovec *last = &o->iov[o->nr_iov - 1];

		if ((uint8_t *)last->iov_base + last->iov_len == dst) {
			last->iov_len += n;
			return;
		}
	}
	add_iov(o, dst, n);
}

void wire_put_ref(struct wire_out *o, const void *p, size_t n)
{
	if (n < WIRE_REF_MIN) {
		wire_put(o, p, n);
		return;
	}
	if (o->err)
		return;
	if (add_iov(o, p, n))
		o->len += n;
}

void wire_pad(struct wire_out *o)
{
	static const uint8_t zeros[WIRE_ALIGN];
	size_t pad = (size_t)((WIRE_ALIGN - o->len % WIRE_ALIGN) % WIRE_ALIGN);

	wire_put(o, zeros, pad);
}

void wire_put_u8(struct wire_out *o, uint8_t v)
{
	wire_put(o, &v, 1);
}

void wire_put_u32(struct wire_out *o, uint32_t v)
{
	uint8_t b[4];

	for (int i = 0; i < 4; i++)
		b[i] = (uint8_t)(v >> (8 * i));
	wire_put(o, b, sizeof(b));
}

void wire_put_u64(struct wire_out *o, uint64_t v)
{
	uint8_t b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)(v >> (8 * i));
	wire_put(o, b, sizeof(b));
}

void wire_put_str(struct wire_out *o, const char *s)
{
	size_t n;

	if (!s) {
		wire_put_u32(o, WIRE_STR_NULL);
		return;
	}
	n = strlen(s);
	if (n >= WIRE_STR_NULL) {
		o->err = VACCEL_EINVAL;
		return;
	}
	wire_put_u32(o, (uint32_t)n);
	wire_put(o, s, n);
}

void wire_patch_u64(struct wire_out *o, uint64_t at, uint64_t v)
{
	uint64_t off = 0;

	for (size_t i = 0; i < o->nr_iov; i++) {
		struct iovec *iov = &o->iov[i];

		for (size_t k = 0; k < iov->iov_len; k++, off++)
			if (off >= at && off < at + 8)
				((uint8_t *)iov->iov_base)[k] =
				    (uint8_t)(v >> (8 * (off - at)));
		if (off >= at + 8)
			return;
	}
}

void wire_in_init(struct wire_in *in, const void *p, uint64_t len)
{
	in->p = p;
	in->len = len;
	in->pos = 0;
	in->err[0] = '\0';
}

bool wire_fail(struct wire_in *in, const char *fmt, ...)
{
	va_list ap;

	if (in->err[0])
		return false;
	va_start(ap, fmt);
	vsnprintf(in->err, sizeof(in->err), fmt, ap);
	va_end(ap);
	return false;
}

const void *wire_view(struct wire_in *in, uint64_t n, const char *what)
{
	const void *p;

	if (n > in->len - in->pos) {
		wire_fail(in,
			  "%s: needs %llu bytes at offset %llu; the message "
			  "has %llu",
			  what, (unsigned long long)n,
			  (unsigned long long)in->pos,
			  (unsigned long long)in->len);
		return NULL;
	}
	/* A zero-length view of an empty message is still a valid pointer. */
	p = in->p ? in->p + in->pos : (const void *)"";
	in->pos += n;
	return p;
}

bool wire_get(struct wire_in *in, void *dst, size_t n, const char *what)
{
	const void *p = wire_view(in, n, what);

	if (!p)
		return false;
	memcpy(dst, p, n);
	return true;
}

bool wire_get_u8(struct wire_in *in, uint8_t *v, const char *what)
{
	return wire_get(in, v, 1, what);
}

bool wire_get_u32(struct wire_in *in, uint32_t *v, const char *what)
{
	const uint8_t *b = wire_view(in, 4, what);

	if (!b)
		return false;
	*v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	     (uint32_t)b[3] << 24;
	return true;
}

bool wire_get_u64(struct wire_in *in, uint64_t *v, const char *what)
{
	const uint8_t *b = wire_view(in, 8, what);

	if (!b)
		return false;
	*v = 0;
	for (int i = 0; i < 8; i++)
		*v |= (uint64_t)b[i] << (8 * i);
	return true;
}

bool wire_skip_pad(struct wire_in *in, const char *what)
{
	uint64_t pad = (WIRE_ALIGN - in->pos % WIRE_ALIGN) % WIRE_ALIGN;

	return wire_view(in, pad, what) != NULL;
}

bool wire_get_str(struct wire_in *in, char **out, bool *nomem, const char *what)
{
	uint32_t n;
	const char *p;

	*out = NULL;
	if (!wire_get_u32(in, &n, what))
		return false;
	if (n == WIRE_STR_NULL)
		return true;
	p = wire_view(in, n, what);
	if (!p)
		return false;
	if (memchr(p, '\0', n))
		return wire_fail(in, "%s: the string holds a NUL byte", what);
	*out = malloc((size_t)n + 1);
	if (!*out) {
		*nomem = true;
		return wire_fail(in, "%s: out of memory", what);
	}
	memcpy(*out, p, n);
	(*out)[n] = '\0';
	return true;
}

/* Copied from c/wire/wire_buf.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Byte streams for the wire marshaller.
 *
 * struct wire_out builds a message as a list of iovecs: small values are
 * copied into scratch chunks that never move (so iovecs into them stay
 * valid), large buffers are referenced where they are (no copy), so the
 * transport sends the caller's memory with scatter/gather I/O.
 *
 * struct wire_in reads a received message with bounds checks: every read
 * names what it wanted when the message is too short, and views hand out
 * pointers into the message instead of copying.
 *
 * All multi-byte values are little-endian; the supported hosts (x86-64,
 * arm64) are, so arrays of fixed-width elements travel as they lie in
 * memory.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error                                                                         \
    "the vaccel wire format is little-endian; big-endian hosts need byte swaps"
#endif

/* Arrays start at this alignment within a message, so the receiver can
 * hand out typed views into its (malloc- or mmap-aligned) buffer. */
#define WIRE_ALIGN 8u
/* Buffers at least this large are referenced, not copied, by wire_out. */
#define WIRE_REF_MIN 1024u

struct wire_chunk;

struct wire_out {
	struct iovec *iov;
	size_t nr_iov;
	size_t cap_iov;
	struct wire_chunk *chunks; /* newest first */
	uint64_t len;		   /* bytes so far */
	int err;		   /* sticky: VACCEL_ENOMEM or 0 */
};

void wire_out_init(struct wire_out *o);
void wire_out_free(struct wire_out *o);
/* Append a copy of `n` bytes. */
void wire_put(struct wire_out *o, const void *p, size_t n);
/* Append `n` bytes by reference when large (they must stay valid until the
 * message is sent), else by copy. */
void wire_put_ref(struct wire_out *o, const void *p, size_t n);
/* Append zero bytes up to the next multiple of WIRE_ALIGN. */
void wire_pad(struct wire_out *o);
void wire_put_u8(struct wire_out *o, uint8_t v);
void wire_put_u32(struct wire_out *o, uint32_t v);
void wire_put_u64(struct wire_out *o, uint64_t v);
/* u32 length (0xffffffff for NULL) then the bytes, no NUL. */
void wire_put_str(struct wire_out *o, const char *s);
/* Overwrite 8 bytes at message offset `at` (a length reserved earlier). */
void wire_patch_u64(struct wire_out *o, uint64_t at, uint64_t v);

#define WIRE_STR_NULL 0xffffffffu

struct wire_in {
	const uint8_t *p;
	uint64_t len;
	uint64_t pos;
	/* The first problem found, for the error reply and the log. */
	char err[160];
};

void wire_in_init(struct wire_in *in, const void *p, uint64_t len);
/* Copy `n` bytes out; false (with in->err naming `what`) if too short. */
bool wire_get(struct wire_in *in, void *dst, size_t n, const char *what);
bool wire_get_u8(struct wire_in *in, uint8_t *v, const char *what);
bool wire_get_u32(struct wire_in *in, uint32_t *v, const char *what);
bool wire_get_u64(struct wire_in *in, uint64_t *v, const char *what);
/* Skip the padding wire_pad() wrote. */
bool wire_skip_pad(struct wire_in *in, const char *what);
/* A pointer to the next `n` bytes of the message (no copy), or NULL. */
const void *wire_view(struct wire_in *in, uint64_t n, const char *what);
/* A string as wire_put_str wrote it, copied NUL-terminated into *out
 * (malloc'd; NULL for a NULL string). False on a short message or ENOMEM
 * (*nomem set). */
bool wire_get_str(struct wire_in *in, char **out, bool *nomem,
		  const char *what);
/* Record a problem (printf-style) unless one is recorded already. */
bool wire_fail(struct wire_in *in, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

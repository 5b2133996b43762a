/* Copied from c/wire/sha256.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* SHA-256 (FIPS 180-4), self-contained. The rpc client and the agent hash
 * resources with it (content_hash.c) instead of libcrypto: the client is
 * compiled into the Python and Go bindings and cross-built for other
 * architectures, and must build and link with nothing but libc. */

#include <stddef.h>
#include <stdint.h>

#define WIRE_SHA256_SIZE 32

struct wire_sha256 {
	uint32_t h[8];
	uint64_t total; /* bytes hashed so far */
	uint8_t block[64];
	size_t fill; /* bytes waiting in block */
};

void wire_sha256_init(struct wire_sha256 *s);
void wire_sha256_update(struct wire_sha256 *s, const void *data, size_t len);
void wire_sha256_final(struct wire_sha256 *s, uint8_t out[WIRE_SHA256_SIZE]);

/* Copied from c/wire/content_hash.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* The content hash that names a resource on the wire (SHA-256 over its
 * type and its blobs' names, sizes and bytes; docs/protocol.md
 * "Resources"). Client and agent compute it the same way; the agent
 * recomputes it over every upload. */

#include <stddef.h>
#include <stdint.h>

#define WIRE_CONTENT_HASH_SIZE 32

struct wire_blob_view {
	const char *name; /* may be NULL (hashed as "") */
	const uint8_t *data;
	uint64_t size;
};

/* 0, or -1 when the hash could not be computed (the SHA-256 of sha256.c
 * cannot fail today; callers still check). */
int wire_content_hash(uint32_t type, const struct wire_blob_view *blobs,
		      size_t nr, uint8_t out[WIRE_CONTENT_HASH_SIZE]);

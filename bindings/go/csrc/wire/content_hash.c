/* Copied from c/wire/content_hash.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Content hashes of resources (see content_hash.h). */

#include "content_hash.h"

#include <string.h>

#include "sha256.h"

static void le64(uint8_t b[8], uint64_t v)
{
	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)(v >> (8 * i));
}

int wire_content_hash(uint32_t type, const struct wire_blob_view *blobs,
		      size_t nr, uint8_t out[WIRE_CONTENT_HASH_SIZE])
{
	struct wire_sha256 ctx;
	uint8_t head[16];

	wire_sha256_init(&ctx);
	le64(head, type);
	le64(head + 8, nr);
	wire_sha256_update(&ctx, head, sizeof(head));
	for (size_t i = 0; i < nr; i++) {
		const char *name = blobs[i].name ? blobs[i].name : "";
		uint8_t meta[16];

		le64(meta, strlen(name));
		le64(meta + 8, blobs[i].size);
		wire_sha256_update(&ctx, meta, sizeof(meta));
		wire_sha256_update(&ctx, name, strlen(name));
		if (blobs[i].size)
			wire_sha256_update(&ctx, blobs[i].data,
					   (size_t)blobs[i].size);
	}
	wire_sha256_final(&ctx, out);
	return 0;
}

/* Content hashes of resources (see content_hash.h). */

#include "content_hash.h"

#include <openssl/evp.h>
#include <string.h>

static void le64(uint8_t b[8], uint64_t v)
{
	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)(v >> (8 * i));
}

int wire_content_hash(uint32_t type, const struct wire_blob_view *blobs,
		      size_t nr, uint8_t out[WIRE_CONTENT_HASH_SIZE])
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	uint8_t head[16];
	unsigned int len = 0;
	int ok;

	if (!ctx)
		return -1;
	le64(head, type);
	le64(head + 8, nr);
	ok = EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) &&
	     EVP_DigestUpdate(ctx, head, sizeof(head));
	for (size_t i = 0; ok && i < nr; i++) {
		const char *name = blobs[i].name ? blobs[i].name : "";
		uint8_t meta[16];

		le64(meta, strlen(name));
		le64(meta + 8, blobs[i].size);
		ok = EVP_DigestUpdate(ctx, meta, sizeof(meta)) &&
		     EVP_DigestUpdate(ctx, name, strlen(name)) &&
		     (!blobs[i].size ||
		      EVP_DigestUpdate(ctx, blobs[i].data, blobs[i].size));
	}
	ok = ok && EVP_DigestFinal_ex(ctx, out, &len) &&
	     len == WIRE_CONTENT_HASH_SIZE;
	EVP_MD_CTX_free(ctx);
	return ok ? 0 : -1;
}

/* Copied from c/rpc/frame.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Frame header layout: explicit little-endian packing, field by field, so
 * the wire format never depends on struct padding or host byte order. */
#include <inttypes.h>
#include <stdio.h>

#include "rpc/endian.h"
#include "rpc/error.h"
#include "rpc/frame.h"

void vrpc_header_pack(const struct vrpc_frame_header *hdr,
		      uint8_t out[VRPC_HEADER_SIZE])
{
	vrpc_put_u32(out + 0, hdr->magic);
	vrpc_put_u16(out + 4, hdr->version);
	out[6] = hdr->type;
	out[7] = hdr->flags;
	vrpc_put_u32(out + 8, hdr->request_id);
	vrpc_put_u32(out + 12, hdr->op);
	vrpc_put_u64(out + 16, hdr->length);
}

void vrpc_header_unpack(const uint8_t in[VRPC_HEADER_SIZE],
			struct vrpc_frame_header *hdr)
{
	hdr->magic = vrpc_get_u32(in + 0);
	hdr->version = vrpc_get_u16(in + 4);
	hdr->type = in[6];
	hdr->flags = in[7];
	hdr->request_id = vrpc_get_u32(in + 8);
	hdr->op = vrpc_get_u32(in + 12);
	hdr->length = vrpc_get_u64(in + 16);
}

int vrpc_header_check(const struct vrpc_frame_header *hdr, uint64_t max_payload,
		      char *err, size_t errlen)
{
	if (hdr->magic != VRPC_MAGIC) {
		snprintf(err, errlen,
			 "bad frame magic 0x%08" PRIx32 " (expected 0x%08x)",
			 hdr->magic, VRPC_MAGIC);
		return VRPC_EMAGIC;
	}
	if (hdr->version != VRPC_VERSION) {
		snprintf(err, errlen,
			 "unsupported protocol version %u (expected %d)",
			 (unsigned)hdr->version, VRPC_VERSION);
		return VRPC_EVERSION;
	}
	if (hdr->length > max_payload) {
		snprintf(err, errlen,
			 "frame payload of %" PRIu64
			 " bytes over the limit of %" PRIu64 " bytes",
			 hdr->length, max_payload);
		return VRPC_ETOOBIG;
	}
	return 0;
}

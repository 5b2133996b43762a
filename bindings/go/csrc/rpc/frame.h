/* Copied from c/rpc/frame.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* The 24-byte frame header that starts every frame on the wire
 * (docs/protocol.md, "Frame header").
 *
 * Frame type values (the `type` field) and op ids are defined by the protocol
 * layer in c/rpc/protocol.h, not here: this file only knows the layout. */
#ifndef VRPC_FRAME_H
#define VRPC_FRAME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes 'V','A','C','L' read as a little-endian u32. */
#define VRPC_MAGIC 0x4C434156u
#define VRPC_VERSION 1
#define VRPC_HEADER_SIZE 24

/* More frames of this logical message follow. */
#define VRPC_FLAG_MORE 0x1
/* File descriptors were attached to this frame with SCM_RIGHTS. */
#define VRPC_FLAG_FDS 0x2

struct vrpc_frame_header {
	uint32_t magic;
	uint16_t version;
	uint8_t type;
	uint8_t flags;
	uint32_t request_id;
	uint32_t op;
	uint64_t length; /* payload bytes that follow the header */
};

void vrpc_header_pack(const struct vrpc_frame_header *hdr,
		      uint8_t out[VRPC_HEADER_SIZE]);
void vrpc_header_unpack(const uint8_t in[VRPC_HEADER_SIZE],
			struct vrpc_frame_header *hdr);

/* 0 when magic and version are ours and length <= max_payload; otherwise
 * VRPC_EMAGIC, VRPC_EVERSION or VRPC_ETOOBIG with a message in err. */
int vrpc_header_check(const struct vrpc_frame_header *hdr, uint64_t max_payload,
		      char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif /* VRPC_FRAME_H */

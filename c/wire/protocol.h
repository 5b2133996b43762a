#pragma once

/*
 * The vaccel wire protocol above the frame layer (rpc/frame.h): frame
 * types, the message envelope, and limits. docs/protocol.md specifies
 * every message.
 *
 * A message is one or more frames with the same request id (VRPC_FLAG_MORE
 * on all but the last). Its payload starts with a u64: the number of
 * message bytes that follow it, so the receiver allocates once and checks
 * its limit before reading anything else.
 */

#include <stdint.h>

/* Frame types. Requests go client -> agent, every request gets one
 * WIRE_REPLY with the same request id. */
enum wire_frame_type {
	WIRE_HELLO = 1,		      /* version and op-set negotiation */
	WIRE_CALL = 2,		      /* run op `op` (frame header) */
	WIRE_SESSION_INIT = 3,	      /* u32 flags -> u64 session id */
	WIRE_SESSION_RELEASE = 4,     /* u64 session id */
	WIRE_RESOURCE_FIND = 5,	      /* u32 type, hash -> u64 id or ENOENT */
	WIRE_RESOURCE_UPLOAD = 6,     /* u32 type, hash, blobs -> u64 id */
	WIRE_RESOURCE_REGISTER = 7,   /* u64 resource, u64 session */
	WIRE_RESOURCE_UNREGISTER = 8, /* u64 resource, u64 session */
	WIRE_RESOURCE_RELEASE = 9,    /* u64 resource */
	WIRE_STATS = 10,	      /* -> the agent's object counts */
	WIRE_SHM_ATTACH = 11,	      /* a shared region -> its lease */
	WIRE_REPLY = 64,	      /* i32 status, string message, results */
};

#define WIRE_PROTOCOL_VERSION 1
/* Op ids a HELLO may list are below this. */
#define WIRE_MAX_OP_ID 256
/* Bytes of the content hash that names a resource (SHA-256). */
#define WIRE_HASH_SIZE 32
/* Default largest frame payload; messages of any size are split. */
#define WIRE_DEFAULT_MAX_FRAME (4u << 20)

/* STATS flags (an optional u32 body; none: the five counts alone). */
#define WIRE_STATS_PROFILE 1u /* add the agent's per-op profiling regions */

/* SHM_ATTACH kinds (docs/protocol.md "Shared memory"). */
#define WIRE_SHM_MEMFD 1   /* a sealed memfd travels with the frame */
#define WIRE_SHM_IVSHMEM 2 /* the agent's file behind the guest's device */
/* Bytes of the attach nonce the agent writes at the start of a lease. */
#define WIRE_SHM_NONCE 16

const char *wire_frame_type_str(unsigned int type);

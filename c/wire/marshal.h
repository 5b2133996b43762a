#pragma once

/*
 * The generic marshaller: one walker over the op and struct descriptors
 * generated from idl/vaccel.idl encodes and decodes every op's parameters
 * (docs/protocol.md, "Encoding of parameters"). No op has code of its own
 * here: a new IDL op goes over the wire with no change to this file.
 *
 * Client (rpc plugin): wire_encode_request() the caller's argv, send it;
 * wire_decode_reply() the answer into the caller's outputs.
 * Agent: wire_decode_request() into a struct wire_call whose argv points at
 * values decoded in place (arrays are views into the received message),
 * resolve the session and resource handles, run the op,
 * wire_encode_reply(), wire_call_free().
 */

#include "region.h"
#include "vaccel/op_desc.h"
#include "wire_buf.h"

#include <stdbool.h>
#include <stdint.h>

/* Where the struct layouts come from: the runtime's table in the agent,
 * the host table in a plugin (which may not link vaccel symbols). */
typedef const struct vaccel_struct_desc *(*wire_struct_desc_fn)(
    unsigned int type);

/* One decoded parameter value; argv[i] points at slot i. */
union wire_slot {
	void *ptr;
	int64_t i64;
	uint64_t u64;
	double f64;
	float f32;
	uint8_t bytes[8];
};

struct wire_block;

/* Large parameters through a shared region (docs/protocol.md "Shared
 * memory"). A call that has one encodes arrays of at least `min_bytes` as
 * references (offset, length) into the region instead of inline bytes.
 * Zero it, then set `region` (NULL: everything inline) and `min_bytes`. */
struct wire_shm {
	struct wire_region *region;
	uint64_t min_bytes;
	/* Client: bytes to reserve for callee-owned outputs (0: none).
	 * Agent: arrays of callee-owned outputs at least this large go to
	 * the client's reserved slot while it has room. */
	uint64_t arena_want;
	/* The call's references: the client's reserved slots (freed by
	 * wire_shm_release), or the ones the agent accepted (no two of a
	 * call may overlap). */
	struct wire_extent refs[WIRE_MAX_REFS];
	unsigned int nr_refs;
	/* Client: the call's arrays that already lie in a caller's slot
	 * (wire_region_alloc_user), sent by reference without a copy; not
	 * freed with the call. */
	struct wire_extent user_refs[WIRE_MAX_REFS];
	unsigned int nr_user_refs;
	/* The slot for callee-owned outputs, filled by the agent in order. */
	uint64_t arena_off, arena_len, arena_used;
	bool has_arena;
};

/* Client: free the slots a call reserved (after its reply is decoded, or
 * after it failed). */
void wire_shm_release(struct wire_shm *s);

struct wire_call {
	const struct vaccel_op_desc *desc;
	wire_struct_desc_fn struct_desc;
	void **argv;
	union wire_slot *slots;
	/* SESSION and RESOURCE parameters: the ids the client sent (0: NULL
	 * resource). The agent resolves them into slots[i].ptr. */
	int64_t *handles;
	/* Bytes the call may still allocate for outputs and structs (the
	 * agent sets it from its per-client limit before decoding). */
	uint64_t alloc_left;
	/* Memory this call allocated (freed by wire_call_free). */
	struct wire_block *blocks;
	/* Agent: this connection's region (shm.region NULL: references are
	 * refused) and the call's references. */
	struct wire_shm shm;
};

/* Client: append the request's parameters. handles[i] is the agent's id
 * for SESSION/RESOURCE parameter i. VACCEL_OK or VACCEL_EINVAL/ENOMEM with
 * `err` naming the parameter. */
int wire_encode_request(struct wire_out *o, const struct vaccel_op_desc *d,
			void **argv, const int64_t *handles,
			wire_struct_desc_fn sd, struct wire_shm *shm, char *err,
			size_t errlen);

/* Agent: decode a request; on failure `in->err` says why and the call is
 * already freed. */
int wire_decode_request(struct wire_in *in, const struct vaccel_op_desc *d,
			wire_struct_desc_fn sd, struct wire_call *call);

/* Agent: append the outputs. Only when `ok` are all outputs sent; after a
 * failure only single out structs (statuses) are, as the caller's other
 * outputs stay untouched in-process too. */
int wire_encode_reply(struct wire_out *o, struct wire_call *call, bool ok);

/* Agent: free what the call decoded and what the op handed back. */
void wire_call_free(struct wire_call *call);

/* Client: write the outputs of a reply into the caller's argv. */
int wire_decode_reply(struct wire_in *in, const struct vaccel_op_desc *d,
		      void **argv, wire_struct_desc_fn sd,
		      struct wire_shm *shm);

/* ---- structs (marshal_struct.c) ---------------------------------- */

/* `shm` (may be NULL): client: large byte arrays go to the region; agent:
 * large byte arrays of outputs go to the client's reserved slot. */
int wire_encode_struct(struct wire_out *o, const struct vaccel_struct_desc *s,
		       const void *obj, struct wire_shm *shm, bool agent,
		       const char *what, char *err, size_t errlen);
/* Decode into `obj` (zeroed by the caller). `heap`: arrays and strings are
 * malloc'd copies the object owns (client outputs); otherwise arrays are
 * views into the message and strings are tracked in `call` (agent). */
bool wire_decode_struct(struct wire_in *in, const struct vaccel_struct_desc *s,
			void *obj, bool heap, struct wire_call *call,
			struct wire_shm *shm, const char *what);
/* Free what wire_decode_struct(heap = true) allocated in `obj`, for a
 * reply that failed half-way. */
void wire_struct_free_heap(const struct vaccel_struct_desc *s, void *obj);

/* Memory tracked by a call. */
void *wire_call_alloc(struct wire_call *call, size_t size);

/* ---- shared-memory references (marshal_shm.c) --------------------- */

/* Client: reserve a slot of `bytes` (copying `src` there unless NULL) if
 * the call has a region, `bytes` reaches its threshold and the region has
 * room; false means inline. */
bool wire_shm_put(struct wire_shm *s, const void *src, uint64_t bytes,
		  uint64_t *off);
/* Client: whether `p` (`bytes` long) can go by reference as it is: it
 * lies inside a caller's slot of the call's region, 8-aligned, and does
 * not overlap another array of the call sent that way (the agent refuses
 * overlapping references: e.g. the same buffer as input and output is
 * then copied). Records it and sets *off. */
bool wire_shm_user_ref(struct wire_shm *s, const void *p, uint64_t bytes,
		       uint64_t *off);
/* Agent: the bytes a request's reference names, after checking it
 * (inside the slice, aligned, not overlapping another of the call); NULL
 * with in->err naming the bad value. */
void *wire_shm_ref(struct wire_in *in, struct wire_shm *s, uint64_t off,
		   uint64_t len, const char *what);
/* Client: the bytes a reply's reference names, which must lie inside a
 * slot this call reserved; NULL with in->err set. */
const void *wire_shm_reply_ref(struct wire_in *in, struct wire_shm *s,
			       uint64_t off, uint64_t len, const char *what);
/* Whether a struct array field may travel by reference: raw bytes only,
 * never metadata the agent checks (a peer could change it afterwards). */
bool wire_shm_field_ok(const struct vaccel_field_desc *f);
/* The region offset of `p` when it points inside the call's slice. */
bool wire_shm_offset_of(const struct wire_shm *s, const void *p, uint64_t len,
			uint64_t *off);

/* Copied from c/wire/marshal.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
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
};

/* Client: append the request's parameters. handles[i] is the agent's id
 * for SESSION/RESOURCE parameter i. VACCEL_OK or VACCEL_EINVAL/ENOMEM with
 * `err` naming the parameter. */
int wire_encode_request(struct wire_out *o, const struct vaccel_op_desc *d,
			void **argv, const int64_t *handles,
			wire_struct_desc_fn sd, char *err, size_t errlen);

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
		      void **argv, wire_struct_desc_fn sd);

/* ---- structs (marshal_struct.c) ---------------------------------- */

int wire_encode_struct(struct wire_out *o, const struct vaccel_struct_desc *s,
		       const void *obj, const char *what, char *err,
		       size_t errlen);
/* Decode into `obj` (zeroed by the caller). `heap`: arrays and strings are
 * malloc'd copies the object owns (client outputs); otherwise arrays are
 * views into the message and strings are tracked in `call` (agent). */
bool wire_decode_struct(struct wire_in *in, const struct vaccel_struct_desc *s,
			void *obj, bool heap, struct wire_call *call,
			const char *what);
/* Free what wire_decode_struct(heap = true) allocated in `obj`, for a
 * reply that failed half-way. */
void wire_struct_free_heap(const struct vaccel_struct_desc *s, void *obj);

/* Memory tracked by a call. */
void *wire_call_alloc(struct wire_call *call, size_t size);

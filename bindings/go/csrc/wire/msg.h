/* Copied from c/wire/msg.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Whole messages over a framed connection (protocol.h): sending a
 * wire_out as one message, and reading frames back into messages,
 * reassembling interleaved frames of different requests by request id.
 */

#include "rpc/conn.h"
#include "wire_buf.h"

#include <stdbool.h>
#include <stdint.h>

struct wire_msg {
	uint8_t type;
	uint32_t request_id;
	uint32_t op;
	/* The message bytes after the length word (8-aligned, malloc'd). */
	uint8_t *buf;
	uint64_t len;
	int fds[VRPC_MAX_FDS];
	int nfds;
};

void wire_msg_free(struct wire_msg *m);

/* Start a message: reserves its length word. */
void wire_msg_begin(struct wire_out *o);
/* Send `o` (started with wire_msg_begin) as one message. 0 or a negative
 * transport code. */
int wire_msg_send(struct vrpc_conn *conn, struct wire_out *o, uint8_t type,
		  uint32_t request_id, uint32_t op, uint64_t max_frame,
		  const int *fds, int nfds);

struct wire_partial;

struct wire_reader {
	struct vrpc_conn *conn;
	uint64_t max_frame;   /* largest frame payload accepted */
	uint64_t max_message; /* largest message accepted */
	uint64_t max_pending; /* bytes of all unfinished messages together */
	uint64_t pending_bytes;
	struct wire_partial *partial;
};

void wire_reader_init(struct wire_reader *r, struct vrpc_conn *conn,
		      uint64_t max_frame, uint64_t max_message,
		      uint64_t max_pending);
void wire_reader_free(struct wire_reader *r);
/* The next complete message. 0, or a negative transport code (VRPC_EEOF
 * on a clean close), or -EPROTO with `err` saying what was malformed; after
 * any error the connection must be closed. */
int wire_reader_next(struct wire_reader *r, struct wire_msg *m, int timeout_ms,
		     char *err, size_t errlen);

/* HELLO on a connection of the tool's own (docs/protocol.md
 * "Handshake"): the agent's protocol version, frame limit and op set. */

#include "msg.h"
#include "protocol.h"
#include "rpc/address.h"
#include "rpc/error.h"
#include "tool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vaccel.h>

static int parse_reply(const struct wire_msg *m, struct agent_hello *h,
		       char *err, size_t errlen)
{
	struct wire_in in;
	char *message = NULL;
	bool nomem = false;
	uint32_t status, n;
	uint16_t reserved;

	wire_in_init(&in, m->buf, m->len);
	if (m->type != WIRE_REPLY || !wire_get_u32(&in, &status, "status") ||
	    !wire_get_str(&in, &message, &nomem, "message")) {
		snprintf(err, errlen, "malformed HELLO reply");
		return -1;
	}
	if (status) {
		snprintf(err, errlen, "the agent refused HELLO: %s (%s)",
			 message ? message : "",
			 vaccel_error_to_str((int)status));
		free(message);
		return -1;
	}
	free(message);
	if (!wire_get(&in, &h->version, 2, "version") ||
	    !wire_get(&in, &reserved, 2, "reserved") ||
	    !wire_get_u64(&in, &h->max_frame, "max frame") ||
	    !wire_get_u32(&in, &n, "op count") || n > 256) {
		snprintf(err, errlen, "malformed HELLO results: %s", in.err);
		return -1;
	}
	h->nr_ops = n;
	for (uint32_t i = 0; i < n; i++)
		if (!wire_get_u32(&in, &h->ids[i], "op") ||
		    !wire_get_u32(&in, &h->hashes[i], "hash")) {
			snprintf(err, errlen, "malformed HELLO op list: %s",
				 in.err);
			return -1;
		}
	return 0;
}

int agent_hello(const char *address, int timeout_ms, struct agent_hello *h,
		char *err, size_t errlen)
{
	struct vrpc_conn conn;
	struct wire_out o;
	struct wire_reader r;
	struct wire_msg m = {0};
	char why[256] = "";
	int fd, ret;

	fd = vrpc_connect(address, timeout_ms, err, errlen);
	if (fd < 0)
		return -1;
	if (vrpc_conn_init(&conn, fd)) {
		snprintf(err, errlen, "cannot set up the connection to %s",
			 address);
		return -1;
	}
	wire_out_init(&o);
	wire_msg_begin(&o);
	wire_put_u32(&o, WIRE_PROTOCOL_VERSION);
	wire_put_u32(&o, WIRE_PROTOCOL_VERSION);
	wire_put_str(&o, VACCEL_VERSION);
	wire_put_u32(&o, 0); /* we call nothing: we only ask */
	ret = wire_msg_send(&conn, &o, WIRE_HELLO, 0, 0, WIRE_DEFAULT_MAX_FRAME,
			    NULL, 0);
	wire_out_free(&o);
	if (!ret) {
		wire_reader_init(&r, &conn, UINT64_MAX, 1u << 20, 1u << 20);
		ret = wire_reader_next(&r, &m, timeout_ms, why, sizeof(why));
		wire_reader_free(&r);
	}
	if (ret) {
		snprintf(err, errlen, "HELLO to %s failed: %s", address,
			 ret == -EPROTO ? why : vrpc_strerror(ret));
		vrpc_conn_close(&conn);
		return -1;
	}
	ret = parse_reply(&m, h, err, errlen);
	wire_msg_free(&m);
	vrpc_conn_close(&conn);
	return ret;
}

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

/* The next message on `conn` (one reply is all we wait for). */
static int read_reply(struct vrpc_conn *conn, int timeout_ms,
		      struct wire_msg *m, char *why, size_t whylen)
{
	struct wire_reader r;
	int ret;

	wire_reader_init(&r, conn, UINT64_MAX, 1u << 20, 1u << 20);
	ret = wire_reader_next(&r, m, timeout_ms, why, whylen);
	wire_reader_free(&r);
	return ret;
}

/* Connects to `address` and exchanges HELLO on it: 0 with the connection
 * open in *conn, or -1 with a message. */
static int hello_open(const char *address, int timeout_ms,
		      struct agent_hello *h, struct vrpc_conn *conn, char *err,
		      size_t errlen)
{
	struct wire_out o;
	struct wire_msg m = {0};
	char why[256] = "";
	int fd, ret;

	fd = vrpc_connect(address, timeout_ms, err, errlen);
	if (fd < 0)
		return -1;
	if (vrpc_conn_init(conn, fd)) {
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
	ret = wire_msg_send(conn, &o, WIRE_HELLO, 0, 0, WIRE_DEFAULT_MAX_FRAME,
			    NULL, 0);
	wire_out_free(&o);
	if (!ret)
		ret = read_reply(conn, timeout_ms, &m, why, sizeof(why));
	if (ret) {
		snprintf(err, errlen, "HELLO to %s failed: %s", address,
			 ret == -EPROTO ? why : vrpc_strerror(ret));
		vrpc_conn_close(conn);
		return -1;
	}
	ret = parse_reply(&m, h, err, errlen);
	wire_msg_free(&m);
	if (ret)
		vrpc_conn_close(conn);
	return ret;
}

int agent_hello(const char *address, int timeout_ms, struct agent_hello *h,
		char *err, size_t errlen)
{
	struct vrpc_conn conn;

	if (hello_open(address, timeout_ms, h, &conn, err, errlen))
		return -1;
	vrpc_conn_close(&conn);
	return 0;
}

/* The profile after the counts (docs/protocol.md "Frame types"), as
 * lines; absent from an older agent's reply. */
static int read_profile(struct wire_in *in, char **profile)
{
	uint32_t n;
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	int ret = 0;

	*profile = NULL;
	if (in->pos == in->len)
		return 0;
	if (!wire_get_u32(in, &n, "profile count"))
		return -1;
	f = open_memstream(&text, &len);
	if (!f) {
		snprintf(in->err, sizeof(in->err), "out of memory");
		return -1;
	}
	for (uint32_t i = 0; !ret && i < n; i++) {
		char *name = NULL;
		bool nomem = false;
		uint64_t count, total;

		if (!wire_get_str(in, &name, &nomem, "region name") ||
		    !wire_get_u64(in, &count, "calls") ||
		    !wire_get_u64(in, &total, "total"))
			ret = -1;
		else
			fprintf(f, "[prof] %s: calls %llu total %.3f ms\n",
				name ? name : "", (unsigned long long)count,
				(double)total / 1e6);
		free(name);
	}
	if (fclose(f) && !ret) {
		snprintf(in->err, sizeof(in->err), "out of memory");
		ret = -1;
	}
	if (ret || len == 0)
		free(text);
	else
		*profile = text;
	return ret;
}

int agent_stats(const char *address, int timeout_ms, uint64_t v[5],
		char **profile, char *err, size_t errlen)
{
	static const char *const names[5] = {"clients", "sessions",
					     "resource handles",
					     "cached resources", "calls"};
	struct agent_hello h;
	struct vrpc_conn conn;
	struct wire_out o;
	struct wire_msg m = {0};
	struct wire_in in;
	char why[256] = "", *message = NULL;
	bool nomem = false;
	uint32_t status;
	int ret;

	if (hello_open(address, timeout_ms, &h, &conn, err, errlen))
		return -1;
	wire_out_init(&o);
	wire_msg_begin(&o);
	if (profile)
		wire_put_u32(&o, WIRE_STATS_PROFILE);
	ret = wire_msg_send(&conn, &o, WIRE_STATS, 1, 0, h.max_frame, NULL, 0);
	wire_out_free(&o);
	if (!ret)
		ret = read_reply(&conn, timeout_ms, &m, why, sizeof(why));
	vrpc_conn_close(&conn);
	if (ret) {
		snprintf(err, errlen, "STATS to %s failed: %s", address,
			 ret == -EPROTO ? why : vrpc_strerror(ret));
		return -1;
	}
	wire_in_init(&in, m.buf, m.len);
	ret = -1;
	if (m.type != WIRE_REPLY || !wire_get_u32(&in, &status, "status") ||
	    !wire_get_str(&in, &message, &nomem, "message"))
		snprintf(err, errlen, "malformed STATS reply from %s", address);
	else if (status)
		snprintf(err, errlen, "%s refused STATS: %s (%s)", address,
			 message ? message : "",
			 vaccel_error_to_str((int)status));
	else
		ret = 0;
	for (int i = 0; !ret && i < 5; i++)
		if (!wire_get_u64(&in, &v[i], names[i])) {
			snprintf(err, errlen, "malformed STATS results: %s",
				 in.err);
			ret = -1;
		}
	if (!ret && profile && read_profile(&in, profile)) {
		snprintf(err, errlen, "malformed STATS profile: %s", in.err);
		ret = -1;
	}
	free(message);
	wire_msg_free(&m);
	return ret;
}

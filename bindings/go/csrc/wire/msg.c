/* Copied from c/wire/msg.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Whole messages over a framed connection (see msg.h). */

#include "msg.h"
#include "protocol.h"
#include "rpc/error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *wire_frame_type_str(unsigned int type)
{
	switch (type) {
	case WIRE_HELLO:
		return "HELLO";
	case WIRE_CALL:
		return "CALL";
	case WIRE_SESSION_INIT:
		return "SESSION_INIT";
	case WIRE_SESSION_RELEASE:
		return "SESSION_RELEASE";
	case WIRE_RESOURCE_FIND:
		return "RESOURCE_FIND";
	case WIRE_RESOURCE_UPLOAD:
		return "RESOURCE_UPLOAD";
	case WIRE_RESOURCE_REGISTER:
		return "RESOURCE_REGISTER";
	case WIRE_RESOURCE_UNREGISTER:
		return "RESOURCE_UNREGISTER";
	case WIRE_RESOURCE_RELEASE:
		return "RESOURCE_RELEASE";
	case WIRE_STATS:
		return "STATS";
	case WIRE_SHM_ATTACH:
		return "SHM_ATTACH";
	case WIRE_REPLY:
		return "REPLY";
	default:
		return "unknown";
	}
}

void wire_msg_free(struct wire_msg *m)
{
	free(m->buf);
	m->buf = NULL;
	for (int i = 0; i < m->nfds; i++)
		close(m->fds[i]);
	m->nfds = 0;
}

void wire_msg_begin(struct wire_out *o)
{
	wire_put_u64(o, 0);
}

int wire_msg_send(struct vrpc_conn *conn, struct wire_out *o, uint8_t type,
		  uint32_t request_id, uint32_t op, uint64_t max_frame,
		  const int *fds, int nfds)
{
	if (o->err)
		return -ENOMEM;
	wire_patch_u64(o, 0, o->len - 8);
	return vrpc_send_msg(conn, type, 0, request_id, op, o->iov,
			     (int)o->nr_iov, max_frame, fds, nfds);
}

/* A message whose frames are still arriving. */
struct wire_partial {
	struct wire_partial *next;
	struct wire_msg msg;
	uint64_t have;
};

void wire_reader_init(struct wire_reader *r, struct vrpc_conn *conn,
		      uint64_t max_frame, uint64_t max_message,
		      uint64_t max_pending)
{
	memset(r, 0, sizeof(*r));
	r->conn = conn;
	r->max_frame = max_frame;
	r->max_message = max_message;
	r->max_pending = max_pending;
}

void wire_reader_free(struct wire_reader *r)
{
	while (r->partial) {
		struct wire_partial *next = r->partial->next;

		wire_msg_free(&r->partial->msg);
		free(r->partial);
		r->partial = next;
	}
	r->pending_bytes = 0;
}

static int proto_error(char *err, size_t errlen, const char *fmt,
		       unsigned long long a, unsigned long long b)
{
	snprintf(err, errlen, fmt, a, b);
	return -EPROTO;
}

int wire_reader_next(struct wire_reader *r, struct wire_msg *m, int timeout_ms,
		     char *err, size_t errlen)
{
	for (;;) {
		struct vrpc_frame_header h;
		struct wire_partial *p, **link;
		int fds[VRPC_MAX_FDS];
		int nfds = 0;
		uint64_t body;
		int ret;

		ret = vrpc_recv_header(r->conn, &h, fds, &nfds, VRPC_MAX_FDS,
				       timeout_ms);
		if (ret)
			return ret;
		ret = vrpc_header_check(&h, r->max_frame, err, errlen);
		if (ret) {
			for (int i = 0; i < nfds; i++)
				close(fds[i]);
			return -EPROTO;
		}
		for (link = &r->partial; *link; link = &(*link)->next)
			if ((*link)->msg.request_id == h.request_id)
				break;
		p = *link;
		body = h.length;
		if (!p) {
			uint8_t lenbuf[8];
			uint64_t total = 0;

			if (h.length < 8) {
				ret = proto_error(err, errlen,
						  "a first frame of %llu bytes "
						  "has no message "
						  "length (request %llu)",
						  h.length, h.request_id);
				goto drop_fds;
			}
			ret = vrpc_recv_exact(r->conn, lenbuf, 8, timeout_ms);
			if (ret < 0)
				goto drop_fds;
			for (int i = 0; i < 8; i++)
				total |= (uint64_t)lenbuf[i] << (8 * i);
			body -= 8;
			if (total > r->max_message ||
			    total > r->max_pending - r->pending_bytes) {
				ret = proto_error(err, errlen,
						  "a message of %llu bytes is "
						  "over the limit of %llu",
						  total, r->max_message);
				goto drop_fds;
			}
			p = calloc(1, sizeof(*p));
			if (!p) {
				ret = -ENOMEM;
				goto drop_fds;
			}
			/* One extra byte: a zero-length message still has a
			 * valid buffer. */
			p->msg.buf = malloc(total + 1);
			if (!p->msg.buf) {
				free(p);
				ret = -ENOMEM;
				goto drop_fds;
			}
			p->msg.type = h.type;
			p->msg.request_id = h.request_id;
			p->msg.op = h.op;
			p->msg.len = total;
			r->pending_bytes += total;
			p->next = r->partial;
			r->partial = p;
			link = &r->partial;
		} else if (h.type != p->msg.type || h.op != p->msg.op) {
			ret = proto_error(err, errlen,
					  "frame type %llu of request %llu "
					  "changes in the middle of a message",
					  h.type, h.request_id);
			goto drop_fds;
		}
		for (int i = 0; i < nfds; i++) {
			if (p->msg.nfds < VRPC_MAX_FDS)
				p->msg.fds[p->msg.nfds++] = fds[i];
			else
				close(fds[i]);
		}
		nfds = 0;
		if (body > p->msg.len - p->have) {
			ret = proto_error(err, errlen,
					  "frames carry more than the %llu "
					  "bytes the message announced "
					  "(request %llu)",
					  p->msg.len, h.request_id);
			goto drop_fds;
		}
		ret = vrpc_recv_exact(r->conn, p->msg.buf + p->have, body,
				      timeout_ms);
		if (ret < 0)
			return ret;
		p->have += body;
		if (h.flags & VRPC_FLAG_MORE)
			continue;
		if (p->have != p->msg.len) {
			ret = proto_error(err, errlen,
					  "a message ended after %llu of its "
					  "%llu bytes",
					  p->have, p->msg.len);
			goto drop_fds;
		}
		*link = p->next;
		r->pending_bytes -= p->msg.len;
		*m = p->msg;
		free(p);
		return 0;
	drop_fds:
		for (int i = 0; i < nfds; i++)
			close(fds[i]);
		return ret;
	}
}

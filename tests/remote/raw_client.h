#pragma once

/*
 * A raw protocol client for tests (docs/protocol.md): frames and messages
 * built by hand or with c/wire, so a test can send the agent exactly the
 * bytes it wants, well-formed or not, and read the replies.
 */

#include <cstdint>
#include <cstring>
#include <string>
#include <sys/socket.h>
#include <vector>

extern "C" {
#include "msg.h"
#include "protocol.h"
#include "rpc/address.h"
#include "rpc/conn.h"
#include "rpc/error.h"
#include "rpc/frame.h"
#include "wire_buf.h"
}

/* A message body (the bytes after the length word), little-endian. */
class Body
{
      public:
	std::vector<uint8_t> b;

	Body &U8(uint8_t v)
	{
		b.push_back(v);
		return *this;
	}
	Body &U16(uint16_t v)
	{
		return Raw(&v, 2);
	}
	Body &U32(uint32_t v)
	{
		return Raw(&v, 4);
	}
	Body &U64(uint64_t v)
	{
		return Raw(&v, 8);
	}
	Body &F32(float v)
	{
		return Raw(&v, 4);
	}
	Body &Str(const char *s)
	{
		if (!s)
			return U32(WIRE_STR_NULL);
		U32((uint32_t)strlen(s));
		return Raw(s, strlen(s));
	}
	/* Zero bytes to the next multiple of 8 from the body's start. */
	Body &Pad()
	{
		while (b.size() % 8)
			b.push_back(0);
		return *this;
	}
	Body &Raw(const void *p, size_t n)
	{
		b.insert(b.end(), (const uint8_t *)p, (const uint8_t *)p + n);
		return *this;
	}
	/* A present buffer parameter: u8 1, u64 count, pad, the bytes. */
	Body &Buffer(const void *p, uint64_t count, size_t elem)
	{
		U8(1).U64(count).Pad();
		return Raw(p, count * elem);
	}
};

struct RawReply {
	/* 0, or the transport code (VRPC_ECLOSED, -ETIMEDOUT, -EPROTO...). */
	int ret = 0;
	uint8_t type = 0;
	uint32_t request_id = 0, op = 0;
	uint32_t status = 0;
	std::string message;
	/* The results after status and message. */
	std::vector<uint8_t> rest;

	uint64_t U64(size_t i) const
	{
		uint64_t v = 0;

		if (rest.size() >= (i + 1) * 8)
			memcpy(&v, rest.data() + i * 8, 8);
		return v;
	}
};

class RawClient
{
      public:
	struct vrpc_conn conn;
	bool up = false;
	struct wire_reader reader;
	uint32_t next_id = 1;
	std::string error;

	~RawClient()
	{
		Close();
	}

	bool Connect(const std::string &address, int timeout_ms = 5000)
	{
		char err[256] = "";
		int fd =
		    vrpc_connect(address.c_str(), timeout_ms, err, sizeof(err));

		if (fd < 0) {
			error = err;
			return false;
		}
		if (vrpc_conn_init(&conn, fd)) {
			error = "vrpc_conn_init";
			return false;
		}
		wire_reader_init(&reader, &conn, UINT64_MAX, 1ull << 32,
				 1ull << 32);
		up = true;
		return true;
	}

	void Close()
	{
		if (!up)
			return;
		wire_reader_free(&reader);
		vrpc_conn_close(&conn);
		up = false;
	}

	/* Bytes as they are, no framing. */
	bool SendRaw(const void *p, size_t n)
	{
		const uint8_t *c = (const uint8_t *)p;

		while (n > 0) {
			ssize_t w = send(conn.fd, c, n, MSG_NOSIGNAL);
			if (w <= 0)
				return false;
			c += w;
			n -= (size_t)w;
		}
		return true;
	}

	/* A frame header with any field set, as packed on the wire. */
	static std::vector<uint8_t> Header(uint8_t type, uint32_t request_id,
					   uint32_t op, uint64_t length,
					   uint8_t flags = 0,
					   uint16_t version = VRPC_VERSION,
					   uint32_t magic = VRPC_MAGIC)
	{
		struct vrpc_frame_header h = {magic,	  version, type,  flags,
					      request_id, op,	   length};
		std::vector<uint8_t> out(VRPC_HEADER_SIZE);

		vrpc_header_pack(&h, out.data());
		return out;
	}

	/* One frame: header then `payload` (its length field says
	 * `length`, the true size unless a test lies). */
	bool SendFrame(uint8_t type, uint32_t request_id, uint32_t op,
		       const std::vector<uint8_t> &payload, uint8_t flags = 0,
		       uint16_t version = VRPC_VERSION)
	{
		auto h = Header(type, request_id, op, payload.size(), flags,
				version);
		h.insert(h.end(), payload.begin(), payload.end());
		return SendRaw(h.data(), h.size());
	}

	/* A whole message: u64 body length, then the body. */
	static std::vector<uint8_t> Message(const Body &body)
	{
		Body m;
		m.U64(body.b.size());
		m.Raw(body.b.data(), body.b.size());
		return m.b;
	}

	uint32_t Send(uint8_t type, uint32_t op, const Body &body)
	{
		uint32_t id = next_id++;
		SendFrame(type, id, op, Message(body));
		return id;
	}

	/* A message with file descriptors attached (SCM_RIGHTS). */
	uint32_t SendFds(uint8_t type, uint32_t op, const Body &body,
			 const int *fds, int nfds)
	{
		uint32_t id = next_id++;
		std::vector<uint8_t> m = Message(body);
		struct iovec iov = {m.data(), m.size()};

		if (vrpc_send_msg(&conn, type, 0, id, op, &iov, 1, 1u << 20,
				  fds, nfds))
			return 0;
		return id;
	}

	RawReply RequestFds(uint8_t type, uint32_t op, const Body &body,
			    const int *fds, int nfds, int timeout_ms = 5000)
	{
		uint32_t id = SendFds(type, op, body, fds, nfds);
		RawReply r = Recv(timeout_ms);
		if (r.ret == 0 && r.request_id != id)
			r.ret = -EBADMSG;
		return r;
	}

	RawReply Recv(int timeout_ms = 5000)
	{
		RawReply r;
		struct wire_msg m = {};
		char err[256] = "";

		r.ret =
		    wire_reader_next(&reader, &m, timeout_ms, err, sizeof(err));
		if (r.ret) {
			r.message = err;
			return r;
		}
		r.type = m.type;
		r.request_id = m.request_id;
		r.op = m.op;
		struct wire_in in;
		char *msg = nullptr;
		bool nomem = false;
		wire_in_init(&in, m.buf, m.len);
		if (!wire_get_u32(&in, &r.status, "status") ||
		    !wire_get_str(&in, &msg, &nomem, "message")) {
			r.ret = -EBADMSG;
		} else {
			r.message = msg ? msg : "";
			r.rest.assign(m.buf + in.pos, m.buf + m.len);
		}
		free(msg);
		wire_msg_free(&m);
		return r;
	}

	RawReply Request(uint8_t type, uint32_t op, const Body &body,
			 int timeout_ms = 5000)
	{
		uint32_t id = Send(type, op, body);
		RawReply r = Recv(timeout_ms);
		if (r.ret == 0 && r.request_id != id)
			r.ret = -EBADMSG;
		return r;
	}

	static Body HelloBody(uint32_t lo = WIRE_PROTOCOL_VERSION,
			      uint32_t hi = WIRE_PROTOCOL_VERSION)
	{
		return Body().U32(lo).U32(hi).Str("raw-test").U32(0);
	}

	RawReply Hello(uint32_t lo = WIRE_PROTOCOL_VERSION,
		       uint32_t hi = WIRE_PROTOCOL_VERSION)
	{
		return Request(WIRE_HELLO, 0, HelloBody(lo, hi));
	}

	/* A new session's id, or 0 (status in *status). */
	uint64_t SessionInit(uint32_t flags = 0, uint32_t *status = nullptr)
	{
		RawReply r = Request(WIRE_SESSION_INIT, 0, Body().U32(flags));
		if (status)
			*status = r.ret ? 0xffffffffu : r.status;
		return r.ret == 0 && r.status == 0 ? r.U64(0) : 0;
	}

	/* clients, sessions, resource handles, cached resources, calls;
	 * empty on failure. */
	std::vector<uint64_t> Stats()
	{
		RawReply r = Request(WIRE_STATS, 0, Body());
		std::vector<uint64_t> v;
		if (r.ret || r.status || r.rest.size() != 40)
			return v;
		for (size_t i = 0; i < 5; i++)
			v.push_back(r.U64(i));
		return v;
	}

	/* The agent closed this connection (within timeout_ms). */
	bool ClosedByPeer(int timeout_ms = 5000)
	{
		RawReply r = Recv(timeout_ms);
		return r.ret == VRPC_ECLOSED || r.ret == VRPC_EEOF ||
		       r.ret == -ECONNRESET || r.ret == -EPIPE;
	}
};

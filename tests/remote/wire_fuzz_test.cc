/* A seeded, deterministic fuzzer for what the agent and the rpc plugin
 * read off the wire: the frame decoder (wire_reader_next, fed mutated
 * byte streams through a socketpair with small limits), the request
 * unmarshaller (wire_decode_request, fed mutated encodings of real calls
 * of every op) and the reply unmarshaller (wire_decode_reply, fed mutated
 * replies with the caller's real argv). Every buffer has exactly the size
 * the code under test is entitled to, so under --config=asan any read or
 * write past one, any leak and any bad free is a report, and a report
 * fails the test. The valid inputs the mutations start from must go
 * through whole (checked), so the harness itself is tested too.
 *
 * VACCEL_FUZZ_SEED and VACCEL_FUZZ_ROUNDS override the fixed seed and the
 * round count (a failure names its round, to rerun it alone). */

#include "tests/core/vaccel_test.h"
#include "tests/core/test_rng.h"

extern "C" {
#include "marshal.h"
#include "msg.h"
#include "op_invoke.h"
#include "protocol.h"
#include "rpc/conn.h"
#include "rpc/error.h"
#include "rpc/frame.h"
#include "wire_buf.h"
}

#include <cstdint>
#include <string>
#include <sys/socket.h>
#include <vector>

namespace
{

constexpr uint64_t kSeed = 0x17f0220c0ffee17ULL;
#if defined(__SANITIZE_ADDRESS__)
#define FUZZ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FUZZ_ASAN 1
#endif
#endif
/* Rounds per part, sized so the whole test takes about 20-40 s under
 * ASan on 2 cores (a plain build runs the same rounds in a few). */
constexpr long kRounds = 60000;

long Env(const char *name, long fallback)
{
	const char *v = getenv(name);
	return v && *v ? strtol(v, nullptr, 0) : fallback;
}

uint64_t Seed()
{
	return (uint64_t)Env("VACCEL_FUZZ_SEED", (long)kSeed);
}

long Rounds()
{
	return Env("VACCEL_FUZZ_ROUNDS", kRounds);
}

std::vector<uint8_t> Flatten(const struct wire_out &o)
{
	std::vector<uint8_t> b;
	for (size_t i = 0; i < o.nr_iov; i++)
		b.insert(b.end(), (const uint8_t *)o.iov[i].iov_base,
			 (const uint8_t *)o.iov[i].iov_base + o.iov[i].iov_len);
	return b;
}

/* Values a length or count field might be made to say. */
uint64_t Edge(Rng &rng, uint64_t len)
{
	static const uint64_t edges[] = {0,
					 1,
					 2,
					 7,
					 8,
					 0xff,
					 0xffff,
					 0x7fffffff,
					 0xffffffff,
					 0x100000000ULL,
					 1ULL << 62,
					 1ULL << 63,
					 UINT64_MAX - 7,
					 UINT64_MAX};
	switch (rng.Below(4)) {
	case 0:
		return len + rng.Below(3) - 1;
	case 1:
		return rng.Below(16);
	default:
		return edges[rng.Below(sizeof(edges) / sizeof(edges[0]))];
	}
}

/* A few edits: bits flipped, length-like fields overwritten with edge
 * values, bytes inserted or deleted, the end cut off. */
void Mutate(Rng &rng, std::vector<uint8_t> &b)
{
	int edits = 1 + (int)rng.Below(4);

	for (int e = 0; e < edits; e++) {
		size_t at = b.empty() ? 0 : rng.Below(b.size());
		switch (rng.Below(7)) {
		case 0:
			if (!b.empty())
				b[at] ^= (uint8_t)(1u << rng.Below(8));
			break;
		case 1: { /* a u64 length or count */
			uint64_t v = Edge(rng, b.size());
			at &= ~(size_t)7;
			for (size_t k = 0; k < 8 && at + k < b.size(); k++)
				b[at + k] = (uint8_t)(v >> (8 * k));
			break;
		}
		case 2: { /* a u32 count or string length */
			uint32_t v = (uint32_t)Edge(rng, b.size());
			for (size_t k = 0; k < 4 && at + k < b.size(); k++)
				b[at + k] = (uint8_t)(v >> (8 * k));
			break;
		}
		case 3: {
			size_t n = 1 + rng.Below(16);
			std::vector<uint8_t> ins(n);
			for (auto &c : ins)
				c = (uint8_t)rng.Next();
			b.insert(b.begin() + (ptrdiff_t)at, ins.begin(),
				 ins.end());
			break;
		}
		case 4: {
			size_t n = std::min(b.size() - at,
					    (size_t)(1 + rng.Below(16)));
			b.erase(b.begin() + (ptrdiff_t)at,
				b.begin() + (ptrdiff_t)(at + n));
			break;
		}
		case 5:
			b.resize(at);
			break;
		default:
			if (!b.empty())
				b[at] = (uint8_t)rng.Next();
			break;
		}
	}
}

/* An 8-aligned copy of `b` of exactly its size (as the agent's receive
 * buffer is), for wire_in. */
struct Aligned {
	uint64_t *p;
	explicit Aligned(const std::vector<uint8_t> &b)
	{
		p = (uint64_t *)aligned_alloc(8, (b.size() + 7) / 8 * 8 + 8);
		if (!b.empty())
			memcpy(p, b.data(), b.size());
	}
	~Aligned()
	{
		free(p);
	}
};

/* ---- (a) frames and messages --------------------------------------- */

constexpr uint64_t kMaxFrame = 256, kMaxMessage = 1024, kMaxPending = 1536;

/* A valid stream: 1-3 messages of random types and sizes, cut into
 * frames, the frames of two messages interleaved. */
std::vector<uint8_t> Stream(Rng &rng, int *nr_messages)
{
	struct Pending {
		uint8_t type;
		uint32_t id, op;
		std::vector<uint8_t> payload; /* length word + body */
		size_t sent = 0;
	};
	std::vector<Pending> msgs(1 + rng.Below(3));
	std::vector<uint8_t> out;

	for (size_t i = 0; i < msgs.size(); i++) {
		static const uint8_t types[] = {1, 2, 3, 4, 5, 9, 10, 64};
		/* Within the limits: unfinished messages together hold
		 * at most kMaxPending bytes. */
		uint64_t body = rng.Below(
		    std::min(kMaxMessage, kMaxPending / msgs.size() - 8) + 1);
		msgs[i].type = types[rng.Below(sizeof(types))];
		msgs[i].id = (uint32_t)(i + 1);
		msgs[i].op = (uint32_t)rng.Below(30);
		for (int k = 0; k < 8; k++)
			msgs[i].payload.push_back((uint8_t)(body >> (8 * k)));
		for (uint64_t k = 0; k < body; k++)
			msgs[i].payload.push_back((uint8_t)rng.Next());
	}
	*nr_messages = (int)msgs.size();
	for (;;) {
		std::vector<size_t> open;
		for (size_t i = 0; i < msgs.size(); i++)
			if (msgs[i].sent < msgs[i].payload.size())
				open.push_back(i);
		if (open.empty())
			break;
		Pending &m = msgs[open[rng.Below(open.size())]];
		/* The first frame carries at least the length word. */
		size_t left = m.payload.size() - m.sent;
		size_t n = std::min(left, (size_t)(1 + rng.Below(kMaxFrame)));
		if (m.sent == 0 && n < 8)
			n = std::min(left, (size_t)8);
		struct vrpc_frame_header h = {
		    VRPC_MAGIC,
		    VRPC_VERSION,
		    m.type,
		    (uint8_t)(m.sent + n < m.payload.size() ? VRPC_FLAG_MORE : 0),
		    m.id,
		    m.op,
		    n};
		uint8_t hb[VRPC_HEADER_SIZE];
		vrpc_header_pack(&h, hb);
		out.insert(out.end(), hb, hb + sizeof(hb));
		out.insert(out.end(), m.payload.begin() + (ptrdiff_t)m.sent,
			   m.payload.begin() + (ptrdiff_t)(m.sent + n));
		m.sent += n;
	}
	return out;
}

/* Read `bytes` as a peer would send them; the messages read and the
 * code the reader stopped with. */
int ReadStream(const std::vector<uint8_t> &bytes, int *messages)
{
	int sv[2];
	struct vrpc_conn conn;
	struct wire_reader r;
	char err[256];
	int ret;

	*messages = 0;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv))
		return -errno;
	/* Streams are a few KiB: they fit the socket buffer whole. */
	if (!bytes.empty() && send(sv[0], bytes.data(), bytes.size(),
				   MSG_NOSIGNAL) != (ssize_t)bytes.size()) {
		close(sv[0]);
		close(sv[1]);
		return -EMSGSIZE;
	}
	shutdown(sv[0], SHUT_WR);
	if (vrpc_conn_init(&conn, sv[1])) {
		close(sv[0]);
		close(sv[1]);
		return -ENOMEM;
	}
	wire_reader_init(&r, &conn, kMaxFrame, kMaxMessage, kMaxPending);
	for (;;) {
		struct wire_msg m = {};
		ret = wire_reader_next(&r, &m, 2000, err, sizeof(err));
		if (ret)
			break;
		if (m.len > kMaxMessage)
			ret = -E2BIG; /* a limit not kept */
		(*messages)++;
		/* Touch every byte: a short buffer is an ASan report. */
		volatile uint8_t sum = 0;
		for (uint64_t k = 0; k < m.len; k++)
			sum += m.buf[k];
		wire_msg_free(&m);
		if (ret)
			break;
	}
	wire_reader_free(&r);
	vrpc_conn_close(&conn);
	close(sv[0]);
	return ret;
}

TEST(WireFuzzTest, FrameDecoderEndsEveryStreamWithAKnownCode)
{
	/* Half the rounds: each costs a socketpair and its system calls. */
	const long rounds = Rounds() / 2;
	long clean = 0, eof = 0, proto = 0;

	for (long round = 0; round < rounds; round++) {
		Rng rng(Seed() ^ ((uint64_t)round * 0x100000001b3ULL));
		int want, got;
		std::vector<uint8_t> s = Stream(rng, &want);
		std::string where = "round " + std::to_string(round);

		if (round % 16 == 0) {
			/* The unmutated stream reads whole. */
			ASSERT_EQ(ReadStream(s, &got), VRPC_ECLOSED) << where;
			ASSERT_EQ(got, want) << where;
			continue;
		}
		Mutate(rng, s);
		int ret = ReadStream(s, &got);
		if (ret == VRPC_ECLOSED)
			clean++;
		else if (ret == VRPC_EEOF)
			eof++;
		else if (ret == -EPROTO)
			proto++;
		else
			FAIL() << where << ": the reader ended with " << ret;
	}
	printf("streams: %ld read whole, %ld cut short, %ld refused\n", clean,
	       eof, proto);
	EXPECT_GT(proto, rounds / 4);
	EXPECT_GT(eof, 0);
}

/* ---- (b), (c) requests and replies ---------------------------------- */

/* A call of op `d` with the caller's own argv, from its descriptor:
 * integer scalars 0-3 (so counts vary), floats, strings, resources,
 * arrays sized by their counts and filled, input tensors of one float,
 * exec args with buffers. `poison` fills callee-owned output slots with
 * a pointer the caller owns (not heap): a decoder must overwrite or leave
 * them, never free them. */
class Args
{
      public:
	Args(const struct vaccel_op_desc *d, uint64_t seed,
	     struct vaccel_session *sess, struct vaccel_resource *lib,
	     struct vaccel_resource *model, bool poison)
	    : d_(d), sess_(sess), argv_(d->nr_params), ptrs_(d->nr_params),
	      scalars_(d->nr_params), data_(d->nr_params)
	{
		Rng rng(seed);

		argv_[0] = &sess_;
		for (unsigned int i = 1; i < d->nr_params; i++) {
			const struct vaccel_param_desc *p = &d->params[i];

			argv_[i] = &ptrs_[i];
			if (p->kind == VACCEL_PARAM_SCALAR) {
				argv_[i] = &scalars_[i];
				SetScalar(i, rng.Below(4));
			} else if (p->kind == VACCEL_PARAM_STRING) {
				ptrs_[i] = const_cast<char *>("x");
			} else if (p->kind == VACCEL_PARAM_RESOURCE) {
				ptrs_[i] =
				    p->resource_type == VACCEL_RESOURCE_MODEL
					? model
					: lib;
			}
		}
		for (unsigned int i = 1; i < d->nr_params; i++)
			if (d->params[i].kind >= VACCEL_PARAM_BUFFER)
				Fill(i, rng, poison);
	}

	Args(const Args &) = delete;
	Args &operator=(const Args &) = delete;

	~Args()
	{
		FreeOutputs();
	}

	void **argv()
	{
		return argv_.data();
	}

	/* What a reply decoder allocated into the outputs. */
	void FreeOutputs()
	{
		for (unsigned int i = 1; i < d_->nr_params; i++) {
			const struct vaccel_param_desc *p = &d_->params[i];
			const struct vaccel_struct_desc *s =
			    vaccel_struct_desc_get(p->type);

			if (!(p->dir & VACCEL_PARAM_OUT) ||
			    (p->dir & VACCEL_PARAM_IN) || !ptrs_[i] || !s)
				continue;
			size_t n = data_[i].size() * 8 /
				   (p->kind == VACCEL_PARAM_STRUCT_PTRS
					? sizeof(void *)
					: s->size);
			for (size_t k = 0; k < n; k++) {
				if (p->kind == VACCEL_PARAM_STRUCT_PTRS) {
					void **slot = (void **)ptrs_[i] + k;
					if (*slot && *slot != &poison_)
						s->destroy(*slot);
					*slot = nullptr;
				} else if (s->release) {
					s->release((uint8_t *)ptrs_[i] +
						   k * s->size);
				}
			}
		}
	}

      private:
	void SetScalar(unsigned int i, uint64_t v)
	{
		void *dst = &scalars_[i];

		memset(dst, 0, sizeof(scalars_[i]));
		if (d_->params[i].type == VACCEL_SCALAR_F32)
			*(float *)dst = 1.5f;
		else if (d_->params[i].type == VACCEL_SCALAR_F64)
			*(double *)dst = 2.5;
		else
			memcpy(dst, &v, d_->params[i].elem_size);
	}

	void Fill(unsigned int i, Rng &rng, bool poison)
	{
		const struct vaccel_param_desc *p = &d_->params[i];
		long long bytes = vaccel_param_bytes(d_, i, argv_.data());
		bool in = p->dir & VACCEL_PARAM_IN;

		if (bytes < 0)
			bytes = 0;
		if ((p->flags & VACCEL_PARAM_NULLABLE) && rng.Below(8) == 0) {
			ptrs_[i] = nullptr;
			return;
		}
		/* Exactly `bytes`, rounded to whole u64s only for storage. */
		data_[i].assign(((size_t)bytes + 7) / 8, 0);
		ptrs_[i] = data_[i].empty() ? (void *)&empty_ : data_[i].data();
		uint8_t *b = (uint8_t *)ptrs_[i];
		if (p->kind == VACCEL_PARAM_BUFFER) {
			for (long long k = 0; in && k < bytes; k++)
				b[k] = (uint8_t)rng.Next();
			return;
		}
		if (p->kind == VACCEL_PARAM_STRUCT_PTRS) {
			for (size_t k = 0; k < (size_t)bytes / sizeof(void *);
			     k++)
				((void **)b)[k] =
				    in ? Input(p->type)
				       : (poison ? (void *)&poison_ : nullptr);
			return;
		}
		if (p->type != VACCEL_STRUCT_ARG)
			return; /* zeroed structs: nodes, buffers, statuses */
		for (size_t k = 0; k < (size_t)bytes / sizeof(vaccel_arg);
		     k++) {
			struct vaccel_arg *a = (struct vaccel_arg *)b + k;
			bufs_.emplace_back(1 + rng.Below(2), rng.Next());
			a->buf = bufs_.back().data();
			a->size = 8 * bufs_.back().size() - rng.Below(4);
			a->type = VACCEL_ARG_RAW;
		}
	}

	void *Input(uint8_t type)
	{
		if (type == VACCEL_STRUCT_TORCH_TENSOR)
			return &torch_in_;
		if (type == VACCEL_STRUCT_TF_TENSOR)
			return &tf_in_;
		if (type == VACCEL_STRUCT_TFLITE_TENSOR)
			return &tflite_in_;
		return nullptr;
	}

	const struct vaccel_op_desc *d_;
	struct vaccel_session *sess_;
	std::vector<void *> argv_, ptrs_;
	std::vector<uint64_t> scalars_;
	std::vector<std::vector<uint64_t>> data_, bufs_;
	uint64_t empty_ = 0;
	/* Stands for a caller's pointer in an output slot. */
	uint64_t poison_[16] = {};
	float value_ = 1;
	int64_t dim64_ = 1;
	int32_t dim32_ = 1;
	struct vaccel_torch_tensor torch_in_ = {
	    &value_, sizeof(value_), false, 1, &dim64_, VACCEL_TORCH_FLOAT};
	struct vaccel_tf_tensor tf_in_ = {&value_, sizeof(value_), false, 1,
					  &dim64_, VACCEL_TF_FLOAT};
	struct vaccel_tflite_tensor tflite_in_ = {
	    &value_, sizeof(value_), false, 1, &dim32_, VACCEL_TFLITE_FLOAT32};
};

class WireCallFuzzTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;
	RegisteredResource *lib = nullptr, *model = nullptr;
	std::vector<const struct vaccel_op_desc *> ops;

	void SetUp() override
	{
		VaccelTest::SetUp();
		/* Error level: refused calls log a line each. */
		vaccel_cleanup();
		Bootstrap(VACCEL_LOG_ERROR, false);
		ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
		lib = new RegisteredResource(&sess, VACCEL_RESOURCE_LIB);
		model = new RegisteredResource(&sess, VACCEL_RESOURCE_MODEL);
		for (unsigned int id = 0; id < VACCEL_OP_MAX; id++)
			if (vaccel_op_desc_get(id))
				ops.push_back(vaccel_op_desc_get(id));
	}

	void TearDown() override
	{
		delete lib;
		delete model;
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}

	/* The client's encoding of a call: session 1, resources 2 and 3. */
	std::vector<uint8_t> Request(const struct vaccel_op_desc *d, Args &a)
	{
		std::vector<int64_t> handles(d->nr_params, 0);
		struct wire_out o;
		char err[256] = "";

		for (unsigned int i = 0; i < d->nr_params; i++) {
			if (d->params[i].kind == VACCEL_PARAM_SESSION)
				handles[i] = 1;
			else if (d->params[i].kind == VACCEL_PARAM_RESOURCE)
				handles[i] = *(void **)a.argv()[i] ? 2 : 0;
		}
		wire_out_init(&o);
		int ret = wire_encode_request(&o, d, a.argv(), handles.data(),
					      vaccel_struct_desc_get, nullptr,
					      err, sizeof(err));
		EXPECT_EQ(ret, VACCEL_OK) << d->fn_name << ": " << err;
		std::vector<uint8_t> b = Flatten(o);
		wire_out_free(&o);
		return b;
	}

	/* What the agent does with request bytes: decode, resolve the ids,
	 * run (through noop) when `run`, encode the reply. VACCEL_OK and
	 * the reply, or the decoder's code. */
	int Serve(const struct vaccel_op_desc *d,
		  const std::vector<uint8_t> &req, bool run,
		  std::vector<uint8_t> *reply)
	{
		Aligned buf(req);
		struct wire_in in;
		struct wire_call call = {};

		call.alloc_left = 1 << 20;
		wire_in_init(&in, buf.p, req.size());
		int ret =
		    wire_decode_request(&in, d, vaccel_struct_desc_get, &call);
		if (ret)
			return ret;
		for (unsigned int i = 0; i < d->nr_params; i++) {
			const struct vaccel_param_desc *p = &d->params[i];
			if (p->kind == VACCEL_PARAM_SESSION)
				call.slots[i].ptr = &sess;
			else if (p->kind == VACCEL_PARAM_RESOURCE)
				call.slots[i].ptr =
				    !call.handles[i] ? nullptr
				    : p->resource_type == VACCEL_RESOURCE_MODEL
					? &model->res
					: &lib->res;
		}
		int op_ret =
		    run ? vaccel_op_invoke((vaccel_op_type_t)d->id, call.argv)
			: VACCEL_OK;
		struct wire_out o;
		wire_out_init(&o);
		EXPECT_EQ(wire_encode_reply(&o, &call, op_ret == VACCEL_OK),
			  VACCEL_OK);
		if (reply)
			*reply = Flatten(o);
		wire_out_free(&o);
		wire_call_free(&call);
		return VACCEL_OK;
	}
};

TEST_F(WireCallFuzzTest, RequestDecoderRefusesOrTakesEveryMutation)
{
	const long rounds = Rounds();
	long ok = 0, refused = 0;

	for (long round = 0; round < rounds; round++) {
		uint64_t seed = Seed() ^ ((uint64_t)round * 0x100000001b3ULL);
		Rng rng(seed);
		const struct vaccel_op_desc *d = ops[rng.Below(ops.size())];
		std::string where =
		    "round " + std::to_string(round) + " (" + d->name + ")";
		Args a(d, rng.Next(), &sess, &lib->res, &model->res, false);
		std::vector<uint8_t> req = Request(d, a);

		/* The truthful encoding decodes (and is not run: only the
		 * decoder is under test here). */
		ASSERT_EQ(Serve(d, req, false, nullptr), VACCEL_OK) << where;
		Mutate(rng, req);
		if (Serve(d, req, false, nullptr) == VACCEL_OK)
			ok++;
		else
			refused++;
	}
	printf("requests: %ld mutations decoded, %ld refused\n", ok, refused);
	EXPECT_GT(refused, rounds / 2);
}

TEST_F(WireCallFuzzTest, ReplyDecoderRefusesOrTakesEveryMutation)
{
	const long rounds = Rounds();
	long ok = 0, refused = 0;

	for (long round = 0; round < rounds; round++) {
		uint64_t seed = Seed() ^ ((uint64_t)round * 0x100000001b3ULL);
		Rng rng(seed);
		const struct vaccel_op_desc *d = ops[rng.Below(ops.size())];
		std::string where =
		    "round " + std::to_string(round) + " (" + d->name + ")";
		uint64_t args_seed = rng.Next();
		std::vector<uint8_t> reply;
		{
			Args a(d, args_seed, &sess, &lib->res, &model->res,
			       false);
			ASSERT_EQ(Serve(d, Request(d, a), true, &reply),
				  VACCEL_OK)
			    << where;
		}
		/* The caller's argv again, as it was when it sent the
		 * call; the truthful reply decodes into it. */
		{
			Args caller(d, args_seed, &sess, &lib->res, &model->res,
				    true);
			Aligned buf(reply);
			struct wire_in in;
			wire_in_init(&in, buf.p, reply.size());
			ASSERT_EQ(wire_decode_reply(&in, d, caller.argv(),
						    vaccel_struct_desc_get,
						    nullptr),
				  VACCEL_OK)
			    << where << ": " << in.err;
		}
		Mutate(rng, reply);
		Args caller(d, args_seed, &sess, &lib->res, &model->res, true);
		Aligned buf(reply);
		struct wire_in in;
		wire_in_init(&in, buf.p, reply.size());
		int ret = wire_decode_reply(&in, d, caller.argv(),
					    vaccel_struct_desc_get, nullptr);
		if (ret == VACCEL_OK)
			ok++;
		else if (ret == VACCEL_EIO)
			refused++;
		else
			FAIL() << where << ": wire_decode_reply gave " << ret;
	}
	printf("replies: %ld mutations decoded, %ld refused\n", ok, refused);
	EXPECT_GT(refused, rounds / 4);
}

} // namespace

/* Bad input to vaccel-agent as raw bytes (docs/protocol.md "Errors"):
 * each case fails only its request (a REPLY with the right VACCEL_* code)
 * or closes only its connection, leaves a line in the agent's log, and the
 * agent then serves a fresh well-behaved client. */

#include "agent_process.h"
#include "raw_client.h"

#include <gtest/gtest.h>

extern "C" {
#include "content_hash.h"
#include <vaccel.h>
}

namespace
{

constexpr uint64_t kMaxFrame = 65536;

class BadInputTest : public ::testing::Test
{
      protected:
	AgentProcess agent;
	/* A well-behaved client connected before each bad input: it must
	 * keep its connection and session through it. */
	RawClient bystander;
	uint64_t bystander_session = 0;

	void SetUp() override
	{
		std::string plugins =
		    std::string(NOOP_SO) + ":" + BLAS_SO + ":" + EXEC_SO;
		ASSERT_EQ(
		    agent.Start({agent.UnixAddress()},
				{"-p", plugins, "--exec-allow-dir",
				 DirOf(RealPath(FNS_SO)), "--max-frame-bytes",
				 std::to_string(kMaxFrame)}),
		    "");
		Greet(bystander);
		bystander_session = bystander.SessionInit();
		ASSERT_NE(bystander_session, 0u);
	}

	/* A connected client past HELLO. */
	void Greet(RawClient &c)
	{
		ASSERT_TRUE(c.Connect(agent.addresses[0])) << c.error;
		RawReply r = c.Hello();
		ASSERT_EQ(r.ret, 0) << r.message;
		ASSERT_EQ(r.status, 0u) << r.message;
	}

	RawReply Noop(RawClient &c, uint64_t session)
	{
		return c.Request(WIRE_CALL, VACCEL_OP_NOOP,
				 Body().U64(session));
	}

	/* The agent is alive and a fresh client gets HELLO, a session, a
	 * noop call and STATS through. */
	void ExpectServes()
	{
		int status;

		ASSERT_EQ(waitpid(agent.pid, &status, WNOHANG), 0)
		    << "the agent died: status " << status << "\n"
		    << agent.Log();
		RawClient c;
		Greet(c);
		uint64_t sid = c.SessionInit();
		ASSERT_NE(sid, 0u);
		RawReply r = Noop(c, sid);
		ASSERT_EQ(r.ret, 0) << r.message;
		EXPECT_EQ(r.status, 0u) << r.message;
		EXPECT_EQ(c.Stats().size(), 5u);
		r = Noop(bystander, bystander_session);
		ASSERT_EQ(r.ret, 0)
		    << "the bystander's connection: " << r.message;
		EXPECT_EQ(r.status, 0u) << r.message;
	}

	void ExpectLog(const std::string &needle)
	{
		EXPECT_TRUE(agent.WaitLog(needle))
		    << "no '" << needle << "' in the agent's log:\n"
		    << agent.Log();
	}
};

TEST_F(BadInputTest, GarbageClosesTheConnection)
{
	RawClient c;
	ASSERT_TRUE(c.Connect(agent.addresses[0]));
	std::vector<uint8_t> junk(512);
	uint64_t x = 0x1234567;
	for (auto &b : junk) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		b = (uint8_t)(x >> 56);
	}
	junk[0] = 'X'; /* never the magic */
	ASSERT_TRUE(c.SendRaw(junk.data(), junk.size()));
	EXPECT_TRUE(c.ClosedByPeer());
	ExpectLog("closing the connection: bad frame magic");
	ExpectServes();
}

TEST_F(BadInputTest, TruncatedFrameThenClose)
{
	RawClient c;
	Greet(c);
	auto h = RawClient::Header(WIRE_STATS, 7, 0, 100);
	ASSERT_TRUE(c.SendRaw(h.data(), h.size()));
	uint8_t part[10] = {92};
	ASSERT_TRUE(c.SendRaw(part, sizeof(part)));
	c.Close();
	ExpectLog("disconnected");
	ExpectServes();
}

TEST_F(BadInputTest, FrameOverTheLimitClosesTheConnection)
{
	RawClient c;
	Greet(c);
	auto h = RawClient::Header(WIRE_CALL, 3, VACCEL_OP_NOOP, kMaxFrame + 1);
	ASSERT_TRUE(c.SendRaw(h.data(), h.size()));
	EXPECT_TRUE(c.ClosedByPeer());
	ExpectLog("frame payload of 65537 bytes over the limit of 65536");
	ExpectServes();
}

TEST_F(BadInputTest, FramesCarryingMoreThanTheMessageCloseTheConnection)
{
	RawClient c;
	Greet(c);
	/* The message says 8 bytes; the frame carries 24. */
	Body b;
	b.U64(8).U64(1).U64(2).U64(3);
	ASSERT_TRUE(c.SendFrame(WIRE_CALL, 5, VACCEL_OP_NOOP, b.b));
	EXPECT_TRUE(c.ClosedByPeer());
	ExpectLog("frames carry more than the 8 bytes the message announced");
	ExpectServes();
}

TEST_F(BadInputTest, MessageEndingShortClosesTheConnection)
{
	RawClient c;
	Greet(c);
	/* The message says 100 bytes; its last frame ends after 8. */
	Body b;
	b.U64(100).U64(1);
	ASSERT_TRUE(c.SendFrame(WIRE_CALL, 5, VACCEL_OP_NOOP, b.b));
	EXPECT_TRUE(c.ClosedByPeer());
	ExpectLog("a message ended after 8 of its 100 bytes");
	ExpectServes();
}

TEST_F(BadInputTest, FrameShorterThanItsHeaderSaysEatsTheNextHeader)
{
	RawClient c;
	Greet(c);
	uint64_t sid = c.SessionInit();
	ASSERT_NE(sid, 0u);
	/* A noop CALL frame whose length claims 40 bytes (message length
	 * 32) but carries 16; the next frame's header fills the rest. */
	Body first;
	first.U64(32).U64(sid);
	auto h = RawClient::Header(WIRE_CALL, 9, VACCEL_OP_NOOP, 40);
	h.insert(h.end(), first.b.begin(), first.b.end());
	auto next = RawClient::Header(WIRE_STATS, 10, 0, 8);
	h.insert(h.end(), next.begin(), next.end());
	ASSERT_TRUE(c.SendRaw(h.data(), h.size()));
	/* The CALL now has 24 stray bytes: only that call fails. */
	RawReply r = c.Recv();
	ASSERT_EQ(r.ret, 0) << r.message;
	EXPECT_EQ(r.request_id, 9u);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EINVAL);
	EXPECT_NE(r.message.find("24 bytes after the last parameter"),
		  std::string::npos)
	    << r.message;
	/* What follows is out of step: not a header, so the connection
	 * closes. */
	std::vector<uint8_t> rest(32, 0xff);
	ASSERT_TRUE(c.SendRaw(rest.data(), rest.size()));
	EXPECT_TRUE(c.ClosedByPeer());
	ExpectLog("bad frame magic");
	ExpectServes();
}

TEST_F(BadInputTest, UnknownOpFailsOnlyThatCall)
{
	RawClient c;
	Greet(c);
	uint64_t sid = c.SessionInit();
	RawReply r = c.Request(WIRE_CALL, 200, Body().U64(sid));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_ENOTSUP);
	EXPECT_NE(r.message.find("unknown op id 200"), std::string::npos);
	ExpectLog("unknown op id 200");
	r = Noop(c, sid);
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, 0u) << r.message;
	ExpectServes();
}

TEST_F(BadInputTest, UnknownFrameTypeFailsOnlyThatRequest)
{
	RawClient c;
	Greet(c);
	RawReply r = c.Request(33, 0, Body());
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.type, WIRE_REPLY);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EINVAL);
	ExpectLog("unknown frame type 33");
	EXPECT_NE(c.SessionInit(), 0u);
	ExpectServes();
}

TEST_F(BadInputTest, WrongVersionInTheHeaderClosesTheConnection)
{
	RawClient c;
	ASSERT_TRUE(c.Connect(agent.addresses[0]));
	ASSERT_TRUE(c.SendFrame(WIRE_HELLO, 1, 0,
				RawClient::Message(RawClient::HelloBody()), 0,
				2));
	EXPECT_TRUE(c.ClosedByPeer());
	ExpectLog("unsupported protocol version 2 (expected 1)");
	ExpectServes();
}

TEST_F(BadInputTest, WrongVersionInHelloIsRefused)
{
	RawClient c;
	ASSERT_TRUE(c.Connect(agent.addresses[0]));
	RawReply r = c.Hello(2, 3);
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_ENOTSUP);
	ExpectLog("protocol versions 2..3 requested; this agent speaks 1");
	/* Not greeted: other requests are still refused. */
	uint32_t status;
	EXPECT_EQ(c.SessionInit(0, &status), 0u);
	EXPECT_EQ(status, (uint32_t)VACCEL_EINVAL);
	/* A HELLO the agent speaks then works on the same connection. */
	r = c.Hello();
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, 0u);
	EXPECT_NE(c.SessionInit(), 0u);
	ExpectServes();
}

TEST_F(BadInputTest, RequestBeforeHelloIsRefused)
{
	RawClient c;
	ASSERT_TRUE(c.Connect(agent.addresses[0]));
	uint32_t status;
	EXPECT_EQ(c.SessionInit(0, &status), 0u);
	EXPECT_EQ(status, (uint32_t)VACCEL_EINVAL);
	ExpectLog("SESSION_INIT before HELLO");
	ExpectServes();
}

/* blas_sgemm with m = n = k = 2 and leading dimensions 2, `a` holding
 * `a_count` floats (lda * k = 4 is the truth). */
Body Sgemm(uint64_t sid, uint64_t a_count)
{
	float m4[4] = {1, 2, 3, 4}, a[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	Body b;
	b.U64(sid).U64(2).U64(2).U64(2).F32(1);
	b.Buffer(a, a_count, 4).U64(2);
	b.Buffer(m4, 4, 4).U64(2).F32(0);
	b.Buffer(m4, 4, 4).U64(2);
	return b;
}

TEST_F(BadInputTest, CountThatDisagreesWithItsBufferFailsOnlyThatCall)
{
	RawClient c;
	Greet(c);
	uint64_t sid = c.SessionInit();
	RawReply r = c.Request(WIRE_CALL, VACCEL_OP_BLAS_SGEMM, Sgemm(sid, 3));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EINVAL);
	EXPECT_NE(r.message.find("'a' holds 3 elements; its count says 4"),
		  std::string::npos)
	    << r.message;
	ExpectLog("'a' holds 3 elements; its count says 4");
	/* The truthful call works on the same connection. */
	r = c.Request(WIRE_CALL, VACCEL_OP_BLAS_SGEMM, Sgemm(sid, 4));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, 0u) << r.message;
	ExpectServes();
}

TEST_F(BadInputTest, TrailingBytesFailOnlyThatCall)
{
	RawClient c;
	Greet(c);
	uint64_t sid = c.SessionInit();
	RawReply r =
	    c.Request(WIRE_CALL, VACCEL_OP_NOOP, Body().U64(sid).U32(7));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EINVAL);
	ExpectLog("vaccel_noop: malformed request: 4 bytes after the last "
		  "parameter");
	ExpectServes();
}

/* torch_model_run with an `outputs` array of one element and a count
 * parameter that says `nr_outputs`; `truncate` ends the message before
 * nr_outputs. The agent refuses both before any backend: a count it had
 * not read yet, or that disagrees with the array, must not be what it
 * frees the array's elements by. */
Body TorchRun(uint64_t sid, int32_t nr_outputs, bool truncate)
{
	Body b;
	b.U64(sid).U64(0); /* session, no model */
	b.U8(0);	   /* run_options: NULL */
	b.U8(1).U64(0);	   /* inputs: 0 of them */
	b.U32(0);	   /* nr_inputs */
	b.U8(1).U64(1);	   /* outputs: room for 1 */
	if (!truncate)
		b.U32((uint32_t)nr_outputs);
	return b;
}

TEST_F(BadInputTest, OutputCountThatLiesIsRefusedWithoutFreeingByIt)
{
	RawClient c;
	Greet(c);
	uint64_t sid = c.SessionInit();
	RawReply r = c.Request(WIRE_CALL, VACCEL_OP_TORCH_MODEL_RUN,
			       TorchRun(sid, 1 << 20, false));
	ASSERT_EQ(r.ret, 0) << r.message;
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EINVAL);
	EXPECT_NE(r.message.find("'outputs' holds 1 elements; its count says "
				 "1048576"),
		  std::string::npos)
	    << r.message;
	r = c.Request(WIRE_CALL, VACCEL_OP_TORCH_MODEL_RUN,
		      TorchRun(sid, 1, true));
	ASSERT_EQ(r.ret, 0) << r.message;
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EINVAL);
	ExpectLog("vaccel_torch_model_run: malformed request");
	ExpectServes();
}

TEST_F(BadInputTest, AnotherConnectionsIdsAreUnknown)
{
	RawClient a, b;
	Greet(a);
	Greet(b);
	/* Ids are numbered per connection: a makes three sessions, so its
	 * last one's id is one that b never got. */
	a.SessionInit();
	a.SessionInit();
	uint64_t sa = a.SessionInit(), sb = b.SessionInit();
	ASSERT_NE(sa, 0u);
	ASSERT_NE(sb, 0u);
	ASSERT_NE(sa, sb);

	/* A resource of a's. */
	static const uint8_t data[] = "resource bytes";
	struct wire_blob_view v = {"blob.bin", data, sizeof(data)};
	uint8_t hash[WIRE_HASH_SIZE];
	ASSERT_EQ(wire_content_hash(VACCEL_RESOURCE_DATA, &v, 1, hash), 0);
	Body up;
	up.U32(VACCEL_RESOURCE_DATA).Raw(hash, sizeof(hash)).U32(1);
	up.Str("blob.bin").U64(sizeof(data)).Pad().Raw(data, sizeof(data));
	RawReply r = a.Request(WIRE_RESOURCE_UPLOAD, 0, up);
	ASSERT_EQ(r.ret, 0);
	ASSERT_EQ(r.status, 0u) << r.message;
	uint64_t ra = r.U64(0);
	ASSERT_NE(ra, 0u);

	/* b names a's session and resource: only those requests fail. */
	r = Noop(b, sa);
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_ESESS);
	ExpectLog("vaccel_noop: session " + std::to_string(sa) +
		  " is not one of this connection's");
	r = b.Request(WIRE_RESOURCE_REGISTER, 0, Body().U64(ra).U64(sb));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EINVAL);
	ExpectLog("resource " + std::to_string(ra) + " or session " +
		  std::to_string(sb) + " is not one of this connection's");
	r = b.Request(WIRE_RESOURCE_RELEASE, 0, Body().U64(ra));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EINVAL);
	r = b.Request(WIRE_SESSION_RELEASE, 0, Body().U64(sa));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_ESESS);
	/* b's own session still works, and a's objects are untouched. */
	r = Noop(b, sb);
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, 0u);
	r = Noop(a, sa);
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, 0u);
	r = a.Request(WIRE_RESOURCE_REGISTER, 0, Body().U64(ra).U64(sa));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, 0u) << r.message;
	ExpectServes();
}

/* exec of `lib`, function sleep_ms(0). */
Body Exec(uint64_t sid, const std::string &lib)
{
	uint32_t ms = 0;
	Body b;
	b.U64(sid).Str(lib.c_str()).Str("sleep_ms");
	/* read: one arg (size u64, type i32, custom id u32, buf) */
	b.U8(1).U64(1);
	b.U64(4).U32(VACCEL_ARG_RAW).U32(0).U8(1).Pad().Raw(&ms, 4);
	b.U64(1);	/* nr_read */
	b.U8(0).U64(0); /* write: NULL, nr_write 0 */
	return b;
}

TEST_F(BadInputTest, ExecOutsideTheAllowListIsRefused)
{
	RawClient c;
	Greet(c);
	uint64_t sid = c.SessionInit();
	/* The same library, copied outside the allowed directory. */
	std::string outside = agent.dir + "/outside.so";
	std::string cmd = "cp '" + RealPath(FNS_SO) + "' '" + outside + "'";
	ASSERT_EQ(system(cmd.c_str()), 0);
	RawReply r = c.Request(WIRE_CALL, VACCEL_OP_EXEC, Exec(sid, outside));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EPERM) << r.message;
	ExpectLog("vaccel_exec: library '" + outside +
		  "' is not inside the allowed directory");
	/* A path that climbs out of the allowed directory too. */
	std::string allow = DirOf(RealPath(FNS_SO)), climb = allow;
	for (char ch : allow)
		if (ch == '/')
			climb += "/..";
	climb += outside;
	r = c.Request(WIRE_CALL, VACCEL_OP_EXEC, Exec(sid, climb));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EPERM) << r.message;
	/* The allowed copy runs. */
	r = c.Request(WIRE_CALL, VACCEL_OP_EXEC, Exec(sid, RealPath(FNS_SO)));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, 0u) << r.message;
	ExpectServes();
}

TEST_F(BadInputTest, MissingLibraryIsNamedOnlyInsideTheAllowList)
{
	RawClient c;
	Greet(c);
	uint64_t sid = c.SessionInit();
	/* Missing, in the allowed directory: EINVAL as in-process. */
	std::string missing = DirOf(RealPath(FNS_SO)) + "/no-such-lib.so";
	RawReply r = c.Request(WIRE_CALL, VACCEL_OP_EXEC, Exec(sid, missing));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EINVAL) << r.message;
	ExpectLog("vaccel_exec: library '" + missing + "' does not exist");
	/* Missing elsewhere: only "not allowed", nothing about the file. */
	std::string elsewhere = agent.dir + "/no-such-lib.so";
	r = c.Request(WIRE_CALL, VACCEL_OP_EXEC, Exec(sid, elsewhere));
	ASSERT_EQ(r.ret, 0);
	EXPECT_EQ(r.status, (uint32_t)VACCEL_EPERM) << r.message;
	ExpectLog("vaccel_exec: library '" + elsewhere +
		  "' is not inside the allowed directory");
	ExpectServes();
}

} // namespace

// The frame header's wire layout (golden bytes), its checks, and the
// little-endian helpers.
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "rpc/endian.h"
#include "rpc/error.h"
#include "rpc/frame.h"

namespace
{

TEST(Frame, PackGoldenBytes)
{
	struct vrpc_frame_header h = {};
	h.magic = VRPC_MAGIC;
	h.version = 1;
	h.type = 0x07;
	h.flags = VRPC_FLAG_MORE | VRPC_FLAG_FDS;
	h.request_id = 0x11223344;
	h.op = 0x0000002A;
	h.length = 0x0102030405060708ull;
	uint8_t out[VRPC_HEADER_SIZE];
	memset(out, 0xEE, sizeof(out));
	vrpc_header_pack(&h, out);
	const uint8_t expected[VRPC_HEADER_SIZE] = {
	    'V',  'A',	'C',  'L',			    // magic
	    0x01, 0x00,					    // version
	    0x07,					    // type
	    0x03,					    // flags
	    0x44, 0x33, 0x22, 0x11,			    // request_id
	    0x2A, 0x00, 0x00, 0x00,			    // op
	    0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, // length
	};
	EXPECT_EQ(memcmp(out, expected, sizeof(out)), 0);
}

TEST(Frame, UnpackGoldenBytes)
{
	const uint8_t in[VRPC_HEADER_SIZE] = {
	    'V',  'A',	0x43, 0x4C, 0x01, 0x00, 0xFE, 0x01,
	    0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00, 0x00, 0x80,
	    0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00,
	};
	struct vrpc_frame_header h;
	vrpc_header_unpack(in, &h);
	EXPECT_EQ(h.magic, 0x4C434156u);
	EXPECT_EQ(h.version, 1);
	EXPECT_EQ(h.type, 0xFE);
	EXPECT_EQ(h.flags, VRPC_FLAG_MORE);
	EXPECT_EQ(h.request_id, 0xFFFFFFFFu);
	EXPECT_EQ(h.op, 0x80000001u);
	EXPECT_EQ(h.length, 0x40000000ull); // 1 GiB
	uint8_t again[VRPC_HEADER_SIZE];
	vrpc_header_pack(&h, again);
	EXPECT_EQ(memcmp(again, in, sizeof(in)), 0);
}

TEST(Frame, CheckAcceptsValidHeader)
{
	struct vrpc_frame_header h = {VRPC_MAGIC, VRPC_VERSION, 1, 0, 1, 0, 64};
	char err[256] = "untouched";
	EXPECT_EQ(vrpc_header_check(&h, 64, err, sizeof(err)), 0);
	EXPECT_STREQ(err, "untouched");
}

TEST(Frame, CheckErrors)
{
	char err[256];
	struct vrpc_frame_header h = {0x50545448, VRPC_VERSION, 1, 0, 1, 0, 0};
	EXPECT_EQ(vrpc_header_check(&h, 100, err, sizeof(err)), VRPC_EMAGIC);
	EXPECT_STREQ(err, "bad frame magic 0x50545448 (expected 0x4c434156)");

	h.magic = VRPC_MAGIC;
	h.version = 2;
	EXPECT_EQ(vrpc_header_check(&h, 100, err, sizeof(err)), VRPC_EVERSION);
	EXPECT_STREQ(err, "unsupported protocol version 2 (expected 1)");

	h.version = VRPC_VERSION;
	h.length = 101;
	EXPECT_EQ(vrpc_header_check(&h, 100, err, sizeof(err)), VRPC_ETOOBIG);
	EXPECT_STREQ(err, "frame payload of 101 bytes over the limit of 100 "
			  "bytes");

	// The codes are distinct and outside the errno range.
	EXPECT_NE(VRPC_EMAGIC, VRPC_EVERSION);
	EXPECT_NE(VRPC_EVERSION, VRPC_ETOOBIG);
	EXPECT_LT(VRPC_EMAGIC, -133);
	EXPECT_STREQ(vrpc_strerror(VRPC_ETOOBIG),
		     "frame payload over the limit");
	EXPECT_STREQ(vrpc_strerror(-ETIMEDOUT), "Connection timed out");
}

TEST(Endian, PutGet)
{
	uint8_t b[8];
	vrpc_put_u16(b, 0xBEEF);
	EXPECT_EQ(b[0], 0xEF);
	EXPECT_EQ(b[1], 0xBE);
	EXPECT_EQ(vrpc_get_u16(b), 0xBEEF);
	vrpc_put_u32(b, 0xDEADBEEF);
	EXPECT_EQ(b[0], 0xEF);
	EXPECT_EQ(b[3], 0xDE);
	EXPECT_EQ(vrpc_get_u32(b), 0xDEADBEEFu);
	vrpc_put_u64(b, 0x8877665544332211ull);
	const uint8_t want[8] = {0x11, 0x22, 0x33, 0x44,
				 0x55, 0x66, 0x77, 0x88};
	EXPECT_EQ(memcmp(b, want, 8), 0);
	EXPECT_EQ(vrpc_get_u64(b), 0x8877665544332211ull);
	// Unaligned access is fine.
	uint8_t u[9] = {0, 1, 0, 0, 0, 0, 0, 0, 0x80};
	EXPECT_EQ(vrpc_get_u64(u + 1), 0x8000000000000001ull);
}

} // namespace

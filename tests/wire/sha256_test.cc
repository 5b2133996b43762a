// wire_sha256 (c/wire/sha256.c) against the FIPS 180-4 example vectors and
// against OpenSSL's SHA-256 for random inputs fed in random pieces.

#include <gtest/gtest.h>
#include <openssl/sha.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

extern "C" {
#include "content_hash.h"
#include "sha256.h"
}

namespace
{

std::string Hex(const uint8_t *d, size_t n)
{
	std::string s;
	char b[3];
	for (size_t i = 0; i < n; i++) {
		snprintf(b, sizeof(b), "%02x", d[i]);
		s += b;
	}
	return s;
}

std::string Sha(const std::string &msg)
{
	struct wire_sha256 s;
	uint8_t out[WIRE_SHA256_SIZE];
	wire_sha256_init(&s);
	wire_sha256_update(&s, msg.data(), msg.size());
	wire_sha256_final(&s, out);
	return Hex(out, sizeof(out));
}

TEST(Sha256, Empty)
{
	EXPECT_EQ(Sha(""), "e3b0c44298fc1c149afbf4c8996fb924"
			   "27ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, Abc)
{
	EXPECT_EQ(Sha("abc"), "ba7816bf8f01cfea414140de5dae2223"
			      "b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, TwoBlockMessage448Bits)
{
	EXPECT_EQ(
	    Sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
	    "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, OneMillionA)
{
	EXPECT_EQ(Sha(std::string(1000000, 'a')),
		  "cdc76e5c9914fb9281a1c7e284d73e67"
		  "f1809a48a497200e046d39ccc7112cd0");
}

// Random lengths around the block and padding boundaries, fed in random
// pieces, equal to OpenSSL's one-shot SHA256().
TEST(Sha256, MatchesOpenSslForRandomInputs)
{
	std::mt19937_64 rng(20261201);
	for (int round = 0; round < 1000; round++) {
		size_t len = round < 300 ? (size_t)round : rng() % 20000;
		std::vector<uint8_t> msg(len);
		for (auto &b : msg)
			b = (uint8_t)rng();
		uint8_t want[SHA256_DIGEST_LENGTH];
		SHA256(msg.data(), msg.size(), want);

		struct wire_sha256 s;
		uint8_t got[WIRE_SHA256_SIZE];
		wire_sha256_init(&s);
		for (size_t off = 0; off < len;) {
			size_t piece = rng() % 200;
			if (piece > len - off)
				piece = len - off;
			wire_sha256_update(&s, msg.data() + off, piece);
			off += piece;
		}
		wire_sha256_final(&s, got);
		ASSERT_EQ(Hex(got, sizeof(got)), Hex(want, sizeof(want)))
		    << "length " << len << ", round " << round;
	}
}

// The content hash is unchanged by the switch from libcrypto: SHA-256 of
// le64(type) le64(nr) then per blob le64(len(name)) le64(size) name bytes.
TEST(ContentHash, EqualsOpenSslOverTheSameLayout)
{
	const uint8_t data[] = {1, 2, 3, 4, 5};
	struct wire_blob_view blobs[2] = {
	    {"model.pt", data, sizeof(data)},
	    {nullptr, nullptr, 0},
	};
	uint8_t got[WIRE_CONTENT_HASH_SIZE];
	ASSERT_EQ(wire_content_hash(7, blobs, 2, got), 0);

	std::string buf;
	auto le64 = [&buf](uint64_t v) {
		for (int i = 0; i < 8; i++)
			buf += (char)(uint8_t)(v >> (8 * i));
	};
	le64(7);
	le64(2);
	le64(8);
	le64(sizeof(data));
	buf += "model.pt";
	buf.append((const char *)data, sizeof(data));
	le64(0);
	le64(0);
	uint8_t want[SHA256_DIGEST_LENGTH];
	SHA256((const uint8_t *)buf.data(), buf.size(), want);
	EXPECT_EQ(Hex(got, sizeof(got)), Hex(want, sizeof(want)));
}

} // namespace

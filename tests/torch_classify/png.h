#pragma once

/* Writes small PNGs for the tests: 8-bit samples, zlib "stored" blocks (no
 * compression library needed), real CRCs and Adler-32. */

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace testpng
{

inline uint32_t Crc32(const std::string &bytes)
{
	uint32_t c = 0xffffffffu;
	for (unsigned char b : bytes) {
		c ^= b;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
	}
	return c ^ 0xffffffffu;
}

inline void Be32(std::string &out, uint32_t v)
{
	for (int s = 24; s >= 0; s -= 8)
		out.push_back((char)((v >> s) & 0xff));
}

inline void Chunk(std::string &png, const char *type, const std::string &data)
{
	std::string body = std::string(type, 4) + data;
	Be32(png, (uint32_t)data.size());
	png += body;
	Be32(png, Crc32(body));
}

/* A PNG of `pixels` (width * height * channels bytes, rows top down);
 * channels 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. */
inline std::string Png(int width, int height, int channels,
		       const std::vector<uint8_t> &pixels)
{
	static const uint8_t color_type[] = {0, 0, 4, 2, 6};
	std::string raw, z, ihdr, png = "\x89PNG\r\n\x1a\n";
	size_t row = (size_t)width * channels;

	for (int y = 0; y < height; y++) {
		raw.push_back('\0'); /* filter: none */
		raw.append((const char *)&pixels[y * row], row);
	}
	z = "\x78\x01";
	for (size_t at = 0; at < raw.size() || at == 0; at += 65535) {
		size_t n = std::min<size_t>(65535, raw.size() - at);
		bool last = at + n >= raw.size();
		z.push_back(last ? 1 : 0);
		z.push_back((char)(n & 0xff));
		z.push_back((char)(n >> 8));
		z.push_back((char)(~n & 0xff));
		z.push_back((char)((~n >> 8) & 0xff));
		z.append(raw, at, n);
		if (last)
			break;
	}
	uint32_t a = 1, b = 0;
	for (unsigned char c : raw) {
		a = (a + c) % 65521;
		b = (b + a) % 65521;
	}
	Be32(z, (b << 16) | a);

	Be32(ihdr, (uint32_t)width);
	Be32(ihdr, (uint32_t)height);
	ihdr += std::string("\x08", 1);
	ihdr.push_back((char)color_type[channels]);
	ihdr += std::string("\0\0\0", 3);
	Chunk(png, "IHDR", ihdr);
	Chunk(png, "IDAT", z);
	Chunk(png, "IEND", "");
	return png;
}

} // namespace testpng

#pragma once

/* Writes small PNGs for the tests with stb_image_write (Debian libstb-dev),
 * compiled into the including test only. */

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#include <stb/stb_image_write.h>
#pragma GCC diagnostic pop

namespace testpng
{

inline void Be32(std::string &out, uint32_t v)
{
	for (int s = 24; s >= 0; s -= 8)
		out.push_back((char)((v >> s) & 0xff));
}

/* One chunk (length, type, data, CRC), to splice into a PNG. */
inline void Chunk(std::string &png, const char *type, const std::string &data)
{
	std::string body = std::string(type, 4) + data;
	Be32(png, (uint32_t)data.size());
	png += body;
	Be32(png, stbiw__crc32((unsigned char *)&body[0], (int)body.size()));
}

inline void Append(void *context, void *data, int size)
{
	static_cast<std::string *>(context)->append((const char *)data,
						    (size_t)size);
}

/* A PNG of `pixels` (width * height * channels bytes, rows top down);
 * channels 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA. Its IHDR chunk comes
 * first, right after the signature (byte 8). */
inline std::string Png(int width, int height, int channels,
		       const std::vector<uint8_t> &pixels)
{
	std::string png;
	stbi_write_png_to_func(Append, &png, width, height, channels,
			       pixels.data(), width * channels);
	return png;
}

} // namespace testpng

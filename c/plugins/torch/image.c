/* Image decoding with stb_image and the model's preprocessing (image.h). */
#include "image.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

/* stb_image compiled in here: PNG and JPEG only, no stdio (the plugin's
 * version script keeps its symbols inside, so another copy in the host
 * cannot clash). Its asserts guard internal invariants; a plugin must
 * never abort its host, so they are compiled out. */
#include <string.h>

/* stb_image 2.27 calls memcpy(NULL, src, 0) on a PNG whose first IDAT
 * chunk is empty: undefined behaviour (UBSan stops the sanitizer build
 * there). Its memcpy calls go through this guard instead. */
static inline void *stbi_guarded_memcpy(void *dst, const void *src, size_t n)
{
	return n ? memcpy(dst, src, n) : dst;
}
#define memcpy(dst, src, n) stbi_guarded_memcpy(dst, src, n)

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_FAILURE_USERMSG
#define STBI_ASSERT(x) ((void)0)
#define STBI_MAX_DIMENSIONS (1 << 16)
#include <stb/stb_image.h>
#undef memcpy

/* Byte `at` of the image, 0 past its end (as stb_image reads). */
static unsigned int byte_at(const unsigned char *p, size_t len, size_t at)
{
	return at < len ? p[at] : 0;
}

/* stb_image 2.27 (Debian 12) writes past its Huffman tables when a JPEG
 * DHT segment declares more than 256 codes (fixed upstream in 2.28). This
 * walks the JPEG's segments as stb_image does (between scans too) and
 * refuses such tables before stb_image sees them. */
static bool jpeg_tables_ok(const unsigned char *p, size_t len)
{
	size_t i = 2;

	if (len < 2 || p[0] != 0xff || p[1] != 0xd8)
		return true; /* not a JPEG */
	while (i + 1 < len) {
		unsigned int m = p[i + 1];
		size_t seg;

		/* entropy-coded data, fill bytes, stuffed 0xff00, RSTn */
		if (p[i] != 0xff || m == 0xff) {
			i++;
			continue;
		}
		if (m == 0x00 || m == 0x01 || (m >= 0xd0 && m <= 0xd8)) {
			i += 2;
			continue;
		}
		if (m == 0xd9)
			break;
		seg = byte_at(p, len, i + 2) << 8 | byte_at(p, len, i + 3);
		if (m == 0xc4) {
			/* tables follow one another while the segment lasts */
			for (size_t t = i + 4; t < i + 2 + seg;) {
				size_t n = 0;
				for (size_t k = 1; k <= 16; k++)
					n += byte_at(p, len, t + k);
				if (n > 256)
					return false;
				t += 17 + n;
			}
		}
		i += 2 + seg;
	}
	return true;
}

int torch_image_decode(const void *data, size_t len, struct torch_image *img,
		       char *err, size_t err_size)
{
	int w, h, n;

	img->pixels = NULL;
	if (!data || len == 0) {
		snprintf(err, err_size, "no image data (0 bytes)");
		return -1;
	}
	if (len > INT_MAX) {
		snprintf(err, err_size, "%zu bytes, more than stb_image reads",
			 len);
		return -1;
	}
	if (!jpeg_tables_ok(data, len)) {
		snprintf(err, err_size,
			 "cannot decode the image (corrupt JPEG: a Huffman "
			 "table of more than 256 codes)");
		return -1;
	}
	/* The header first: refuse huge images before allocating them. */
	if (!stbi_info_from_memory(data, (int)len, &w, &h, &n)) {
		snprintf(err, err_size, "not a PNG or JPEG image (%s)",
			 stbi_failure_reason());
		return -1;
	}
	if ((long)w * h > TORCH_IMAGE_MAX_PIXELS) {
		snprintf(err, err_size, "a %dx%d image, more than %ld pixels",
			 w, h, TORCH_IMAGE_MAX_PIXELS);
		return -1;
	}
	img->pixels = stbi_load_from_memory(data, (int)len, &img->width,
					    &img->height, &img->channels, 0);
	if (!img->pixels) {
		snprintf(err, err_size, "cannot decode the image (%s)",
			 stbi_failure_reason());
		return -1;
	}
	return 0;
}

void torch_image_free(struct torch_image *img)
{
	if (img && img->pixels) {
		stbi_image_free(img->pixels);
		img->pixels = NULL;
	}
}

/* Channel c (of `channels`, 1 or 3) of pixel (x, y), 0..255. Conversion
 * is linear, so converting each sample before interpolating equals
 * converting after, and no converted copy of a large image is made. */
static float sample(const struct torch_image *img, int x, int y, int c,
		    int channels)
{
	const unsigned char *p =
	    img->pixels + ((size_t)y * img->width + x) * img->channels;

	if (img->channels <= 2) /* gray (+ alpha, dropped) */
		return p[0];
	if (channels == 3)
		return p[c];
	return 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
}

/* Source index and weight of the next one for output index i of n, from a
 * side of `size`: half-pixel centres, clamped at the edges. */
static void source(int i, int n, int size, int *i0, int *i1, float *frac)
{
	float s = ((float)i + 0.5f) * (float)size / (float)n - 0.5f;

	if (s < 0)
		s = 0;
	*i0 = (int)s;
	if (*i0 > size - 1)
		*i0 = size - 1;
	*i1 = *i0 + 1 < size ? *i0 + 1 : size - 1;
	*frac = s - (float)*i0;
	if (*frac > 1)
		*frac = 1;
}

void torch_image_preprocess(const struct torch_image *img,
			    const struct torch_meta *meta, float *out)
{
	const int W = meta->width, H = meta->height, C = meta->channels;

	for (int y = 0; y < H; y++) {
		int y0, y1;
		float fy;
		source(y, H, img->height, &y0, &y1, &fy);
		for (int x = 0; x < W; x++) {
			int x0, x1;
			float fx;
			source(x, W, img->width, &x0, &x1, &fx);
			for (int c = 0; c < C; c++) {
				float top =
				    sample(img, x0, y0, c, C) * (1 - fx) +
				    sample(img, x1, y0, c, C) * fx;
				float bottom =
				    sample(img, x0, y1, c, C) * (1 - fx) +
				    sample(img, x1, y1, c, C) * fx;
				float v = top * (1 - fy) + bottom * fy;
				size_t at = meta->layout == TORCH_META_NCHW
						? ((size_t)c * H + y) * W + x
						: ((size_t)y * W + x) * C + c;
				out[at] = (v * meta->scale - meta->mean[c]) /
					  meta->std[c];
			}
		}
	}
}

#pragma once

/*
 * Image decoding (PNG and JPEG, with Debian's stb_image) and the
 * preprocessing a classification model's metadata asks for. Pure C, no
 * vaccel calls: the tests compile it in directly.
 */

#include "meta.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Decoding refuses images with more pixels (a 20-byte PNG header can ask
 * for gigabytes). */
#define TORCH_IMAGE_MAX_PIXELS (64L * 1024 * 1024)

/* A decoded image: 8-bit samples, `channels` (1 gray, 2 gray+alpha, 3 RGB,
 * 4 RGBA) interleaved, rows top to bottom. */
struct torch_image {
	int width, height, channels;
	unsigned char *pixels;
};

/* Decodes `len` bytes of PNG or JPEG. On error returns -1 with the reason
 * (stb_image's, or the size limit) in err. Safe on any bytes. */
int torch_image_decode(const void *data, size_t len, struct torch_image *img,
		       char *err, size_t err_size);
void torch_image_free(struct torch_image *img);

/* Fills out[meta->width * meta->height * meta->channels] with the model
 * input: channels converted (alpha dropped; RGB to gray with the BT.601
 * luma weights 0.299, 0.587, 0.114; gray to RGB by copying), resized
 * bilinearly with half-pixel centres (as PyTorch's interpolate with
 * align_corners=False, no antialiasing), normalised as
 * (v * scale - mean[c]) / std[c], in meta->layout order (CHW or HWC). */
void torch_image_preprocess(const struct torch_image *img,
			    const struct torch_meta *meta, float *out);

#ifdef __cplusplus
}
#endif

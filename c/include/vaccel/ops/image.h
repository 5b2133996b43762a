/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"
#include "vaccel/session.h"
#include "vaccel/resource.h"
#include "vaccel/arg.h"
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Image operations on an encoded image (PNG or JPEG bytes). */

/**
 * Classify the image; `out_text` receives the label text.
 * @param img (in) The encoded image.
 * @param out_text (out, may be NULL, NUL-terminated text; the count is its capacity) Receives the NUL-terminated classification text.
 * @param out_imgname (out, may be NULL, NUL-terminated text; the count is its capacity) Receives the NUL-terminated name of the output image.
 * @param len_img (in)
 * @param len_out_text (in)
 * @param len_out_imgname (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_image_classification(struct vaccel_session *sess, const void *img, unsigned char *out_text, unsigned char *out_imgname, size_t len_img, size_t len_out_text, size_t len_out_imgname);

/**
 * Detect objects in the image.
 * @param img (in)
 * @param out_imgname (out, may be NULL, NUL-terminated text; the count is its capacity)
 * @param len_img (in)
 * @param len_out_imgname (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_image_detection(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname);

/**
 * Segment the image.
 * @param img (in)
 * @param out_imgname (out, may be NULL, NUL-terminated text; the count is its capacity)
 * @param len_img (in)
 * @param len_out_imgname (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_image_segmentation(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname);

/**
 * Estimate human poses in the image.
 * @param img (in)
 * @param out_imgname (out, may be NULL, NUL-terminated text; the count is its capacity)
 * @param len_img (in)
 * @param len_out_imgname (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_image_pose(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname);

/**
 * Estimate depth in the image.
 * @param img (in)
 * @param out_imgname (out, may be NULL, NUL-terminated text; the count is its capacity)
 * @param len_img (in)
 * @param len_out_imgname (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_image_depth(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname);

#ifdef __cplusplus
}
#endif

/* Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"
#include "vaccel/session.h"
#include "vaccel/resource.h"
#include "vaccel/arg.h"
#include "vaccel/tf_types.h"
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Scalars, strings, byte buffers, out buffers, out scalars and arg arrays.
 * @param count (in) A scalar taken by value.
 * @param name (in) A NUL-terminated string.
 * @param data (in) Input bytes.
 * @param text (out) Receives text.
 * @param min (out) Receives the minimum.
 * @param len_data (in)
 * @param len_text (in)
 * @param read (in, may be NULL)
 * @param nr_read (in)
 * @param write (inout, may be NULL)
 * @param nr_write (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP
 */
int vaccel_basic(struct vaccel_session *sess, int64_t count, const char *name, const void *data, unsigned char *text, double *min, size_t len_data, size_t len_text, struct vaccel_arg *read, int nr_read, struct vaccel_arg *write, int nr_write);

/**
 * Structs, struct pointer arrays, a resource and a product count.
 * @param model (in)
 * @param options (in, may be NULL) An optional single struct.
 * @param inputs (in)
 * @param nr_in (in)
 * @param outputs (out, allocated by the backend, freed by the caller)
 * @param nr_out (in)
 * @param a (in)
 * @param lda (in)
 * @param k (in)
 * @param status (out)
 * @return VACCEL_OK or one of: VACCEL_EINVAL
 */
int vaccel_sample_model(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_tf_buffer *options, struct vaccel_tf_tensor *const *inputs, int nr_in, struct vaccel_tf_tensor **outputs, int nr_out, float *a, int64_t lda, int64_t k, struct vaccel_tf_status *status);

/** The old name of sample_model. */
int vaccel_sample_model_legacy(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_tf_buffer *options, struct vaccel_tf_tensor *const *inputs, int nr_in, struct vaccel_tf_tensor **outputs, int nr_out, float *a, int64_t lda, int64_t k, struct vaccel_tf_status *status);

#ifdef __cplusplus
}
#endif

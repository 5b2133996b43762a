/* Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Typed plugin entry points: one function-pointer type per op, and
 * VACCEL_PLUGIN_OP(name, fn), which builds a struct vaccel_op entry and
 * fails to compile when fn does not have the op's exact signature.
 */

#include "vaccel/ops/sample.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef int (*vaccel_op_sample_basic_fn)(struct vaccel_session *sess, int64_t count, const char *name, const void *data, unsigned char *text, double *min, size_t len_data, size_t len_text, struct vaccel_arg *read, int nr_read, struct vaccel_arg *write, int nr_write);
typedef int (*vaccel_op_sample_model_fn)(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_tf_buffer *options, struct vaccel_tf_tensor *const *inputs, int nr_in, struct vaccel_tf_tensor **outputs, int nr_out, float *a, int64_t lda, int64_t k, struct vaccel_tf_status *status);

#ifdef __cplusplus
#define VACCEL_OP_FN_CHECKED(type, fn) \
	reinterpret_cast<void *>(static_cast<type>(fn))
#else
#define VACCEL_OP_FN_CHECKED(type, fn) _Generic(&(fn), type: (void *)(fn))
#endif

#define VACCEL_PLUGIN_OP(name, fn) VACCEL_PLUGIN_OP_##name(fn)
#define VACCEL_PLUGIN_OP_sample_basic(fn) \
	{ VACCEL_OP_SAMPLE_BASIC, VACCEL_OP_FN_CHECKED(vaccel_op_sample_basic_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_basic(fn) VACCEL_PLUGIN_OP_sample_basic(fn)
#define VACCEL_PLUGIN_OP_sample_model(fn) \
	{ VACCEL_OP_SAMPLE_MODEL, VACCEL_OP_FN_CHECKED(vaccel_op_sample_model_fn, fn), NULL }

#ifdef __cplusplus
}
#endif

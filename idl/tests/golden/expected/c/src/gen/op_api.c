/* Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
/*
 * The public op functions: each hands pointers to its parameters to
 * vaccel_op_invoke(), which validates them against the op's descriptor
 * and dispatches to a plugin.
 */

#include "vaccel/ops/sample.h"
#include "op_invoke.h"

int vaccel_basic(struct vaccel_session *sess, int64_t count, const char *name, const void *data, unsigned char *text, double *min, size_t len_data, size_t len_text, struct vaccel_arg *read, int nr_read, struct vaccel_arg *write, int nr_write)
{
	void *argv[] = { (void *)&sess, (void *)&count, (void *)&name, (void *)&data, (void *)&text, (void *)&min, (void *)&len_data, (void *)&len_text, (void *)&read, (void *)&nr_read, (void *)&write, (void *)&nr_write };

	return vaccel_op_invoke(VACCEL_OP_SAMPLE_BASIC, argv);
}

int vaccel_sample_model(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_tf_buffer *options, struct vaccel_tf_tensor *const *inputs, int nr_in, struct vaccel_tf_tensor **outputs, int nr_out, float *a, int64_t lda, int64_t k, struct vaccel_tf_status *status)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&options, (void *)&inputs, (void *)&nr_in, (void *)&outputs, (void *)&nr_out, (void *)&a, (void *)&lda, (void *)&k, (void *)&status };

	return vaccel_op_invoke(VACCEL_OP_SAMPLE_MODEL, argv);
}

int vaccel_sample_model_legacy(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_tf_buffer *options, struct vaccel_tf_tensor *const *inputs, int nr_in, struct vaccel_tf_tensor **outputs, int nr_out, float *a, int64_t lda, int64_t k, struct vaccel_tf_status *status)
{
	return vaccel_sample_model(sess, model, options, inputs, nr_in, outputs, nr_out, a, lda, k, status);
}

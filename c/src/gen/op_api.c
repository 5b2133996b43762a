/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
/*
 * The public op functions: each hands pointers to its parameters to
 * vaccel_op_invoke(), which validates them against the op's descriptor
 * and dispatches to a plugin.
 */

#include "vaccel/ops/noop.h"
#include "vaccel/ops/exec.h"
#include "vaccel/ops/image.h"
#include "vaccel/ops/tf.h"
#include "vaccel/ops/tflite.h"
#include "vaccel/ops/torch.h"
#include "vaccel/ops/blas.h"
#include "vaccel/ops/fpga.h"
#include "vaccel/ops/minmax.h"
#include "vaccel/ops/genop.h"
#include "vaccel/ops/opencv.h"
#include "op_invoke.h"

int vaccel_noop(struct vaccel_session *sess)
{
	void *argv[] = { (void *)&sess };

	return vaccel_op_invoke(VACCEL_OP_NOOP, argv);
}

int vaccel_exec(struct vaccel_session *sess, const char *library, const char *fn_symbol, struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write)
{
	void *argv[] = { (void *)&sess, (void *)&library, (void *)&fn_symbol, (void *)&read, (void *)&nr_read, (void *)&write, (void *)&nr_write };

	return vaccel_op_invoke(VACCEL_OP_EXEC, argv);
}

int vaccel_exec_with_resource(struct vaccel_session *sess, struct vaccel_resource *resource, const char *fn_symbol, struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write)
{
	void *argv[] = { (void *)&sess, (void *)&resource, (void *)&fn_symbol, (void *)&read, (void *)&nr_read, (void *)&write, (void *)&nr_write };

	return vaccel_op_invoke(VACCEL_OP_EXEC_WITH_RESOURCE, argv);
}

int vaccel_image_classification(struct vaccel_session *sess, const void *img, unsigned char *out_text, unsigned char *out_imgname, size_t len_img, size_t len_out_text, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_text, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_text, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_CLASSIFY, argv);
}

int vaccel_image_detection(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_DETECT, argv);
}

int vaccel_image_segmentation(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_SEGMENT, argv);
}

int vaccel_image_pose(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_POSE, argv);
}

int vaccel_image_depth(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_DEPTH, argv);
}

int vaccel_tf_model_load(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tf_status *status)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&status };

	return vaccel_op_invoke(VACCEL_OP_TF_MODEL_LOAD, argv);
}

int vaccel_tf_model_unload(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tf_status *status)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&status };

	return vaccel_op_invoke(VACCEL_OP_TF_MODEL_UNLOAD, argv);
}

int vaccel_tf_model_run(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_tf_buffer *run_options, const struct vaccel_tf_node *in_nodes, struct vaccel_tf_tensor *const *in_tensors, int nr_inputs, const struct vaccel_tf_node *out_nodes, struct vaccel_tf_tensor **out_tensors, int nr_outputs, struct vaccel_tf_status *status)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&run_options, (void *)&in_nodes, (void *)&in_tensors, (void *)&nr_inputs, (void *)&out_nodes, (void *)&out_tensors, (void *)&nr_outputs, (void *)&status };

	return vaccel_op_invoke(VACCEL_OP_TF_MODEL_RUN, argv);
}

int vaccel_tflite_model_load(struct vaccel_session *sess, struct vaccel_resource *model)
{
	void *argv[] = { (void *)&sess, (void *)&model };

	return vaccel_op_invoke(VACCEL_OP_TFLITE_MODEL_LOAD, argv);
}

int vaccel_tflite_model_unload(struct vaccel_session *sess, struct vaccel_resource *model)
{
	void *argv[] = { (void *)&sess, (void *)&model };

	return vaccel_op_invoke(VACCEL_OP_TFLITE_MODEL_UNLOAD, argv);
}

int vaccel_tflite_model_run(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tflite_tensor *const *inputs, int nr_inputs, struct vaccel_tflite_tensor **outputs, int nr_outputs, uint8_t *status)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&inputs, (void *)&nr_inputs, (void *)&outputs, (void *)&nr_outputs, (void *)&status };

	return vaccel_op_invoke(VACCEL_OP_TFLITE_MODEL_RUN, argv);
}

int vaccel_torch_model_load(struct vaccel_session *sess, struct vaccel_resource *model)
{
	void *argv[] = { (void *)&sess, (void *)&model };

	return vaccel_op_invoke(VACCEL_OP_TORCH_MODEL_LOAD, argv);
}

int vaccel_torch_model_run(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_torch_buffer *run_options, struct vaccel_torch_tensor *const *inputs, int nr_inputs, struct vaccel_torch_tensor **outputs, int nr_outputs)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&run_options, (void *)&inputs, (void *)&nr_inputs, (void *)&outputs, (void *)&nr_outputs };

	return vaccel_op_invoke(VACCEL_OP_TORCH_MODEL_RUN, argv);
}

int vaccel_torch_sgemm(struct vaccel_session *sess, struct vaccel_torch_tensor **in_A, struct vaccel_torch_tensor **in_B, struct vaccel_torch_tensor **in_C, int M, int N, int K, struct vaccel_torch_tensor **out)
{
	void *argv[] = { (void *)&sess, (void *)&in_A, (void *)&in_B, (void *)&in_C, (void *)&M, (void *)&N, (void *)&K, (void *)&out };

	return vaccel_op_invoke(VACCEL_OP_TORCH_SGEMM, argv);
}

int vaccel_sgemm(struct vaccel_session *sess, int64_t m, int64_t n, int64_t k, float alpha, float *a, int64_t lda, float *b, int64_t ldb, float beta, float *c, int64_t ldc)
{
	void *argv[] = { (void *)&sess, (void *)&m, (void *)&n, (void *)&k, (void *)&alpha, (void *)&a, (void *)&lda, (void *)&b, (void *)&ldb, (void *)&beta, (void *)&c, (void *)&ldc };

	return vaccel_op_invoke(VACCEL_OP_BLAS_SGEMM, argv);
}

int vaccel_fpga_arraycopy(struct vaccel_session *sess, int *a, int *out_a, size_t len_a)
{
	void *argv[] = { (void *)&sess, (void *)&a, (void *)&out_a, (void *)&len_a };

	return vaccel_op_invoke(VACCEL_OP_FPGA_ARRAYCOPY, argv);
}

int vaccel_fpga_mmult(struct vaccel_session *sess, float *a, float *b, float *c, size_t len_a)
{
	void *argv[] = { (void *)&sess, (void *)&a, (void *)&b, (void *)&c, (void *)&len_a };

	return vaccel_op_invoke(VACCEL_OP_FPGA_MMULT, argv);
}

int vaccel_fpga_parallel(struct vaccel_session *sess, float *a, float *b, float *add_output, float *mult_output, size_t len_a)
{
	void *argv[] = { (void *)&sess, (void *)&a, (void *)&b, (void *)&add_output, (void *)&mult_output, (void *)&len_a };

	return vaccel_op_invoke(VACCEL_OP_FPGA_PARALLEL, argv);
}

int vaccel_fpga_vadd(struct vaccel_session *sess, float *a, float *b, float *c, size_t len_a, size_t len_b)
{
	void *argv[] = { (void *)&sess, (void *)&a, (void *)&b, (void *)&c, (void *)&len_a, (void *)&len_b };

	return vaccel_op_invoke(VACCEL_OP_FPGA_VECTORADD, argv);
}

int vaccel_minmax(struct vaccel_session *sess, const double *indata, int ndata, int low_threshold, int high_threshold, double *outdata, double *min, double *max)
{
	void *argv[] = { (void *)&sess, (void *)&indata, (void *)&ndata, (void *)&low_threshold, (void *)&high_threshold, (void *)&outdata, (void *)&min, (void *)&max };

	return vaccel_op_invoke(VACCEL_OP_MINMAX, argv);
}

int vaccel_opencv_unpack(struct vaccel_session *sess, struct vaccel_arg *read, int nr_read, struct vaccel_arg *write, int nr_write)
{
	void *argv[] = { (void *)&sess, (void *)&read, (void *)&nr_read, (void *)&write, (void *)&nr_write };

	return vaccel_op_invoke(VACCEL_OP_OPENCV, argv);
}

int vaccel_torch_jitload_forward(struct vaccel_session *sess, const struct vaccel_resource *model, const struct vaccel_torch_buffer *run_options, struct vaccel_torch_tensor **in_tensor, int nr_read, struct vaccel_torch_tensor **out_tensor, int nr_write)
{
	return vaccel_torch_model_run(sess, (struct vaccel_resource *)model, run_options, (struct vaccel_torch_tensor *const *)in_tensor, nr_read, out_tensor, nr_write);
}

/* Copied from c/include/vaccel/plugin_ops.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Typed plugin entry points: one function-pointer type per op, and
 * VACCEL_PLUGIN_OP(name, fn), which builds a struct vaccel_op entry and
 * fails to compile when fn does not have the op's exact signature.
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

#ifdef __cplusplus
extern "C" {
#endif

typedef int (*vaccel_op_noop_fn)(struct vaccel_session *sess);
typedef int (*vaccel_op_exec_fn)(struct vaccel_session *sess, const char *library, const char *fn_symbol, struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write);
typedef int (*vaccel_op_exec_with_resource_fn)(struct vaccel_session *sess, struct vaccel_resource *resource, const char *fn_symbol, struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write);
typedef int (*vaccel_op_image_classify_fn)(struct vaccel_session *sess, const void *img, unsigned char *out_text, unsigned char *out_imgname, size_t len_img, size_t len_out_text, size_t len_out_imgname);
typedef int (*vaccel_op_image_detect_fn)(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname);
typedef int (*vaccel_op_image_segment_fn)(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname);
typedef int (*vaccel_op_image_pose_fn)(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname);
typedef int (*vaccel_op_image_depth_fn)(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname);
typedef int (*vaccel_op_tf_model_load_fn)(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tf_status *status);
typedef int (*vaccel_op_tf_model_unload_fn)(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tf_status *status);
typedef int (*vaccel_op_tf_model_run_fn)(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_tf_buffer *run_options, const struct vaccel_tf_node *in_nodes, struct vaccel_tf_tensor *const *in_tensors, int nr_inputs, const struct vaccel_tf_node *out_nodes, struct vaccel_tf_tensor **out_tensors, int nr_outputs, struct vaccel_tf_status *status);
typedef int (*vaccel_op_tflite_model_load_fn)(struct vaccel_session *sess, struct vaccel_resource *model);
typedef int (*vaccel_op_tflite_model_unload_fn)(struct vaccel_session *sess, struct vaccel_resource *model);
typedef int (*vaccel_op_tflite_model_run_fn)(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tflite_tensor *const *inputs, int nr_inputs, struct vaccel_tflite_tensor **outputs, int nr_outputs, uint8_t *status);
typedef int (*vaccel_op_torch_model_load_fn)(struct vaccel_session *sess, struct vaccel_resource *model);
typedef int (*vaccel_op_torch_model_run_fn)(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_torch_buffer *run_options, struct vaccel_torch_tensor *const *inputs, int nr_inputs, struct vaccel_torch_tensor **outputs, int nr_outputs);
typedef int (*vaccel_op_torch_sgemm_fn)(struct vaccel_session *sess, struct vaccel_torch_tensor **in_A, struct vaccel_torch_tensor **in_B, struct vaccel_torch_tensor **in_C, int M, int N, int K, struct vaccel_torch_tensor **out);
typedef int (*vaccel_op_blas_sgemm_fn)(struct vaccel_session *sess, int64_t m, int64_t n, int64_t k, float alpha, float *a, int64_t lda, float *b, int64_t ldb, float beta, float *c, int64_t ldc);
typedef int (*vaccel_op_fpga_arraycopy_fn)(struct vaccel_session *sess, int *a, int *out_a, size_t len_a);
typedef int (*vaccel_op_fpga_mmult_fn)(struct vaccel_session *sess, float *a, float *b, float *c, size_t len_a);
typedef int (*vaccel_op_fpga_parallel_fn)(struct vaccel_session *sess, float *a, float *b, float *add_output, float *mult_output, size_t len_a);
typedef int (*vaccel_op_fpga_vectoradd_fn)(struct vaccel_session *sess, float *a, float *b, float *c, size_t len_a, size_t len_b);
typedef int (*vaccel_op_minmax_fn)(struct vaccel_session *sess, const double *indata, int ndata, int low_threshold, int high_threshold, double *outdata, double *min, double *max);
typedef int (*vaccel_op_opencv_fn)(struct vaccel_session *sess, struct vaccel_arg *read, int nr_read, struct vaccel_arg *write, int nr_write);

#ifdef __cplusplus
#define VACCEL_OP_FN_CHECKED(type, fn) \
	reinterpret_cast<void *>(static_cast<type>(fn))
#else
#define VACCEL_OP_FN_CHECKED(type, fn) _Generic(&(fn), type: (void *)(fn))
#endif

#define VACCEL_PLUGIN_OP(name, fn) VACCEL_PLUGIN_OP_##name(fn)
#define VACCEL_PLUGIN_OP_noop(fn) \
	{ VACCEL_OP_NOOP, VACCEL_OP_FN_CHECKED(vaccel_op_noop_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_exec(fn) \
	{ VACCEL_OP_EXEC, VACCEL_OP_FN_CHECKED(vaccel_op_exec_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_exec_with_resource(fn) \
	{ VACCEL_OP_EXEC_WITH_RESOURCE, VACCEL_OP_FN_CHECKED(vaccel_op_exec_with_resource_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_image_classify(fn) \
	{ VACCEL_OP_IMAGE_CLASSIFY, VACCEL_OP_FN_CHECKED(vaccel_op_image_classify_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_image_classification(fn) VACCEL_PLUGIN_OP_image_classify(fn)
#define VACCEL_PLUGIN_OP_image_detect(fn) \
	{ VACCEL_OP_IMAGE_DETECT, VACCEL_OP_FN_CHECKED(vaccel_op_image_detect_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_image_detection(fn) VACCEL_PLUGIN_OP_image_detect(fn)
#define VACCEL_PLUGIN_OP_image_segment(fn) \
	{ VACCEL_OP_IMAGE_SEGMENT, VACCEL_OP_FN_CHECKED(vaccel_op_image_segment_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_image_segmentation(fn) VACCEL_PLUGIN_OP_image_segment(fn)
#define VACCEL_PLUGIN_OP_image_pose(fn) \
	{ VACCEL_OP_IMAGE_POSE, VACCEL_OP_FN_CHECKED(vaccel_op_image_pose_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_image_depth(fn) \
	{ VACCEL_OP_IMAGE_DEPTH, VACCEL_OP_FN_CHECKED(vaccel_op_image_depth_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_tf_model_load(fn) \
	{ VACCEL_OP_TF_MODEL_LOAD, VACCEL_OP_FN_CHECKED(vaccel_op_tf_model_load_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_tf_model_unload(fn) \
	{ VACCEL_OP_TF_MODEL_UNLOAD, VACCEL_OP_FN_CHECKED(vaccel_op_tf_model_unload_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_tf_model_run(fn) \
	{ VACCEL_OP_TF_MODEL_RUN, VACCEL_OP_FN_CHECKED(vaccel_op_tf_model_run_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_tflite_model_load(fn) \
	{ VACCEL_OP_TFLITE_MODEL_LOAD, VACCEL_OP_FN_CHECKED(vaccel_op_tflite_model_load_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_tflite_model_unload(fn) \
	{ VACCEL_OP_TFLITE_MODEL_UNLOAD, VACCEL_OP_FN_CHECKED(vaccel_op_tflite_model_unload_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_tflite_model_run(fn) \
	{ VACCEL_OP_TFLITE_MODEL_RUN, VACCEL_OP_FN_CHECKED(vaccel_op_tflite_model_run_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_torch_model_load(fn) \
	{ VACCEL_OP_TORCH_MODEL_LOAD, VACCEL_OP_FN_CHECKED(vaccel_op_torch_model_load_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_torch_model_run(fn) \
	{ VACCEL_OP_TORCH_MODEL_RUN, VACCEL_OP_FN_CHECKED(vaccel_op_torch_model_run_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_torch_sgemm(fn) \
	{ VACCEL_OP_TORCH_SGEMM, VACCEL_OP_FN_CHECKED(vaccel_op_torch_sgemm_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_blas_sgemm(fn) \
	{ VACCEL_OP_BLAS_SGEMM, VACCEL_OP_FN_CHECKED(vaccel_op_blas_sgemm_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_sgemm(fn) VACCEL_PLUGIN_OP_blas_sgemm(fn)
#define VACCEL_PLUGIN_OP_fpga_arraycopy(fn) \
	{ VACCEL_OP_FPGA_ARRAYCOPY, VACCEL_OP_FN_CHECKED(vaccel_op_fpga_arraycopy_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_fpga_mmult(fn) \
	{ VACCEL_OP_FPGA_MMULT, VACCEL_OP_FN_CHECKED(vaccel_op_fpga_mmult_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_fpga_parallel(fn) \
	{ VACCEL_OP_FPGA_PARALLEL, VACCEL_OP_FN_CHECKED(vaccel_op_fpga_parallel_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_fpga_vectoradd(fn) \
	{ VACCEL_OP_FPGA_VECTORADD, VACCEL_OP_FN_CHECKED(vaccel_op_fpga_vectoradd_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_fpga_vadd(fn) VACCEL_PLUGIN_OP_fpga_vectoradd(fn)
#define VACCEL_PLUGIN_OP_minmax(fn) \
	{ VACCEL_OP_MINMAX, VACCEL_OP_FN_CHECKED(vaccel_op_minmax_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_opencv(fn) \
	{ VACCEL_OP_OPENCV, VACCEL_OP_FN_CHECKED(vaccel_op_opencv_fn, fn), NULL }
#define VACCEL_PLUGIN_OP_opencv_unpack(fn) VACCEL_PLUGIN_OP_opencv(fn)

#ifdef __cplusplus
}
#endif

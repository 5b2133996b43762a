/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
/*
 * One descriptor per op: its parameters in C order with kind, direction,
 * element type and size, and which parameters count which arrays. The
 * core validates and dispatches from these, genop unpacks with them and
 * transports marshal with them. call_<op> is the only typed code.
 */

#include "vaccel/op_desc.h"
#include "vaccel/plugin_ops.h"

#include <stddef.h>

static int call_noop(void *fn, void **argv)
{
	return ((vaccel_op_noop_fn)fn)(
		*(struct vaccel_session **)argv[0]);
}

static const struct vaccel_param_desc params_noop[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_noop = {
	.id = VACCEL_OP_NOOP,
	.name = "noop",
	.fn_name = "vaccel_noop",
	.nr_params = sizeof(params_noop) / sizeof(params_noop[0]),
	.params = params_noop,
	.call = call_noop,
	.since = "0.1",
	.sig_hash = 0x9c809981u,
};

static int call_exec(void *fn, void **argv)
{
	return ((vaccel_op_exec_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const char **)argv[1],
		*(const char **)argv[2],
		*(struct vaccel_arg **)argv[3],
		*(size_t *)argv[4],
		*(struct vaccel_arg **)argv[5],
		*(size_t *)argv[6]);
}

static const struct vaccel_param_desc params_exec[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "library", .kind = VACCEL_PARAM_STRING, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "fn_symbol", .kind = VACCEL_PARAM_STRING, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "read", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_read", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "write", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_INOUT, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_write", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_exec = {
	.id = VACCEL_OP_EXEC,
	.name = "exec",
	.fn_name = "vaccel_exec",
	.nr_params = sizeof(params_exec) / sizeof(params_exec[0]),
	.params = params_exec,
	.call = call_exec,
	.since = "0.1",
	.sig_hash = 0x74bb3ffbu,
};

static int call_exec_with_resource(void *fn, void **argv)
{
	return ((vaccel_op_exec_with_resource_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(const char **)argv[2],
		*(struct vaccel_arg **)argv[3],
		*(size_t *)argv[4],
		*(struct vaccel_arg **)argv[5],
		*(size_t *)argv[6]);
}

static const struct vaccel_param_desc params_exec_with_resource[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "resource", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_LIB },
	{ .name = "fn_symbol", .kind = VACCEL_PARAM_STRING, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "read", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_read", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "write", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_INOUT, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_write", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_exec_with_resource = {
	.id = VACCEL_OP_EXEC_WITH_RESOURCE,
	.name = "exec_with_resource",
	.fn_name = "vaccel_exec_with_resource",
	.nr_params = sizeof(params_exec_with_resource) / sizeof(params_exec_with_resource[0]),
	.params = params_exec_with_resource,
	.call = call_exec_with_resource,
	.since = "0.1",
	.sig_hash = 0x3a8251b6u,
};

static int call_image_classify(void *fn, void **argv)
{
	return ((vaccel_op_image_classify_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(unsigned char **)argv[3],
		*(size_t *)argv[4],
		*(size_t *)argv[5],
		*(size_t *)argv[6]);
}

static const struct vaccel_param_desc params_image_classify[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_text", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_text", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_classify = {
	.id = VACCEL_OP_IMAGE_CLASSIFY,
	.name = "image_classify",
	.fn_name = "vaccel_image_classification",
	.nr_params = sizeof(params_image_classify) / sizeof(params_image_classify[0]),
	.params = params_image_classify,
	.call = call_image_classify,
	.since = "0.1",
	.sig_hash = 0xca6f2eceu,
};

static int call_image_detect(void *fn, void **argv)
{
	return ((vaccel_op_image_detect_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(size_t *)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_image_detect[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_detect = {
	.id = VACCEL_OP_IMAGE_DETECT,
	.name = "image_detect",
	.fn_name = "vaccel_image_detection",
	.nr_params = sizeof(params_image_detect) / sizeof(params_image_detect[0]),
	.params = params_image_detect,
	.call = call_image_detect,
	.since = "0.1",
	.sig_hash = 0xca983a3fu,
};

static int call_image_segment(void *fn, void **argv)
{
	return ((vaccel_op_image_segment_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(size_t *)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_image_segment[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_segment = {
	.id = VACCEL_OP_IMAGE_SEGMENT,
	.name = "image_segment",
	.fn_name = "vaccel_image_segmentation",
	.nr_params = sizeof(params_image_segment) / sizeof(params_image_segment[0]),
	.params = params_image_segment,
	.call = call_image_segment,
	.since = "0.1",
	.sig_hash = 0xaea1489cu,
};

static int call_image_pose(void *fn, void **argv)
{
	return ((vaccel_op_image_pose_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(size_t *)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_image_pose[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_pose = {
	.id = VACCEL_OP_IMAGE_POSE,
	.name = "image_pose",
	.fn_name = "vaccel_image_pose",
	.nr_params = sizeof(params_image_pose) / sizeof(params_image_pose[0]),
	.params = params_image_pose,
	.call = call_image_pose,
	.since = "0.1",
	.sig_hash = 0x6ad9c6d7u,
};

static int call_image_depth(void *fn, void **argv)
{
	return ((vaccel_op_image_depth_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(size_t *)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_image_depth[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_depth = {
	.id = VACCEL_OP_IMAGE_DEPTH,
	.name = "image_depth",
	.fn_name = "vaccel_image_depth",
	.nr_params = sizeof(params_image_depth) / sizeof(params_image_depth[0]),
	.params = params_image_depth,
	.call = call_image_depth,
	.since = "0.1",
	.sig_hash = 0x5b3543aeu,
};

static int call_tf_model_load(void *fn, void **argv)
{
	return ((vaccel_op_tf_model_load_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(struct vaccel_tf_status **)argv[2]);
}

static const struct vaccel_param_desc params_tf_model_load[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "status", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_STATUS, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(struct vaccel_tf_status), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_tf_model_load = {
	.id = VACCEL_OP_TF_MODEL_LOAD,
	.name = "tf_model_load",
	.fn_name = "vaccel_tf_model_load",
	.nr_params = sizeof(params_tf_model_load) / sizeof(params_tf_model_load[0]),
	.params = params_tf_model_load,
	.call = call_tf_model_load,
	.since = "0.1",
	.sig_hash = 0x2ee5535au,
};

static int call_tf_model_unload(void *fn, void **argv)
{
	return ((vaccel_op_tf_model_unload_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(struct vaccel_tf_status **)argv[2]);
}

static const struct vaccel_param_desc params_tf_model_unload[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "status", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_STATUS, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(struct vaccel_tf_status), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_tf_model_unload = {
	.id = VACCEL_OP_TF_MODEL_UNLOAD,
	.name = "tf_model_unload",
	.fn_name = "vaccel_tf_model_unload",
	.nr_params = sizeof(params_tf_model_unload) / sizeof(params_tf_model_unload[0]),
	.params = params_tf_model_unload,
	.call = call_tf_model_unload,
	.since = "0.1",
	.sig_hash = 0x98a2f0f2u,
};

static int call_tf_model_run(void *fn, void **argv)
{
	return ((vaccel_op_tf_model_run_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(const struct vaccel_tf_buffer **)argv[2],
		*(const struct vaccel_tf_node **)argv[3],
		*(struct vaccel_tf_tensor *const **)argv[4],
		*(int *)argv[5],
		*(const struct vaccel_tf_node **)argv[6],
		*(struct vaccel_tf_tensor ***)argv[7],
		*(int *)argv[8],
		*(struct vaccel_tf_status **)argv[9]);
}

static const struct vaccel_param_desc params_tf_model_run[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "run_options", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_BUFFER, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_CONST, .elem_size = sizeof(struct vaccel_tf_buffer), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "in_nodes", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_NODE, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(struct vaccel_tf_node), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "in_tensors", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_TENSOR, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(void *), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_inputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_nodes", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_NODE, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(struct vaccel_tf_node), .count = { 8, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_tensors", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_TENSOR, .flags = VACCEL_PARAM_CALLEE_OWNED, .elem_size = sizeof(void *), .count = { 8, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_outputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "status", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_STATUS, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(struct vaccel_tf_status), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_tf_model_run = {
	.id = VACCEL_OP_TF_MODEL_RUN,
	.name = "tf_model_run",
	.fn_name = "vaccel_tf_model_run",
	.nr_params = sizeof(params_tf_model_run) / sizeof(params_tf_model_run[0]),
	.params = params_tf_model_run,
	.call = call_tf_model_run,
	.since = "0.1",
	.sig_hash = 0xdab48633u,
};

static int call_tflite_model_load(void *fn, void **argv)
{
	return ((vaccel_op_tflite_model_load_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1]);
}

static const struct vaccel_param_desc params_tflite_model_load[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
};

static const struct vaccel_op_desc desc_tflite_model_load = {
	.id = VACCEL_OP_TFLITE_MODEL_LOAD,
	.name = "tflite_model_load",
	.fn_name = "vaccel_tflite_model_load",
	.nr_params = sizeof(params_tflite_model_load) / sizeof(params_tflite_model_load[0]),
	.params = params_tflite_model_load,
	.call = call_tflite_model_load,
	.since = "0.1",
	.sig_hash = 0x6aa02855u,
};

static int call_tflite_model_unload(void *fn, void **argv)
{
	return ((vaccel_op_tflite_model_unload_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1]);
}

static const struct vaccel_param_desc params_tflite_model_unload[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
};

static const struct vaccel_op_desc desc_tflite_model_unload = {
	.id = VACCEL_OP_TFLITE_MODEL_UNLOAD,
	.name = "tflite_model_unload",
	.fn_name = "vaccel_tflite_model_unload",
	.nr_params = sizeof(params_tflite_model_unload) / sizeof(params_tflite_model_unload[0]),
	.params = params_tflite_model_unload,
	.call = call_tflite_model_unload,
	.since = "0.1",
	.sig_hash = 0xa8728afbu,
};

static int call_tflite_model_run(void *fn, void **argv)
{
	return ((vaccel_op_tflite_model_run_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(struct vaccel_tflite_tensor *const **)argv[2],
		*(int *)argv[3],
		*(struct vaccel_tflite_tensor ***)argv[4],
		*(int *)argv[5],
		*(uint8_t **)argv[6]);
}

static const struct vaccel_param_desc params_tflite_model_run[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "inputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TFLITE_TENSOR, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(void *), .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_inputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "outputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TFLITE_TENSOR, .flags = VACCEL_PARAM_CALLEE_OWNED, .elem_size = sizeof(void *), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_outputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "status", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_U8, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(uint8_t), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_tflite_model_run = {
	.id = VACCEL_OP_TFLITE_MODEL_RUN,
	.name = "tflite_model_run",
	.fn_name = "vaccel_tflite_model_run",
	.nr_params = sizeof(params_tflite_model_run) / sizeof(params_tflite_model_run[0]),
	.params = params_tflite_model_run,
	.call = call_tflite_model_run,
	.since = "0.1",
	.sig_hash = 0x683d7e08u,
};

static int call_torch_model_load(void *fn, void **argv)
{
	return ((vaccel_op_torch_model_load_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1]);
}

static const struct vaccel_param_desc params_torch_model_load[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
};

static const struct vaccel_op_desc desc_torch_model_load = {
	.id = VACCEL_OP_TORCH_MODEL_LOAD,
	.name = "torch_model_load",
	.fn_name = "vaccel_torch_model_load",
	.nr_params = sizeof(params_torch_model_load) / sizeof(params_torch_model_load[0]),
	.params = params_torch_model_load,
	.call = call_torch_model_load,
	.since = "0.1",
	.sig_hash = 0x17c01084u,
};

static int call_torch_model_run(void *fn, void **argv)
{
	return ((vaccel_op_torch_model_run_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(const struct vaccel_torch_buffer **)argv[2],
		*(struct vaccel_torch_tensor *const **)argv[3],
		*(int *)argv[4],
		*(struct vaccel_torch_tensor ***)argv[5],
		*(int *)argv[6]);
}

static const struct vaccel_param_desc params_torch_model_run[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "run_options", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_BUFFER, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_CONST, .elem_size = sizeof(struct vaccel_torch_buffer), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "inputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(void *), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_inputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "outputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = VACCEL_PARAM_CALLEE_OWNED, .elem_size = sizeof(void *), .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_outputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_torch_model_run = {
	.id = VACCEL_OP_TORCH_MODEL_RUN,
	.name = "torch_model_run",
	.fn_name = "vaccel_torch_model_run",
	.nr_params = sizeof(params_torch_model_run) / sizeof(params_torch_model_run[0]),
	.params = params_torch_model_run,
	.call = call_torch_model_run,
	.since = "0.1",
	.sig_hash = 0x81c065dfu,
};

static int call_torch_sgemm(void *fn, void **argv)
{
	return ((vaccel_op_torch_sgemm_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_torch_tensor ***)argv[1],
		*(struct vaccel_torch_tensor ***)argv[2],
		*(struct vaccel_torch_tensor ***)argv[3],
		*(int *)argv[4],
		*(int *)argv[5],
		*(int *)argv[6],
		*(struct vaccel_torch_tensor ***)argv[7]);
}

static const struct vaccel_param_desc params_torch_sgemm[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "in_A", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = 0, .elem_size = sizeof(void *), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "in_B", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = 0, .elem_size = sizeof(void *), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "in_C", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = 0, .elem_size = sizeof(void *), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "M", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "N", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "K", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = VACCEL_PARAM_CALLEE_OWNED, .elem_size = sizeof(void *), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_torch_sgemm = {
	.id = VACCEL_OP_TORCH_SGEMM,
	.name = "torch_sgemm",
	.fn_name = "vaccel_torch_sgemm",
	.nr_params = sizeof(params_torch_sgemm) / sizeof(params_torch_sgemm[0]),
	.params = params_torch_sgemm,
	.call = call_torch_sgemm,
	.since = "0.1",
	.sig_hash = 0xc842b191u,
};

static int call_blas_sgemm(void *fn, void **argv)
{
	return ((vaccel_op_blas_sgemm_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(int64_t *)argv[1],
		*(int64_t *)argv[2],
		*(int64_t *)argv[3],
		*(float *)argv[4],
		*(float **)argv[5],
		*(int64_t *)argv[6],
		*(float **)argv[7],
		*(int64_t *)argv[8],
		*(float *)argv[9],
		*(float **)argv[10],
		*(int64_t *)argv[11]);
}

static const struct vaccel_param_desc params_blas_sgemm[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "m", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "n", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "k", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "alpha", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 6, 3 }, .count_const = 0, .resource_type = -1 },
	{ .name = "lda", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "b", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 8, 2 }, .count_const = 0, .resource_type = -1 },
	{ .name = "ldb", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "beta", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "c", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_INOUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 11, 2 }, .count_const = 0, .resource_type = -1 },
	{ .name = "ldc", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_blas_sgemm = {
	.id = VACCEL_OP_BLAS_SGEMM,
	.name = "blas_sgemm",
	.fn_name = "vaccel_sgemm",
	.nr_params = sizeof(params_blas_sgemm) / sizeof(params_blas_sgemm[0]),
	.params = params_blas_sgemm,
	.call = call_blas_sgemm,
	.since = "0.1",
	.sig_hash = 0x78005d79u,
};

static int call_fpga_arraycopy(void *fn, void **argv)
{
	return ((vaccel_op_fpga_arraycopy_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(int **)argv[1],
		*(int **)argv[2],
		*(size_t *)argv[3]);
}

static const struct vaccel_param_desc params_fpga_arraycopy[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_a", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_fpga_arraycopy = {
	.id = VACCEL_OP_FPGA_ARRAYCOPY,
	.name = "fpga_arraycopy",
	.fn_name = "vaccel_fpga_arraycopy",
	.nr_params = sizeof(params_fpga_arraycopy) / sizeof(params_fpga_arraycopy[0]),
	.params = params_fpga_arraycopy,
	.call = call_fpga_arraycopy,
	.since = "0.1",
	.sig_hash = 0x981c295du,
};

static int call_fpga_mmult(void *fn, void **argv)
{
	return ((vaccel_op_fpga_mmult_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(float **)argv[1],
		*(float **)argv[2],
		*(float **)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_fpga_mmult[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "b", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "c", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_a", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_fpga_mmult = {
	.id = VACCEL_OP_FPGA_MMULT,
	.name = "fpga_mmult",
	.fn_name = "vaccel_fpga_mmult",
	.nr_params = sizeof(params_fpga_mmult) / sizeof(params_fpga_mmult[0]),
	.params = params_fpga_mmult,
	.call = call_fpga_mmult,
	.since = "0.1",
	.sig_hash = 0x8357c5cdu,
};

static int call_fpga_parallel(void *fn, void **argv)
{
	return ((vaccel_op_fpga_parallel_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(float **)argv[1],
		*(float **)argv[2],
		*(float **)argv[3],
		*(float **)argv[4],
		*(size_t *)argv[5]);
}

static const struct vaccel_param_desc params_fpga_parallel[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "b", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "add_output", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "mult_output", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_a", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_fpga_parallel = {
	.id = VACCEL_OP_FPGA_PARALLEL,
	.name = "fpga_parallel",
	.fn_name = "vaccel_fpga_parallel",
	.nr_params = sizeof(params_fpga_parallel) / sizeof(params_fpga_parallel[0]),
	.params = params_fpga_parallel,
	.call = call_fpga_parallel,
	.since = "0.1",
	.sig_hash = 0x1b6a9528u,
};

static int call_fpga_vectoradd(void *fn, void **argv)
{
	return ((vaccel_op_fpga_vectoradd_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(float **)argv[1],
		*(float **)argv[2],
		*(float **)argv[3],
		*(size_t *)argv[4],
		*(size_t *)argv[5]);
}

static const struct vaccel_param_desc params_fpga_vectoradd[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "b", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "c", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_a", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_b", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_fpga_vectoradd = {
	.id = VACCEL_OP_FPGA_VECTORADD,
	.name = "fpga_vectoradd",
	.fn_name = "vaccel_fpga_vadd",
	.nr_params = sizeof(params_fpga_vectoradd) / sizeof(params_fpga_vectoradd[0]),
	.params = params_fpga_vectoradd,
	.call = call_fpga_vectoradd,
	.since = "0.1",
	.sig_hash = 0x66425401u,
};

static int call_minmax(void *fn, void **argv)
{
	return ((vaccel_op_minmax_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const double **)argv[1],
		*(int *)argv[2],
		*(int *)argv[3],
		*(int *)argv[4],
		*(double **)argv[5],
		*(double **)argv[6],
		*(double **)argv[7]);
}

static const struct vaccel_param_desc params_minmax[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "indata", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F64, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(double), .count = { 2, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "ndata", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "low_threshold", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "high_threshold", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "outdata", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F64, .flags = 0, .elem_size = sizeof(double), .count = { 2, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "min", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F64, .flags = 0, .elem_size = sizeof(double), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "max", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F64, .flags = 0, .elem_size = sizeof(double), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_minmax = {
	.id = VACCEL_OP_MINMAX,
	.name = "minmax",
	.fn_name = "vaccel_minmax",
	.nr_params = sizeof(params_minmax) / sizeof(params_minmax[0]),
	.params = params_minmax,
	.call = call_minmax,
	.since = "0.1",
	.sig_hash = 0xed74fd76u,
};

static int call_opencv(void *fn, void **argv)
{
	return ((vaccel_op_opencv_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_arg **)argv[1],
		*(int *)argv[2],
		*(struct vaccel_arg **)argv[3],
		*(int *)argv[4]);
}

static const struct vaccel_param_desc params_opencv[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "read", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 2, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_read", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "write", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_INOUT, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_write", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_opencv = {
	.id = VACCEL_OP_OPENCV,
	.name = "opencv",
	.fn_name = "vaccel_opencv_unpack",
	.nr_params = sizeof(params_opencv) / sizeof(params_opencv[0]),
	.params = params_opencv,
	.call = call_opencv,
	.since = "0.1",
	.sig_hash = 0x4b35f6bbu,
};

const struct vaccel_op_desc *const vaccel_op_descs[VACCEL_OP_MAX] = {
	[VACCEL_OP_NOOP] = &desc_noop,
	[VACCEL_OP_EXEC] = &desc_exec,
	[VACCEL_OP_EXEC_WITH_RESOURCE] = &desc_exec_with_resource,
	[VACCEL_OP_IMAGE_CLASSIFY] = &desc_image_classify,
	[VACCEL_OP_IMAGE_DETECT] = &desc_image_detect,
	[VACCEL_OP_IMAGE_SEGMENT] = &desc_image_segment,
	[VACCEL_OP_IMAGE_POSE] = &desc_image_pose,
	[VACCEL_OP_IMAGE_DEPTH] = &desc_image_depth,
	[VACCEL_OP_TF_MODEL_LOAD] = &desc_tf_model_load,
	[VACCEL_OP_TF_MODEL_UNLOAD] = &desc_tf_model_unload,
	[VACCEL_OP_TF_MODEL_RUN] = &desc_tf_model_run,
	[VACCEL_OP_TFLITE_MODEL_LOAD] = &desc_tflite_model_load,
	[VACCEL_OP_TFLITE_MODEL_UNLOAD] = &desc_tflite_model_unload,
	[VACCEL_OP_TFLITE_MODEL_RUN] = &desc_tflite_model_run,
	[VACCEL_OP_TORCH_MODEL_LOAD] = &desc_torch_model_load,
	[VACCEL_OP_TORCH_MODEL_RUN] = &desc_torch_model_run,
	[VACCEL_OP_TORCH_SGEMM] = &desc_torch_sgemm,
	[VACCEL_OP_BLAS_SGEMM] = &desc_blas_sgemm,
	[VACCEL_OP_FPGA_ARRAYCOPY] = &desc_fpga_arraycopy,
	[VACCEL_OP_FPGA_MMULT] = &desc_fpga_mmult,
	[VACCEL_OP_FPGA_PARALLEL] = &desc_fpga_parallel,
	[VACCEL_OP_FPGA_VECTORADD] = &desc_fpga_vectoradd,
	[VACCEL_OP_MINMAX] = &desc_minmax,
	[VACCEL_OP_OPENCV] = &desc_opencv,
};

/* Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
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

static int call_sample_basic(void *fn, void **argv)
{
	return ((vaccel_op_sample_basic_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(int64_t *)argv[1],
		*(const char **)argv[2],
		*(const void **)argv[3],
		*(unsigned char **)argv[4],
		*(double **)argv[5],
		*(size_t *)argv[6],
		*(size_t *)argv[7],
		*(struct vaccel_arg **)argv[8],
		*(int *)argv[9],
		*(struct vaccel_arg **)argv[10],
		*(int *)argv[11]);
}

static const struct vaccel_param_desc params_sample_basic[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "count", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "name", .kind = VACCEL_PARAM_STRING, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "data", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "text", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = 0, .elem_size = sizeof(unsigned char), .count = { 7, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "min", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F64, .flags = 0, .elem_size = sizeof(double), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "len_data", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_text", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "read", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_ARG, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(struct vaccel_arg), .count = { 9, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_read", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "write", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_INOUT, .type = VACCEL_STRUCT_ARG, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(struct vaccel_arg), .count = { 11, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_write", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_sample_basic = {
	.id = VACCEL_OP_SAMPLE_BASIC,
	.name = "sample_basic",
	.fn_name = "vaccel_basic",
	.nr_params = sizeof(params_sample_basic) / sizeof(params_sample_basic[0]),
	.params = params_sample_basic,
	.call = call_sample_basic,
	.since = "0.1",
	.sig_hash = 0x9f039b54u,
};

static int call_sample_model(void *fn, void **argv)
{
	return ((vaccel_op_sample_model_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(const struct vaccel_tf_buffer **)argv[2],
		*(struct vaccel_tf_tensor *const **)argv[3],
		*(int *)argv[4],
		*(struct vaccel_tf_tensor ***)argv[5],
		*(int *)argv[6],
		*(float **)argv[7],
		*(int64_t *)argv[8],
		*(int64_t *)argv[9],
		*(struct vaccel_tf_status **)argv[10]);
}

static const struct vaccel_param_desc params_sample_model[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "options", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_BUFFER, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_CONST, .elem_size = sizeof(struct vaccel_tf_buffer), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "inputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_TENSOR, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(void *), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_in", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "outputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_TENSOR, .flags = VACCEL_PARAM_CALLEE_OWNED, .elem_size = sizeof(void *), .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_out", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 8, 9 }, .count_const = 0, .resource_type = -1 },
	{ .name = "lda", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "k", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "status", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_STATUS, .flags = 0, .elem_size = sizeof(struct vaccel_tf_status), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_sample_model = {
	.id = VACCEL_OP_SAMPLE_MODEL,
	.name = "sample_model",
	.fn_name = "vaccel_sample_model",
	.nr_params = sizeof(params_sample_model) / sizeof(params_sample_model[0]),
	.params = params_sample_model,
	.call = call_sample_model,
	.since = "0.2",
	.sig_hash = 0xa407a071u,
};

const struct vaccel_op_desc *const vaccel_op_descs[VACCEL_OP_MAX] = {
	[VACCEL_OP_SAMPLE_BASIC] = &desc_sample_basic,
	[VACCEL_OP_SAMPLE_MODEL] = &desc_sample_model,
};

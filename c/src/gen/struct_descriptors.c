/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
/*
 * One descriptor per struct that ops take: each field's offset, kind,
 * element type and size, the field counting it and what owns it. The
 * wire marshaller walks these; nothing hand-codes a struct.
 */

#include "vaccel/op_desc.h"
#include "vaccel/arg.h"
#include "vaccel/structs.h"
#include "vaccel/tf_types.h"
#include "vaccel/tflite_types.h"
#include "vaccel/torch_types.h"

#include <stddef.h>

static const struct vaccel_field_desc fields_arg[] = {
	{ .name = "buf", .offset = offsetof(struct vaccel_arg, buf), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = 4 },
	{ .name = "size", .offset = offsetof(struct vaccel_arg, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_arg *)0)->size), .count_field = -1, .owner_field = -1 },
	{ .name = "type", .offset = offsetof(struct vaccel_arg, type), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_ENUM, .flags = 0, .elem_size = sizeof(((struct vaccel_arg *)0)->type), .count_field = -1, .owner_field = -1 },
	{ .name = "custom_type_id", .offset = offsetof(struct vaccel_arg, custom_type_id), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_U32, .flags = 0, .elem_size = sizeof(((struct vaccel_arg *)0)->custom_type_id), .count_field = -1, .owner_field = -1 },
	{ .name = "owned", .offset = offsetof(struct vaccel_arg, owned), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_BOOL, .flags = VACCEL_FIELD_LOCAL, .elem_size = sizeof(((struct vaccel_arg *)0)->owned), .count_field = -1, .owner_field = -1 },
};

static int release_arg(void *obj)
{
	return vaccel_arg_release(obj);
}

static int delete_arg(void *obj)
{
	return vaccel_arg_delete(obj);
}

static const struct vaccel_struct_desc desc_arg = {
	.type = VACCEL_STRUCT_ARG,
	.name = "arg",
	.size = sizeof(struct vaccel_arg),
	.nr_fields = sizeof(fields_arg) / sizeof(fields_arg[0]),
	.fields = fields_arg,
	.release = release_arg,
	.destroy = delete_arg,
};

static const struct vaccel_field_desc fields_torch_tensor[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_torch_tensor, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = 2 },
	{ .name = "size", .offset = offsetof(struct vaccel_torch_tensor, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_torch_tensor *)0)->size), .count_field = -1, .owner_field = -1 },
	{ .name = "owned", .offset = offsetof(struct vaccel_torch_tensor, owned), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_BOOL, .flags = VACCEL_FIELD_LOCAL, .elem_size = sizeof(((struct vaccel_torch_tensor *)0)->owned), .count_field = -1, .owner_field = -1 },
	{ .name = "nr_dims", .offset = offsetof(struct vaccel_torch_tensor, nr_dims), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(((struct vaccel_torch_tensor *)0)->nr_dims), .count_field = -1, .owner_field = -1 },
	{ .name = "dims", .offset = offsetof(struct vaccel_torch_tensor, dims), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_I64, .flags = VACCEL_FIELD_OWNED, .elem_size = sizeof(*((struct vaccel_torch_tensor *)0)->dims), .count_field = 3, .owner_field = -1 },
	{ .name = "data_type", .offset = offsetof(struct vaccel_torch_tensor, data_type), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_ENUM, .flags = 0, .elem_size = sizeof(((struct vaccel_torch_tensor *)0)->data_type), .count_field = -1, .owner_field = -1 },
};

static int release_torch_tensor(void *obj)
{
	return vaccel_torch_tensor_release(obj);
}

static int delete_torch_tensor(void *obj)
{
	return vaccel_torch_tensor_delete(obj);
}

static const struct vaccel_struct_desc desc_torch_tensor = {
	.type = VACCEL_STRUCT_TORCH_TENSOR,
	.name = "torch_tensor",
	.size = sizeof(struct vaccel_torch_tensor),
	.nr_fields = sizeof(fields_torch_tensor) / sizeof(fields_torch_tensor[0]),
	.fields = fields_torch_tensor,
	.release = release_torch_tensor,
	.destroy = delete_torch_tensor,
};

static const struct vaccel_field_desc fields_torch_buffer[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_torch_buffer, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_FIELD_OWNED, .elem_size = sizeof(*((struct vaccel_torch_buffer *)0)->data), .count_field = 1, .owner_field = -1 },
	{ .name = "size", .offset = offsetof(struct vaccel_torch_buffer, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_torch_buffer *)0)->size), .count_field = -1, .owner_field = -1 },
};

static int release_torch_buffer(void *obj)
{
	return vaccel_torch_buffer_release(obj);
}

static int delete_torch_buffer(void *obj)
{
	return vaccel_torch_buffer_delete(obj);
}

static const struct vaccel_struct_desc desc_torch_buffer = {
	.type = VACCEL_STRUCT_TORCH_BUFFER,
	.name = "torch_buffer",
	.size = sizeof(struct vaccel_torch_buffer),
	.nr_fields = sizeof(fields_torch_buffer) / sizeof(fields_torch_buffer[0]),
	.fields = fields_torch_buffer,
	.release = release_torch_buffer,
	.destroy = delete_torch_buffer,
};

static const struct vaccel_field_desc fields_tf_tensor[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_tf_tensor, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = 2 },
	{ .name = "size", .offset = offsetof(struct vaccel_tf_tensor, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->size), .count_field = -1, .owner_field = -1 },
	{ .name = "owned", .offset = offsetof(struct vaccel_tf_tensor, owned), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_BOOL, .flags = VACCEL_FIELD_LOCAL, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->owned), .count_field = -1, .owner_field = -1 },
	{ .name = "nr_dims", .offset = offsetof(struct vaccel_tf_tensor, nr_dims), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->nr_dims), .count_field = -1, .owner_field = -1 },
	{ .name = "dims", .offset = offsetof(struct vaccel_tf_tensor, dims), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_I64, .flags = VACCEL_FIELD_OWNED, .elem_size = sizeof(*((struct vaccel_tf_tensor *)0)->dims), .count_field = 3, .owner_field = -1 },
	{ .name = "data_type", .offset = offsetof(struct vaccel_tf_tensor, data_type), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_ENUM, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->data_type), .count_field = -1, .owner_field = -1 },
};

static int release_tf_tensor(void *obj)
{
	return vaccel_tf_tensor_release(obj);
}

static int delete_tf_tensor(void *obj)
{
	return vaccel_tf_tensor_delete(obj);
}

static const struct vaccel_struct_desc desc_tf_tensor = {
	.type = VACCEL_STRUCT_TF_TENSOR,
	.name = "tf_tensor",
	.size = sizeof(struct vaccel_tf_tensor),
	.nr_fields = sizeof(fields_tf_tensor) / sizeof(fields_tf_tensor[0]),
	.fields = fields_tf_tensor,
	.release = release_tf_tensor,
	.destroy = delete_tf_tensor,
};

static const struct vaccel_field_desc fields_tf_buffer[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_tf_buffer, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = -1 },
	{ .name = "size", .offset = offsetof(struct vaccel_tf_buffer, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_buffer *)0)->size), .count_field = -1, .owner_field = -1 },
};

static int release_tf_buffer(void *obj)
{
	return vaccel_tf_buffer_release(obj);
}

static int delete_tf_buffer(void *obj)
{
	return vaccel_tf_buffer_delete(obj);
}

static const struct vaccel_struct_desc desc_tf_buffer = {
	.type = VACCEL_STRUCT_TF_BUFFER,
	.name = "tf_buffer",
	.size = sizeof(struct vaccel_tf_buffer),
	.nr_fields = sizeof(fields_tf_buffer) / sizeof(fields_tf_buffer[0]),
	.fields = fields_tf_buffer,
	.release = release_tf_buffer,
	.destroy = delete_tf_buffer,
};

static const struct vaccel_field_desc fields_tf_node[] = {
	{ .name = "name", .offset = offsetof(struct vaccel_tf_node, name), .kind = VACCEL_FIELD_STRING, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = -1, .owner_field = -1 },
	{ .name = "id", .offset = offsetof(struct vaccel_tf_node, id), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_node *)0)->id), .count_field = -1, .owner_field = -1 },
};

static int release_tf_node(void *obj)
{
	return vaccel_tf_node_release(obj);
}

static int delete_tf_node(void *obj)
{
	return vaccel_tf_node_delete(obj);
}

static const struct vaccel_struct_desc desc_tf_node = {
	.type = VACCEL_STRUCT_TF_NODE,
	.name = "tf_node",
	.size = sizeof(struct vaccel_tf_node),
	.nr_fields = sizeof(fields_tf_node) / sizeof(fields_tf_node[0]),
	.fields = fields_tf_node,
	.release = release_tf_node,
	.destroy = delete_tf_node,
};

static const struct vaccel_field_desc fields_tf_status[] = {
	{ .name = "code", .offset = offsetof(struct vaccel_tf_status, code), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_U8, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_status *)0)->code), .count_field = -1, .owner_field = -1 },
	{ .name = "message", .offset = offsetof(struct vaccel_tf_status, message), .kind = VACCEL_FIELD_STRING, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_FIELD_OWNED | VACCEL_FIELD_NULLABLE, .elem_size = 1, .count_field = -1, .owner_field = -1 },
};

static int release_tf_status(void *obj)
{
	return vaccel_tf_status_release(obj);
}

static int delete_tf_status(void *obj)
{
	return vaccel_tf_status_delete(obj);
}

static const struct vaccel_struct_desc desc_tf_status = {
	.type = VACCEL_STRUCT_TF_STATUS,
	.name = "tf_status",
	.size = sizeof(struct vaccel_tf_status),
	.nr_fields = sizeof(fields_tf_status) / sizeof(fields_tf_status[0]),
	.fields = fields_tf_status,
	.release = release_tf_status,
	.destroy = delete_tf_status,
};

static const struct vaccel_field_desc fields_tflite_tensor[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_tflite_tensor, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = 2 },
	{ .name = "size", .offset = offsetof(struct vaccel_tflite_tensor, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_tflite_tensor *)0)->size), .count_field = -1, .owner_field = -1 },
	{ .name = "owned", .offset = offsetof(struct vaccel_tflite_tensor, owned), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_BOOL, .flags = VACCEL_FIELD_LOCAL, .elem_size = sizeof(((struct vaccel_tflite_tensor *)0)->owned), .count_field = -1, .owner_field = -1 },
	{ .name = "nr_dims", .offset = offsetof(struct vaccel_tflite_tensor, nr_dims), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(((struct vaccel_tflite_tensor *)0)->nr_dims), .count_field = -1, .owner_field = -1 },
	{ .name = "dims", .offset = offsetof(struct vaccel_tflite_tensor, dims), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_I32, .flags = VACCEL_FIELD_OWNED, .elem_size = sizeof(*((struct vaccel_tflite_tensor *)0)->dims), .count_field = 3, .owner_field = -1 },
	{ .name = "data_type", .offset = offsetof(struct vaccel_tflite_tensor, data_type), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_ENUM, .flags = 0, .elem_size = sizeof(((struct vaccel_tflite_tensor *)0)->data_type), .count_field = -1, .owner_field = -1 },
};

static int release_tflite_tensor(void *obj)
{
	return vaccel_tflite_tensor_release(obj);
}

static int delete_tflite_tensor(void *obj)
{
	return vaccel_tflite_tensor_delete(obj);
}

static const struct vaccel_struct_desc desc_tflite_tensor = {
	.type = VACCEL_STRUCT_TFLITE_TENSOR,
	.name = "tflite_tensor",
	.size = sizeof(struct vaccel_tflite_tensor),
	.nr_fields = sizeof(fields_tflite_tensor) / sizeof(fields_tflite_tensor[0]),
	.fields = fields_tflite_tensor,
	.release = release_tflite_tensor,
	.destroy = delete_tflite_tensor,
};

const struct vaccel_struct_desc *vaccel_struct_desc_get(unsigned int type)
{
	switch (type) {
	case VACCEL_STRUCT_ARG:
		return &desc_arg;
	case VACCEL_STRUCT_TORCH_TENSOR:
		return &desc_torch_tensor;
	case VACCEL_STRUCT_TORCH_BUFFER:
		return &desc_torch_buffer;
	case VACCEL_STRUCT_TF_TENSOR:
		return &desc_tf_tensor;
	case VACCEL_STRUCT_TF_BUFFER:
		return &desc_tf_buffer;
	case VACCEL_STRUCT_TF_NODE:
		return &desc_tf_node;
	case VACCEL_STRUCT_TF_STATUS:
		return &desc_tf_status;
	case VACCEL_STRUCT_TFLITE_TENSOR:
		return &desc_tflite_tensor;
	default:
		return NULL;
	}
}

/* Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
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

static const struct vaccel_field_desc fields_tf_tensor[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_tf_tensor, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = 2 },
	{ .name = "size", .offset = offsetof(struct vaccel_tf_tensor, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->size), .count_field = -1, .owner_field = -1 },
	{ .name = "owned", .offset = offsetof(struct vaccel_tf_tensor, owned), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_BOOL, .flags = VACCEL_FIELD_LOCAL, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->owned), .count_field = -1, .owner_field = -1 },
	{ .name = "nr_dims", .offset = offsetof(struct vaccel_tf_tensor, nr_dims), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->nr_dims), .count_field = -1, .owner_field = -1 },
	{ .name = "dims", .offset = offsetof(struct vaccel_tf_tensor, dims), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_I64, .flags = VACCEL_FIELD_OWNED, .elem_size = sizeof(*((struct vaccel_tf_tensor *)0)->dims), .count_field = 3, .owner_field = -1 },
	{ .name = "data_type", .offset = offsetof(struct vaccel_tf_tensor, data_type), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_ENUM, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->data_type), .count_field = -1, .owner_field = -1 },
};

static const struct vaccel_struct_desc desc_tf_tensor = {
	.type = VACCEL_STRUCT_TF_TENSOR,
	.name = "tf_tensor",
	.size = sizeof(struct vaccel_tf_tensor),
	.nr_fields = sizeof(fields_tf_tensor) / sizeof(fields_tf_tensor[0]),
	.fields = fields_tf_tensor,
	.release = NULL,
	.destroy = NULL,
};

const struct vaccel_struct_desc *vaccel_struct_desc_get(unsigned int type)
{
	switch (type) {
	case VACCEL_STRUCT_TF_STATUS:
		return &desc_tf_status;
	case VACCEL_STRUCT_TF_TENSOR:
		return &desc_tf_tensor;
	default:
		return NULL;
	}
}

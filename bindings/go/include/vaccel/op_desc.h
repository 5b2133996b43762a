/* Copied from c/include/vaccel/op_desc.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Op descriptors: what idl/vaccel.idl says about each op's parameters, as
 * data. The tables themselves are generated (c/src/gen/op_descriptors.c);
 * the core validates calls with them, genop unpacks arguments with them,
 * and transports marshal with them. Plugins with a generic entry point
 * (struct vaccel_plugin_descriptor.invoke) receive them too.
 */

#include "vaccel/enums.h"
#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a parameter is. */
enum vaccel_param_kind {
	VACCEL_PARAM_SESSION = 1, /* struct vaccel_session * */
	VACCEL_PARAM_RESOURCE,	  /* struct vaccel_resource * */
	VACCEL_PARAM_SCALAR,	  /* an integer or float passed by value */
	VACCEL_PARAM_STRING,	  /* NUL-terminated char * */
	VACCEL_PARAM_BUFFER,	  /* pointer to `count` scalars (void: bytes) */
	VACCEL_PARAM_STRUCT,	  /* pointer to `count` structs */
	VACCEL_PARAM_STRUCT_PTRS, /* pointer to `count` struct pointers */
	VACCEL_PARAM_ARGS,	  /* pointer to `count` struct vaccel_arg */
};

enum vaccel_param_dir {
	VACCEL_PARAM_IN = 1,
	VACCEL_PARAM_OUT = 2,
	VACCEL_PARAM_INOUT = 3,
};

/* Element types: scalars, then structs. */
enum vaccel_param_type {
	VACCEL_SCALAR_INT = 1,
	VACCEL_SCALAR_I8,
	VACCEL_SCALAR_I16,
	VACCEL_SCALAR_I32,
	VACCEL_SCALAR_I64,
	VACCEL_SCALAR_U8,
	VACCEL_SCALAR_U16,
	VACCEL_SCALAR_U32,
	VACCEL_SCALAR_U64,
	VACCEL_SCALAR_SIZE,
	VACCEL_SCALAR_F32,
	VACCEL_SCALAR_F64,
	VACCEL_SCALAR_BOOL,
	VACCEL_SCALAR_CHAR,
	VACCEL_SCALAR_UCHAR,
	VACCEL_SCALAR_BYTE, /* void: raw bytes */
	VACCEL_SCALAR_ENUM, /* a C enum (struct fields only) */
	VACCEL_STRUCT_SESSION = 64,
	VACCEL_STRUCT_RESOURCE,
	VACCEL_STRUCT_ARG,
	VACCEL_STRUCT_TORCH_TENSOR,
	VACCEL_STRUCT_TORCH_BUFFER,
	VACCEL_STRUCT_TF_TENSOR,
	VACCEL_STRUCT_TF_NODE,
	VACCEL_STRUCT_TF_BUFFER,
	VACCEL_STRUCT_TF_STATUS,
	VACCEL_STRUCT_TFLITE_TENSOR,
};

/* Parameter flags. */
#define VACCEL_PARAM_NULLABLE 0x1u     /* may be NULL */
#define VACCEL_PARAM_CALLEE_OWNED 0x2u /* backend allocates, caller frees */
#define VACCEL_PARAM_CONST 0x4u	  /* the callee does not write through it */
#define VACCEL_PARAM_DERIVED 0x8u /* a count genop derives from its array */
/* An out char buffer receiving NUL-terminated text: its count is the
 * capacity; what is written ends at the first NUL. */
#define VACCEL_PARAM_TEXT 0x10u

struct vaccel_param_desc {
	const char *name;
	uint8_t kind;  /* enum vaccel_param_kind */
	uint8_t dir;   /* enum vaccel_param_dir */
	uint8_t type;  /* enum vaccel_param_type */
	uint8_t flags; /* VACCEL_PARAM_* */
	/* Size of one element (of the value itself for SCALAR). */
	uint32_t elem_size;
	/* Element count of a pointer parameter: the product of the parameters
	 * at these indices (-1: unused), or count_const when count[0] < 0. */
	int16_t count[2];
	uint32_t count_const;
	/* RESOURCE: the vaccel_resource_type_t expected, or -1. */
	int32_t resource_type;
};

struct vaccel_op_desc {
	vaccel_op_type_t id;
	/* The op's IDL name ("torch_model_run") and C function name. */
	const char *name;
	const char *fn_name;
	uint32_t nr_params;
	const struct vaccel_param_desc *params;
	/* Calls `fn` (of this op's typed signature) with argv[i] pointing at
	 * the value of parameter i. */
	int (*call)(void *fn, void **argv);
	/* The IDL version that introduced the op ("0.1"). */
	const char *since;
	/* FNV-1a of the op's wire signature (parameters and the layouts of
	 * the structs they carry): a client and an agent speak an op only when
	 * their hashes agree. */
	uint32_t sig_hash;
};

/* ---- Struct layouts (idl/vaccel.idl `struct`) ------------------------ */

enum vaccel_field_kind {
	VACCEL_FIELD_SCALAR = 1, /* a value stored in the struct */
	VACCEL_FIELD_ARRAY,	 /* a pointer to `count_field` elements */
	VACCEL_FIELD_STRING,	 /* a NUL-terminated char * */
};

/* Field flags. */
#define VACCEL_FIELD_OWNED                                                     \
	0x1u /* freed with the struct (when owner_field,                       \
		only while that bool is true) */
#define VACCEL_FIELD_LOCAL                                                     \
	0x2u			   /* meaningful in this process only: not     \
				      marshalled */
#define VACCEL_FIELD_NULLABLE 0x4u /* may be NULL */

struct vaccel_field_desc {
	const char *name;
	uint32_t offset;
	uint8_t kind;	   /* enum vaccel_field_kind */
	uint8_t type;	   /* enum vaccel_param_type (a scalar type) */
	uint8_t flags;	   /* VACCEL_FIELD_* */
	uint8_t elem_size; /* bytes of the value, or of one array element */
	/* ARRAY: the index of the integer field holding its element count. */
	int8_t count_field;
	/* OWNED: the index of the local bool saying whether it is owned, or
	 * -1 when it always is. */
	int8_t owner_field;
};

struct vaccel_struct_desc {
	uint8_t type; /* VACCEL_STRUCT_* */
	const char *name;
	uint32_t size;
	uint32_t nr_fields;
	const struct vaccel_field_desc *fields;
	/* Frees what an object owns, not the object (NULL: nothing owned). */
	int (*release)(void *obj);
	/* Frees what a heap object (from *_new / *_allocate) owns and the
	 * object itself: what a caller does with callee-owned outputs. */
	int (*destroy)(void *obj);
};

/* The layout of struct type `type` (VACCEL_STRUCT_*), or NULL. */
const struct vaccel_struct_desc *vaccel_struct_desc_get(unsigned int type);

/* The descriptor of op `op`, or NULL when no such op exists. */
const struct vaccel_op_desc *vaccel_op_desc_get(unsigned int op);

/* The value of an integer parameter of type `type` (enum vaccel_param_type)
 * stored at `value`; -1 for non-integer types and values above LLONG_MAX. */
static inline long long vaccel_param_int(uint8_t type, const void *value)
{
	switch (type) {
	case VACCEL_SCALAR_INT:
		return *(const int *)value;
	case VACCEL_SCALAR_I8:
		return *(const int8_t *)value;
	case VACCEL_SCALAR_I16:
		return *(const int16_t *)value;
	case VACCEL_SCALAR_I32:
		return *(const int32_t *)value;
	case VACCEL_SCALAR_I64:
		return *(const int64_t *)value;
	case VACCEL_SCALAR_U8:
		return *(const uint8_t *)value;
	case VACCEL_SCALAR_U16:
		return *(const uint16_t *)value;
	case VACCEL_SCALAR_U32:
		return *(const uint32_t *)value;
	case VACCEL_SCALAR_U64:
		return *(const uint64_t *)value > LLONG_MAX
			   ? -1
			   : (long long)*(const uint64_t *)value;
	case VACCEL_SCALAR_SIZE:
		return *(const size_t *)value > LLONG_MAX
			   ? -1
			   : (long long)*(const size_t *)value;
	default:
		return -1;
	}
}

/* The element count of pointer parameter `i` of `desc` in the call whose
 * argv[k] points at parameter k; -1 when a count is negative (or above
 * LLONG_MAX) or when the product of two counts does not fit a long long. */
static inline long long vaccel_param_count(const struct vaccel_op_desc *desc,
					   unsigned int i, void *const *argv)
{
	const struct vaccel_param_desc *p = &desc->params[i];
	long long n = 1;

	if (p->count[0] < 0)
		return p->count_const;
	for (int k = 0; k < 2 && p->count[k] >= 0; k++) {
		long long v = vaccel_param_int(desc->params[p->count[k]].type,
					       argv[p->count[k]]);

		if (v < 0 || (v > 0 && n > LLONG_MAX / v))
			return -1;
		n *= v;
	}
	return n;
}

/* The size in bytes of pointer parameter `i` (its count times its element
 * size); -1 when vaccel_param_count() is -1 or the size is larger than any
 * object can be (PTRDIFF_MAX). Use it for every count x size: a caller's
 * counts are untrusted. */
static inline long long vaccel_param_bytes(const struct vaccel_op_desc *desc,
					   unsigned int i, void *const *argv)
{
	long long n = vaccel_param_count(desc, i, argv);
	long long size = desc->params[i].elem_size;

	if (n < 0 || (size > 0 && n > (long long)(PTRDIFF_MAX / size)))
		return -1;
	return n * size;
}

#ifdef __cplusplus
}
#endif

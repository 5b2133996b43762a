/* Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include <errno.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Error codes (the linker checks `errors(...)` names against this enum). */
typedef enum {
	/** Success. */
	VACCEL_OK = 0,
	/** An argument is invalid. */
	VACCEL_EINVAL = EINVAL,
	VACCEL_ENOTSUP = ENOTSUP,
	/** An alias member: the same value under a second name. */
	VACCEL_EINVALID = VACCEL_EINVAL,
} vaccel_error_t;

/** The constant's name ("VACCEL_OK"), or "unknown". */
const char *vaccel_error_to_str(vaccel_error_t value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_error_from_str(const char *str, vaccel_error_t *value);

/** Resource types (the linker checks `resource(X)` against this enum). */
typedef enum {
	VACCEL_RESOURCE_LIB = 0,
	VACCEL_RESOURCE_MODEL = 2,
	/** One past the largest value. */
	VACCEL_RESOURCE_MAX = 3,
} vaccel_resource_type_t;

/** The constant's name ("VACCEL_RESOURCE_LIB"), or "unknown". */
const char *vaccel_resource_type_to_str(vaccel_resource_type_t value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_resource_type_from_str(const char *str, vaccel_resource_type_t *value);

/** A data-type enum: `size N` gives bytes per element (enum_tables.h). */
enum sample_dtype {
	SAMPLE_DT_F32 = 1,
	SAMPLE_DT_STR = 2,
	/** An alias shares its target's size. */
	SAMPLE_DT_SINGLE = SAMPLE_DT_F32,
};

/** The constant's name ("SAMPLE_DT_F32"), or "unknown". */
const char *vaccel_sample_dtype_to_str(enum sample_dtype value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_sample_dtype_from_str(const char *str, enum sample_dtype *value);

/** A flags enum: values are rendered in hex. */
enum sample_flags {
	SAMPLE_FLAG_NONE = 0x0,
	SAMPLE_FLAG_FAST = 0x1,
	SAMPLE_FLAG_SAFE = 0x2,
	SAMPLE_FLAG_ALL = 0x3,
};

/** The constant's name ("SAMPLE_FLAG_NONE"), or "unknown". */
const char *vaccel_sample_flags_to_str(enum sample_flags value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_sample_flags_from_str(const char *str, enum sample_flags *value);

/** Operation ids: the values of vaccel_op_type_t (one per op). */
typedef enum {
	/** Scalars, strings, byte buffers, out buffers, out scalars and arg arrays. */
	VACCEL_OP_SAMPLE_BASIC = 0,
	/** Structs, struct pointer arrays, a resource and a product count. */
	VACCEL_OP_SAMPLE_MODEL = 1,
	/** Number of op ids (one past the last). */
	VACCEL_OP_MAX = 2,
} vaccel_op_type_t;

/** The constant's name ("VACCEL_OP_SAMPLE_BASIC"), or "unknown". */
const char *vaccel_op_type_to_str(vaccel_op_type_t value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_op_type_from_str(const char *str, vaccel_op_type_t *value);

#ifdef __cplusplus
}
#endif

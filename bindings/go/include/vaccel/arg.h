/* Copied from c/include/vaccel/arg.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"
#include "vaccel/structs.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The typed arg families: (suffix, C type, scalar arg type, array arg type).
 * Same name and columns as vAccel's, so code that expands it keeps working;
 * every typed declaration and definition below comes from this one list. */
#define VACCEL_ARG_NUMERIC_TYPES(X)                                            \
	X(int8, int8_t, VACCEL_ARG_INT8, VACCEL_ARG_INT8_ARRAY)                \
	X(int16, int16_t, VACCEL_ARG_INT16, VACCEL_ARG_INT16_ARRAY)            \
	X(int32, int32_t, VACCEL_ARG_INT32, VACCEL_ARG_INT32_ARRAY)            \
	X(int64, int64_t, VACCEL_ARG_INT64, VACCEL_ARG_INT64_ARRAY)            \
	X(uint8, uint8_t, VACCEL_ARG_UINT8, VACCEL_ARG_UINT8_ARRAY)            \
	X(uint16, uint16_t, VACCEL_ARG_UINT16, VACCEL_ARG_UINT16_ARRAY)        \
	X(uint32, uint32_t, VACCEL_ARG_UINT32, VACCEL_ARG_UINT32_ARRAY)        \
	X(uint64, uint64_t, VACCEL_ARG_UINT64, VACCEL_ARG_UINT64_ARRAY)        \
	X(float, float, VACCEL_ARG_FLOAT32, VACCEL_ARG_FLOAT32_ARRAY)          \
	X(double, double, VACCEL_ARG_FLOAT64, VACCEL_ARG_FLOAT64_ARRAY)        \
	X(bool, bool, VACCEL_ARG_BOOL, VACCEL_ARG_BOOL_ARRAY)                  \
	X(char, char, VACCEL_ARG_CHAR, VACCEL_ARG_CHAR_ARRAY)                  \
	X(uchar, unsigned char, VACCEL_ARG_UCHAR, VACCEL_ARG_UCHAR_ARRAY)

/* Copies `buf` (or zero-fills `size` bytes when `buf` is NULL) into memory
 * the arg owns. */
int vaccel_arg_init(struct vaccel_arg *arg, const void *buf, size_t size,
		    vaccel_arg_type_t type, uint32_t custom_id);
/* Points at `buf` without copying; the caller keeps ownership. */
int vaccel_arg_init_from_buf(struct vaccel_arg *arg, void *buf, size_t size,
			     vaccel_arg_type_t type, uint32_t custom_id);
/* Frees owned data and empties the arg (type VACCEL_ARG_MAX). */
int vaccel_arg_release(struct vaccel_arg *arg);
int vaccel_arg_new(struct vaccel_arg **arg, const void *buf, size_t size,
		   vaccel_arg_type_t type, uint32_t custom_id);
int vaccel_arg_from_buf(struct vaccel_arg **arg, void *buf, size_t size,
			vaccel_arg_type_t type, uint32_t custom_id);
int vaccel_arg_delete(struct vaccel_arg *arg);

/* A sequence of args: add_* appends at `count`, get_* and set_* work on
 * the arg at `position` and advance it on success. */
struct vaccel_arg_array {
	struct vaccel_arg *args;
	size_t count;
	size_t capacity;
	size_t position;
	/* The array owns `args` (it grows and frees them); false when it
	 * wraps a caller's C array. */
	bool owned;
};

/* Says whether `buf` holds a valid value of custom type `custom_id`. */
typedef bool (*vaccel_arg_type_validator_fn)(const void *buf, size_t size,
					     uint32_t custom_id);
/* Turns `data` into a malloc'd `*buf` of `*size` bytes (the array frees it
 * with free()). */
typedef int (*vaccel_arg_serializer_fn)(const void *data, size_t data_size,
					uint32_t custom_id, void **buf,
					size_t *size);
/* Fills `data` (`data_size` bytes) from the serialized `buf`. */
typedef int (*vaccel_arg_deserializer_fn)(const void *buf, size_t size,
					  uint32_t custom_id, size_t data_size,
					  void *data);

/* `initial_capacity` 0 picks a default; the array grows as needed. */
int vaccel_arg_array_init(struct vaccel_arg_array *array,
			  size_t initial_capacity);
int vaccel_arg_array_release(struct vaccel_arg_array *array);
int vaccel_arg_array_new(struct vaccel_arg_array **array,
			 size_t initial_capacity);
int vaccel_arg_array_delete(struct vaccel_arg_array *array);
/* Uses the caller's `args` as a fixed-size array (nothing is added). */
int vaccel_arg_array_wrap(struct vaccel_arg_array *array,
			  struct vaccel_arg *args, size_t count);
/* Releases every arg and resets count and position; keeps the storage. */
void vaccel_arg_array_clear(struct vaccel_arg_array *array);

/* add_*: the new arg points at the caller's buffer (no copy). */
int vaccel_arg_array_add_raw(struct vaccel_arg_array *array, void *buf,
			     size_t size);
int vaccel_arg_array_add_string(struct vaccel_arg_array *array, char *str);
int vaccel_arg_array_add_buffer(struct vaccel_arg_array *array, void *buf,
				size_t size);
int vaccel_arg_array_add_custom(struct vaccel_arg_array *array,
				uint32_t custom_id, void *buf, size_t size,
				vaccel_arg_type_validator_fn validator);
/* The serializer's output becomes an owned arg. */
int vaccel_arg_array_add_serialized(struct vaccel_arg_array *array,
				    vaccel_arg_type_t type, uint32_t custom_id,
				    const void *data, size_t data_size,
				    vaccel_arg_serializer_fn serializer);
/* Appends `count` args of `src` from `start_idx` (src's position is
 * ignored); `copy` duplicates their buffers, else dest shares them. */
int vaccel_arg_array_add_range(struct vaccel_arg_array *dest,
			       const struct vaccel_arg_array *src,
			       size_t start_idx, size_t count, bool copy);
int vaccel_arg_array_add_remaining(struct vaccel_arg_array *dest,
				   const struct vaccel_arg_array *src,
				   bool copy);
int vaccel_arg_array_add_all(struct vaccel_arg_array *dest,
			     const struct vaccel_arg_array *src, bool copy);

/* get_*: hand out the current arg's buffer (no copy). */
int vaccel_arg_array_get_raw(struct vaccel_arg_array *array, void **buf,
			     size_t *size);
int vaccel_arg_array_get_string(struct vaccel_arg_array *array, char **str);
int vaccel_arg_array_get_buffer(struct vaccel_arg_array *array, void **buf,
				size_t *size);
int vaccel_arg_array_get_custom(struct vaccel_arg_array *array,
				uint32_t expected_id, void **buf, size_t *size,
				vaccel_arg_type_validator_fn validator);
int vaccel_arg_array_get_serialized(struct vaccel_arg_array *array,
				    vaccel_arg_type_t expected_type,
				    uint32_t expected_custom_id, void *data,
				    size_t expected_size,
				    vaccel_arg_deserializer_fn deserializer);

/* set_*: copy into the current arg's existing buffer (an output arg). */
int vaccel_arg_array_set_raw(struct vaccel_arg_array *array, void *buf,
			     size_t size);
int vaccel_arg_array_set_string(struct vaccel_arg_array *array, char *str);
int vaccel_arg_array_set_buffer(struct vaccel_arg_array *array, void *buf,
				size_t size);
int vaccel_arg_array_set_custom(struct vaccel_arg_array *array,
				uint32_t expected_id, void *buf, size_t size,
				vaccel_arg_type_validator_fn validator);
int vaccel_arg_array_set_serialized(struct vaccel_arg_array *array,
				    vaccel_arg_type_t expected_type,
				    uint32_t expected_custom_id, void *data,
				    size_t data_size,
				    vaccel_arg_serializer_fn serializer);

/* The args from `position` on, without moving it. */
int vaccel_arg_array_get_remaining(struct vaccel_arg_array *array,
				   struct vaccel_arg **args, size_t *count);
size_t vaccel_arg_array_remaining_count(const struct vaccel_arg_array *array);
size_t vaccel_arg_array_position(const struct vaccel_arg_array *array);
/* Clamped to the count. */
void vaccel_arg_array_set_position(struct vaccel_arg_array *array,
				   size_t position);
void vaccel_arg_array_reset_position(struct vaccel_arg_array *array);
size_t vaccel_arg_array_count(const struct vaccel_arg_array *array);
struct vaccel_arg *vaccel_arg_array_raw(struct vaccel_arg_array *array);

/* The typed families, per the spec:
 *   add_T(array, T *value)               append, pointing at *value
 *   get_T(array, T **value)              *value = the arg's buffer
 *   set_T(array, T *value)               copy *value into the arg
 *   add_T_array(array, T *values, n)     append n values (no copy)
 *   get_T_array(array, T **values, *n)   the arg's buffer and length
 *   set_T_array(array, T *values, n)     copy n values into the arg
 * plus our get_T_value(array, T *value), which copies the value out as
 * vAccel's get_T does. */
#define VACCEL_ARG_ARRAY_DECLARE_TYPED(S, T, ARG_TYPE, ARRAY_TYPE)             \
	int vaccel_arg_array_add_##S(struct vaccel_arg_array *array,           \
				     T *value);                                \
	int vaccel_arg_array_get_##S(struct vaccel_arg_array *array,           \
				     T **value);                               \
	int vaccel_arg_array_get_##S##_value(struct vaccel_arg_array *array,   \
					     T *value);                        \
	int vaccel_arg_array_set_##S(struct vaccel_arg_array *array,           \
				     T *value);                                \
	int vaccel_arg_array_add_##S##_array(struct vaccel_arg_array *array,   \
					     T *values, size_t count);         \
	int vaccel_arg_array_get_##S##_array(struct vaccel_arg_array *array,   \
					     T **values, size_t *count);       \
	int vaccel_arg_array_set_##S##_array(struct vaccel_arg_array *array,   \
					     T *values, size_t count);

VACCEL_ARG_NUMERIC_TYPES(VACCEL_ARG_ARRAY_DECLARE_TYPED)

#ifdef __cplusplus
}

/* vAccel programs call get_T with a `T *` to receive a copy; keep that
 * compiling next to the spec's `T **` form. */
#define VACCEL_ARG_ARRAY_CXX_GET_VALUE(S, T, ARG_TYPE, ARRAY_TYPE)             \
	static inline int vaccel_arg_array_get_##S(                            \
	    struct vaccel_arg_array *array, T *value)                          \
	{                                                                      \
		return vaccel_arg_array_get_##S##_value(array, value);         \
	}                                                                      \
	static inline int vaccel_arg_array_get_##S(                            \
	    struct vaccel_arg_array *array, decltype(nullptr) value)           \
	{                                                                      \
		return vaccel_arg_array_get_##S(array, (T **)value);           \
	}

/* extern "C++": callers often include vaccel headers inside extern "C". */
extern "C++" {
VACCEL_ARG_NUMERIC_TYPES(VACCEL_ARG_ARRAY_CXX_GET_VALUE)
}
#undef VACCEL_ARG_ARRAY_CXX_GET_VALUE

#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L &&              \
    !defined(VACCEL_ARG_NO_GENERIC_GET)

/* The same in C: a `T *` argument selects get_T_value. Taking the
 * function's address (no call) still names the real get_T. */
#define VACCEL_ARG_GET_(S, T, array, value)                                    \
	_Generic((value), T *                                                  \
		 : vaccel_arg_array_get_##S##_value, default                   \
		 : vaccel_arg_array_get_##S)(array, value)
#define vaccel_arg_array_get_int8(a, v) VACCEL_ARG_GET_(int8, int8_t, a, v)
#define vaccel_arg_array_get_int16(a, v) VACCEL_ARG_GET_(int16, int16_t, a, v)
#define vaccel_arg_array_get_int32(a, v) VACCEL_ARG_GET_(int32, int32_t, a, v)
#define vaccel_arg_array_get_int64(a, v) VACCEL_ARG_GET_(int64, int64_t, a, v)
#define vaccel_arg_array_get_uint8(a, v) VACCEL_ARG_GET_(uint8, uint8_t, a, v)
#define vaccel_arg_array_get_uint16(a, v)                                      \
	VACCEL_ARG_GET_(uint16, uint16_t, a, v)
#define vaccel_arg_array_get_uint32(a, v)                                      \
	VACCEL_ARG_GET_(uint32, uint32_t, a, v)
#define vaccel_arg_array_get_uint64(a, v)                                      \
	VACCEL_ARG_GET_(uint64, uint64_t, a, v)
#define vaccel_arg_array_get_float(a, v) VACCEL_ARG_GET_(float, float, a, v)
#define vaccel_arg_array_get_double(a, v) VACCEL_ARG_GET_(double, double, a, v)
#define vaccel_arg_array_get_bool(a, v) VACCEL_ARG_GET_(bool, bool, a, v)
#define vaccel_arg_array_get_char(a, v) VACCEL_ARG_GET_(char, char, a, v)
#define vaccel_arg_array_get_uchar(a, v)                                       \
	VACCEL_ARG_GET_(uchar, unsigned char, a, v)

#endif

/* vAccel's deprecated arg-list API. */
#include "vaccel/arg_list.h"

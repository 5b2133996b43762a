/* Arg arrays: the typed families (add/get/set of one value or an array of
 * values per numeric type), all generated from VACCEL_ARG_NUMERIC_TYPES. */

/* Define the real get_T functions, not arg.h's call-site dispatch. */
#define VACCEL_ARG_NO_GENERIC_GET

#include "arg_internal.h"
#include "vaccel/error.h"
#include "vaccel/log.h"

#include <stdint.h>
#include <string.h>

/* add: the arg points at the caller's value(s). */
static int typed_add(struct vaccel_arg_array *array, void *values, size_t count,
		     size_t elem_size, vaccel_arg_type_t type)
{
	if (!array || !values || !count)
		return VACCEL_EINVAL;
	if (count > SIZE_MAX / elem_size)
		return VACCEL_EINVAL;
	return vaccel_arg_array_append(array, values, count * elem_size, type,
				       0, false);
}

/* get: the current arg's buffer and element count. */
static int typed_get(struct vaccel_arg_array *array, void **values,
		     size_t *count, size_t elem_size, vaccel_arg_type_t type)
{
	struct vaccel_arg *arg;

	int ret = vaccel_arg_array_current_valid(
	    array, type, vaccel_arg_type_to_str(type), &arg);
	if (ret)
		return ret;

	*values = arg->buf;
	if (count)
		*count = arg->size / elem_size;
	array->position++;
	return VACCEL_OK;
}

/* set: copies count values into the current arg, which must hold at least
 * that many (exactly one for a scalar). */
static int typed_set(struct vaccel_arg_array *array, const void *values,
		     size_t count, size_t elem_size, vaccel_arg_type_t type)
{
	struct vaccel_arg *arg;

	if (!values || count > SIZE_MAX / elem_size)
		return VACCEL_EINVAL;
	size_t size = count * elem_size;
	if (size && !vaccel_arg_value_valid(type, values, size)) {
		vaccel_error("%s: invalid value to set",
			     vaccel_arg_type_to_str(type));
		return VACCEL_EINVAL;
	}
	int ret = vaccel_arg_array_current_valid(
	    array, type, vaccel_arg_type_to_str(type), &arg);
	if (ret)
		return ret;
	if (arg->size < size) {
		vaccel_error("%s: %zu values do not fit arg %zu (%zu bytes)",
			     vaccel_arg_type_to_str(type), count,
			     array->position, arg->size);
		return VACCEL_EINVAL;
	}

	if (size)
		memcpy(arg->buf, values, size);
	array->position++;
	return VACCEL_OK;
}

#define ARG_ARRAY_DEFINE_TYPED(S, T, ARG_TYPE, ARRAY_TYPE)                     \
	int vaccel_arg_array_add_##S(struct vaccel_arg_array *array, T *value) \
	{                                                                      \
		return typed_add(array, value, 1, sizeof(T), ARG_TYPE);        \
	}                                                                      \
	int vaccel_arg_array_get_##S(struct vaccel_arg_array *array,           \
				     T **value)                                \
	{                                                                      \
		void *buf;                                                     \
		if (!value)                                                    \
			return VACCEL_EINVAL;                                  \
		int ret = typed_get(array, &buf, NULL, sizeof(T), ARG_TYPE);   \
		if (!ret)                                                      \
			*value = buf;                                          \
		return ret;                                                    \
	}                                                                      \
	int vaccel_arg_array_get_##S##_value(struct vaccel_arg_array *array,   \
					     T *value)                         \
	{                                                                      \
		T *p;                                                          \
		if (!value)                                                    \
			return VACCEL_EINVAL;                                  \
		int ret = vaccel_arg_array_get_##S(array, &p);                 \
		if (!ret)                                                      \
			*value = *p;                                           \
		return ret;                                                    \
	}                                                                      \
	int vaccel_arg_array_set_##S(struct vaccel_arg_array *array, T *value) \
	{                                                                      \
		return typed_set(array, value, 1, sizeof(T), ARG_TYPE);        \
	}                                                                      \
	int vaccel_arg_array_add_##S##_array(struct vaccel_arg_array *array,   \
					     T *values, size_t count)          \
	{                                                                      \
		return typed_add(array, values, count, sizeof(T), ARRAY_TYPE); \
	}                                                                      \
	int vaccel_arg_array_get_##S##_array(struct vaccel_arg_array *array,   \
					     T **values, size_t *count)        \
	{                                                                      \
		void *buf;                                                     \
		if (!values)                                                   \
			return VACCEL_EINVAL;                                  \
		int ret =                                                      \
		    typed_get(array, &buf, count, sizeof(T), ARRAY_TYPE);      \
		if (!ret)                                                      \
			*values = buf;                                         \
		return ret;                                                    \
	}                                                                      \
	int vaccel_arg_array_set_##S##_array(struct vaccel_arg_array *array,   \
					     T *values, size_t count)          \
	{                                                                      \
		return typed_set(array, values, count, sizeof(T), ARRAY_TYPE); \
	}

VACCEL_ARG_NUMERIC_TYPES(ARG_ARRAY_DEFINE_TYPED)

#include "generic_get.h"

int c_get_int32_copy(struct vaccel_arg_array *array, int32_t *value)
{
	return vaccel_arg_array_get_int32(array, value);
}

int c_get_int32_ptr(struct vaccel_arg_array *array, int32_t **value)
{
	return vaccel_arg_array_get_int32(array, value);
}

int c_get_int32_null(struct vaccel_arg_array *array)
{
	return vaccel_arg_array_get_int32(array, NULL);
}

int c_get_double_copy(struct vaccel_arg_array *array, double *value)
{
	return vaccel_arg_array_get_double(array, value);
}

int c_get_bool_copy(struct vaccel_arg_array *array, bool *value)
{
	return vaccel_arg_array_get_bool(array, value);
}

int c_get_uchar_ptr(struct vaccel_arg_array *array, unsigned char **value)
{
	return vaccel_arg_array_get_uchar(array, value);
}

int c_get_int32_by_address(struct vaccel_arg_array *array, int32_t **value)
{
	int (*get)(struct vaccel_arg_array *, int32_t **) =
	    vaccel_arg_array_get_int32;
	return get(array, value);
}

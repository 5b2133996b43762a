#pragma once

/* Calls of the typed get_T compiled as C11, where vaccel/arg.h dispatches
 * on the argument: `T *` copies the value out (vAccel's form), `T **`
 * receives a pointer to it (the spec's form). */

#include <vaccel.h>

#ifdef __cplusplus
extern "C" {
#endif

int c_get_int32_copy(struct vaccel_arg_array *array, int32_t *value);
int c_get_int32_ptr(struct vaccel_arg_array *array, int32_t **value);
int c_get_int32_null(struct vaccel_arg_array *array);
int c_get_double_copy(struct vaccel_arg_array *array, double *value);
int c_get_bool_copy(struct vaccel_arg_array *array, bool *value);
int c_get_uchar_ptr(struct vaccel_arg_array *array, unsigned char **value);
/* The address of get_int32 taken in C: the spec's `T **` function. */
int c_get_int32_by_address(struct vaccel_arg_array *array, int32_t **value);

#ifdef __cplusplus
}
#endif

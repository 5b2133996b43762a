#pragma once

/* What the torch, tf and tflite tensor and buffer helpers share. Their
 * structs differ only in the types of nr_dims, dims and data_type, so each
 * family is generated from one macro over common helpers. */

#include "internal.h"
#include "new_delete.h"
#include "vaccel/enum_tables.h"
#include "vaccel/error.h"
#include "vaccel/log.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* A family's data types and element sizes: vaccel_<P>_data_type_elem_size
 * of the generated vaccel/enum_tables.h (the same table plugins use). */
typedef bool (*vaccel_dtype_size_fn)(int type, size_t *size);

/* Checks a tensor's shape (at least `min_dims` dims) and data type for
 * `kind` ("torch", ...), logging the bad value, and copies `nr_dims` dims
 * of `dim_size` bytes into `*out` (NULL for a 0-dim tensor). */
int vaccel_tensor_shape_dup(const char *kind, vaccel_dtype_size_fn elem_size,
			    int type, int64_t nr_dims, const void *dims,
			    size_t dim_size, int64_t min_dims, void **out);

/* The data fields every tensor struct has, by address. */
struct vaccel_tensor_data {
	void **data;
	size_t *size;
	bool *owned;
};

/* Frees the data when owned and empties the fields. */
void vaccel_tensor_data_release(struct vaccel_tensor_data d);
/* Gives the tensor `total_size` zeroed bytes that it owns. */
int vaccel_tensor_data_allocate(struct vaccel_tensor_data d, size_t total_size);
/* Points the tensor at the caller's data (not owned), freeing data it
 * owned before. */
int vaccel_tensor_data_set(const char *kind, struct vaccel_tensor_data d,
			   void *data, size_t size);
/* Hands data and size to the caller, who owns them from now on. */
int vaccel_tensor_data_take(struct vaccel_tensor_data d, void **data,
			    size_t *size);

#define VACCEL_TENSOR_DATA(t)                                                  \
	((struct vaccel_tensor_data){&(t)->data, &(t)->size, &(t)->owned})

/* The tensor family of prefix P (torch, tf, tflite): NR_T is the type of
 * nr_dims, DIM_T of a dim, DTYPE the data type enum (its names and sizes
 * come from the IDL, through vaccel/enum_tables.h). */
#define VACCEL_TENSOR_DEFINE(P, NR_T, DIM_T, DTYPE)                            \
	size_t vaccel_##P##_data_type_size(enum DTYPE type)                    \
	{                                                                      \
		size_t size;                                                   \
		vaccel_##P##_data_type_elem_size((int)type, &size);            \
		return size;                                                   \
	}                                                                      \
                                                                               \
	static int P##_tensor_setup(struct vaccel_##P##_tensor *tensor,        \
				    NR_T nr_dims, const DIM_T *dims,           \
				    enum DTYPE type, int64_t min_dims)         \
	{                                                                      \
		void *copy;                                                    \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		int ret = vaccel_tensor_shape_dup(                             \
		    #P, vaccel_##P##_data_type_elem_size, (int)type, nr_dims,  \
		    dims, sizeof(DIM_T), min_dims, &copy);                     \
		if (ret)                                                       \
			return ret;                                            \
		tensor->data = NULL;                                           \
		tensor->size = 0;                                              \
		tensor->owned = false;                                         \
		tensor->nr_dims = nr_dims;                                     \
		tensor->dims = copy;                                           \
		tensor->data_type = type;                                      \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	/* Applications build tensors of at least one dim, as in vAccel. */    \
	int vaccel_##P##_tensor_init(struct vaccel_##P##_tensor *tensor,       \
				     NR_T nr_dims, const DIM_T *dims,          \
				     enum DTYPE type)                          \
	{                                                                      \
		return P##_tensor_setup(tensor, nr_dims, dims, type, 1);       \
	}                                                                      \
                                                                               \
	int vaccel_##P##_tensor_release(struct vaccel_##P##_tensor *tensor)    \
	{                                                                      \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		vaccel_tensor_data_release(VACCEL_TENSOR_DATA(tensor));        \
		free(tensor->dims);                                            \
		tensor->dims = NULL;                                           \
		tensor->nr_dims = 0;                                           \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	VACCEL_DEFINE_NEW(vaccel_##P##_tensor_new, vaccel_##P##_tensor_init,   \
			  struct vaccel_##P##_tensor,                          \
			  (NR_T nr_dims, const DIM_T *dims, enum DTYPE type),  \
			  (nr_dims, dims, type))                               \
	VACCEL_DEFINE_DELETE(vaccel_##P##_tensor_delete,                       \
			     vaccel_##P##_tensor_release,                      \
			     struct vaccel_##P##_tensor)                       \
                                                                               \
	static int P##_tensor_allocate_min(                                    \
	    struct vaccel_##P##_tensor **tensor, NR_T nr_dims,                 \
	    const DIM_T *dims, enum DTYPE type, size_t total_size,             \
	    int64_t min_dims)                                                  \
	{                                                                      \
		struct vaccel_##P##_tensor *t;                                 \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		t = malloc(sizeof(*t));                                        \
		if (!t)                                                        \
			return VACCEL_ENOMEM;                                  \
		int ret = P##_tensor_setup(t, nr_dims, dims, type, min_dims);  \
		if (ret) {                                                     \
			free(t);                                               \
			return ret;                                            \
		}                                                              \
		ret = vaccel_tensor_data_allocate(VACCEL_TENSOR_DATA(t),       \
						  total_size);                 \
		if (ret) {                                                     \
			vaccel_##P##_tensor_delete(t);                         \
			return ret;                                            \
		}                                                              \
		*tensor = t;                                                   \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	int vaccel_##P##_tensor_allocate(struct vaccel_##P##_tensor **tensor,  \
					 NR_T nr_dims, const DIM_T *dims,      \
					 enum DTYPE type, size_t total_size)   \
	{                                                                      \
		return P##_tensor_allocate_min(tensor, nr_dims, dims, type,    \
					       total_size, 1);                 \
	}                                                                      \
                                                                               \
	/* Backends' outputs may be 0-dim (a model returning a number). */     \
	int vaccel_##P##_output_tensor_allocate(                               \
	    struct vaccel_##P##_tensor **tensor, NR_T nr_dims,                 \
	    const DIM_T *dims, enum DTYPE type, size_t total_size)             \
	{                                                                      \
		return P##_tensor_allocate_min(tensor, nr_dims, dims, type,    \
					       total_size, 0);                 \
	}                                                                      \
                                                                               \
	int vaccel_##P##_tensor_set_data(struct vaccel_##P##_tensor *tensor,   \
					 void *data, size_t size)              \
	{                                                                      \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		return vaccel_tensor_data_set(#P, VACCEL_TENSOR_DATA(tensor),  \
					      data, size);                     \
	}                                                                      \
                                                                               \
	int vaccel_##P##_tensor_take_data(struct vaccel_##P##_tensor *tensor,  \
					  void **data, size_t *size)           \
	{                                                                      \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		return vaccel_tensor_data_take(VACCEL_TENSOR_DATA(tensor),     \
					       data, size);                    \
	}

/* The buffer family of prefix P (torch, tf): DATA_T is the type of its
 * data pointer. The buffer owns the data it is given (vAccel semantics):
 * release frees it, take_data hands it back. */
#define VACCEL_BUFFER_DEFINE(P, DATA_T)                                        \
	int vaccel_##P##_buffer_init(struct vaccel_##P##_buffer *buffer,       \
				     DATA_T data, size_t size)                 \
	{                                                                      \
		if (!buffer)                                                   \
			return VACCEL_EINVAL;                                  \
		buffer->data = data;                                           \
		buffer->size = size;                                           \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	int vaccel_##P##_buffer_release(struct vaccel_##P##_buffer *buffer)    \
	{                                                                      \
		if (!buffer)                                                   \
			return VACCEL_EINVAL;                                  \
		free(buffer->data);                                            \
		buffer->data = NULL;                                           \
		buffer->size = 0;                                              \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	VACCEL_DEFINE_NEW(vaccel_##P##_buffer_new, vaccel_##P##_buffer_init,   \
			  struct vaccel_##P##_buffer,                          \
			  (DATA_T data, size_t size), (data, size))            \
	VACCEL_DEFINE_DELETE(vaccel_##P##_buffer_delete,                       \
			     vaccel_##P##_buffer_release,                      \
			     struct vaccel_##P##_buffer)                       \
                                                                               \
	int vaccel_##P##_buffer_take_data(struct vaccel_##P##_buffer *buffer,  \
					  void **data, size_t *size)           \
	{                                                                      \
		if (!buffer || !data || !size)                                 \
			return VACCEL_EINVAL;                                  \
		*data = buffer->data;                                          \
		*size = buffer->size;                                          \
		buffer->data = NULL;                                           \
		buffer->size = 0;                                              \
		return VACCEL_OK;                                              \
	}

/* Helpers shared by the torch, tf and tflite tensor families. */

#include "tensor_common.h"

#include <string.h>

int vaccel_tensor_shape_dup(const char *kind, vaccel_dtype_size_fn elem_size_of,
			    int type, int64_t nr_dims, const void *dims,
			    size_t dim_size, int64_t min_dims, void **out)
{
	size_t elem_size;

	if (!elem_size_of(type, &elem_size)) {
		vaccel_error("%s tensor: invalid data type %d", kind, type);
		return VACCEL_EINVAL;
	}
	if (nr_dims < min_dims) {
		vaccel_error("%s tensor: invalid nr_dims %lld (at least %lld)",
			     kind, (long long)nr_dims, (long long)min_dims);
		return VACCEL_EINVAL;
	}
	if (nr_dims > 0 && !dims) {
		vaccel_error("%s tensor: dims is NULL with nr_dims %lld", kind,
			     (long long)nr_dims);
		return VACCEL_EINVAL;
	}
	if ((uint64_t)nr_dims > SIZE_MAX / dim_size) {
		vaccel_error("%s tensor: nr_dims %lld is too large", kind,
			     (long long)nr_dims);
		return VACCEL_EINVAL;
	}

	*out = NULL;
	if (!nr_dims)
		return VACCEL_OK;

	size_t bytes = (size_t)nr_dims * dim_size;
	*out = malloc(bytes);
	if (!*out)
		return VACCEL_ENOMEM;
	memcpy(*out, dims, bytes);
	return VACCEL_OK;
}

void vaccel_tensor_data_release(struct vaccel_tensor_data d)
{
	if (*d.owned)
		free(*d.data);
	*d.data = NULL;
	*d.size = 0;
	*d.owned = false;
}

int vaccel_tensor_data_allocate(struct vaccel_tensor_data d, size_t total_size)
{
	vaccel_tensor_data_release(d);
	if (!total_size)
		return VACCEL_OK;

	void *data = calloc(1, total_size);
	if (!data)
		return VACCEL_ENOMEM;
	*d.data = data;
	*d.size = total_size;
	*d.owned = true;
	return VACCEL_OK;
}

int vaccel_tensor_data_set(const char *kind, struct vaccel_tensor_data d,
			   void *data, size_t size)
{
	if (!data && size) {
		vaccel_error("%s tensor: NULL data with size %zu", kind, size);
		return VACCEL_EINVAL;
	}
	/* Re-setting the pointer the tensor owns only changes its size. */
	if (*d.owned && *d.data == data) {
		*d.size = size;
		return VACCEL_OK;
	}
	if (*d.owned)
		free(*d.data);
	*d.data = data;
	*d.size = size;
	*d.owned = false;
	return VACCEL_OK;
}

int vaccel_tensor_data_take(struct vaccel_tensor_data d, void **data,
			    size_t *size)
{
	if (!data || !size)
		return VACCEL_EINVAL;

	*data = *d.data;
	*size = *d.size;
	*d.data = NULL;
	*d.size = 0;
	*d.owned = false;
	return VACCEL_OK;
}

/* Copied from c/include/vaccel/torch_types.h by idl/gen/vaccelgen.py for the Go
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

/* A buffer owns the data it is given: release frees it (malloc'd data
 * only), take_data hands it back to the caller. */
int vaccel_torch_buffer_init(struct vaccel_torch_buffer *buffer, char *data,
			     size_t size);
int vaccel_torch_buffer_release(struct vaccel_torch_buffer *buffer);
int vaccel_torch_buffer_new(struct vaccel_torch_buffer **buffer, char *data,
			    size_t size);
int vaccel_torch_buffer_delete(struct vaccel_torch_buffer *buffer);
int vaccel_torch_buffer_take_data(struct vaccel_torch_buffer *buffer,
				  void **data, size_t *size);

/* init copies `dims` and starts with no data; allocate adds `total_size`
 * zeroed bytes the tensor owns; set_data points at the caller's data (not
 * owned; data owned before is freed); take_data hands data and its
 * ownership to the caller; release frees dims and owned data. */
int vaccel_torch_tensor_init(struct vaccel_torch_tensor *tensor,
			     int64_t nr_dims, const int64_t *dims,
			     enum vaccel_torch_data_type type);
int vaccel_torch_tensor_release(struct vaccel_torch_tensor *tensor);
int vaccel_torch_tensor_new(struct vaccel_torch_tensor **tensor,
			    int64_t nr_dims, const int64_t *dims,
			    enum vaccel_torch_data_type type);
int vaccel_torch_tensor_allocate(struct vaccel_torch_tensor **tensor,
				 int64_t nr_dims, const int64_t *dims,
				 enum vaccel_torch_data_type type,
				 size_t total_size);
int vaccel_torch_tensor_delete(struct vaccel_torch_tensor *tensor);
int vaccel_torch_tensor_set_data(struct vaccel_torch_tensor *tensor, void *data,
				 size_t size);
int vaccel_torch_tensor_take_data(struct vaccel_torch_tensor *tensor,
				  void **data, size_t *size);

/* Bytes per element of `type`; 0 for an unknown type. */
size_t vaccel_torch_data_type_size(enum vaccel_torch_data_type type);

#ifdef __cplusplus
}
#endif

/* Copied from c/include/vaccel/tf_types.h by idl/gen/vaccelgen.py for the Go
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
int vaccel_tf_buffer_init(struct vaccel_tf_buffer *buffer, void *data,
			  size_t size);
int vaccel_tf_buffer_release(struct vaccel_tf_buffer *buffer);
int vaccel_tf_buffer_new(struct vaccel_tf_buffer **buffer, void *data,
			 size_t size);
int vaccel_tf_buffer_delete(struct vaccel_tf_buffer *buffer);
int vaccel_tf_buffer_take_data(struct vaccel_tf_buffer *buffer, void **data,
			       size_t *size);

/* The node keeps a copy of `name`. */
int vaccel_tf_node_init(struct vaccel_tf_node *node, const char *name, int id);
int vaccel_tf_node_release(struct vaccel_tf_node *node);
int vaccel_tf_node_new(struct vaccel_tf_node **node, const char *name, int id);
int vaccel_tf_node_delete(struct vaccel_tf_node *node);

/* Same ownership rules as the torch tensor (vaccel/torch_types.h). */
int vaccel_tf_tensor_init(struct vaccel_tf_tensor *tensor, int nr_dims,
			  const int64_t *dims, enum vaccel_tf_data_type type);
int vaccel_tf_tensor_release(struct vaccel_tf_tensor *tensor);
int vaccel_tf_tensor_new(struct vaccel_tf_tensor **tensor, int nr_dims,
			 const int64_t *dims, enum vaccel_tf_data_type type);
int vaccel_tf_tensor_allocate(struct vaccel_tf_tensor **tensor, int nr_dims,
			      const int64_t *dims,
			      enum vaccel_tf_data_type type, size_t total_size);
int vaccel_tf_tensor_delete(struct vaccel_tf_tensor *tensor);
int vaccel_tf_tensor_set_data(struct vaccel_tf_tensor *tensor, void *data,
			      size_t size);
int vaccel_tf_tensor_take_data(struct vaccel_tf_tensor *tensor, void **data,
			       size_t *size);

/* Bytes per element of `type` (TF_DataTypeSize); 0 for an unknown type and
 * for types without a fixed element size (string, resource, variant). */
size_t vaccel_tf_data_type_size(enum vaccel_tf_data_type type);

/* The status keeps a copy of `message`. */
int vaccel_tf_status_init(struct vaccel_tf_status *status, uint8_t code,
			  const char *message);
int vaccel_tf_status_release(struct vaccel_tf_status *status);
int vaccel_tf_status_new(struct vaccel_tf_status **status, uint8_t code,
			 const char *message);
int vaccel_tf_status_delete(struct vaccel_tf_status *status);

#ifdef __cplusplus
}
#endif

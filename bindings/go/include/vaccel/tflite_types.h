/* Copied from c/include/vaccel/tflite_types.h by idl/gen/vaccelgen.py for the Go
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

/* Same ownership rules as the torch tensor (vaccel/torch_types.h). */
int vaccel_tflite_tensor_init(struct vaccel_tflite_tensor *tensor, int nr_dims,
			      const int32_t *dims,
			      enum vaccel_tflite_data_type type);
int vaccel_tflite_tensor_release(struct vaccel_tflite_tensor *tensor);
int vaccel_tflite_tensor_new(struct vaccel_tflite_tensor **tensor, int nr_dims,
			     const int32_t *dims,
			     enum vaccel_tflite_data_type type);
int vaccel_tflite_tensor_allocate(struct vaccel_tflite_tensor **tensor,
				  int nr_dims, const int32_t *dims,
				  enum vaccel_tflite_data_type type,
				  size_t total_size);
int vaccel_tflite_tensor_delete(struct vaccel_tflite_tensor *tensor);
int vaccel_tflite_tensor_set_data(struct vaccel_tflite_tensor *tensor,
				  void *data, size_t size);
int vaccel_tflite_tensor_take_data(struct vaccel_tflite_tensor *tensor,
				   void **data, size_t *size);

/* Bytes per element of `type`; 0 for an unknown type and for types without
 * a fixed byte size (notype, string, resource, variant, int4). */
size_t vaccel_tflite_data_type_size(enum vaccel_tflite_data_type type);

#ifdef __cplusplus
}
#endif

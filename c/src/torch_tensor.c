/* Torch tensors and buffers (vaccel/torch_types.h). */

#include "tensor_common.h"
#include "vaccel/torch_types.h"

VACCEL_TENSOR_DEFINE(torch, int64_t, int64_t, vaccel_torch_data_type)

VACCEL_BUFFER_DEFINE(torch, char *)

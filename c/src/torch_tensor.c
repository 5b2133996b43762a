/* Torch tensors and buffers (vaccel/torch_types.h). */

#include "tensor_common.h"
#include "vaccel/torch_types.h"

static const struct vaccel_dtype_info torch_types[] = {
    {VACCEL_TORCH_BYTE, 1},  {VACCEL_TORCH_CHAR, 1},
    {VACCEL_TORCH_SHORT, 2}, {VACCEL_TORCH_INT, 4},
    {VACCEL_TORCH_LONG, 8},  {VACCEL_TORCH_HALF, 2},
    {VACCEL_TORCH_FLOAT, 4}, {VACCEL_TORCH_DOUBLE, 8},
    {VACCEL_TORCH_BOOL, 1},  {VACCEL_TORCH_BFLOAT16, 2},
};

VACCEL_TENSOR_DEFINE(torch, int64_t, int64_t, vaccel_torch_data_type,
		     torch_types)

VACCEL_BUFFER_DEFINE(torch, char *)

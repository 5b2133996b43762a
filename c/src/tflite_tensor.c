/* TensorFlow Lite tensors (vaccel/tflite_types.h). */

#include "tensor_common.h"
#include "vaccel/tflite_types.h"

VACCEL_TENSOR_DEFINE(tflite, int, int32_t, vaccel_tflite_data_type)

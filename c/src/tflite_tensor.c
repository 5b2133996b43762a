/* TensorFlow Lite tensors (vaccel/tflite_types.h). */

#include "tensor_common.h"
#include "vaccel/tflite_types.h"

/* Sizes of one element; 0 for NOTYPE, strings, resources, variants and
 * int4 (two per byte). */
static const struct vaccel_dtype_info tflite_types[] = {
    {VACCEL_TFLITE_NOTYPE, 0},	    {VACCEL_TFLITE_FLOAT32, 4},
    {VACCEL_TFLITE_INT32, 4},	    {VACCEL_TFLITE_UINT8, 1},
    {VACCEL_TFLITE_INT64, 8},	    {VACCEL_TFLITE_STRING, 0},
    {VACCEL_TFLITE_BOOL, 1},	    {VACCEL_TFLITE_INT16, 2},
    {VACCEL_TFLITE_COMPLEX64, 8},   {VACCEL_TFLITE_INT8, 1},
    {VACCEL_TFLITE_FLOAT16, 2},	    {VACCEL_TFLITE_FLOAT64, 8},
    {VACCEL_TFLITE_COMPLEX128, 16}, {VACCEL_TFLITE_UINT64, 8},
    {VACCEL_TFLITE_RESOURCE, 0},    {VACCEL_TFLITE_VARIANT, 0},
    {VACCEL_TFLITE_UINT32, 4},	    {VACCEL_TFLITE_UINT16, 2},
    {VACCEL_TFLITE_INT4, 0},
};

VACCEL_TENSOR_DEFINE(tflite, int, int32_t, vaccel_tflite_data_type,
		     tflite_types)

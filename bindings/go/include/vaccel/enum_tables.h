/* Copied from c/include/vaccel/enum_tables.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* Header-only: plugins use these without linking libvaccel. */

#include "vaccel/enums.h"
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The short name of a value of enum vaccel_torch_data_type
 * ("BYTE"), or "unknown". */
static inline const char *vaccel_torch_data_type_name(int value)
{
	switch (value) {
	case VACCEL_TORCH_BYTE:
		return "BYTE";
	case VACCEL_TORCH_CHAR:
		return "CHAR";
	case VACCEL_TORCH_SHORT:
		return "SHORT";
	case VACCEL_TORCH_INT:
		return "INT";
	case VACCEL_TORCH_LONG:
		return "LONG";
	case VACCEL_TORCH_HALF:
		return "HALF";
	case VACCEL_TORCH_FLOAT:
		return "FLOAT";
	case VACCEL_TORCH_DOUBLE:
		return "DOUBLE";
	case VACCEL_TORCH_BOOL:
		return "BOOL";
	case VACCEL_TORCH_BFLOAT16:
		return "BFLOAT16";
	default:
		return "unknown";
	}
}

/** Whether `value` is a value of enum vaccel_torch_data_type; if so its bytes
 * per element go to `*size` (0: elements of no fixed size). */
static inline bool vaccel_torch_data_type_elem_size(int value, size_t *size)
{
	switch (value) {
	case VACCEL_TORCH_BYTE:
		*size = 1;
		return true;
	case VACCEL_TORCH_CHAR:
		*size = 1;
		return true;
	case VACCEL_TORCH_SHORT:
		*size = 2;
		return true;
	case VACCEL_TORCH_INT:
		*size = 4;
		return true;
	case VACCEL_TORCH_LONG:
		*size = 8;
		return true;
	case VACCEL_TORCH_HALF:
		*size = 2;
		return true;
	case VACCEL_TORCH_FLOAT:
		*size = 4;
		return true;
	case VACCEL_TORCH_DOUBLE:
		*size = 8;
		return true;
	case VACCEL_TORCH_BOOL:
		*size = 1;
		return true;
	case VACCEL_TORCH_BFLOAT16:
		*size = 2;
		return true;
	default:
		*size = 0;
		return false;
	}
}

/** The short name of a value of enum vaccel_tflite_data_type
 * ("NOTYPE"), or "unknown". */
static inline const char *vaccel_tflite_data_type_name(int value)
{
	switch (value) {
	case VACCEL_TFLITE_NOTYPE:
		return "NOTYPE";
	case VACCEL_TFLITE_FLOAT32:
		return "FLOAT32";
	case VACCEL_TFLITE_INT32:
		return "INT32";
	case VACCEL_TFLITE_UINT8:
		return "UINT8";
	case VACCEL_TFLITE_INT64:
		return "INT64";
	case VACCEL_TFLITE_STRING:
		return "STRING";
	case VACCEL_TFLITE_BOOL:
		return "BOOL";
	case VACCEL_TFLITE_INT16:
		return "INT16";
	case VACCEL_TFLITE_COMPLEX64:
		return "COMPLEX64";
	case VACCEL_TFLITE_INT8:
		return "INT8";
	case VACCEL_TFLITE_FLOAT16:
		return "FLOAT16";
	case VACCEL_TFLITE_FLOAT64:
		return "FLOAT64";
	case VACCEL_TFLITE_COMPLEX128:
		return "COMPLEX128";
	case VACCEL_TFLITE_UINT64:
		return "UINT64";
	case VACCEL_TFLITE_RESOURCE:
		return "RESOURCE";
	case VACCEL_TFLITE_VARIANT:
		return "VARIANT";
	case VACCEL_TFLITE_UINT32:
		return "UINT32";
	case VACCEL_TFLITE_UINT16:
		return "UINT16";
	case VACCEL_TFLITE_INT4:
		return "INT4";
	default:
		return "unknown";
	}
}

/** Whether `value` is a value of enum vaccel_tflite_data_type; if so its bytes
 * per element go to `*size` (0: elements of no fixed size). */
static inline bool vaccel_tflite_data_type_elem_size(int value, size_t *size)
{
	switch (value) {
	case VACCEL_TFLITE_NOTYPE:
		*size = 0;
		return true;
	case VACCEL_TFLITE_FLOAT32:
		*size = 4;
		return true;
	case VACCEL_TFLITE_INT32:
		*size = 4;
		return true;
	case VACCEL_TFLITE_UINT8:
		*size = 1;
		return true;
	case VACCEL_TFLITE_INT64:
		*size = 8;
		return true;
	case VACCEL_TFLITE_STRING:
		*size = 0;
		return true;
	case VACCEL_TFLITE_BOOL:
		*size = 1;
		return true;
	case VACCEL_TFLITE_INT16:
		*size = 2;
		return true;
	case VACCEL_TFLITE_COMPLEX64:
		*size = 8;
		return true;
	case VACCEL_TFLITE_INT8:
		*size = 1;
		return true;
	case VACCEL_TFLITE_FLOAT16:
		*size = 2;
		return true;
	case VACCEL_TFLITE_FLOAT64:
		*size = 8;
		return true;
	case VACCEL_TFLITE_COMPLEX128:
		*size = 16;
		return true;
	case VACCEL_TFLITE_UINT64:
		*size = 8;
		return true;
	case VACCEL_TFLITE_RESOURCE:
		*size = 0;
		return true;
	case VACCEL_TFLITE_VARIANT:
		*size = 0;
		return true;
	case VACCEL_TFLITE_UINT32:
		*size = 4;
		return true;
	case VACCEL_TFLITE_UINT16:
		*size = 2;
		return true;
	case VACCEL_TFLITE_INT4:
		*size = 0;
		return true;
	default:
		*size = 0;
		return false;
	}
}

/** The short name of a value of enum vaccel_tf_data_type
 * ("FLOAT"), or "unknown". */
static inline const char *vaccel_tf_data_type_name(int value)
{
	switch (value) {
	case VACCEL_TF_FLOAT:
		return "FLOAT";
	case VACCEL_TF_DOUBLE:
		return "DOUBLE";
	case VACCEL_TF_INT32:
		return "INT32";
	case VACCEL_TF_UINT8:
		return "UINT8";
	case VACCEL_TF_INT16:
		return "INT16";
	case VACCEL_TF_INT8:
		return "INT8";
	case VACCEL_TF_STRING:
		return "STRING";
	case VACCEL_TF_COMPLEX64:
		return "COMPLEX64";
	case VACCEL_TF_INT64:
		return "INT64";
	case VACCEL_TF_BOOL:
		return "BOOL";
	case VACCEL_TF_QINT8:
		return "QINT8";
	case VACCEL_TF_QUINT8:
		return "QUINT8";
	case VACCEL_TF_QINT32:
		return "QINT32";
	case VACCEL_TF_BFLOAT16:
		return "BFLOAT16";
	case VACCEL_TF_QINT16:
		return "QINT16";
	case VACCEL_TF_QUINT16:
		return "QUINT16";
	case VACCEL_TF_UINT16:
		return "UINT16";
	case VACCEL_TF_COMPLEX128:
		return "COMPLEX128";
	case VACCEL_TF_HALF:
		return "HALF";
	case VACCEL_TF_RESOURCE:
		return "RESOURCE";
	case VACCEL_TF_VARIANT:
		return "VARIANT";
	case VACCEL_TF_UINT32:
		return "UINT32";
	case VACCEL_TF_UINT64:
		return "UINT64";
	default:
		return "unknown";
	}
}

/** Whether `value` is a value of enum vaccel_tf_data_type; if so its bytes
 * per element go to `*size` (0: elements of no fixed size). */
static inline bool vaccel_tf_data_type_elem_size(int value, size_t *size)
{
	switch (value) {
	case VACCEL_TF_FLOAT:
		*size = 4;
		return true;
	case VACCEL_TF_DOUBLE:
		*size = 8;
		return true;
	case VACCEL_TF_INT32:
		*size = 4;
		return true;
	case VACCEL_TF_UINT8:
		*size = 1;
		return true;
	case VACCEL_TF_INT16:
		*size = 2;
		return true;
	case VACCEL_TF_INT8:
		*size = 1;
		return true;
	case VACCEL_TF_STRING:
		*size = 0;
		return true;
	case VACCEL_TF_COMPLEX64:
		*size = 8;
		return true;
	case VACCEL_TF_INT64:
		*size = 8;
		return true;
	case VACCEL_TF_BOOL:
		*size = 1;
		return true;
	case VACCEL_TF_QINT8:
		*size = 1;
		return true;
	case VACCEL_TF_QUINT8:
		*size = 1;
		return true;
	case VACCEL_TF_QINT32:
		*size = 4;
		return true;
	case VACCEL_TF_BFLOAT16:
		*size = 2;
		return true;
	case VACCEL_TF_QINT16:
		*size = 2;
		return true;
	case VACCEL_TF_QUINT16:
		*size = 2;
		return true;
	case VACCEL_TF_UINT16:
		*size = 2;
		return true;
	case VACCEL_TF_COMPLEX128:
		*size = 16;
		return true;
	case VACCEL_TF_HALF:
		*size = 2;
		return true;
	case VACCEL_TF_RESOURCE:
		*size = 0;
		return true;
	case VACCEL_TF_VARIANT:
		*size = 0;
		return true;
	case VACCEL_TF_UINT32:
		*size = 4;
		return true;
	case VACCEL_TF_UINT64:
		*size = 8;
		return true;
	default:
		*size = 0;
		return false;
	}
}

#ifdef __cplusplus
}
#endif

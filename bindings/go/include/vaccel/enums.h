/* Copied from c/include/vaccel/enums.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include <errno.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Error codes returned by every vaccel function. Each equals the errno
 * value of the same name; 0 is success.
 */
typedef enum {
	/** Success. */
	VACCEL_OK = 0,
	/** An argument is invalid (NULL, out of range, wrong type). */
	VACCEL_EINVAL = EINVAL,
	/** Out of memory. */
	VACCEL_ENOMEM = ENOMEM,
	/** No loaded plugin implements the operation for this session. */
	VACCEL_ENOTSUP = ENOTSUP,
	VACCEL_EINPROGRESS = EINPROGRESS,
	VACCEL_EBUSY = EBUSY,
	/** The object already exists (e.g. a resource registered twice). */
	VACCEL_EEXIST = EEXIST,
	/** A file, plugin, symbol or object does not exist. */
	VACCEL_ENOENT = ENOENT,
	/** A shared object is not a vaccel plugin, or its ABI does not match. */
	VACCEL_ELIBBAD = ELIBBAD,
	VACCEL_ENODEV = ENODEV,
	/** Input/output error (files, transports). */
	VACCEL_EIO = EIO,
	/** The session is unknown, released or its remote end went away. */
	VACCEL_ESESS = ECONNRESET,
	/** The backend library failed. */
	VACCEL_EBACKEND = EPROTO,
	VACCEL_ENOEXEC = ENOEXEC,
	VACCEL_ENAMETOOLONG = ENAMETOOLONG,
	VACCEL_EUSERS = EUSERS,
	VACCEL_EPERM = EPERM,
	VACCEL_ELOOP = ELOOP,
	VACCEL_EMLINK = EMLINK,
	VACCEL_ENOSPC = ENOSPC,
	VACCEL_ENOTDIR = ENOTDIR,
	VACCEL_EROFS = EROFS,
	VACCEL_EACCES = EACCES,
	VACCEL_EBADF = EBADF,
	VACCEL_EREMOTEIO = EREMOTEIO,
	VACCEL_EFAULT = EFAULT,
	VACCEL_ERANGE = ERANGE,
	VACCEL_EAGAIN = EAGAIN,
	VACCEL_ENOSYS = ENOSYS,
} vaccel_error_t;

/** The constant's name ("VACCEL_OK"), or "unknown". */
const char *vaccel_error_to_str(vaccel_error_t value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_error_from_str(const char *str, vaccel_error_t *value);

/** Resource types: what a resource holds. */
typedef enum {
	/** A shared library (exec_with_resource). */
	VACCEL_RESOURCE_LIB = 0,
	/** Plain data (labels, metadata). */
	VACCEL_RESOURCE_DATA = 1,
	/** A model (TorchScript, SavedModel, .tflite). */
	VACCEL_RESOURCE_MODEL = 2,
	/** One past the largest value. */
	VACCEL_RESOURCE_MAX = 3,
} vaccel_resource_type_t;

/** The constant's name ("VACCEL_RESOURCE_LIB"), or "unknown". */
const char *vaccel_resource_type_to_str(vaccel_resource_type_t value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_resource_type_from_str(const char *str, vaccel_resource_type_t *value);

/** Plugin type flags; sessions pass the same bits as hints to pick plugins. */
typedef enum {
	VACCEL_PLUGIN_CPU = 0x1,
	VACCEL_PLUGIN_GPU = 0x2,
	VACCEL_PLUGIN_FPGA = 0x4,
	VACCEL_PLUGIN_SOFTWARE = 0x8,
	VACCEL_PLUGIN_TENSORFLOW = 0x10,
	VACCEL_PLUGIN_TORCH = 0x20,
	VACCEL_PLUGIN_JETSON = 0x40,
	VACCEL_PLUGIN_GENERIC = 0x80,
	VACCEL_PLUGIN_DEBUG = 0x100,
	/** A transport: the op runs on a remote agent. */
	VACCEL_PLUGIN_REMOTE = 0x4000,
	VACCEL_PLUGIN_ALL = 0xffff,
	/** One past the largest value. */
	VACCEL_PLUGIN_MAX = 0x10000,
} vaccel_plugin_type_t;

/** The constant's name ("VACCEL_PLUGIN_CPU"), or "unknown". */
const char *vaccel_plugin_type_to_str(vaccel_plugin_type_t value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_plugin_type_from_str(const char *str, vaccel_plugin_type_t *value);

/** Types of struct vaccel_arg values. */
typedef enum {
	VACCEL_ARG_RAW = 0,
	VACCEL_ARG_INT8 = 1,
	VACCEL_ARG_INT8_ARRAY = 2,
	VACCEL_ARG_INT16 = 3,
	VACCEL_ARG_INT16_ARRAY = 4,
	VACCEL_ARG_INT32 = 5,
	VACCEL_ARG_INT32_ARRAY = 6,
	VACCEL_ARG_INT64 = 7,
	VACCEL_ARG_INT64_ARRAY = 8,
	VACCEL_ARG_UINT8 = 9,
	VACCEL_ARG_UINT8_ARRAY = 10,
	VACCEL_ARG_UINT16 = 11,
	VACCEL_ARG_UINT16_ARRAY = 12,
	VACCEL_ARG_UINT32 = 13,
	VACCEL_ARG_UINT32_ARRAY = 14,
	VACCEL_ARG_UINT64 = 15,
	VACCEL_ARG_UINT64_ARRAY = 16,
	VACCEL_ARG_FLOAT32 = 17,
	VACCEL_ARG_FLOAT32_ARRAY = 18,
	VACCEL_ARG_FLOAT64 = 19,
	VACCEL_ARG_FLOAT64_ARRAY = 20,
	VACCEL_ARG_BOOL = 21,
	VACCEL_ARG_BOOL_ARRAY = 22,
	VACCEL_ARG_CHAR = 23,
	VACCEL_ARG_CHAR_ARRAY = 24,
	VACCEL_ARG_UCHAR = 25,
	VACCEL_ARG_UCHAR_ARRAY = 26,
	VACCEL_ARG_STRING = 27,
	VACCEL_ARG_BUFFER = 28,
	VACCEL_ARG_CUSTOM = 29,
	/** One past the largest value. */
	VACCEL_ARG_MAX = 30,
} vaccel_arg_type_t;

/** The constant's name ("VACCEL_ARG_RAW"), or "unknown". */
const char *vaccel_arg_type_to_str(vaccel_arg_type_t value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_arg_type_from_str(const char *str, vaccel_arg_type_t *value);

/** Log levels (VACCEL_LOG_LEVEL=1..4). */
typedef enum {
	VACCEL_LOG_ERROR = 1,
	VACCEL_LOG_WARN = 2,
	VACCEL_LOG_INFO = 3,
	VACCEL_LOG_DEBUG = 4,
	/** One past the largest value. */
	VACCEL_LOG_MAX = 5,
} vaccel_log_level_t;

/** The constant's name ("VACCEL_LOG_ERROR"), or "unknown". */
const char *vaccel_log_level_to_str(vaccel_log_level_t value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_log_level_from_str(const char *str, vaccel_log_level_t *value);

/**
 * Element types of torch tensors. `size N` on a data-type member is its
 * bytes per element (0: not fixed-size, e.g. strings, resources, int4),
 * generated into vaccel/enum_tables.h for plugins and the runtime.
 */
enum vaccel_torch_data_type {
	/** uint8 */
	VACCEL_TORCH_BYTE = 1,
	/** int8 */
	VACCEL_TORCH_CHAR = 2,
	/** int16 */
	VACCEL_TORCH_SHORT = 3,
	/** int32 */
	VACCEL_TORCH_INT = 4,
	/** int64 */
	VACCEL_TORCH_LONG = 5,
	/** float16 */
	VACCEL_TORCH_HALF = 6,
	/** float32 */
	VACCEL_TORCH_FLOAT = 7,
	/** float64 (vaccel addition) */
	VACCEL_TORCH_DOUBLE = 8,
	/** bool, one byte per element (vaccel addition) */
	VACCEL_TORCH_BOOL = 9,
	/** bfloat16 (vaccel addition) */
	VACCEL_TORCH_BFLOAT16 = 10,
};

/** The constant's name ("VACCEL_TORCH_BYTE"), or "unknown". */
const char *vaccel_torch_data_type_to_str(enum vaccel_torch_data_type value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_torch_data_type_from_str(const char *str, enum vaccel_torch_data_type *value);

/** Element types of tflite tensors (LiteRT's TfLiteType values). */
enum vaccel_tflite_data_type {
	VACCEL_TFLITE_NOTYPE = 0,
	VACCEL_TFLITE_FLOAT32 = 1,
	VACCEL_TFLITE_INT32 = 2,
	VACCEL_TFLITE_UINT8 = 3,
	VACCEL_TFLITE_INT64 = 4,
	VACCEL_TFLITE_STRING = 5,
	VACCEL_TFLITE_BOOL = 6,
	VACCEL_TFLITE_INT16 = 7,
	VACCEL_TFLITE_COMPLEX64 = 8,
	VACCEL_TFLITE_INT8 = 9,
	VACCEL_TFLITE_FLOAT16 = 10,
	VACCEL_TFLITE_FLOAT64 = 11,
	VACCEL_TFLITE_COMPLEX128 = 12,
	VACCEL_TFLITE_UINT64 = 13,
	VACCEL_TFLITE_RESOURCE = 14,
	VACCEL_TFLITE_VARIANT = 15,
	VACCEL_TFLITE_UINT32 = 16,
	VACCEL_TFLITE_UINT16 = 17,
	VACCEL_TFLITE_INT4 = 18,
};

/** The constant's name ("VACCEL_TFLITE_NOTYPE"), or "unknown". */
const char *vaccel_tflite_data_type_to_str(enum vaccel_tflite_data_type value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_tflite_data_type_from_str(const char *str, enum vaccel_tflite_data_type *value);

/** Element types of tf tensors (the TensorFlow C API's TF_DataType values). */
enum vaccel_tf_data_type {
	VACCEL_TF_FLOAT = 1,
	VACCEL_TF_DOUBLE = 2,
	VACCEL_TF_INT32 = 3,
	VACCEL_TF_UINT8 = 4,
	VACCEL_TF_INT16 = 5,
	VACCEL_TF_INT8 = 6,
	VACCEL_TF_STRING = 7,
	VACCEL_TF_COMPLEX64 = 8,
	VACCEL_TF_COMPLEX = VACCEL_TF_COMPLEX64,
	VACCEL_TF_INT64 = 9,
	VACCEL_TF_BOOL = 10,
	VACCEL_TF_QINT8 = 11,
	VACCEL_TF_QUINT8 = 12,
	VACCEL_TF_QINT32 = 13,
	VACCEL_TF_BFLOAT16 = 14,
	VACCEL_TF_QINT16 = 15,
	VACCEL_TF_QUINT16 = 16,
	VACCEL_TF_UINT16 = 17,
	VACCEL_TF_COMPLEX128 = 18,
	VACCEL_TF_HALF = 19,
	VACCEL_TF_RESOURCE = 20,
	VACCEL_TF_VARIANT = 21,
	VACCEL_TF_UINT32 = 22,
	VACCEL_TF_UINT64 = 23,
};

/** The constant's name ("VACCEL_TF_FLOAT"), or "unknown". */
const char *vaccel_tf_data_type_to_str(enum vaccel_tf_data_type value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_tf_data_type_from_str(const char *str, enum vaccel_tf_data_type *value);

/** Operation ids: the values of vaccel_op_type_t (one per op). */
typedef enum {
	/** Do nothing on the selected backend; useful to measure dispatch cost. */
	VACCEL_OP_NOOP = 0,
	/** Load `library` and call `fn_symbol` as */
	VACCEL_OP_EXEC = 1,
	/** Like exec, with the library taken from a LIB resource registered to */
	VACCEL_OP_EXEC_WITH_RESOURCE = 2,
	/** Classify the image; `out_text` receives the label text. */
	VACCEL_OP_IMAGE_CLASSIFY = 3,
	/** Detect objects in the image. */
	VACCEL_OP_IMAGE_DETECT = 4,
	/** Segment the image. */
	VACCEL_OP_IMAGE_SEGMENT = 5,
	/** Estimate human poses in the image. */
	VACCEL_OP_IMAGE_POSE = 6,
	/** Estimate depth in the image. */
	VACCEL_OP_IMAGE_DEPTH = 7,
	/** Load the SavedModel of a MODEL resource registered to the session. */
	VACCEL_OP_TF_MODEL_LOAD = 8,
	/** Free the loaded model. */
	VACCEL_OP_TF_MODEL_UNLOAD = 9,
	/** Feed `in_tensors` to `in_nodes` and fetch `out_nodes` into newly */
	VACCEL_OP_TF_MODEL_RUN = 10,
	/** Load the .tflite model of a MODEL resource registered to the session. */
	VACCEL_OP_TFLITE_MODEL_LOAD = 11,
	/** Free the loaded model. */
	VACCEL_OP_TFLITE_MODEL_UNLOAD = 12,
	/** Run the model; `outputs` are allocated by the backend and freed by */
	VACCEL_OP_TFLITE_MODEL_RUN = 13,
	/** Load the TorchScript model of a MODEL resource registered to the session. */
	VACCEL_OP_TORCH_MODEL_LOAD = 14,
	/** Run a TorchScript model on input tensors (loading it first if */
	VACCEL_OP_TORCH_MODEL_RUN = 15,
	/** out = A x B + C computed by the torch backend (M x K times K x N). */
	VACCEL_OP_TORCH_SGEMM = 16,
	/** C = alpha * A x B + beta * C in single precision, column-major: */
	VACCEL_OP_BLAS_SGEMM = 17,
	/** Copy `a` into `out_a`. */
	VACCEL_OP_FPGA_ARRAYCOPY = 18,
	/** Multiply the square row-major matrices `a` and `b` into `c`. */
	VACCEL_OP_FPGA_MMULT = 19,
	/** Element-wise sum and product of `a` and `b`. */
	VACCEL_OP_FPGA_PARALLEL = 20,
	/** Element-wise sum of `a` and `b` into `c`. */
	VACCEL_OP_FPGA_VECTORADD = 21,
	/** Clamp `indata` to [low_threshold, high_threshold] into `outdata` and */
	VACCEL_OP_MINMAX = 22,
	/** Run an OpenCV operation described by the packed `read` arguments. */
	VACCEL_OP_OPENCV = 23,
	/** Number of op ids (one past the last). */
	VACCEL_OP_MAX = 24,
} vaccel_op_type_t;

/** The constant's name ("VACCEL_OP_NOOP"), or "unknown". */
const char *vaccel_op_type_to_str(vaccel_op_type_t value);
/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */
int vaccel_op_type_from_str(const char *str, vaccel_op_type_t *value);

#ifdef __cplusplus
}
#endif

// Code generated from idl/vaccel.idl by idl/gen/vaccelgen.py. DO NOT EDIT.
// Regenerate with: python3 idl/gen/vaccelgen.py

package vaccel

// #include "vaccel.h"
import "C"

import "strconv"

// Error codes returned by every vaccel function. Each equals the errno
// value of the same name; 0 is success.
type ErrorCode int64

// Success.
const ErrorCodeOk ErrorCode = C.VACCEL_OK

// An argument is invalid (NULL, out of range, wrong type).
const ErrorCodeEinval ErrorCode = C.VACCEL_EINVAL

// Out of memory.
const ErrorCodeEnomem ErrorCode = C.VACCEL_ENOMEM

// No loaded plugin implements the operation for this session.
const ErrorCodeEnotsup ErrorCode = C.VACCEL_ENOTSUP

const ErrorCodeEinprogress ErrorCode = C.VACCEL_EINPROGRESS

const ErrorCodeEbusy ErrorCode = C.VACCEL_EBUSY

// The object already exists (e.g. a resource registered twice).
const ErrorCodeEexist ErrorCode = C.VACCEL_EEXIST

// A file, plugin, symbol or object does not exist.
const ErrorCodeEnoent ErrorCode = C.VACCEL_ENOENT

// A shared object is not a vaccel plugin, or its ABI does not match.
const ErrorCodeElibbad ErrorCode = C.VACCEL_ELIBBAD

const ErrorCodeEnodev ErrorCode = C.VACCEL_ENODEV

// Input/output error (files, transports).
const ErrorCodeEio ErrorCode = C.VACCEL_EIO

// The session is unknown, released or its remote end went away.
const ErrorCodeEsess ErrorCode = C.VACCEL_ESESS

// The backend library failed.
const ErrorCodeEbackend ErrorCode = C.VACCEL_EBACKEND

const ErrorCodeEnoexec ErrorCode = C.VACCEL_ENOEXEC

const ErrorCodeEnametoolong ErrorCode = C.VACCEL_ENAMETOOLONG

const ErrorCodeEusers ErrorCode = C.VACCEL_EUSERS

const ErrorCodeEperm ErrorCode = C.VACCEL_EPERM

const ErrorCodeEloop ErrorCode = C.VACCEL_ELOOP

const ErrorCodeEmlink ErrorCode = C.VACCEL_EMLINK

const ErrorCodeEnospc ErrorCode = C.VACCEL_ENOSPC

const ErrorCodeEnotdir ErrorCode = C.VACCEL_ENOTDIR

const ErrorCodeErofs ErrorCode = C.VACCEL_EROFS

const ErrorCodeEacces ErrorCode = C.VACCEL_EACCES

const ErrorCodeEbadf ErrorCode = C.VACCEL_EBADF

const ErrorCodeEremoteio ErrorCode = C.VACCEL_EREMOTEIO

const ErrorCodeEfault ErrorCode = C.VACCEL_EFAULT

const ErrorCodeErange ErrorCode = C.VACCEL_ERANGE

const ErrorCodeEagain ErrorCode = C.VACCEL_EAGAIN

const ErrorCodeEnosys ErrorCode = C.VACCEL_ENOSYS

// String returns the C constant's name (VACCEL_...), or the number.
func (v ErrorCode) String() string {
	switch v {
	case ErrorCodeOk:
		return "VACCEL_OK"
	case ErrorCodeEinval:
		return "VACCEL_EINVAL"
	case ErrorCodeEnomem:
		return "VACCEL_ENOMEM"
	case ErrorCodeEnotsup:
		return "VACCEL_ENOTSUP"
	case ErrorCodeEinprogress:
		return "VACCEL_EINPROGRESS"
	case ErrorCodeEbusy:
		return "VACCEL_EBUSY"
	case ErrorCodeEexist:
		return "VACCEL_EEXIST"
	case ErrorCodeEnoent:
		return "VACCEL_ENOENT"
	case ErrorCodeElibbad:
		return "VACCEL_ELIBBAD"
	case ErrorCodeEnodev:
		return "VACCEL_ENODEV"
	case ErrorCodeEio:
		return "VACCEL_EIO"
	case ErrorCodeEsess:
		return "VACCEL_ESESS"
	case ErrorCodeEbackend:
		return "VACCEL_EBACKEND"
	case ErrorCodeEnoexec:
		return "VACCEL_ENOEXEC"
	case ErrorCodeEnametoolong:
		return "VACCEL_ENAMETOOLONG"
	case ErrorCodeEusers:
		return "VACCEL_EUSERS"
	case ErrorCodeEperm:
		return "VACCEL_EPERM"
	case ErrorCodeEloop:
		return "VACCEL_ELOOP"
	case ErrorCodeEmlink:
		return "VACCEL_EMLINK"
	case ErrorCodeEnospc:
		return "VACCEL_ENOSPC"
	case ErrorCodeEnotdir:
		return "VACCEL_ENOTDIR"
	case ErrorCodeErofs:
		return "VACCEL_EROFS"
	case ErrorCodeEacces:
		return "VACCEL_EACCES"
	case ErrorCodeEbadf:
		return "VACCEL_EBADF"
	case ErrorCodeEremoteio:
		return "VACCEL_EREMOTEIO"
	case ErrorCodeEfault:
		return "VACCEL_EFAULT"
	case ErrorCodeErange:
		return "VACCEL_ERANGE"
	case ErrorCodeEagain:
		return "VACCEL_EAGAIN"
	case ErrorCodeEnosys:
		return "VACCEL_ENOSYS"
	}
	return "ErrorCode(" + strconv.FormatInt(int64(v), 10) + ")"
}

// Resource types: what a resource holds.
type ResourceType int64

// A shared library (exec_with_resource).
const ResourceTypeLib ResourceType = C.VACCEL_RESOURCE_LIB

// Plain data (labels, metadata).
const ResourceTypeData ResourceType = C.VACCEL_RESOURCE_DATA

// A model (TorchScript, SavedModel, .tflite).
const ResourceTypeModel ResourceType = C.VACCEL_RESOURCE_MODEL

// String returns the C constant's name (VACCEL_RESOURCE_...), or the number.
func (v ResourceType) String() string {
	switch v {
	case ResourceTypeLib:
		return "VACCEL_RESOURCE_LIB"
	case ResourceTypeData:
		return "VACCEL_RESOURCE_DATA"
	case ResourceTypeModel:
		return "VACCEL_RESOURCE_MODEL"
	}
	return "ResourceType(" + strconv.FormatInt(int64(v), 10) + ")"
}

// Plugin type flags; sessions pass the same bits as hints to pick plugins.
type PluginType int64

const PluginTypeCpu PluginType = C.VACCEL_PLUGIN_CPU

const PluginTypeGpu PluginType = C.VACCEL_PLUGIN_GPU

const PluginTypeFpga PluginType = C.VACCEL_PLUGIN_FPGA

const PluginTypeSoftware PluginType = C.VACCEL_PLUGIN_SOFTWARE

const PluginTypeTensorflow PluginType = C.VACCEL_PLUGIN_TENSORFLOW

const PluginTypeTorch PluginType = C.VACCEL_PLUGIN_TORCH

const PluginTypeJetson PluginType = C.VACCEL_PLUGIN_JETSON

const PluginTypeGeneric PluginType = C.VACCEL_PLUGIN_GENERIC

const PluginTypeDebug PluginType = C.VACCEL_PLUGIN_DEBUG

// A transport: the op runs on a remote agent.
const PluginTypeRemote PluginType = C.VACCEL_PLUGIN_REMOTE

const PluginTypeAll PluginType = C.VACCEL_PLUGIN_ALL

// String returns the C constant's name (VACCEL_PLUGIN_...), or the number.
func (v PluginType) String() string {
	switch v {
	case PluginTypeCpu:
		return "VACCEL_PLUGIN_CPU"
	case PluginTypeGpu:
		return "VACCEL_PLUGIN_GPU"
	case PluginTypeFpga:
		return "VACCEL_PLUGIN_FPGA"
	case PluginTypeSoftware:
		return "VACCEL_PLUGIN_SOFTWARE"
	case PluginTypeTensorflow:
		return "VACCEL_PLUGIN_TENSORFLOW"
	case PluginTypeTorch:
		return "VACCEL_PLUGIN_TORCH"
	case PluginTypeJetson:
		return "VACCEL_PLUGIN_JETSON"
	case PluginTypeGeneric:
		return "VACCEL_PLUGIN_GENERIC"
	case PluginTypeDebug:
		return "VACCEL_PLUGIN_DEBUG"
	case PluginTypeRemote:
		return "VACCEL_PLUGIN_REMOTE"
	case PluginTypeAll:
		return "VACCEL_PLUGIN_ALL"
	}
	return "PluginType(" + strconv.FormatInt(int64(v), 10) + ")"
}

// Types of struct vaccel_arg values.
type ArgType int64

const ArgTypeRaw ArgType = C.VACCEL_ARG_RAW

const ArgTypeInt8 ArgType = C.VACCEL_ARG_INT8

const ArgTypeInt8Array ArgType = C.VACCEL_ARG_INT8_ARRAY

const ArgTypeInt16 ArgType = C.VACCEL_ARG_INT16

const ArgTypeInt16Array ArgType = C.VACCEL_ARG_INT16_ARRAY

const ArgTypeInt32 ArgType = C.VACCEL_ARG_INT32

const ArgTypeInt32Array ArgType = C.VACCEL_ARG_INT32_ARRAY

const ArgTypeInt64 ArgType = C.VACCEL_ARG_INT64

const ArgTypeInt64Array ArgType = C.VACCEL_ARG_INT64_ARRAY

const ArgTypeUint8 ArgType = C.VACCEL_ARG_UINT8

const ArgTypeUint8Array ArgType = C.VACCEL_ARG_UINT8_ARRAY

const ArgTypeUint16 ArgType = C.VACCEL_ARG_UINT16

const ArgTypeUint16Array ArgType = C.VACCEL_ARG_UINT16_ARRAY

const ArgTypeUint32 ArgType = C.VACCEL_ARG_UINT32

const ArgTypeUint32Array ArgType = C.VACCEL_ARG_UINT32_ARRAY

const ArgTypeUint64 ArgType = C.VACCEL_ARG_UINT64

const ArgTypeUint64Array ArgType = C.VACCEL_ARG_UINT64_ARRAY

const ArgTypeFloat32 ArgType = C.VACCEL_ARG_FLOAT32

const ArgTypeFloat32Array ArgType = C.VACCEL_ARG_FLOAT32_ARRAY

const ArgTypeFloat64 ArgType = C.VACCEL_ARG_FLOAT64

const ArgTypeFloat64Array ArgType = C.VACCEL_ARG_FLOAT64_ARRAY

const ArgTypeBool ArgType = C.VACCEL_ARG_BOOL

const ArgTypeBoolArray ArgType = C.VACCEL_ARG_BOOL_ARRAY

const ArgTypeChar ArgType = C.VACCEL_ARG_CHAR

const ArgTypeCharArray ArgType = C.VACCEL_ARG_CHAR_ARRAY

const ArgTypeUchar ArgType = C.VACCEL_ARG_UCHAR

const ArgTypeUcharArray ArgType = C.VACCEL_ARG_UCHAR_ARRAY

const ArgTypeString ArgType = C.VACCEL_ARG_STRING

const ArgTypeBuffer ArgType = C.VACCEL_ARG_BUFFER

const ArgTypeCustom ArgType = C.VACCEL_ARG_CUSTOM

// String returns the C constant's name (VACCEL_ARG_...), or the number.
func (v ArgType) String() string {
	switch v {
	case ArgTypeRaw:
		return "VACCEL_ARG_RAW"
	case ArgTypeInt8:
		return "VACCEL_ARG_INT8"
	case ArgTypeInt8Array:
		return "VACCEL_ARG_INT8_ARRAY"
	case ArgTypeInt16:
		return "VACCEL_ARG_INT16"
	case ArgTypeInt16Array:
		return "VACCEL_ARG_INT16_ARRAY"
	case ArgTypeInt32:
		return "VACCEL_ARG_INT32"
	case ArgTypeInt32Array:
		return "VACCEL_ARG_INT32_ARRAY"
	case ArgTypeInt64:
		return "VACCEL_ARG_INT64"
	case ArgTypeInt64Array:
		return "VACCEL_ARG_INT64_ARRAY"
	case ArgTypeUint8:
		return "VACCEL_ARG_UINT8"
	case ArgTypeUint8Array:
		return "VACCEL_ARG_UINT8_ARRAY"
	case ArgTypeUint16:
		return "VACCEL_ARG_UINT16"
	case ArgTypeUint16Array:
		return "VACCEL_ARG_UINT16_ARRAY"
	case ArgTypeUint32:
		return "VACCEL_ARG_UINT32"
	case ArgTypeUint32Array:
		return "VACCEL_ARG_UINT32_ARRAY"
	case ArgTypeUint64:
		return "VACCEL_ARG_UINT64"
	case ArgTypeUint64Array:
		return "VACCEL_ARG_UINT64_ARRAY"
	case ArgTypeFloat32:
		return "VACCEL_ARG_FLOAT32"
	case ArgTypeFloat32Array:
		return "VACCEL_ARG_FLOAT32_ARRAY"
	case ArgTypeFloat64:
		return "VACCEL_ARG_FLOAT64"
	case ArgTypeFloat64Array:
		return "VACCEL_ARG_FLOAT64_ARRAY"
	case ArgTypeBool:
		return "VACCEL_ARG_BOOL"
	case ArgTypeBoolArray:
		return "VACCEL_ARG_BOOL_ARRAY"
	case ArgTypeChar:
		return "VACCEL_ARG_CHAR"
	case ArgTypeCharArray:
		return "VACCEL_ARG_CHAR_ARRAY"
	case ArgTypeUchar:
		return "VACCEL_ARG_UCHAR"
	case ArgTypeUcharArray:
		return "VACCEL_ARG_UCHAR_ARRAY"
	case ArgTypeString:
		return "VACCEL_ARG_STRING"
	case ArgTypeBuffer:
		return "VACCEL_ARG_BUFFER"
	case ArgTypeCustom:
		return "VACCEL_ARG_CUSTOM"
	}
	return "ArgType(" + strconv.FormatInt(int64(v), 10) + ")"
}

// Log levels (VACCEL_LOG_LEVEL=1..4).
type LogLevel int64

const LogLevelError LogLevel = C.VACCEL_LOG_ERROR

const LogLevelWarn LogLevel = C.VACCEL_LOG_WARN

const LogLevelInfo LogLevel = C.VACCEL_LOG_INFO

const LogLevelDebug LogLevel = C.VACCEL_LOG_DEBUG

// String returns the C constant's name (VACCEL_LOG_...), or the number.
func (v LogLevel) String() string {
	switch v {
	case LogLevelError:
		return "VACCEL_LOG_ERROR"
	case LogLevelWarn:
		return "VACCEL_LOG_WARN"
	case LogLevelInfo:
		return "VACCEL_LOG_INFO"
	case LogLevelDebug:
		return "VACCEL_LOG_DEBUG"
	}
	return "LogLevel(" + strconv.FormatInt(int64(v), 10) + ")"
}

// Element types of torch tensors. `size N` on a data-type member is its
// bytes per element (0: not fixed-size, e.g. strings, resources, int4),
// generated into vaccel/enum_tables.h for plugins and the runtime.
type TorchDataType int64

// uint8
const TorchDataTypeByte TorchDataType = C.VACCEL_TORCH_BYTE

// int8
const TorchDataTypeChar TorchDataType = C.VACCEL_TORCH_CHAR

// int16
const TorchDataTypeShort TorchDataType = C.VACCEL_TORCH_SHORT

// int32
const TorchDataTypeInt TorchDataType = C.VACCEL_TORCH_INT

// int64
const TorchDataTypeLong TorchDataType = C.VACCEL_TORCH_LONG

// float16
const TorchDataTypeHalf TorchDataType = C.VACCEL_TORCH_HALF

// float32
const TorchDataTypeFloat TorchDataType = C.VACCEL_TORCH_FLOAT

// float64 (vaccel addition)
const TorchDataTypeDouble TorchDataType = C.VACCEL_TORCH_DOUBLE

// bool, one byte per element (vaccel addition)
const TorchDataTypeBool TorchDataType = C.VACCEL_TORCH_BOOL

// bfloat16 (vaccel addition)
const TorchDataTypeBfloat16 TorchDataType = C.VACCEL_TORCH_BFLOAT16

// String returns the C constant's name (VACCEL_TORCH_...), or the number.
func (v TorchDataType) String() string {
	switch v {
	case TorchDataTypeByte:
		return "VACCEL_TORCH_BYTE"
	case TorchDataTypeChar:
		return "VACCEL_TORCH_CHAR"
	case TorchDataTypeShort:
		return "VACCEL_TORCH_SHORT"
	case TorchDataTypeInt:
		return "VACCEL_TORCH_INT"
	case TorchDataTypeLong:
		return "VACCEL_TORCH_LONG"
	case TorchDataTypeHalf:
		return "VACCEL_TORCH_HALF"
	case TorchDataTypeFloat:
		return "VACCEL_TORCH_FLOAT"
	case TorchDataTypeDouble:
		return "VACCEL_TORCH_DOUBLE"
	case TorchDataTypeBool:
		return "VACCEL_TORCH_BOOL"
	case TorchDataTypeBfloat16:
		return "VACCEL_TORCH_BFLOAT16"
	}
	return "TorchDataType(" + strconv.FormatInt(int64(v), 10) + ")"
}

// Element types of tflite tensors (LiteRT's TfLiteType values).
type TfliteDataType int64

const TfliteDataTypeNotype TfliteDataType = C.VACCEL_TFLITE_NOTYPE

const TfliteDataTypeFloat32 TfliteDataType = C.VACCEL_TFLITE_FLOAT32

const TfliteDataTypeInt32 TfliteDataType = C.VACCEL_TFLITE_INT32

const TfliteDataTypeUint8 TfliteDataType = C.VACCEL_TFLITE_UINT8

const TfliteDataTypeInt64 TfliteDataType = C.VACCEL_TFLITE_INT64

const TfliteDataTypeString TfliteDataType = C.VACCEL_TFLITE_STRING

const TfliteDataTypeBool TfliteDataType = C.VACCEL_TFLITE_BOOL

const TfliteDataTypeInt16 TfliteDataType = C.VACCEL_TFLITE_INT16

const TfliteDataTypeComplex64 TfliteDataType = C.VACCEL_TFLITE_COMPLEX64

const TfliteDataTypeInt8 TfliteDataType = C.VACCEL_TFLITE_INT8

const TfliteDataTypeFloat16 TfliteDataType = C.VACCEL_TFLITE_FLOAT16

const TfliteDataTypeFloat64 TfliteDataType = C.VACCEL_TFLITE_FLOAT64

const TfliteDataTypeComplex128 TfliteDataType = C.VACCEL_TFLITE_COMPLEX128

const TfliteDataTypeUint64 TfliteDataType = C.VACCEL_TFLITE_UINT64

const TfliteDataTypeResource TfliteDataType = C.VACCEL_TFLITE_RESOURCE

const TfliteDataTypeVariant TfliteDataType = C.VACCEL_TFLITE_VARIANT

const TfliteDataTypeUint32 TfliteDataType = C.VACCEL_TFLITE_UINT32

const TfliteDataTypeUint16 TfliteDataType = C.VACCEL_TFLITE_UINT16

const TfliteDataTypeInt4 TfliteDataType = C.VACCEL_TFLITE_INT4

// String returns the C constant's name (VACCEL_TFLITE_...), or the number.
func (v TfliteDataType) String() string {
	switch v {
	case TfliteDataTypeNotype:
		return "VACCEL_TFLITE_NOTYPE"
	case TfliteDataTypeFloat32:
		return "VACCEL_TFLITE_FLOAT32"
	case TfliteDataTypeInt32:
		return "VACCEL_TFLITE_INT32"
	case TfliteDataTypeUint8:
		return "VACCEL_TFLITE_UINT8"
	case TfliteDataTypeInt64:
		return "VACCEL_TFLITE_INT64"
	case TfliteDataTypeString:
		return "VACCEL_TFLITE_STRING"
	case TfliteDataTypeBool:
		return "VACCEL_TFLITE_BOOL"
	case TfliteDataTypeInt16:
		return "VACCEL_TFLITE_INT16"
	case TfliteDataTypeComplex64:
		return "VACCEL_TFLITE_COMPLEX64"
	case TfliteDataTypeInt8:
		return "VACCEL_TFLITE_INT8"
	case TfliteDataTypeFloat16:
		return "VACCEL_TFLITE_FLOAT16"
	case TfliteDataTypeFloat64:
		return "VACCEL_TFLITE_FLOAT64"
	case TfliteDataTypeComplex128:
		return "VACCEL_TFLITE_COMPLEX128"
	case TfliteDataTypeUint64:
		return "VACCEL_TFLITE_UINT64"
	case TfliteDataTypeResource:
		return "VACCEL_TFLITE_RESOURCE"
	case TfliteDataTypeVariant:
		return "VACCEL_TFLITE_VARIANT"
	case TfliteDataTypeUint32:
		return "VACCEL_TFLITE_UINT32"
	case TfliteDataTypeUint16:
		return "VACCEL_TFLITE_UINT16"
	case TfliteDataTypeInt4:
		return "VACCEL_TFLITE_INT4"
	}
	return "TfliteDataType(" + strconv.FormatInt(int64(v), 10) + ")"
}

// Element types of tf tensors (the TensorFlow C API's TF_DataType values).
type TfDataType int64

const TfDataTypeFloat TfDataType = C.VACCEL_TF_FLOAT

const TfDataTypeDouble TfDataType = C.VACCEL_TF_DOUBLE

const TfDataTypeInt32 TfDataType = C.VACCEL_TF_INT32

const TfDataTypeUint8 TfDataType = C.VACCEL_TF_UINT8

const TfDataTypeInt16 TfDataType = C.VACCEL_TF_INT16

const TfDataTypeInt8 TfDataType = C.VACCEL_TF_INT8

const TfDataTypeString TfDataType = C.VACCEL_TF_STRING

const TfDataTypeComplex64 TfDataType = C.VACCEL_TF_COMPLEX64

const TfDataTypeComplex TfDataType = C.VACCEL_TF_COMPLEX

const TfDataTypeInt64 TfDataType = C.VACCEL_TF_INT64

const TfDataTypeBool TfDataType = C.VACCEL_TF_BOOL

const TfDataTypeQint8 TfDataType = C.VACCEL_TF_QINT8

const TfDataTypeQuint8 TfDataType = C.VACCEL_TF_QUINT8

const TfDataTypeQint32 TfDataType = C.VACCEL_TF_QINT32

const TfDataTypeBfloat16 TfDataType = C.VACCEL_TF_BFLOAT16

const TfDataTypeQint16 TfDataType = C.VACCEL_TF_QINT16

const TfDataTypeQuint16 TfDataType = C.VACCEL_TF_QUINT16

const TfDataTypeUint16 TfDataType = C.VACCEL_TF_UINT16

const TfDataTypeComplex128 TfDataType = C.VACCEL_TF_COMPLEX128

const TfDataTypeHalf TfDataType = C.VACCEL_TF_HALF

const TfDataTypeResource TfDataType = C.VACCEL_TF_RESOURCE

const TfDataTypeVariant TfDataType = C.VACCEL_TF_VARIANT

const TfDataTypeUint32 TfDataType = C.VACCEL_TF_UINT32

const TfDataTypeUint64 TfDataType = C.VACCEL_TF_UINT64

// String returns the C constant's name (VACCEL_TF_...), or the number.
func (v TfDataType) String() string {
	switch v {
	case TfDataTypeFloat:
		return "VACCEL_TF_FLOAT"
	case TfDataTypeDouble:
		return "VACCEL_TF_DOUBLE"
	case TfDataTypeInt32:
		return "VACCEL_TF_INT32"
	case TfDataTypeUint8:
		return "VACCEL_TF_UINT8"
	case TfDataTypeInt16:
		return "VACCEL_TF_INT16"
	case TfDataTypeInt8:
		return "VACCEL_TF_INT8"
	case TfDataTypeString:
		return "VACCEL_TF_STRING"
	case TfDataTypeComplex64:
		return "VACCEL_TF_COMPLEX64"
	case TfDataTypeInt64:
		return "VACCEL_TF_INT64"
	case TfDataTypeBool:
		return "VACCEL_TF_BOOL"
	case TfDataTypeQint8:
		return "VACCEL_TF_QINT8"
	case TfDataTypeQuint8:
		return "VACCEL_TF_QUINT8"
	case TfDataTypeQint32:
		return "VACCEL_TF_QINT32"
	case TfDataTypeBfloat16:
		return "VACCEL_TF_BFLOAT16"
	case TfDataTypeQint16:
		return "VACCEL_TF_QINT16"
	case TfDataTypeQuint16:
		return "VACCEL_TF_QUINT16"
	case TfDataTypeUint16:
		return "VACCEL_TF_UINT16"
	case TfDataTypeComplex128:
		return "VACCEL_TF_COMPLEX128"
	case TfDataTypeHalf:
		return "VACCEL_TF_HALF"
	case TfDataTypeResource:
		return "VACCEL_TF_RESOURCE"
	case TfDataTypeVariant:
		return "VACCEL_TF_VARIANT"
	case TfDataTypeUint32:
		return "VACCEL_TF_UINT32"
	case TfDataTypeUint64:
		return "VACCEL_TF_UINT64"
	}
	return "TfDataType(" + strconv.FormatInt(int64(v), 10) + ")"
}

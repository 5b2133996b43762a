# Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
# Regenerate with: python3 idl/gen/vaccelgen.py

"""The IDL enums."""

import enum
import errno



class Error(enum.IntEnum):
    """Error codes returned by every vaccel function. Each equals the errno value of the same name; 0 is success."""

    OK = 0
    EINVAL = errno.EINVAL
    ENOMEM = errno.ENOMEM
    ENOTSUP = errno.ENOTSUP
    EINPROGRESS = errno.EINPROGRESS
    EBUSY = errno.EBUSY
    EEXIST = errno.EEXIST
    ENOENT = errno.ENOENT
    ELIBBAD = errno.ELIBBAD
    ENODEV = errno.ENODEV
    EIO = errno.EIO
    ESESS = errno.ECONNRESET
    EBACKEND = errno.EPROTO
    ENOEXEC = errno.ENOEXEC
    ENAMETOOLONG = errno.ENAMETOOLONG
    EUSERS = errno.EUSERS
    EPERM = errno.EPERM
    ELOOP = errno.ELOOP
    EMLINK = errno.EMLINK
    ENOSPC = errno.ENOSPC
    ENOTDIR = errno.ENOTDIR
    EROFS = errno.EROFS
    EACCES = errno.EACCES
    EBADF = errno.EBADF
    EREMOTEIO = errno.EREMOTEIO
    EFAULT = errno.EFAULT
    ERANGE = errno.ERANGE
    EAGAIN = errno.EAGAIN
    ENOSYS = errno.ENOSYS


class ResourceType(enum.IntEnum):
    """Resource types: what a resource holds."""

    LIB = 0
    DATA = 1
    MODEL = 2


class PluginType(enum.IntFlag):
    """Plugin type flags; sessions pass the same bits as hints to pick plugins."""

    CPU = 1
    GPU = 2
    FPGA = 4
    SOFTWARE = 8
    TENSORFLOW = 16
    TORCH = 32
    JETSON = 64
    GENERIC = 128
    DEBUG = 256
    REMOTE = 16384
    ALL = 65535


class ArgType(enum.IntEnum):
    """Types of struct vaccel_arg values."""

    RAW = 0
    INT8 = 1
    INT8_ARRAY = 2
    INT16 = 3
    INT16_ARRAY = 4
    INT32 = 5
    INT32_ARRAY = 6
    INT64 = 7
    INT64_ARRAY = 8
    UINT8 = 9
    UINT8_ARRAY = 10
    UINT16 = 11
    UINT16_ARRAY = 12
    UINT32 = 13
    UINT32_ARRAY = 14
    UINT64 = 15
    UINT64_ARRAY = 16
    FLOAT32 = 17
    FLOAT32_ARRAY = 18
    FLOAT64 = 19
    FLOAT64_ARRAY = 20
    BOOL = 21
    BOOL_ARRAY = 22
    CHAR = 23
    CHAR_ARRAY = 24
    UCHAR = 25
    UCHAR_ARRAY = 26
    STRING = 27
    BUFFER = 28
    CUSTOM = 29


class LogLevel(enum.IntEnum):
    """Log levels (VACCEL_LOG_LEVEL=1..4)."""

    ERROR = 1
    WARN = 2
    INFO = 3
    DEBUG = 4


class TorchDataType(enum.IntEnum):
    """Element types of torch tensors. `size N` on a data-type member is its bytes per element (0: not fixed-size, e.g. strings, resources, int4), generated into vaccel/enum_tables.h for plugins and the runtime."""

    BYTE = 1
    CHAR = 2
    SHORT = 3
    INT = 4
    LONG = 5
    HALF = 6
    FLOAT = 7
    DOUBLE = 8
    BOOL = 9
    BFLOAT16 = 10


# bytes per element (0: not fixed-size)
TorchDataType.SIZES = {
    TorchDataType.BYTE: 1,
    TorchDataType.CHAR: 1,
    TorchDataType.SHORT: 2,
    TorchDataType.INT: 4,
    TorchDataType.LONG: 8,
    TorchDataType.HALF: 2,
    TorchDataType.FLOAT: 4,
    TorchDataType.DOUBLE: 8,
    TorchDataType.BOOL: 1,
    TorchDataType.BFLOAT16: 2,
}


class TFLiteDataType(enum.IntEnum):
    """Element types of tflite tensors (LiteRT's TfLiteType values)."""

    NOTYPE = 0
    FLOAT32 = 1
    INT32 = 2
    UINT8 = 3
    INT64 = 4
    STRING = 5
    BOOL = 6
    INT16 = 7
    COMPLEX64 = 8
    INT8 = 9
    FLOAT16 = 10
    FLOAT64 = 11
    COMPLEX128 = 12
    UINT64 = 13
    RESOURCE = 14
    VARIANT = 15
    UINT32 = 16
    UINT16 = 17
    INT4 = 18


# bytes per element (0: not fixed-size)
TFLiteDataType.SIZES = {
    TFLiteDataType.NOTYPE: 0,
    TFLiteDataType.FLOAT32: 4,
    TFLiteDataType.INT32: 4,
    TFLiteDataType.UINT8: 1,
    TFLiteDataType.INT64: 8,
    TFLiteDataType.STRING: 0,
    TFLiteDataType.BOOL: 1,
    TFLiteDataType.INT16: 2,
    TFLiteDataType.COMPLEX64: 8,
    TFLiteDataType.INT8: 1,
    TFLiteDataType.FLOAT16: 2,
    TFLiteDataType.FLOAT64: 8,
    TFLiteDataType.COMPLEX128: 16,
    TFLiteDataType.UINT64: 8,
    TFLiteDataType.RESOURCE: 0,
    TFLiteDataType.VARIANT: 0,
    TFLiteDataType.UINT32: 4,
    TFLiteDataType.UINT16: 2,
    TFLiteDataType.INT4: 0,
}


class TFDataType(enum.IntEnum):
    """Element types of tf tensors (the TensorFlow C API's TF_DataType values)."""

    FLOAT = 1
    DOUBLE = 2
    INT32 = 3
    UINT8 = 4
    INT16 = 5
    INT8 = 6
    STRING = 7
    COMPLEX64 = 8
    COMPLEX = 8
    INT64 = 9
    BOOL = 10
    QINT8 = 11
    QUINT8 = 12
    QINT32 = 13
    BFLOAT16 = 14
    QINT16 = 15
    QUINT16 = 16
    UINT16 = 17
    COMPLEX128 = 18
    HALF = 19
    RESOURCE = 20
    VARIANT = 21
    UINT32 = 22
    UINT64 = 23


# bytes per element (0: not fixed-size)
TFDataType.SIZES = {
    TFDataType.FLOAT: 4,
    TFDataType.DOUBLE: 8,
    TFDataType.INT32: 4,
    TFDataType.UINT8: 1,
    TFDataType.INT16: 2,
    TFDataType.INT8: 1,
    TFDataType.STRING: 0,
    TFDataType.COMPLEX64: 8,
    TFDataType.INT64: 8,
    TFDataType.BOOL: 1,
    TFDataType.QINT8: 1,
    TFDataType.QUINT8: 1,
    TFDataType.QINT32: 4,
    TFDataType.BFLOAT16: 2,
    TFDataType.QINT16: 2,
    TFDataType.QUINT16: 2,
    TFDataType.UINT16: 2,
    TFDataType.COMPLEX128: 16,
    TFDataType.HALF: 2,
    TFDataType.RESOURCE: 0,
    TFDataType.VARIANT: 0,
    TFDataType.UINT32: 4,
    TFDataType.UINT64: 8,
}


class OpType(enum.IntEnum):
    """Operation ids."""

    NOOP = 0
    EXEC = 1
    EXEC_WITH_RESOURCE = 2
    IMAGE_CLASSIFY = 3
    IMAGE_DETECT = 4
    IMAGE_SEGMENT = 5
    IMAGE_POSE = 6
    IMAGE_DEPTH = 7
    TF_MODEL_LOAD = 8
    TF_MODEL_UNLOAD = 9
    TF_MODEL_RUN = 10
    TFLITE_MODEL_LOAD = 11
    TFLITE_MODEL_UNLOAD = 12
    TFLITE_MODEL_RUN = 13
    TORCH_MODEL_LOAD = 14
    TORCH_MODEL_RUN = 15
    TORCH_SGEMM = 16
    BLAS_SGEMM = 17
    FPGA_ARRAYCOPY = 18
    FPGA_MMULT = 19
    FPGA_PARALLEL = 20
    FPGA_VECTORADD = 21
    MINMAX = 22
    OPENCV = 23

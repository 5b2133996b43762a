"""The tensor types of the torch, tf and tflite families share one layout:
(data, size, nr_dims, dims, data_type). Data is any C-contiguous buffer,
kept by reference (no copy) until the op is called. An op's output tensor
holds a view of the C tensor the op allocated (no copy either)."""

import array
import math

try:
    import numpy as _np
except ImportError:  # numpy is optional
    _np = None

# numpy dtype name -> data-type member name, per family
_NUMPY_NAMES = {
    "float32": ("FLOAT", "FLOAT", "FLOAT32"), "float64": ("DOUBLE", "DOUBLE", "FLOAT64"),
    "int8": ("CHAR", "INT8", "INT8"), "uint8": ("BYTE", "UINT8", "UINT8"),
    "int16": ("SHORT", "INT16", "INT16"), "int32": ("INT", "INT32", "INT32"),
    "int64": ("LONG", "INT64", "INT64"), "float16": ("HALF", "HALF", "FLOAT16"),
    "bool": ("BOOL", "BOOL", "BOOL"),
}
# element size -> array typecode for floats / ints
_FLOAT_TC = {4: "f", 8: "d"}
_INT_TC = {1: "b", 2: "h", 4: "i", 8: "q"}


class TensorBase:
    _types = None  # the family's data-type IntEnum (with .SIZES)
    _family = 0  # index into _NUMPY_NAMES tuples
    _dims_tc = "q"

    def __init__(self, dims, data_type, data):
        dims = [int(d) for d in dims]
        if any(d < 0 for d in dims):
            raise ValueError(f"negative dimension in {dims}")
        try:
            self._dtype = self._types(data_type)
        except ValueError:
            raise ValueError(f"unknown {self._types.__name__} {data_type!r}") from None
        esize = self._types.SIZES.get(self._dtype, 0)
        if isinstance(data, (list, tuple)):
            tc = self._typecode()
            if tc is None:
                raise TypeError(f"cannot build {self._dtype.name} data from a list")
            data = array.array(tc, data)
        try:
            nbytes = memoryview(data).nbytes
        except TypeError:
            raise TypeError(f"data: expected a buffer or a list, got {type(data).__name__}") from None
        if esize and nbytes != math.prod(dims) * esize:
            raise ValueError(f"dims {dims} of {self._dtype.name} need "
                             f"{math.prod(dims) * esize} bytes, data has {nbytes}")
        self._dims = dims
        self._data = data

    def _typecode(self):
        name = self._dtype.name
        esize = self._types.SIZES.get(self._dtype, 0)
        if name in ("FLOAT", "DOUBLE", "FLOAT32", "FLOAT64"):
            return _FLOAT_TC.get(esize)
        if name in ("HALF", "FLOAT16", "BFLOAT16", "COMPLEX64", "COMPLEX128", "COMPLEX"):
            return None
        tc = _INT_TC.get(esize)
        if tc and (name.startswith("U") or name in ("BYTE", "BOOL", "QUINT8")):
            tc = tc.upper()
        return tc

    # ---- construction -------------------------------------------------
    @classmethod
    def from_buffer(cls, dims, data_type, data):
        return cls(dims, data_type, data)

    @classmethod
    def from_numpy(cls, arr):
        if _np is None:
            raise TypeError("numpy is not installed")
        arr = _np.ascontiguousarray(arr)
        name = _NUMPY_NAMES.get(arr.dtype.name)
        if name is None:
            raise TypeError(f"unsupported numpy dtype {arr.dtype}")
        # Kept as the typed array: as_bytelike()/as_memoryview() give its
        # values (vaccel-python compares them with the numpy array).
        return cls(list(arr.shape), cls._types[name[cls._family]], arr)

    @classmethod
    def empty(cls):
        return cls([0], list(cls._types)[0], b"")

    @classmethod
    def _from_fields(cls, t):
        data, _size, _nr_dims, dims, data_type = t
        inst = cls.__new__(cls)
        # An op's output arrives as views of the C tensor (no copy): data
        # stays one, keeping the tensor alive; dims are read out.
        inst._dims = array.array(cls._dims_tc, bytes(dims) if dims is not None else b"").tolist()
        inst._dtype = cls._types(data_type)
        inst._data = data if data is not None else b""
        return inst

    def _fields(self):
        return (self._data, None, len(self._dims), array.array(self._dims_tc, self._dims),
                int(self._dtype))

    # ---- accessors ----------------------------------------------------
    @property
    def dims(self):
        return list(self._dims)

    @property
    def shape(self):
        return self.dims

    @property
    def data_type(self):
        return self._dtype

    @property
    def data(self):
        tc = self._typecode()
        if tc is None:
            return bytes(memoryview(self._data))
        out = array.array(tc)
        out.frombytes(memoryview(self._data).cast("B"))
        return out.tolist()

    def as_bytelike(self):
        """The data as given (bytes, a numpy array's memory); data built
        from a list as its bytes."""
        d = self._data
        if isinstance(d, (bytes, bytearray, memoryview)):
            return d
        if isinstance(d, array.array):
            return memoryview(d).cast("B")
        return memoryview(d)

    def as_memoryview(self):
        return memoryview(self.as_bytelike())

    def to_bytes(self):
        return bytes(memoryview(self._data).cast("B"))

    def numpy(self):
        """The data as a numpy array viewing the same memory (no copy)."""
        if _np is None:
            raise TypeError("numpy is not installed")
        for np_name, names in _NUMPY_NAMES.items():
            if names[self._family] == self._dtype.name:
                return _np.frombuffer(self._data, dtype=np_name).reshape(self._dims)
        raise TypeError(f"no numpy dtype for {self._dtype.name}")

    as_numpy = numpy

    def __repr__(self):
        return f"{type(self).__module__}.Tensor(dims={self._dims}, {self._dtype.name})"


class BufferBase:
    """Run options (struct *_buffer): raw bytes."""

    def __init__(self, data):
        memoryview(data)
        self._data = data

    @classmethod
    def _from_fields(cls, t):
        return cls(t[0] or b"")

    def _fields(self):
        return (self._data, None)

    @property
    def data(self):
        return bytes(self._data)

    @property
    def size(self):
        return memoryview(self._data).nbytes

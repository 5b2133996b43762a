"""Arg: one typed value of exec/genop argument lists (struct vaccel_arg)."""

import array
import os

from vaccel._enums import ArgType

# ArgType -> array typecode of its element
_TYPECODES = {
    ArgType.INT8: "b", ArgType.INT8_ARRAY: "b", ArgType.INT16: "h", ArgType.INT16_ARRAY: "h",
    ArgType.INT32: "i", ArgType.INT32_ARRAY: "i", ArgType.INT64: "q", ArgType.INT64_ARRAY: "q",
    ArgType.UINT8: "B", ArgType.UINT8_ARRAY: "B", ArgType.UINT16: "H",
    ArgType.UINT16_ARRAY: "H", ArgType.UINT32: "I", ArgType.UINT32_ARRAY: "I",
    ArgType.UINT64: "Q", ArgType.UINT64_ARRAY: "Q", ArgType.FLOAT32: "f",
    ArgType.FLOAT32_ARRAY: "f", ArgType.FLOAT64: "d", ArgType.FLOAT64_ARRAY: "d",
    ArgType.BOOL: "B", ArgType.BOOL_ARRAY: "B", ArgType.CHAR: "b", ArgType.CHAR_ARRAY: "b",
    ArgType.UCHAR: "B", ArgType.UCHAR_ARRAY: "B",
}


def _list_typecode(values):
    """An untyped list packs as vaccel-python packs it: ints as C int,
    floats as C float."""
    if all(isinstance(v, int) for v in values):
        return "i"
    if all(isinstance(v, (int, float)) for v in values):
        return "f"
    raise TypeError("Arg: an untyped list must hold only ints or only floats")


class Arg:
    """`data`: bytes-like (passed without copy), int, float, str, a path or
    a list; `type_`: its ArgType. A list's value (`buf`) is a list again."""

    def __init__(self, data, type_=ArgType.RAW, custom_type_id=0):
        self._type = ArgType(type_)
        self._custom = int(custom_type_id)
        tc = _TYPECODES.get(self._type)
        self._list = False
        if hasattr(data, "__fspath__"):
            data = os.fspath(data)
        if isinstance(data, str):
            data = data.encode() + b"\0"
        elif isinstance(data, bool) or isinstance(data, (int, float)):
            if tc is None:
                tc = "d" if isinstance(data, float) else "q"
                self._type = ArgType.FLOAT64 if tc == "d" else ArgType.INT64
            data = array.array(tc, [data])
        elif isinstance(data, (list, tuple)):
            data = array.array(tc or _list_typecode(data), data)
            self._list = True
        else:
            try:
                memoryview(data)
            except TypeError:
                raise TypeError(f"Arg: unsupported data {type(data).__name__}") from None
        self._data = data

    def _make_writable(self):
        if memoryview(self._data).readonly:
            self._data = bytearray(self._data)

    def _fields(self):
        return (self._data, None, int(self._type), self._custom)

    @property
    def type(self):
        return self._type

    @property
    def buf(self):
        """The value: a scalar for scalar types, else the buffer."""
        tc = _TYPECODES.get(self._type)
        if tc and not self._type.name.endswith("_ARRAY"):
            return array.array(tc, bytes(memoryview(self._data)))[0]
        if self._list:
            return self._data.tolist()
        return self._data

    @property
    def value(self):
        return self.buf

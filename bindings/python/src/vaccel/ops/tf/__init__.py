"""TensorFlow tensors, nodes, run options and status."""

from vaccel._enums import TFDataType as TensorType
from vaccel._tensor import BufferBase, TensorBase

__all__ = ["Tensor", "TensorType", "Node", "Buffer", "Status"]


class Tensor(TensorBase):
    _types = TensorType
    _family = 1


class Buffer(BufferBase):
    pass


class Node:
    def __init__(self, name, id_):
        if not isinstance(name, str):
            raise TypeError("Node name: expected a str")
        self.name = name
        self.id = int(id_)

    def _fields(self):
        return (self.name, self.id)

    @classmethod
    def _from_fields(cls, t):
        return cls(t[0] or "", t[1])


class Status:
    def __init__(self, error_code=0, message=""):
        self.code = int(error_code)
        self.message = message or ""

    @property
    def error_code(self):
        return self.code

    def _fields(self):
        return (self.code, self.message)

    @classmethod
    def _from_fields(cls, t):
        return cls(t[0], t[1] or "")

    def __repr__(self):
        return f"Status(code={self.code}, message={self.message!r})"

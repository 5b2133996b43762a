"""TensorFlow Lite tensors."""

from vaccel._enums import TFLiteDataType as TensorType
from vaccel._tensor import TensorBase

__all__ = ["Tensor", "TensorType"]


class Tensor(TensorBase):
    _types = TensorType
    _family = 2
    _dims_tc = "i"

"""Torch tensors and run options; torch.Tensor in and out when torch is importable."""

from vaccel._enums import TorchDataType as TensorType
from vaccel._tensor import BufferBase, TensorBase

__all__ = ["Tensor", "TensorType", "Buffer"]


class Tensor(TensorBase):
    _types = TensorType
    _family = 0

    @classmethod
    def from_torch(cls, t):
        return cls.from_numpy(t.detach().cpu().contiguous().numpy())

    def as_torch(self):
        import torch

        arr = self.numpy()
        if not arr.flags.writeable:
            arr = arr.copy()
        return torch.from_numpy(arr)


class Buffer(BufferBase):
    pass

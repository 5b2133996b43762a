"""Torch tensors and run options; torch.Tensor in and out when torch is importable."""

from vaccel._enums import TorchDataType as TensorType
from vaccel._tensor import BufferBase, TensorBase

__all__ = ["Tensor", "TensorType", "Buffer"]


class Tensor(TensorBase):
    _types = TensorType
    _family = 0

    @classmethod
    def from_torch(cls, t):
        arr = t.detach().cpu().contiguous().numpy()
        out = cls.from_numpy(arr)
        # As in vaccel-python, as_bytelike() of a torch tensor is its bytes
        # (of a numpy array, the array's typed memory).
        out._data = arr.reshape(-1).view("uint8")
        return out

    def as_torch(self):
        import torch

        arr = self.numpy()
        if not arr.flags.writeable:
            arr = arr.copy()
        return torch.from_numpy(arr)


class Buffer(BufferBase):
    pass

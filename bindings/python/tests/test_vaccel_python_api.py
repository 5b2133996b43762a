"""Calls written the way vaccel-python 0.3 programs write them: untyped
lists as exec args (packed as C int / C float, results read back as lists),
paths as string args, tensor data read back as a list of numbers."""

import pathlib

import numpy as np
import pytest
from conftest import path

from vaccel import Arg, ArgType, OpType
from vaccel.ops.tf import Tensor as TfTensor
from vaccel.ops.tf import TensorType as TfType
from vaccel.ops.torch import Tensor, TensorType


def test_exec_untyped_lists_read_back(session):
    lib = path("examples/libmytestlib.so")
    # mytestfunc doubles one 4-byte int: [21] must pack as a C int.
    assert session.exec(lib, "mytestfunc", [[21]], [[0]]) == [[42]]


def test_untyped_list_packing():
    assert Arg([1, 2, 3]).buf == [1, 2, 3]
    assert len(memoryview(Arg([1, 2, 3])._fields()[0]).cast("B")) == 12
    assert Arg([0.5, 2]).buf == [0.5, 2.0]
    assert len(memoryview(Arg([0.5, 2])._fields()[0]).cast("B")) == 8
    assert Arg([7, 8], ArgType.INT64_ARRAY).buf == [7, 8]
    with pytest.raises(TypeError):
        Arg([1, "x"])


def test_genop_exec_with_path_string(session):
    lib = pathlib.Path(path("examples/libmytestlib.so"))
    assert Arg(lib, ArgType.STRING).buf == bytes(str(lib), "utf-8") + b"\0"
    out = Arg([0])
    session.genop([Arg(OpType.EXEC, ArgType.UINT8), Arg(lib, ArgType.STRING),
                   Arg("mytestfunc", ArgType.STRING), Arg([5])], [out])
    assert out.buf == [10]


def test_tensor_data_is_the_numbers():
    t = Tensor([3], TensorType.FLOAT, [1.0, 2.5, -3.0])
    assert t.data == [1.0, 2.5, -3.0]
    t = Tensor([2], TensorType.LONG, bytes(8) + (7).to_bytes(8, "little"))
    assert t.data == [0, 7]
    assert TfTensor([2], TfType.INT32, [4, -4]).data == [4, -4]


def test_tensor_views_keep_the_values():
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    t = Tensor.from_numpy(x)
    assert t.dims == [2, 3]
    assert t.as_bytelike() == x
    assert t.as_memoryview() == memoryview(x)
    assert t.to_bytes() == x.tobytes()
    t = Tensor([2], TensorType.FLOAT, [1.0, 2.0])
    assert t.as_bytelike() == t.to_bytes()
    assert t.as_memoryview() == t.to_bytes()


def test_tensor_from_torch_views_bytes():
    import torch
    x = torch.tensor([1.0, -2.0], dtype=torch.float32)
    t = Tensor.from_torch(x)
    assert t.data == [1.0, -2.0]
    assert t.as_bytelike() == x.numpy().tobytes()
    assert torch.equal(t.as_torch(), x)

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


def test_genop_write_args_from_bytes(vaccel_mod):
    # vaccel-python copies an Arg's data, so bytes can be a write arg.
    # A DEBUG hint puts the noop plugin (its dummy texts) first.
    session = vaccel_mod.Session(vaccel_mod.PluginType.DEBUG)
    name, text = Arg(b"\0" * 32), Arg(b"\0" * 40)
    name_t = Arg(bytearray(32), ArgType.UCHAR_ARRAY)
    text_t = Arg(bytearray(40), ArgType.UCHAR_ARRAY)
    op = Arg(OpType.IMAGE_CLASSIFY, ArgType.UINT8)
    session.genop([op, Arg(b"img")], [text, name])
    assert bytes(text.buf).split(b"\0")[0] == b"This is a dummy classification tag!"
    assert bytes(name.buf).split(b"\0")[0] == b"This is a dummy imgname!"
    # typed UCHAR_ARRAY outputs: vAccel 0.8's order, out_imgname first
    session.genop([op, Arg(b"img")], [name_t, text_t])
    assert bytes(text_t.buf).split(b"\0")[0] == b"This is a dummy classification tag!"

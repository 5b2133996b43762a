"""Every op family, in-process and through the agent, with the results the
C examples print (tests/examples/examples_test.sh)."""

import array
import os

import numpy as np
import pytest
from conftest import path, sample

import vaccel
from vaccel import Arg, ArgType, Resource, ResourceType
from vaccel.ops.torch import Tensor, TensorType


def test_version():
    assert vaccel.__version__ == "0.1.0"


def test_noop(session):
    assert session.noop() is None


def test_exec(session):
    lib = path("examples/libmytestlib.so")
    out = session.exec(lib, "mytestfunc", [Arg(10, ArgType.INT32)], [Arg(0, ArgType.INT32)])
    assert out == [20]


def test_exec_with_resource(session):
    with Resource(path("examples/libmytestlib.so"), ResourceType.LIB) as r:
        r.register(session)
        w = Arg(bytearray(4))
        session.exec_with_resource(r, "mytestfunc", [Arg(array.array("i", [21]))], [w])
        assert array.array("i", bytes(w.buf))[0] == 42
        r.unregister(session)


def test_exec_with_a_resource_of_several_libraries(session):
    """Resource takes a list of paths (vAccel's Resource does): the exec
    plugin loads all but the last RTLD_GLOBAL, so libexec-main.so's use_dep
    finds libexec-dep.so's function (1234) and adds its input."""
    libs = [path("tests/backends/libexec-dep.so"), path("tests/backends/libexec-main.so")]
    with Resource(libs, ResourceType.LIB) as r:
        r.register(session)
        w = Arg(bytearray(4))
        session.exec_with_resource(r, "use_dep", [Arg(array.array("i", [6]))], [w])
        assert array.array("i", bytes(w.buf))[0] == 1240
        r.unregister(session)


def test_resource_path_lists_are_checked(vaccel_mod):
    with pytest.raises(ValueError, match="empty"):
        Resource([], ResourceType.LIB)
    with pytest.raises(TypeError, match=r"paths\[1\]"):
        Resource([path("tests/backends/libexec-dep.so"), 7], ResourceType.LIB)
    with pytest.raises(vaccel_mod.NotFoundError):
        Resource([path("tests/backends/libexec-dep.so"), "/nonexistent/lib.so"], ResourceType.LIB)


def test_sgemm(session):
    # C = A x B, column-major: A = [1 2 3; 4 5 6], B = [7 8; 9 10; 11 12]
    a = [1, 4, 2, 5, 3, 6]
    b = [7, 9, 11, 8, 10, 12]
    c = session.sgemm(2, 2, 3, 1.0, a, 2, b, 3, 0.0, 2)
    assert c == [58, 139, 64, 154]


def test_sgemm_numpy_inout(session):
    a = np.array([1, 4, 2, 5, 3, 6], dtype=np.float32)
    b = np.array([7, 9, 11, 8, 10, 12], dtype=np.float32)
    c = np.array([58, 139, 64, 154], dtype=np.float32)
    out = session.sgemm(2, 2, 3, 2.0, a, 2, b, 3, 1.0, 2, c=c)
    assert out == [174, 417, 192, 462]


def test_minmax(session):
    data = array.array("d", [4.5, -3, 12, 7, 0.25, 9])
    out, lo, hi = session.minmax(data.tobytes(), 6, 0, 8)
    assert (lo, hi) == (-3.0, 12.0)
    assert array.array("d", out).tolist() == [4.5, 0, 8, 7, 0.25, 8]


def test_fpga(session):
    assert session.fpga_arraycopy([1, 2, 3, 4, 5]) == [1, 2, 3, 4, 5]
    assert session.fpga_mmult([1, 2, 3, 4], [5, 6, 7, 8]) == [19, 22, 43, 50]
    assert session.fpga_parallel([1, 2, 3], [4, 5, 6]) == ([5, 7, 9], [4, 10, 18])
    assert session.fpga_vadd([1, 2, 3, 4, 5], [1, 2, 6, 4, 5]) == [2, 4, 9, 8, 10]


def _digits_tensor(k):
    with open(sample(k), "rb") as f:
        return Tensor([1, 1, 8, 8], TensorType.FLOAT, f.read())


def test_torch_model_run(session, digits):
    with Resource(os.path.join(digits, "digits.pt"), ResourceType.MODEL) as model:
        model.register(session)
        session.torch_model_load(model)
        for k in range(10):
            (out,) = session.torch_model_run(model, [_digits_tensor(k)])
            assert out.data_type == TensorType.FLOAT
            assert out.dims == [1, 10]
            assert int(np.argmax(out.numpy())) == k
        model.unregister(session)


def test_torch_numpy_and_torch_in_out(session, digits):
    import torch  # Debian's python3-torch: a failure, never a skip, when missing
    with Resource(os.path.join(digits, "digits.pt"), ResourceType.MODEL) as model:
        model.register(session)
        x = np.fromfile(sample(3), dtype=np.float32).reshape(1, 1, 8, 8)
        (out,) = session.torch_model_run(model, [Tensor.from_numpy(x)])
        assert out.numpy().argmax() == 3
        (out2,) = session.torch_model_run(model, [Tensor.from_torch(torch.from_numpy(x))])
        assert int(out2.as_torch().argmax()) == 3
        assert out2.to_bytes() == out.to_bytes()


def test_classify(session, digits):
    """The sample digits, in-process and through the agent (the model
    directory is uploaded to it), with the same answers both ways."""
    words = "zero one two three four five six seven eight nine".split()
    with Resource(digits, ResourceType.MODEL) as model:
        model.register(session)
        for k in range(10):
            with open(sample(k, "png"), "rb") as f:
                text, _ = session.classify(f.read())
            assert text.split()[0] == words[k], text
        model.unregister(session)


def test_classify_remote_equals_local(vaccel_mod, digits):
    """Every sample's whole answer (text and output) is the same through
    the agent as in-process."""
    answers = {}
    for mode, flags in (("local", 0), ("remote", vaccel_mod.PluginType.REMOTE)):
        with vaccel_mod.Session(flags) as s, Resource(digits, ResourceType.MODEL) as model:
            assert s.is_remote == (mode == "remote")
            model.register(s)
            got = []
            for k in range(10):
                with open(sample(k, "png"), "rb") as f:
                    got.append(s.classify(f.read()))
            model.unregister(s)
        answers[mode] = got
    assert answers["remote"] == answers["local"]

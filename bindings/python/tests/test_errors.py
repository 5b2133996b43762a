"""Errors raise VaccelError subclasses carrying the runtime's code; bad
Python arguments raise TypeError/ValueError; nothing crashes."""

import os
import subprocess
import sys

import pytest
from conftest import path, plugin_path

import vaccel
from vaccel import Error, Resource, ResourceType, Session
from vaccel.ops.torch import Tensor, TensorType


def test_missing_resource_path(vaccel_mod):
    with pytest.raises(vaccel.NotFoundError) as e:
        Resource("/nonexistent/model.pt", ResourceType.MODEL)
    assert e.value.code == Error.ENOENT


def test_bad_plugin_path(vaccel_mod):
    with pytest.raises(vaccel.VaccelError) as e:
        vaccel.load_plugin("/nonexistent/libvaccel-x.so")
    assert e.value.code in (Error.ENOENT, Error.ELIBBAD)


def test_exec_missing_library(session):
    with pytest.raises(vaccel.VaccelError) as e:
        session.exec("/nonexistent/lib.so", "f", [vaccel.Arg(1)], [vaccel.Arg(0)])
    assert e.value.code == Error.EINVAL if not session.is_remote else e.value.code != 0


def test_unregistered_resource(session, digits):
    with Resource(os.path.join(digits, "digits.pt"), ResourceType.MODEL) as m:
        with pytest.raises(vaccel.VaccelError) as e:
            session.torch_model_load(m)
        assert e.value.code in (Error.EINVAL, Error.EPERM, Error.ENOENT)


def test_bad_python_args(session, digits):
    with pytest.raises(ValueError):
        Tensor([2, 2], TensorType.FLOAT, b"\0" * 12)  # dims need 16 bytes
    with pytest.raises(TypeError):
        Tensor([1], TensorType.FLOAT, object())
    with pytest.raises(TypeError):
        session.torch_model_run("not a resource", [])
    with pytest.raises(TypeError):
        session.exec(42, "f")
    with pytest.raises(ValueError):
        session.sgemm(2, 2, 3, 1.0, [1.0], 2, [1.0] * 6, 3, 0.0, 2)  # a too short


def test_released_session(vaccel_mod):
    s = Session()
    s.release()
    with pytest.raises(ValueError):
        s.noop()
    with pytest.raises(ValueError):
        _ = s.id


@pytest.mark.parametrize("transport", ["builtin", "path"])
def test_agent_down(transport):
    """A remote session whose agent is gone raises, in a child process,
    through the built-in transport (VACCEL_RPC_ADDRESS set before import)
    and through libvaccel-rpc.so loaded by path."""
    load = f"vaccel.load_plugin({plugin_path('rpc')!r})" if transport == "path" else "pass"
    code = f"""
import os
os.environ["VACCEL_RPC_ADDRESS"] = "unix:///nonexistent/agent.sock"
import vaccel
try:
    {load}
    s = vaccel.Session(vaccel.PluginType.REMOTE)
    s.noop()
except vaccel.VaccelError as e:
    print("code", e.code)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "code" in out.stdout, out.stdout + out.stderr
    assert int(out.stdout.split()[-1]) != 0

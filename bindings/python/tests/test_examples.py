"""examples/python run as a user runs them: in-process (VACCEL_PLUGINS =
the torch plugin) and through the agent (only VACCEL_RPC_ADDRESS: the rpc
transport built into the extension; and VACCEL_PLUGINS = libvaccel-rpc.so),
with the digit each sample is."""

import os
import subprocess
import sys

import pytest
from conftest import path, plugin_path, sample

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "python")
WORDS = "zero one two three four five six seven eight nine".split()


def _run(script, args, env):
    out = subprocess.run([sys.executable, os.path.join(EXAMPLES, script), *args],
                         capture_output=True, text=True, timeout=120, env={**os.environ, **env})
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout.splitlines()


@pytest.fixture(params=["local", "remote", "remote-path"])
def env(request, agent):
    if request.param == "local":
        return {"VACCEL_PLUGINS": plugin_path("torch")}
    if request.param == "remote":
        return {"VACCEL_PLUGINS": "", "VACCEL_RPC_ADDRESS": agent["address"]}
    return {"VACCEL_PLUGINS": plugin_path("rpc"), "VACCEL_RPC_ADDRESS": agent["address"]}


def test_torch_inference_example(env):
    lines = _run("torch_inference.py",
                 [path("examples/models/digits/digits.pt")] + [sample(k) for k in range(10)], env)
    assert lines == [f"digit_{k}.f32: argmax {k}" for k in range(10)]


def test_classify_example(env):
    if "VACCEL_RPC_ADDRESS" not in env:
        env = {"VACCEL_PLUGINS": plugin_path("torch")}
    lines = _run("classify.py", [path("examples/models/digits")]
                 + [sample(k, "png") for k in range(10)], env)
    assert [ln.split()[:2] for ln in lines] == [[f"digit_{k}.png:", WORDS[k]] for k in range(10)]

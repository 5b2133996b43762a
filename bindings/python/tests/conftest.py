"""Fixtures: the plugins, models and agent come from the Bazel build, named
by VACCEL_BAZEL_BIN (the bazel-bin directory; scripts/test.sh sets it after
building them). Every plugin is loaded into this process once; local
sessions (hints 0) go to them, remote sessions (PluginType.REMOTE) go to
the rpc transport built into the extension (no libvaccel-rpc.so: a
bootstrap with VACCEL_RPC_ADDRESS set adds it) and a vaccel-agent this file
starts with the same plugins on a unix socket in a temporary directory."""

import os
import subprocess
import time

import pytest

BIN = os.environ.get("VACCEL_BAZEL_BIN", "")
PLUGINS = ["torch", "tf", "tflite", "blas", "cpu", "exec", "noop"]


def path(rel):
    p = os.path.join(BIN, rel)
    if not os.path.exists(p):
        pytest.fail(f"{p} is missing: build it (scripts/test.sh does) and set VACCEL_BAZEL_BIN")
    return p


def plugin_path(name):
    return path(f"c/plugins/{name}/libvaccel-{name}.so")


@pytest.fixture(scope="session")
def agent(tmp_path_factory):
    """A live vaccel-agent with every plugin; yields its address."""
    d = tmp_path_factory.mktemp("agent")
    addr = f"unix://{d}/agent.sock"
    log = open(d / "agent.log", "w+")
    proc = subprocess.Popen(
        [path("c/agent/vaccel-agent"), "-a", addr, "--exec-allow-dir", os.path.dirname(path("examples/libmytestlib.so")),
         "-p", ":".join(plugin_path(p) for p in PLUGINS)],
        stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 20
    while not os.path.exists(f"{d}/agent.sock"):
        if proc.poll() is not None or time.time() > deadline:
            log.seek(0)
            pytest.fail(f"vaccel-agent did not start: {log.read()}")
        time.sleep(0.05)
    yield {"address": addr, "proc": proc, "log": d / "agent.log"}
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="session")
def vaccel_mod(agent):
    import vaccel

    os.environ["VACCEL_RPC_ADDRESS"] = agent["address"]
    vaccel.bootstrap()  # adds the built-in rpc transport
    for p in PLUGINS:
        vaccel.load_plugin(plugin_path(p))
    return vaccel


@pytest.fixture(params=["local", "remote"])
def mode(request):
    return request.param


@pytest.fixture
def session(vaccel_mod, mode):
    flags = vaccel_mod.PluginType.REMOTE if mode == "remote" else 0
    with vaccel_mod.Session(flags) as s:
        assert s.is_remote == (mode == "remote")
        yield s


@pytest.fixture(scope="session")
def digits():
    return path("examples/models/digits")


def rpc_so_mapped(pid="self"):
    """Whether libvaccel-rpc.so is mapped into process `pid`."""
    with open(f"/proc/{pid}/maps", encoding="utf-8") as f:
        return "libvaccel-rpc.so" in f.read()


def sample(k, ext="f32"):
    return path(f"examples/models/samples/digit_{k}.{ext}")

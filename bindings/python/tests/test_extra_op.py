"""A regenerate adds an IDL op's Python method, end to end (issue 18): the
tree regenerated with tests/extra_op/extra.idl on top of idl/vaccel.idl,
the extension built from it as setup.py builds the wheel's, and the new
op's method `vector_scale` answering through the test plugin
(libtest-scale.so) in-process and through the extra_op agent via the
built-in rpc transport. The generator-level half is idl/tests/test_python.py."""

import os
import shutil
import subprocess
import sys
import time

import pytest
from conftest import path

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))
C_DIRS = ("src", "include", "rpc", "wire", os.path.join("plugins", "rpc"))


@pytest.fixture(scope="module")
def extra_tree(tmp_path_factory):
    """bindings/python/src of a tree regenerated with extra.idl, with the
    extension built in place."""
    tree = tmp_path_factory.mktemp("extra_tree")
    for d in C_DIRS:
        shutil.copytree(os.path.join(ROOT, "c", d), tree / "c" / d,
                        ignore=shutil.ignore_patterns("BUILD", "*.bazel"))
    shutil.copytree(os.path.join(ROOT, "bindings", "python"), tree / "bindings" / "python",
                    ignore=shutil.ignore_patterns("csrc", "build", "*.egg-info", "*.so", "__pycache__"))
    subprocess.run([sys.executable, os.path.join(ROOT, "idl", "gen", "vaccelgen.py"),
                    "--idl", os.path.join(ROOT, "idl", "vaccel.idl"),
                    "--idl", os.path.join(ROOT, "tests", "extra_op", "extra.idl"),
                    "--out", str(tree)], check=True)
    pkg = tree / "bindings" / "python"
    out = subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--inplace", "-j", "2"],
                         cwd=pkg, capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return pkg / "src"


def _child(src, extra_env):
    env = {k: v for k, v in os.environ.items() if k not in ("VACCEL_PLUGINS", "VACCEL_RPC_ADDRESS")}
    env.update(extra_env)
    env["PYTHONPATH"] = str(src)
    code = """
import vaccel
assert vaccel.__file__.startswith(%r), vaccel.__file__
flags = vaccel.PluginType.REMOTE if %r else 0
with vaccel.Session(flags) as s:
    print(s.vector_scale([1.0, 2.5, -3.0], 2.0))
""" % (str(src), "VACCEL_RPC_ADDRESS" in extra_env)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=120, cwd=str(src))
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout.strip()


def test_regenerated_wheel_has_the_new_method_in_process(extra_tree):
    got = _child(extra_tree, {"VACCEL_PLUGINS": path("tests/extra_op/libtest-scale.so")})
    assert got == "[2.0, 5.0, -6.0]"


def test_regenerated_wheel_has_the_new_method_through_the_agent(extra_tree, tmp_path):
    sock = tmp_path / "extra.sock"
    log = open(tmp_path / "agent.log", "w+")
    agent = subprocess.Popen([path("tests/extra_op/extra-agent"), "-a", f"unix://{sock}",
                              "-p", path("tests/extra_op/libtest-scale.so")],
                             stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(400):
            if sock.exists() or agent.poll() is not None:
                break
            time.sleep(0.05)
        log.seek(0)
        assert sock.exists(), f"the extra_op agent did not start: {log.read()}"
        got = _child(extra_tree, {"VACCEL_RPC_ADDRESS": f"unix://{sock}"})
        assert got == "[2.0, 5.0, -6.0]"
    finally:
        agent.terminate()
        agent.wait(10)

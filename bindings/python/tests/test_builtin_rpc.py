"""The rpc transport is compiled into the extension (issue 18.1): remote
sessions work with no libvaccel-rpc.so anywhere in the process, and the
extension needs nothing but libc at run time."""

import importlib.util
import subprocess
import sys

from conftest import rpc_so_mapped

# glibc's own objects: libdl and libpthread are part of libc since 2.34, and
# older toolchains link them by name.
LIBC = ("libc.so.", "libdl.so.", "libpthread.so.", "ld-linux")


def _needed(path):
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=True).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def test_extension_has_the_transport_and_needs_only_libc():
    ext = importlib.util.find_spec("vaccel.__vaccel").origin
    with open(ext, "rb") as f:
        assert b"VACCEL_RPC_ADDRESS" in f.read(), f"{ext} has no rpc transport compiled in"
    needed = _needed(ext)
    assert needed, f"readelf found no NEEDED entries in {ext}"
    assert [n for n in needed if not n.startswith(LIBC)] == [], needed


def test_remote_session_uses_the_builtin_transport(vaccel_mod):
    with vaccel_mod.Session(vaccel_mod.PluginType.REMOTE) as s:
        assert s.is_remote
        s.noop()
    assert not rpc_so_mapped(), "libvaccel-rpc.so was loaded: the built-in transport was not used"


def test_builtin_added_at_import_when_the_address_is_set(agent):
    """A fresh process with only VACCEL_RPC_ADDRESS: a remote noop goes
    through the agent, and libvaccel-rpc.so is never mapped."""
    code = f"""
import os
os.environ["VACCEL_RPC_ADDRESS"] = {agent["address"]!r}
os.environ.pop("VACCEL_PLUGINS", None)
import vaccel
with vaccel.Session(vaccel.PluginType.REMOTE) as s:
    s.noop()
print("mapped", "libvaccel-rpc.so" in open("/proc/self/maps").read())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.split() == ["mapped", "False"], out.stdout + out.stderr


def test_without_an_address_remote_sessions_have_no_transport():
    code = """
import os
os.environ.pop("VACCEL_RPC_ADDRESS", None)
os.environ.pop("VACCEL_PLUGINS", None)
import vaccel
try:
    with vaccel.Session(vaccel.PluginType.REMOTE) as s:
        s.noop()
except vaccel.VaccelError as e:
    print("code", e.code)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    # ENOTSUP: no transport is loaded, none was built in uninvited.
    assert out.stdout.split() == ["code", str(__import__("errno").ENOTSUP)], out.stdout + out.stderr

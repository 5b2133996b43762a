"""The Go binding's amalgamated runtime: one C file that compiles cleanly on
its own (no static name collides, no warning), holds every runtime source
and inlines the internal headers."""

import os
import shutil
import subprocess

import pytest

from emit_amalgamation import emit_go_runtime
from idl_parser import parse_files

GO_DIR = "bindings/go"
FLAGS = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-Iinclude", "-c",
         "vaccel_runtime.c", "-o", os.devnull]


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
def test_amalgamation_compiles_warning_free(root, opt):
    assert shutil.which("gcc"), "gcc not installed"
    r = subprocess.run(["gcc", opt, *FLAGS], cwd=os.path.join(root, GO_DIR),
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_amalgamation_holds_every_source_once(root):
    with open(os.path.join(root, GO_DIR, "vaccel_runtime.c"), encoding="utf-8") as f:
        text = f.read()
    srcs = sorted(n for n in os.listdir(os.path.join(root, "c/src")) if n.endswith(".c"))
    srcs += sorted("gen/" + n for n in os.listdir(os.path.join(root, "c/src/gen")))
    for n in srcs:
        assert text.count(f"/* ==== c/src/{n} ==== */") == 1, n
    # Internal headers are inlined, never included.
    for h in ("internal.h", "arg_internal.h", "op_invoke.h"):
        assert f'#include "{h}"' not in text
        assert text.count(f"/* ---- c/src/{h} (inlined) ---- */") == 1
    assert "#pragma once" not in text


def test_headers_copied_with_note(root):
    path = os.path.join(root, GO_DIR, "include", "vaccel", "session.h")
    with open(path, encoding="utf-8") as f:
        assert f.readline().startswith("/* Copied from c/include/vaccel/session.h")


def test_extra_idl_op_reaches_amalgamation(root):
    """A test IDL's op lands in the amalgamated runtime (its generated
    op_api.c is the model's, not the committed one)."""
    model = parse_files([os.path.join(root, "idl/vaccel.idl"),
                         os.path.join(root, "tests/extra_op/extra.idl")])
    from vaccelgen import outputs
    files = outputs(model)
    assert "vaccel_vector_scale" in files[f"{GO_DIR}/vaccel_runtime.c"]
    assert set(emit_go_runtime(model, files)) <= set(files)


RPC_DIRS = ("rpc", "wire", "plugins/rpc")


def test_rpc_transport_copies_and_wrappers_cover_every_source(root):
    """Every .c/.h of c/rpc, c/wire, c/plugins/rpc is copied under
    bindings/go/csrc and every .c has its wrapper, derived from the
    directories (a file another change adds there is picked up)."""
    go = os.path.join(root, GO_DIR)
    for d in RPC_DIRS:
        names = sorted(n for n in os.listdir(os.path.join(root, "c", d)) if n.endswith((".c", ".h")))
        assert names, d
        assert sorted(os.listdir(os.path.join(go, "csrc", d))) == names, d
        for n in names:
            if n.endswith(".c"):
                wrapper = os.path.join(go, f"vaccel_rpc_{d.replace('/', '_')}_{n}")
                with open(wrapper, encoding="utf-8") as f:
                    text = f.read()
                assert text.startswith("//go:build !vaccel_system\n"), wrapper
                assert f'#include "csrc/{d}/{n}"' in text, wrapper


@pytest.mark.parametrize("d", RPC_DIRS)
def test_rpc_wrappers_compile_warning_free(root, d):
    """Each wrapper as cgo compiles it (the package's CFLAGS), -Werror."""
    go = os.path.join(root, GO_DIR)
    flags = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-Iinclude", "-Icsrc", "-Icsrc/wire",
             "-Icsrc/src", "-c", "-o", os.devnull]
    for n in sorted(os.listdir(os.path.join(root, "c", d))):
        if n.endswith(".c"):
            w = f"vaccel_rpc_{d.replace('/', '_')}_{n}"
            r = subprocess.run(["gcc", *flags, w], cwd=go, capture_output=True, text=True)
            assert r.returncode == 0, w + ": " + r.stderr

"""The Go emitter: a method per op with its IDL doc, enums with String(),
gofmt-clean output; a test IDL's op becomes a Go method after one
regenerate, and the module builds with it."""

import glob
import os
import shutil
import subprocess
import sys

import pytest

GO_DIR = "bindings/go"


def _go_tool(name):
    found = shutil.which(name) or ("/usr/local/go/bin/" + name
                                   if os.access("/usr/local/go/bin/" + name, os.X_OK) else None)
    assert found, f"{name} not installed (the Go binding's tests need Go)"
    return found


def test_every_op_has_a_method(root):
    from idl_parser import parse_files
    from emit_go import camel
    model = parse_files([os.path.join(root, "idl/vaccel.idl")])
    with open(os.path.join(root, GO_DIR, "ops_gen.go"), encoding="utf-8") as f:
        text = f.read()
    for op in model.ops:
        name = camel(op.c_name)
        assert f"func (s *Session) {name}(" in text, op.name
        assert f"func (s *Session) {name}Context(ctx context.Context" in text, op.name
        first_doc = (op.doc if isinstance(op.doc, list) else op.doc.split("\n"))[0]
        assert f"// {first_doc}".rstrip() in text, op.name


def test_enums_have_string(root):
    with open(os.path.join(root, GO_DIR, "enums_gen.go"), encoding="utf-8") as f:
        text = f.read()
    assert "func (v TorchDataType) String() string" in text
    assert "const ErrorCodeEnotsup ErrorCode = C.VACCEL_ENOTSUP" in text


def test_generated_go_is_gofmt_clean(root):
    r = subprocess.run([_go_tool("gofmt"), "-l", "enums_gen.go", "ops_gen.go"],
                       cwd=os.path.join(root, GO_DIR), capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout == "", r.stdout + r.stderr


def test_extra_op_gets_a_go_method_that_builds(vaccelgen, root, tmp_path):
    out = tmp_path / "tree"
    r = subprocess.run([sys.executable, vaccelgen, "--idl", "idl/vaccel.idl",
                        "--idl", "tests/extra_op/extra.idl", "--out", str(out)],
                       cwd=root, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    gen = out / GO_DIR
    text = (gen / "ops_gen.go").read_text(encoding="utf-8")
    assert "func (s *Session) VectorScale(" in text
    assert "C.vaccel_vector_scale(" in text
    # The hand-written part of the module next to the generated part.
    for f in glob.glob(os.path.join(root, GO_DIR, "*.go")) + [os.path.join(root, GO_DIR, "go.mod")]:
        name = os.path.basename(f)
        if name.endswith("_gen.go") or name.endswith("_test.go"):
            continue
        shutil.copy(f, gen / name)
    env = dict(os.environ, GOTOOLCHAIN="local", CGO_ENABLED="1", GOFLAGS="-mod=mod",
               GOPROXY="off")
    r = subprocess.run([_go_tool("go"), "vet", "."], cwd=gen, capture_output=True,
                       text=True, env=env)
    assert r.returncode == 0, r.stderr

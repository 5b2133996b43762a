"""The core runtime as one C file plus copies of the public headers.

cgo compiles only the .c files in a Go package's own directory, so the Go
binding gets the whole runtime (c/src/*.c and the generated c/src/gen/*.c)
amalgamated into bindings/go/vaccel_runtime.c, with the runtime's internal
headers inlined once each, and the public headers copied under
bindings/go/include/ (a -I path; headers may live in subdirectories).
`go get` of the module then needs only a C compiler.

The hand-written files are read from the repository; the generated ones come
from the same model as the rest of the output, so --check sees a stale copy
whichever side changed.
"""

import os
import re

from emit_common import REGEN, ROOT, banner

SRC_DIR = "c/src"
INCLUDE_DIR = "c/include"
GO_DIR = "bindings/go"

_INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
_PRAGMA_ONCE = re.compile(r"^\s*#\s*pragma\s+once\b")
_FEATURE = re.compile(r"^\s*#\s*define\s+(_GNU_SOURCE|_DEFAULT_SOURCE|VACCEL_ARG_NO_GENERIC_GET)\b")


def _read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


def _public_headers(files):
    """Every public header, relative to c/include -> content (generated ones
    from `files`, the rest from the tree)."""
    out = {}
    base = os.path.join(ROOT, INCLUDE_DIR)
    for dirpath, _, names in os.walk(base):
        for n in names:
            if n.endswith(".h"):
                rel = os.path.relpath(os.path.join(dirpath, n), base).replace(os.sep, "/")
                out[rel] = _read(f"{INCLUDE_DIR}/{rel}")
    for path, content in files.items():
        if path.startswith(INCLUDE_DIR + "/") and path.endswith(".h"):
            out[path[len(INCLUDE_DIR) + 1:]] = content
    return out


def _runtime_sources(files):
    """(path, content) of every runtime source, hand-written first, sorted."""
    hand = sorted(n for n in os.listdir(os.path.join(ROOT, SRC_DIR)) if n.endswith(".c"))
    srcs = [(f"{SRC_DIR}/{n}", _read(f"{SRC_DIR}/{n}")) for n in hand]
    gen = sorted(p for p in files if p.startswith(SRC_DIR + "/gen/") and p.endswith(".c"))
    srcs += [(p, files[p]) for p in gen]
    return srcs


def _internal_header(name):
    path = os.path.join(ROOT, SRC_DIR, name)
    return f"{SRC_DIR}/{name}" if os.path.isfile(path) else None


def _expand(path, text, seen, out):
    """Append `text` to `out`, replacing each include of an internal header
    by its content the first time and by nothing after."""
    for line in text.splitlines():
        m = _INCLUDE.match(line)
        hdr = _internal_header(m.group(1)) if m else None
        if hdr is not None:
            if hdr not in seen:
                seen.add(hdr)
                out.append(f"/* ---- {hdr} (inlined) ---- */")
                _expand(hdr, _read(hdr), seen, out)
                out.append(f"/* ---- back in {path} ---- */")
            continue
        if _PRAGMA_ONCE.match(line) or _FEATURE.match(line):
            continue  # hoisted to the top of the file
        out.append(line)


def emit_amalgamation_c(model, files):
    # The tag vaccel_system builds the Go binding against an installed
    # libvaccel (pkg-config) instead: then this file is left out.
    out = ["//go:build !vaccel_system", "",
           banner(model).rstrip("\n"),
           "/* The whole vaccel core runtime in one translation unit, for the Go",
           " * binding (cgo compiles only files in the package directory). Made",
           f" * from the .c files in {SRC_DIR} and {SRC_DIR}/gen by",
           " * idl/gen/emit_amalgamation.py;",
           f" * regenerate with: {REGEN} */",
           "",
           "/* Feature macros some sources define; they must precede every system",
           " * header, so they are set once here. */",
           "#ifndef _GNU_SOURCE",
           "#define _GNU_SOURCE",
           "#endif",
           "#ifndef _DEFAULT_SOURCE",
           "#define _DEFAULT_SOURCE",
           "#endif",
           "/* The runtime defines the real typed getters, not arg.h's _Generic",
           " * call-site dispatch (arg_array_typed.c). */",
           "#define VACCEL_ARG_NO_GENERIC_GET",
           ""]
    seen = set()
    for path, text in _runtime_sources(files):
        out.append(f"/* ==== {path} ==== */")
        _expand(path, text, seen, out)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def emit_go_runtime(model, files):
    """Output path -> content for the amalgamation and the header copies."""
    res = {f"{GO_DIR}/vaccel_runtime.c": emit_amalgamation_c(model, files)}
    note = (f"/* Copied from {INCLUDE_DIR}/{{rel}} by idl/gen/vaccelgen.py for the Go\n"
            f" * binding. Do not edit; regenerate with: {REGEN} */\n")
    for rel, content in sorted(_public_headers(files).items()):
        res[f"{GO_DIR}/include/{rel}"] = note.format(rel=rel) + content
    return res

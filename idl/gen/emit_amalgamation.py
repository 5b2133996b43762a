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

The rpc transport is compiled in too, as a built-in plugin (docs/plugins.md
"Built-in plugins"): every .c and .h of c/rpc, c/wire and c/plugins/rpc is
copied under bindings/go/csrc/ (the directory layout kept, so each file's
quoted includes resolve as in the tree), and each .c gets a one-line
wrapper in the package directory, vaccel_rpc_<dir>_<name>.c, that includes
its copy. One translation unit per source, as in the tree: static names of
different files cannot clash, with each other or with the core's. Files
added to those directories are picked up; ones removed leave stale copies
that vaccelgen deletes (--check reports them).
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


RPC_DIRS = ("c/rpc", "c/wire", "c/plugins/rpc")
# The internal header the rpc plugin's registration (builtin.c) includes.
RPC_CORE_HEADERS = ("builtin_plugin.h",)
GO_CSRC = f"{GO_DIR}/csrc"
GO_RPC_WRAPPER_PREFIX = "vaccel_rpc_"


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


def _rpc_files():
    """(dir under c/, file name) of every .c and .h of the rpc transport."""
    out = []
    for d in RPC_DIRS:
        for n in sorted(os.listdir(os.path.join(ROOT, d))):
            if n.endswith((".c", ".h")):
                out.append((d[len("c/"):], n))
    return out


def _rpc_wrapper(model, sub, name):
    return "\n".join([
        "//go:build !vaccel_system", "",
        banner(model).rstrip("\n"),
        f"/* The rpc transport's c/{sub}/{name}, compiled into the Go binding as",
        " * its own translation unit (idl/gen/emit_amalgamation.py). */",
        "",
        "/* Before any system header: c/wire uses the BSD/POSIX extras. */",
        "#ifndef _DEFAULT_SOURCE",
        "#define _DEFAULT_SOURCE",
        "#endif",
        "/* A built-in plugin keeps its descriptor to itself. */",
        '#define VACCEL_PLUGIN_VISIBILITY "hidden"',
        f'#include "csrc/{sub}/{name}"',
        ""])


def emit_go_rpc(model):
    """The rpc transport's sources: copies under csrc/ and their wrappers."""
    note = ("/* Copied from c/{rel} by idl/gen/vaccelgen.py for the Go binding\n"
            f" * (the built-in rpc transport). Do not edit; regenerate with: {REGEN} */\n")
    res = {}
    for sub, name in _rpc_files():
        rel = f"{sub}/{name}"
        res[f"{GO_CSRC}/{rel}"] = note.format(rel=rel) + _read(f"c/{rel}")
        if name.endswith(".c"):
            flat = sub.replace("/", "_")
            res[f"{GO_DIR}/{GO_RPC_WRAPPER_PREFIX}{flat}_{name}"] = _rpc_wrapper(model, sub, name)
    for name in RPC_CORE_HEADERS:
        rel = f"src/{name}"
        res[f"{GO_CSRC}/{rel}"] = note.format(rel=rel) + _read(f"c/{rel}")
    return res


def go_owned(root):
    """Paths (relative to the tree root) of the files this emitter owns and
    that exist now: whatever is not in the current output is stale."""
    out = []
    csrc = os.path.join(root, GO_CSRC)
    for dirpath, _, names in os.walk(csrc):
        for n in names:
            out.append(os.path.relpath(os.path.join(dirpath, n), root).replace(os.sep, "/"))
    godir = os.path.join(root, GO_DIR)
    if os.path.isdir(godir):
        for n in os.listdir(godir):
            if n.startswith(GO_RPC_WRAPPER_PREFIX) and n.endswith(".c"):
                out.append(f"{GO_DIR}/{n}")
    return out


def emit_go_runtime(model, files):
    """Output path -> content for the amalgamation, the header copies and
    the rpc transport's sources."""
    res = {f"{GO_DIR}/vaccel_runtime.c": emit_amalgamation_c(model, files)}
    res.update(emit_go_rpc(model))
    note = (f"/* Copied from {INCLUDE_DIR}/{{rel}} by idl/gen/vaccelgen.py for the Go\n"
            f" * binding. Do not edit; regenerate with: {REGEN} */\n")
    for rel, content in sorted(_public_headers(files).items()):
        res[f"{GO_DIR}/include/{rel}"] = note.format(rel=rel) + content
    return res

#!/usr/bin/env python3
"""Generate vaccel's C headers, C sources and op reference from the IDL.

    python3 idl/gen/vaccelgen.py            # regenerate the committed files
    python3 idl/gen/vaccelgen.py --check    # exit 1 if any committed file is stale
    python3 idl/gen/vaccelgen.py --idl idl/vaccel.idl --idl extra.idl --out DIR

Standard library only: it runs under any Python 3.9+.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from emit_amalgamation import emit_go_runtime, go_owned  # noqa: E402
from emit_go import emit_go  # noqa: E402
from emit_c_headers import emit_enums_h, emit_ops_h, emit_plugin_ops_h  # noqa: E402
from emit_c_sources import emit_enums_c, emit_op_api_c, emit_op_descriptors_c  # noqa: E402
from emit_docs import emit_ops_md  # noqa: E402
from emit_enum_tables import emit_enum_tables_h  # noqa: E402
from emit_python import python_outputs  # noqa: E402
from emit_structs import emit_struct_descriptors_c, emit_structs_h  # noqa: E402
from idl_lexer import IdlError  # noqa: E402
from idl_parser import parse_files  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def outputs(model, go=True):
    """Map of output path (relative to the tree root) -> file content."""
    files = {
        "c/include/vaccel/enums.h": emit_enums_h(model),
        "c/include/vaccel/enum_tables.h": emit_enum_tables_h(model),
        "c/include/vaccel/plugin_ops.h": emit_plugin_ops_h(model),
        "c/src/gen/enums.c": emit_enums_c(model),
        "c/src/gen/op_descriptors.c": emit_op_descriptors_c(model),
        "c/src/gen/op_api.c": emit_op_api_c(model),
        "docs/ops.md": emit_ops_md(model),
    }
    if model.structs:
        files["c/include/vaccel/structs.h"] = emit_structs_h(model)
        files["c/src/gen/struct_descriptors.c"] = emit_struct_descriptors_c(model)
    for g in model.groups:
        files[f"c/include/vaccel/ops/{g.name}.h"] = emit_ops_h(model, g)
    files.update(python_outputs(model))
    # The Go binding compiles the real runtime in, whose hand-written sources
    # need the real IDL's ops: only a model that includes it gets Go output.
    real = os.path.join(ROOT, "idl", "vaccel.idl")
    if go and any(os.path.abspath(src) == real for src in model.sources):
        files.update(emit_go_runtime(model, files))
        files.update(emit_go(model))
    return files


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--idl", action="append", help="IDL file (repeatable, merged in order)")
    ap.add_argument("--out", default=ROOT, help="tree root to write into (default: the repo)")
    ap.add_argument("--check", action="store_true", help="only compare, write nothing")
    ap.add_argument("--list", action="store_true", help="print the output paths and exit")
    ap.add_argument("--no-go", action="store_true",
                    help="skip the Go binding's amalgamation (a build rule that "
                    "generates a test IDL's C files has no runtime sources)")
    args = ap.parse_args(argv)
    idls = args.idl or [os.path.relpath(os.path.join(ROOT, "idl", "vaccel.idl"))]
    try:
        model = parse_files(idls)
    except IdlError as e:
        print(e, file=sys.stderr)
        return 2
    except OSError as e:
        print(f"vaccelgen: cannot read IDL: {e}", file=sys.stderr)
        return 2
    files = outputs(model, go=not args.no_go)
    if args.list:
        print("\n".join(sorted(files)))
        return 0
    stale = []
    for rel, content in sorted(files.items()):
        path = os.path.join(args.out, rel)
        try:
            with open(path, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current == content:
            continue
        stale.append(rel)
        if not args.check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)
    # Copies of files since removed from the tree (the Go binding's rpc
    # sources): stale too, and deleted when regenerating.
    if any(rel.startswith("bindings/go/") for rel in files):
        for rel in sorted(set(go_owned(args.out)) - set(files)):
            stale.append(rel)
            if not args.check:
                os.remove(os.path.join(args.out, rel))
    if args.check and stale:
        print("stale generated files (run: python3 idl/gen/vaccelgen.py):\n  "
              + "\n  ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

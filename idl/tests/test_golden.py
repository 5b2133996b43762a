"""Golden outputs: the generator's output for golden/sample.idl, byte for byte.

Refresh after an intended change with: python3 idl/tests/update_golden.py
"""

import difflib
import os

import update_golden


def _files(top):
    found = {}
    for dirpath, _, names in os.walk(top):
        for n in names:
            path = os.path.join(dirpath, n)
            with open(path, "rb") as f:
                found[os.path.relpath(path, top).replace(os.sep, "/")] = f.read()
    return found


def test_sample_matches_golden(tmp_path):
    assert update_golden.generate(str(tmp_path)) == 0
    got = _files(str(tmp_path))
    want = _files(update_golden.EXPECTED)
    assert want, "no golden files; run: python3 idl/tests/update_golden.py"
    problems = []
    for rel in sorted(set(got) | set(want)):
        if rel not in want:
            problems.append(f"{rel}: generated but not in golden/expected")
        elif rel not in got:
            problems.append(f"{rel}: in golden/expected but no longer generated")
        elif got[rel] != want[rel]:
            diff = difflib.unified_diff(
                want[rel].decode("utf-8", "replace").splitlines(keepends=True),
                got[rel].decode("utf-8", "replace").splitlines(keepends=True),
                f"expected/{rel}", f"generated/{rel}")
            problems.append("".join(diff))
    if problems:
        print("\n".join(problems))
    assert not problems, ("generated output differs from golden (diff above); if intended, "
                          "run: python3 idl/tests/update_golden.py")


def test_sample_writes_expected_paths():
    want = set(_files(update_golden.EXPECTED))
    assert want == {
        "c/include/vaccel/enums.h",
        "c/include/vaccel/enum_tables.h",
        "c/include/vaccel/plugin_ops.h",
        "c/include/vaccel/ops/sample.h",
        "c/src/gen/enums.c",
        "c/src/gen/op_api.c",
        "c/src/gen/op_descriptors.c",
        "c/src/gen/struct_descriptors.c",
        "c/include/vaccel/structs.h",
        "docs/ops.md",
        "bindings/python/src/vaccel/_vaccel.i",
        "bindings/python/src/vaccel/_ops.py",
        "bindings/python/src/vaccel/_ops.pyi",
        "bindings/python/src/vaccel/_enums.py",
    }


def test_generation_is_independent_of_cwd(tmp_path, vaccelgen, root):
    """The banner names the IDL relative to the repo root, wherever we run."""
    import subprocess
    import sys

    sample = os.path.join(root, update_golden.SAMPLE)
    r = subprocess.run([sys.executable, vaccelgen, "--idl", sample, "--out", str(tmp_path)],
                       cwd=str(tmp_path), capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert _files(str(tmp_path)) == _files(update_golden.EXPECTED)

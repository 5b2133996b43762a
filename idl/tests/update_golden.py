#!/usr/bin/env python3
"""Refresh the golden outputs of idl/tests/golden/sample.idl.

    python3 idl/tests/update_golden.py

Regenerates idl/tests/golden/expected/ from scratch (stale files are removed)
with the same command test_golden.py runs. Review the diff before committing:
a change there is a change in what the generator emits.
"""

import os
import shutil
import subprocess
import sys

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(TESTS_DIR))
SAMPLE = "idl/tests/golden/sample.idl"
EXPECTED = os.path.join(TESTS_DIR, "golden", "expected")


def generate(out_dir):
    """Run the generator on the sample into out_dir; return its exit code."""
    return subprocess.run(
        [sys.executable, os.path.join(ROOT, "idl", "gen", "vaccelgen.py"),
         "--idl", SAMPLE, "--out", out_dir],
        cwd=ROOT, check=False).returncode


def main():
    if os.path.isdir(EXPECTED):
        shutil.rmtree(EXPECTED)
    os.makedirs(EXPECTED)
    rc = generate(EXPECTED)
    if rc == 0:
        print(f"updated {os.path.relpath(EXPECTED, ROOT)}")
    return rc


if __name__ == "__main__":
    sys.exit(main())

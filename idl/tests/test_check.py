"""The committed generated files are what the IDL generates today."""

import subprocess
import sys


def test_committed_outputs_are_fresh(vaccelgen, root):
    r = subprocess.run([sys.executable, vaccelgen, "--check"], cwd=root,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_check_from_another_directory(vaccelgen, tmp_path):
    """--check does not depend on the working directory."""
    r = subprocess.run([sys.executable, vaccelgen, "--check"], cwd=str(tmp_path),
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_check_reports_stale_files(vaccelgen, root, tmp_path):
    """--check against an empty tree: every output is stale, exit 1, nothing written."""
    r = subprocess.run([sys.executable, vaccelgen, "--check", "--out", str(tmp_path)],
                       cwd=root, capture_output=True, text=True)
    assert r.returncode == 1
    assert "c/include/vaccel/enums.h" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_list_names_every_output(vaccelgen, root):
    r = subprocess.run([sys.executable, vaccelgen, "--list"], cwd=root,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    listed = r.stdout.split()
    assert "c/include/vaccel/ops/tf.h" in listed
    assert "docs/ops.md" in listed
    assert listed == sorted(listed)

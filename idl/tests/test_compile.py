"""The public headers (generated ones included) compile as C and as C++ with
every warning an error (webgpu-headers style)."""

import shutil
import subprocess

import pytest

# Includes every public header, and assigns public op functions to the
# generated plugin entry-point types, so a prototype and its typedef that
# drift apart fail to compile.
SOURCE = """#include "vaccel.h"
#include "vaccel/plugin_ops.h"

vaccel_op_blas_sgemm_fn sgemm_fn = vaccel_sgemm;
vaccel_op_tf_model_run_fn tf_run_fn = vaccel_tf_model_run;
vaccel_op_torch_model_run_fn jit_fn = vaccel_torch_jitload_forward;

int main(void)
{
	return (sgemm_fn != NULL && tf_run_fn != NULL && jit_fn != NULL) ? 0 : 1;
}
"""


def _compile(compiler, args, name, text, tmp_path, root):
    if shutil.which(compiler) is None:
        pytest.skip(f"{compiler} not installed")
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    r = subprocess.run([compiler, *args, "-fsyntax-only", "-Ic/include", str(src)],
                       cwd=root, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_headers_compile_as_c(tmp_path, root):
    _compile("gcc", ["-std=c11", "-Wall", "-Wextra", "-Werror"], "t.c", SOURCE, tmp_path, root)


def test_headers_compile_as_cxx(tmp_path, root):
    _compile("g++", ["-std=c++17", "-Wall", "-Wextra", "-Werror"], "t.cpp", SOURCE,
             tmp_path, root)

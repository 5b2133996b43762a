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
/* vAccel's own prototype, not torch_model_run's. */
int (*jit_fn)(struct vaccel_session *, const struct vaccel_resource *,
	      const struct vaccel_torch_buffer *, struct vaccel_torch_tensor **,
	      int, struct vaccel_torch_tensor **, int) =
	vaccel_torch_jitload_forward;

int main(void)
{
	return (sgemm_fn != NULL && tf_run_fn != NULL && jit_fn != NULL) ? 0 : 1;
}
"""


def _compile(compiler, args, name, text, tmp_path, root):
    # scripts/setup.sh installs gcc and g++; their absence is a failure.
    assert shutil.which(compiler), f"{compiler} not installed"
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    return subprocess.run([compiler, *args, "-fsyntax-only", "-Ic/include", str(src)],
                          cwd=root, capture_output=True, text=True)


C_ARGS = ["-std=c11", "-Wall", "-Wextra", "-Werror"]
CXX_ARGS = ["-std=c++17", "-Wall", "-Wextra", "-Werror"]


def test_headers_compile_as_c(tmp_path, root):
    r = _compile("gcc", C_ARGS, "t.c", SOURCE, tmp_path, root)
    assert r.returncode == 0, r.stderr


def test_headers_compile_as_cxx(tmp_path, root):
    r = _compile("g++", CXX_ARGS, "t.cpp", SOURCE, tmp_path, root)
    assert r.returncode == 0, r.stderr


# A plugin op table entry: VACCEL_PLUGIN_OP must accept a function of the
# op's exact signature and refuse any other, in C and in C++.
PLUGIN_OP = """#include <vaccel/plugin.h>

static int my_minmax(struct vaccel_session *sess, const double *in, int n,
                     int lo, int hi, double *out, double *min, double *max)
{
	(void)sess; (void)in; (void)n; (void)lo; (void)hi; (void)out;
	(void)min; (void)max;
	return 0;
}

static int wrong_minmax(struct vaccel_session *sess, const float *in, int n,
                        int lo, int hi, double *out, double *min, double *max)
{
	(void)sess; (void)in; (void)n; (void)lo; (void)hi; (void)out;
	(void)min; (void)max;
	return 0;
}

static const struct vaccel_op ops[] = {
	VACCEL_PLUGIN_OP(minmax, FN),
};
const struct vaccel_op *use_ops = ops;
"""


@pytest.mark.parametrize("compiler,args,name", [("gcc", C_ARGS, "p.c"),
                                                ("g++", CXX_ARGS, "p.cpp")])
def test_plugin_op_checks_signature(tmp_path, root, compiler, args, name):
    ok = _compile(compiler, args + ["-DFN=my_minmax"], name, PLUGIN_OP, tmp_path, root)
    assert ok.returncode == 0, ok.stderr
    bad = _compile(compiler, args + ["-DFN=wrong_minmax"], name, PLUGIN_OP, tmp_path, root)
    assert bad.returncode != 0, "a mismatched signature compiled"
    assert "wrong_minmax" in bad.stderr or "vaccel_op_minmax_fn" in bad.stderr, bad.stderr


# vAccel's deprecated arg-list API compiles, with vAccel's deprecation
# warning on each use.
ARG_LIST = """#include <vaccel.h>

int main(void)
{
	struct vaccel_arg_list *l = vaccel_args_init(1);
	return vaccel_delete_args(l);
}
"""


@pytest.mark.parametrize("compiler,args,name", [
    ("gcc", C_ARGS, "t.c"), ("g++", CXX_ARGS, "t.cpp")])
def test_arg_list_api_is_deprecated(compiler, args, name, tmp_path, root):
    ok = _compile(compiler, args + ["-Wno-deprecated-declarations"], name,
                  ARG_LIST, tmp_path, root)
    assert ok.returncode == 0, ok.stderr
    warned = _compile(compiler, args, name, ARG_LIST, tmp_path, root)
    assert warned.returncode != 0
    assert "vaccel_args_init" in warned.stderr
    assert "The function will be removed in a future release" in warned.stderr

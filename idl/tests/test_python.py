"""The Python emitter: adding an IDL op adds its Session method (with the
IDL doc comment as docstring), its OpType member and its stub after one
regenerate; tests/extra_op/extra.idl's op is the proof."""

import ast
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "idl", "gen"))

import vaccelgen  # noqa: E402

PKG = os.path.join("bindings", "python", "src", "vaccel")


def _generate(tmp_path, *extra):
    idls = [os.path.join(ROOT, "idl", "vaccel.idl"), *extra]
    args = [a for idl in idls for a in ("--idl", idl)]
    assert vaccelgen.main(args + ["--out", str(tmp_path)]) == 0
    return lambda name: (tmp_path / PKG / name).read_text()


def _method(src, name):
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    return None


def test_extra_op_gets_a_method(tmp_path):
    extra = os.path.join(ROOT, "tests", "extra_op", "extra.idl")
    read = _generate(tmp_path, extra)
    m = _method(read("_ops.py"), "vector_scale")
    assert m is not None
    # n is derived from x; y is allocated and returned.
    assert [a.arg for a in m.args.args] == ["self", "x", "factor"]
    assert ast.get_docstring(m).startswith("y[i] = x[i] * factor.")
    assert "VECTOR_SCALE = 24" in read("_enums.py")
    assert "OP_VECTOR_SCALE = 24" in read("_vaccel.i")
    assert ("def vector_scale(self, x: BufferLike | Sequence[float], factor: float) "
            "-> list[float]: ..." in read("_ops.pyi"))


def test_without_extra_no_method(tmp_path):
    read = _generate(tmp_path)
    assert _method(read("_ops.py"), "vector_scale") is None
    assert _method(read("_ops.py"), "torch_model_run") is not None


def test_compat_signatures(tmp_path):
    """vaccel-python 0.3.0's names and parameters."""
    src = _generate(tmp_path)("_ops.py")

    def params(name):
        m = _method(src, name)
        return [a.arg for a in m.args.args]

    assert params("classify")[:2] == ["self", "image"]
    assert params("torch_model_run") == ["self", "resource", "in_tensors", "nr_out_tensors",
                                         "run_options"]
    assert params("tf_model_run") == ["self", "resource", "in_nodes", "in_tensors",
                                      "out_nodes", "run_options"]
    assert params("tflite_model_run") == ["self", "resource", "in_tensors", "nr_out_tensors"]
    assert params("sgemm") == ["self", "m", "n", "k", "alpha", "a", "lda", "b", "ldb", "beta",
                               "ldc", "c"]
    assert params("minmax") == ["self", "indata", "ndata", "low_threshold", "high_threshold"]
    assert params("exec") == ["self", "library", "symbol", "arg_read", "arg_write"]
    assert params("fpga_vadd") == ["self", "a", "b"]

"""Facts of the real IDL (idl/vaccel.idl), checked on the linked model."""

import os
import re

import pytest

import idl_parser

EXPECTED_FNS = [
    "vaccel_noop", "vaccel_exec", "vaccel_exec_with_resource",
    "vaccel_image_classification", "vaccel_image_detection", "vaccel_image_segmentation",
    "vaccel_image_pose", "vaccel_image_depth", "vaccel_tf_model_load",
    "vaccel_tf_model_unload", "vaccel_tf_model_run", "vaccel_tflite_model_load",
    "vaccel_tflite_model_unload", "vaccel_tflite_model_run", "vaccel_torch_model_load",
    "vaccel_torch_model_run", "vaccel_torch_sgemm", "vaccel_sgemm", "vaccel_fpga_arraycopy",
    "vaccel_fpga_mmult", "vaccel_fpga_parallel", "vaccel_fpga_vadd", "vaccel_minmax",
    "vaccel_opencv_unpack",
]

# The C API surface's prototypes, verbatim.
SPEC_PROTOTYPES = {
    "vaccel_tf_model_run":
        "int vaccel_tf_model_run(struct vaccel_session *sess, struct vaccel_resource *model, "
        "const struct vaccel_tf_buffer *run_options, const struct vaccel_tf_node *in_nodes, "
        "struct vaccel_tf_tensor *const *in_tensors, int nr_inputs, "
        "const struct vaccel_tf_node *out_nodes, struct vaccel_tf_tensor **out_tensors, "
        "int nr_outputs, struct vaccel_tf_status *status);",
    "vaccel_torch_model_run":
        "int vaccel_torch_model_run(struct vaccel_session *sess, struct vaccel_resource *model, "
        "const struct vaccel_torch_buffer *run_options, "
        "struct vaccel_torch_tensor *const *inputs, int nr_inputs, "
        "struct vaccel_torch_tensor **outputs, int nr_outputs);",
    "vaccel_sgemm":
        "int vaccel_sgemm(struct vaccel_session *sess, int64_t m, int64_t n, int64_t k, "
        "float alpha, float *a, int64_t lda, float *b, int64_t ldb, float beta, float *c, "
        "int64_t ldc);",
    "vaccel_image_classification":
        "int vaccel_image_classification(struct vaccel_session *sess, const void *img, "
        "unsigned char *out_text, unsigned char *out_imgname, size_t len_img, "
        "size_t len_out_text, size_t len_out_imgname);",
    "vaccel_exec":
        "int vaccel_exec(struct vaccel_session *sess, const char *library, "
        "const char *fn_symbol, struct vaccel_arg *read, size_t nr_read, "
        "struct vaccel_arg *write, size_t nr_write);",
    "vaccel_tflite_model_run":
        "int vaccel_tflite_model_run(struct vaccel_session *sess, struct vaccel_resource *model, "
        "struct vaccel_tflite_tensor *const *inputs, int nr_inputs, "
        "struct vaccel_tflite_tensor **outputs, int nr_outputs, uint8_t *status);",
}


def _norm(c):
    """Whitespace-insensitive C: one space between words, none around punctuation."""
    c = re.sub(r"\s+", " ", c.strip())
    return re.sub(r"\s*([(),;*\[\]])\s*", r"\1", c)


@pytest.fixture(scope="module")
def model(root):
    return idl_parser.parse_files([os.path.join(root, "idl", "vaccel.idl")])


def _op(model, fn_name):
    ops = [op for op in model.ops if op.fn_name == fn_name]
    assert len(ops) == 1, fn_name
    return ops[0]


def test_ops_ids_and_names(model):
    assert [op.id for op in model.ops] == list(range(24))
    assert [op.fn_name for op in model.ops] == EXPECTED_FNS


def test_alias(model):
    assert [(a.fn_name, a.target.fn_name) for a in model.aliases] == [
        ("vaccel_torch_jitload_forward", "vaccel_torch_model_run")]


def test_alias_with_its_own_prototype(model):
    """jitload_forward keeps vAccel's prototype, not torch_model_run's."""
    a = model.aliases[0]
    rendered = f"int {a.fn_name}({a.proto.c_params()});"
    assert _norm(rendered) == _norm(
        "int vaccel_torch_jitload_forward(struct vaccel_session *sess, "
        "const struct vaccel_resource *model, "
        "const struct vaccel_torch_buffer *run_options, "
        "struct vaccel_torch_tensor **in_tensor, int nr_read, "
        "struct vaccel_torch_tensor **out_tensor, int nr_write);")


@pytest.mark.parametrize("fn_name", sorted(SPEC_PROTOTYPES))
def test_prototype_matches_spec(model, fn_name):
    op = _op(model, fn_name)
    rendered = f"int {op.fn_name}({op.c_params()});"
    assert _norm(rendered) == _norm(SPEC_PROTOTYPES[fn_name])


def test_prototypes_are_in_the_headers(model, root):
    """The committed group headers carry exactly the model's prototypes."""
    for fn_name, proto in SPEC_PROTOTYPES.items():
        op = _op(model, fn_name)
        with open(os.path.join(root, "c", "include", "vaccel", "ops", op.group.name + ".h"),
                  encoding="utf-8") as f:
            assert _norm(proto) in _norm(f.read()), fn_name


def _value(model, enum_name, member):
    e = model.enum(enum_name)
    assert e is not None, enum_name
    m = e.member(member)
    assert m is not None, f"{enum_name}.{member}"
    return m


def test_enum_values(model):
    assert _value(model, "plugin_type", "REMOTE").value == 0x4000
    assert _value(model, "plugin_type", "REMOTE").c_name == "VACCEL_PLUGIN_REMOTE"
    assert model.enum("plugin_type").is_flags
    assert _value(model, "arg_type", "CUSTOM").value == 29
    assert _value(model, "arg_type", "CUSTOM").c_name == "VACCEL_ARG_CUSTOM"
    assert _value(model, "tflite_data_type", "INT4").value == 18
    assert _value(model, "tflite_data_type", "INT4").c_name == "VACCEL_TFLITE_INT4"
    assert _value(model, "tf_data_type", "UINT64").value == 23
    assert _value(model, "tf_data_type", "UINT64").c_name == "VACCEL_TF_UINT64"
    complex_ = _value(model, "tf_data_type", "COMPLEX")
    assert complex_.alias_of is _value(model, "tf_data_type", "COMPLEX64")
    assert complex_.alias_of.value == 8


def test_log_levels_and_resource_types(model):
    assert [(m.name, m.value) for m in model.enum("log_level").members] == [
        ("ERROR", 1), ("WARN", 2), ("INFO", 3), ("DEBUG", 4), ("MAX", 5)]
    assert [(m.name, m.value) for m in model.enum("resource_type").members] == [
        ("LIB", 0), ("DATA", 1), ("MODEL", 2), ("MAX", 3)]


def test_max_sentinels_as_vaccel(model):
    """vAccel appends <prefix>MAX (one past the last value) to these enums;
    it is declared but not a value the string helpers name."""
    for name, value in [("resource_type", 3), ("arg_type", 30),
                        ("log_level", 5), ("plugin_type", 0x10000)]:
        last = model.enum(name).members[-1]
        assert (last.name, last.value, last.sentinel) == ("MAX", value, True)
    for name in ("error", "torch_data_type", "tf_data_type", "tflite_data_type"):
        assert all(not m.sentinel for m in model.enum(name).members), name


def test_errors_are_errno_values(model):
    e = model.enum("error")
    assert _value(model, "error", "OK").value == 0
    assert _value(model, "error", "EINVAL").value == "EINVAL"
    assert all(m.value == 0 or isinstance(m.value, str) for m in e.members)


def test_derived_counts(model):
    """Lone counts are derived in genop; product counts stay explicit."""
    sgemm = _op(model, "vaccel_sgemm")
    assert [p.name for p in sgemm.params if p.derived] == []
    clf = _op(model, "vaccel_image_classification")
    assert [p.name for p in clf.params if p.derived] == [
        "len_img", "len_out_text", "len_out_imgname"]
    run = _op(model, "vaccel_tf_model_run")
    assert [p.name for p in run.params if p.derived] == ["nr_inputs", "nr_outputs"]
    assert [(p.name, p.kind) for p in run.params] == [
        ("sess", "SESSION"), ("model", "RESOURCE"), ("run_options", "STRUCT"),
        ("in_nodes", "STRUCT"), ("in_tensors", "STRUCT_PTRS"), ("nr_inputs", "SCALAR"),
        ("out_nodes", "STRUCT"), ("out_tensors", "STRUCT_PTRS"), ("nr_outputs", "SCALAR"),
        ("status", "STRUCT")]
    assert run.params[7].callee_owned and run.params[2].nullable


def test_genop_is_a_runtime_entry(model, root):
    """genop is declared in the IDL (so bindings see it) but has no op id:
    the runtime implements it from the descriptors."""
    entries = [(g.name, e) for g in model.groups for e in g.entries]
    assert [(g, e.fn_name) for g, e in entries] == [("genop", "vaccel_genop")]
    genop = entries[0][1]
    proto = ("int vaccel_genop(struct vaccel_session *sess, struct vaccel_arg *read, "
             "int nr_read, struct vaccel_arg *write, int nr_write);")
    assert _norm(f"int {genop.fn_name}({genop.c_params()});") == _norm(proto)
    assert genop.id is None and genop not in model.ops
    with open(os.path.join(root, "c", "include", "vaccel", "ops", "genop.h"),
              encoding="utf-8") as f:
        assert _norm(proto) in _norm(f.read())

"""Emit the Python binding's generated layer from the IDL model.

Three files under bindings/python/src/vaccel/:
  _vaccel.i   the SWIG interface: lifecycle calls, the generic op entry and
              one constant per op id;
  _ops.py     OpsMixin: one Session method per op and alias, with its IDL
              doc comment as docstring, built by the rules below;
  _enums.py   the IDL enums as IntEnum/IntFlag classes;
  _ops.pyi    type stubs for _ops.py.

Method rules (so a new IDL op gets a method with no hand-written code):
  * the session is implicit; a count that counts an array the caller passes
    is derived from that array; a count that counts only outputs becomes a
    keyword (default 1 for tensor lists, 512 for text);
  * out buffers and out structs are allocated here and returned (one value:
    itself; several: a tuple, in IDL order); an inout buffer is an optional
    keyword, allocated zeroed when omitted, and returned;
  * nullable inputs and arg lists are keywords defaulting to None.
COMPAT below keeps vaccel-python 0.3.0's method and parameter names."""

from emit_common import source_name

PKG = "bindings/python/src/vaccel"

# vaccel-python 0.3.0 names: method renames and per-op parameter renames.
METHOD_NAMES = {
    "image_classification": "classify",
    "image_detection": "detect",
    "image_segmentation": "segment",
    "image_pose": "pose",
    "image_depth": "depth",
}
PARAM_NAMES = {"model": "resource", "img": "image", "fn_symbol": "symbol",
               "read": "arg_read", "write": "arg_write"}
OP_PARAM_NAMES = {
    "torch_model_run": {"inputs": "in_tensors", "nr_outputs": "nr_out_tensors"},
    "tflite_model_run": {"inputs": "in_tensors", "nr_outputs": "nr_out_tensors"},
}
# Counts vaccel-python takes explicitly although they are derivable, and
# outputs it returns as bytes.
KEEP_COUNTS = {"minmax": {"ndata"}}
BYTES_OUT = {"minmax": {"outdata"}}

# IDL struct -> (module, class) of its Python wrapper.
STRUCT_CLASSES = {
    "arg": ("vaccel.arg", "Arg"),
    "torch_tensor": ("vaccel.ops.torch", "Tensor"),
    "torch_buffer": ("vaccel.ops.torch", "Buffer"),
    "tf_tensor": ("vaccel.ops.tf", "Tensor"),
    "tf_node": ("vaccel.ops.tf", "Node"),
    "tf_buffer": ("vaccel.ops.tf", "Buffer"),
    "tf_status": ("vaccel.ops.tf", "Status"),
    "tflite_tensor": ("vaccel.ops.tf.lite", "Tensor"),
}
# array typecodes of IDL scalars
TYPECODES = {"int": "i", "int8": "b", "int16": "h", "int32": "i", "int64": "q",
             "uint8": "B", "uint16": "H", "uint32": "I", "uint64": "Q",
             "size_t": "Q", "float": "f", "double": "d", "bool": "B",
             "char": "b", "uchar": "B", "void": "B"}
ENUM_CLASSES = {"error": "Error", "resource_type": "ResourceType",
                "plugin_type": "PluginType", "arg_type": "ArgType",
                "log_level": "LogLevel", "torch_data_type": "TorchDataType",
                "tflite_data_type": "TFLiteDataType", "tf_data_type": "TFDataType"}


def _banner(model, comment="#"):
    srcs = ", ".join(source_name(s) for s in model.sources)
    return (f"{comment} Generated from {srcs} by idl/gen/vaccelgen.py. Do not edit.\n"
            f"{comment} Regenerate with: python3 idl/gen/vaccelgen.py\n")


def _class_name(name):
    return ENUM_CLASSES.get(name) or "".join(w.capitalize() for w in name.split("_"))


def emit_py_enums(model):
    out = [_banner(model), '"""The IDL enums."""\n\nimport enum\nimport errno\n']
    for e in model.enums:
        base = "enum.IntFlag" if e.is_flags else "enum.IntEnum"
        out.append(f"\n\nclass {_class_name(e.name)}({base}):")
        doc = " ".join((e.doc or e.name).split())
        out.append(f'    """{doc}"""\n')
        for m in e.members:
            if m.sentinel:
                continue
            value = m.value if m.alias_of is None else m.alias_of.value
            if isinstance(value, str):  # `errno NAME`: this platform's value
                value = f"errno.{value}"
            out.append(f"    {m.name} = {value}")
        sizes = [m for m in e.members if m.elem_size is not None and not m.sentinel]
        if sizes:
            cn = _class_name(e.name)
            out.append(f"\n\n# bytes per element (0: not fixed-size)\n{cn}.SIZES = {{")
            for m in sizes:
                out.append(f"    {cn}.{m.name}: {m.elem_size},")
            out.append("}")
    out.append("\n\nclass OpType(enum.IntEnum):")
    out.append('    """Operation ids."""\n')
    for op in model.ops:
        out.append(f"    {op.name.upper()} = {op.id}")
    return "\n".join(out) + "\n"


def emit_swig_i(model):
    ops = "\n".join(f"%constant int OP_{op.name.upper()} = {op.id};" for op in model.ops)
    return _banner(model, "//") + f"""// The SWIG interface of the extension module vaccel._vaccel: the runtime's
// lifecycle calls (SWIG releases the GIL around each: -threads), and the
// generic op entry and buffer calls written with the Python C API
// (_invoke.c). Handles cross as integers; the Python layer owns them.
%module(docstring="vaccel runtime (generated from the IDL)") _vaccel

%{{
#include <stdint.h>
#include "vaccel.h"
#include "vaccel/enums.h"

PyObject *vpy_invoke(PyObject *self, PyObject *args);
PyObject *vpy_genop(PyObject *self, PyObject *args);
PyObject *vpy_resource_from_buf(PyObject *self, PyObject *args);
PyObject *vpy_resource_multi_new(PyObject *self, PyObject *args);
%}}

%include "stdint.i"
%include "typemaps.i"

%nothread;
%native(invoke) PyObject *vpy_invoke(PyObject *self, PyObject *args);
%native(genop) PyObject *vpy_genop(PyObject *self, PyObject *args);
%native(resource_from_buf) PyObject *vpy_resource_from_buf(PyObject *self, PyObject *args);
%native(resource_multi_new) PyObject *vpy_resource_multi_new(PyObject *self, PyObject *args);
%thread;

// Handles are unsigned long long, not uintptr_t: SWIG gives that typedef a
// 32-bit OUTPUT typemap, which truncates heap addresses.
%apply unsigned long long *OUTPUT {{ unsigned long long *out }};

%inline %{{
int bootstrap(void) {{ return vaccel_bootstrap(); }}
int cleanup(void) {{ return vaccel_cleanup(); }}
int bootstrap_with_config(const char *plugins, int log_level,
                          const char *log_file, int profiling,
                          int version_ignore)
{{
    struct vaccel_config cfg;
    int ret = vaccel_config_init(&cfg, plugins, (vaccel_log_level_t)log_level,
                                 log_file, profiling, version_ignore);
    if (ret)
        return ret;
    ret = vaccel_bootstrap_with_config(&cfg);
    vaccel_config_release(&cfg);
    return ret;
}}
int plugin_load(const char *path) {{ return vaccel_plugin_load(path); }}
const char *error_str(int code) {{ return vaccel_error_to_str((vaccel_error_t)code); }}
const char *version(void) {{ return VACCEL_VERSION; }}

int session_new(unsigned int flags, unsigned long long *out)
{{
    struct vaccel_session *s = NULL;
    int ret = vaccel_session_new(&s, flags);
    *out = (unsigned long long)(uintptr_t)s;
    return ret;
}}
int session_delete(unsigned long long s) {{ return vaccel_session_delete((struct vaccel_session *)(uintptr_t)s); }}
int64_t session_id(unsigned long long s) {{ return ((struct vaccel_session *)(uintptr_t)s)->id; }}
int64_t session_remote_id(unsigned long long s) {{ return ((struct vaccel_session *)(uintptr_t)s)->remote_id; }}
unsigned int session_hint(unsigned long long s) {{ return ((struct vaccel_session *)(uintptr_t)s)->hint; }}
int session_is_remote(unsigned long long s) {{ return ((struct vaccel_session *)(uintptr_t)s)->is_virtio; }}

int resource_new(const char *path, int type, unsigned long long *out)
{{
    struct vaccel_resource *r = NULL;
    int ret = vaccel_resource_new(&r, path, (vaccel_resource_type_t)type);
    *out = (unsigned long long)(uintptr_t)r;
    return ret;
}}
int resource_delete(unsigned long long r) {{ return vaccel_resource_delete((struct vaccel_resource *)(uintptr_t)r); }}
int resource_register(unsigned long long r, unsigned long long s)
{{
    return vaccel_resource_register((struct vaccel_resource *)(uintptr_t)r, (struct vaccel_session *)(uintptr_t)s);
}}
int resource_unregister(unsigned long long r, unsigned long long s)
{{
    return vaccel_resource_unregister((struct vaccel_resource *)(uintptr_t)r, (struct vaccel_session *)(uintptr_t)s);
}}
int64_t resource_id(unsigned long long r) {{ return ((struct vaccel_resource *)(uintptr_t)r)->id; }}
int64_t resource_remote_id(unsigned long long r) {{ return ((struct vaccel_resource *)(uintptr_t)r)->remote_id; }}
%}}

{ops}
"""


def _is_array(p):
    return p.kind in ("BUFFER", "STRUCT", "STRUCT_PTRS", "ARGS")


def _count_one(p):
    c = p.type.count
    return c is None or (c.value == 1)


def _method(model, op_name, doc, params, op_id, target_name):
    """The Python source of one Session method."""
    keep = KEEP_COUNTS.get(target_name, set())
    as_bytes = BYTES_OUT.get(target_name, set())
    names = {p.name: _pname_for(target_name, p) for p in params}
    # What the caller passes: inputs and inouts other than derived counts.
    passed = set()
    for p in params[1:]:
        if p.direction in ("in", "inout") and p.kind != "SCALAR":
            passed.add(p.name)
        if p.kind == "ARGS":
            passed.add(p.name)
    derived = {}
    out_counts = []
    for p in params[1:]:
        if p.kind != "SCALAR" or not p.counts or p.name in keep:
            continue
        single = [q for q in p.counts if q.type.count.value is None
                  and len(q.type.count.names) == 1]
        src = [q for q in single if q.name in passed and q.direction != "out"
               and not (q.kind == "BUFFER" and q.direction == "inout")]
        if src and len(single) == len([q for q in p.counts if q.type.count.value is None]):
            derived[p.name] = src[0]
        elif all(q.direction == "out" for q in p.counts):
            out_counts.append(p)
    required, kw_counts, kw_opt = [], [], []
    types, rtypes = {}, []
    for p in params[1:]:
        n = names[p.name]
        if p.kind == "SCALAR":
            if p.name in derived:
                continue
            if p in out_counts:
                text = any(q.type.base == "uchar" for q in p.counts)
                kw_counts.append(f"{n}={512 if text else 1}")
                types[n] = "int"
            else:
                required.append(n)
                types[n] = _py_type(p)
        elif p.direction == "out":
            continue
        elif p.kind == "ARGS" or p.nullable or (p.direction == "inout" and p.kind == "BUFFER"):
            kw_opt.append(f"{n}=None")
            types[n] = _py_type(p) + " | None"
        else:
            required.append(n)
            types[n] = _py_type(p)
    sig = ", ".join(["self"] + required + kw_counts + kw_opt)
    body = []
    doc_lines = (doc or f"The {op_name} operation.").split("\n")
    body.append('        """' + "\n        ".join(doc_lines).rstrip())
    body.append("")
    body.append(f"        Calls vaccel op {target_name} (id {op_id}).")
    body.append('        """')
    body.append("        _m.check_session(self)")
    for p in params[1:]:
        n = names[p.name]
        if p.name in derived:
            src = derived[p.name]
            sn = names[src.name]
            if src.kind == "BUFFER":
                body.append(f"        {n} = _m.buffer_len({sn}, {TYPECODES[src.type.base]!r})")
            else:
                body.append(f"        {n} = len({sn}) if {sn} is not None else 0")
    vals = []
    outs = []
    for p in params:
        n = names[p.name]
        if p.kind == "SESSION":
            vals.append("self._handle")
        elif p.kind == "RESOURCE":
            vals.append(f"_m.resource({n})")
        elif p.kind == "SCALAR":
            vals.append(n)
        elif p.kind == "STRING":
            vals.append(f"_m.string({n}, {n!r})")
        elif p.kind == "BUFFER":
            tc = TYPECODES[p.type.base]
            c = p.type.count
            if c is None:
                count = "1"
            elif c.value is not None:
                count = str(c.value)
            else:
                count = " * ".join(names[x] for x in c.names)
            if p.direction == "out":
                body.append(f"        _{n} = _m.alloc({tc!r}, {count})")
                vals.append(f"_{n}")
            elif p.direction == "inout":
                body.append(f"        _{n} = _m.inout({n}, {tc!r}, {count})")
                vals.append(f"_{n}")
            else:
                vals.append(f"_m.buffer({n}, {tc!r})")
            if p.direction != "in":
                if p.type.base == "uchar" and p.nullable:
                    outs.append(f"_m.text(_{n})")
                    rtypes.append("str")
                elif p.name in as_bytes:
                    outs.append(f"bytes(_{n})")
                    rtypes.append("bytes")
                elif p.type.count is None:
                    outs.append(f"_{n}[0]")
                    rtypes.append(_scalar_type(p))
                else:
                    outs.append(f"_{n}.tolist()")
                    rtypes.append(f"list[{_scalar_type(p)}]")
        else:
            mod, cls = STRUCT_CLASSES.get(p.type.base, (None, None))
            cref = f"_m.cls({mod!r}, {cls!r})" if mod else "None"
            if p.kind == "ARGS":
                if p.direction == "in":
                    vals.append(f"_m.args({n})")
                    continue
                # Values that are not Args become Args here, so that their
                # results can be read back after the call.
                body.append(f"        _{n} = _m.arg_objs({n})")
                vals.append(f"_m.args(_{n}, writable=True)")
                outs.append(f"_m.arg_results(_{n})")
                rtypes.append("list[Any] | None")
                continue
            if p.direction == "out":
                vals.append("None")
                conv = f"_m.wrap({cref}, _o[{p.index}])"
                outs.append(f"{conv}[0]" if _count_one(p) else conv)
                c = _stub_class(p.type.base)
                rtypes.append(c if _count_one(p) else f"list[{c}]")
                continue
            seq = f"[{n}]" if (_count_one(p) and p.kind == "STRUCT_PTRS") else n
            if p.kind == "STRUCT" and _count_one(p):
                seq = f"None if {n} is None else [{n}]"
            vals.append(f"_m.structs({seq}, {cref}, {n!r})")
    body.append(f"        _o = _m.invoke(self, {op_id}, ({', '.join(vals)},))")
    if not outs:
        body.append("        return None")
    elif len(outs) == 1:
        body.append(f"        return {outs[0]}")
    else:
        body.append(f"        return ({', '.join(outs)})")
    stub_args = ["self"] + [f"{a.split('=')[0]}: {types[a.split('=')[0]]}"
                            + (" = ..." if "=" in a else "")
                            for a in required + kw_counts + kw_opt]
    ret = ("None" if not rtypes else rtypes[0] if len(rtypes) == 1
           else f"tuple[{', '.join(rtypes)}]")
    stub = f"    def {op_name}({', '.join(stub_args)}) -> {ret}: ..."
    return f"    def {op_name}({sig}):\n" + "\n".join(body) + "\n", stub


def _scalar_type(p):
    return "float" if p.type.base in ("float", "double") else "int"


def _py_type(p):
    """The annotation of a parameter the caller passes."""
    if p.kind == "RESOURCE":
        return "Resource"
    if p.kind == "SCALAR":
        return _scalar_type(p)
    if p.kind == "STRING":
        return "str | os.PathLike[str]"
    if p.kind == "BUFFER":
        return f"BufferLike | Sequence[{_scalar_type(p)}]"
    if p.kind == "ARGS":
        return "list[Arg | Any]"
    cls = _stub_class(p.type.base)
    return cls if _count_one(p) else f"list[{cls}]"


def _stub_class(struct):
    """`_torch.Tensor`: qualified, since the families share class names."""
    mod, cls = STRUCT_CLASSES.get(struct, (None, None))
    if mod is None:
        return "Any"
    return cls if mod == "vaccel.arg" else "_" + mod.split(".", 2)[2].replace(".", "_") + "." + cls


def _pname_for(target_name, p):
    return (OP_PARAM_NAMES.get(target_name, {}).get(p.name)
            or PARAM_NAMES.get(p.name, p.name))


def _methods(model):
    """(method name, doc, params, op id, op name) for every op and alias."""
    out = []
    for op in model.ops:
        name = METHOD_NAMES.get(op.c_name, op.c_name)
        out.append((name, op.doc, op.params, op.id, op.name))
    for a in model.aliases:
        proto = a.proto
        out.append((a.name, a.doc or a.target.doc, proto.params, a.target.id, a.target.name))
    return out


def emit_py_ops(model):
    out = [_banner(model),
           '"""Session methods, one per IDL op (see idl/gen/emit_python.py for the rules)."""\n',
           "from vaccel import _marshal as _m\n\n",
           "class OpsMixin:",
           '    """The ops of a Session."""\n']
    for name, doc, params, op_id, target in _methods(model):
        out.append(_method(model, name, doc, params, op_id, target)[0])
    return "\n".join(out)


def emit_py_stubs(model):
    imports = set()
    for st in model.structs:
        mod, cls = STRUCT_CLASSES.get(st.name, (None, None))
        if mod and mod != "vaccel.arg":
            imports.add(f"import {mod} as {_stub_class(st.name).split('.')[0]}")
    lines = [_banner(model), "import os", "from typing import Any, Sequence, Union\n",
             "from vaccel.arg import Arg", "from vaccel.resource import Resource"]
    lines += sorted(imports)
    lines += ["\nBufferLike = Union[bytes, bytearray, memoryview, Any]\n\n", "class OpsMixin:"]
    for name, doc, params, op_id, target in _methods(model):
        lines.append(_method(model, name, doc, params, op_id, target)[1])
    return "\n".join(lines) + "\n"


def python_outputs(model):
    return {
        f"{PKG}/_vaccel.i": emit_swig_i(model),
        f"{PKG}/_ops.py": emit_py_ops(model),
        f"{PKG}/_ops.pyi": emit_py_stubs(model),
        f"{PKG}/_enums.py": emit_py_enums(model),
    }

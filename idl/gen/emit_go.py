"""Go bindings generated from the IDL: enums as typed constants with String(),
and one Session method per op (plus a context.Context variant) over cgo.

Conventions (bindings/go/README.md explains them to users):
- the session is the receiver; a resource is a *Resource;
- an `in` array whose count is a single `in` parameter becomes a Go slice and
  the count is taken from its length (arrays sharing a count must agree);
- an `out` array is allocated by the wrapper and returned, sized by its count
  parameter (a Go argument then); `uchar` out text comes back as a string;
- an `inout` array is a Go slice written in place;
- structs go through the hand-written converters in bindings/go (tensors.go,
  args.go): plain Go values in, plain Go values out, no C memory kept.
"""

from emit_common import REGEN

GO_DIR = "bindings/go"

# IDL scalar -> (Go type of a scalar argument, Go element type of an array, C type name for cgo)
GO_SCALARS = {
    "int": ("int", "int32", "int"),
    "int8": ("int8", "int8", "int8_t"),
    "int16": ("int16", "int16", "int16_t"),
    "int32": ("int32", "int32", "int32_t"),
    "int64": ("int64", "int64", "int64_t"),
    "uint8": ("uint8", "uint8", "uint8_t"),
    "uint16": ("uint16", "uint16", "uint16_t"),
    "uint32": ("uint32", "uint32", "uint32_t"),
    "uint64": ("uint64", "uint64", "uint64_t"),
    "size_t": ("int", "uint64", "size_t"),
    "float": ("float32", "float32", "float"),
    "double": ("float64", "float64", "double"),
    "bool": ("bool", "bool", "bool"),
    "char": ("byte", "byte", "char"),
    "uchar": ("byte", "byte", "uchar"),
    "void": ("byte", "byte", "void"),
}

# IDL struct -> (Go element type, converter stem in the hand-written files)
GO_STRUCTS = {
    "arg": ("[]byte", "arg"),
    "torch_tensor": ("*TorchTensor", "torchTensor"),
    "torch_buffer": ("[]byte", "torchBuffer"),
    "tf_tensor": ("*TFTensor", "tfTensor"),
    "tf_node": ("TFNode", "tfNode"),
    "tf_buffer": ("[]byte", "tfBuffer"),
    "tf_status": ("TFStatus", "tfStatus"),
    "tflite_tensor": ("*TFLiteTensor", "tfliteTensor"),
}

GO_KEYWORDS = {"break", "case", "chan", "const", "continue", "default", "defer", "else",
               "fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
               "map", "package", "range", "return", "select", "struct", "switch", "type",
               "var", "len", "cap", "min", "max", "new", "make", "copy", "string", "err"}


def camel(name, upper=True):
    parts = [p for p in name.split("_") if p]
    out = "".join(p[:1].upper() + p[1:].lower() if p.isupper() or p.islower() else
                  p[:1].upper() + p[1:] for p in parts)
    if not upper:
        out = out[:1].lower() + out[1:]
    return out


def _goname(name):
    n = camel(name, upper=False)
    return n + "_" if n in GO_KEYWORDS else n


def _enum_type(e):
    return "ErrorCode" if e.name == "error" else camel(e.name)


def _doc(lines, indent=""):
    return "".join(f"{indent}// {ln}".rstrip() + "\n" for ln in lines)


def _doc_lines(doc):
    if not doc:
        return []
    return doc if isinstance(doc, list) else doc.split("\n")


def _header(model):
    srcs = ", ".join(s for s in model.source_names) if hasattr(model, "source_names") else None
    from emit_common import source_name
    srcs = srcs or ", ".join(source_name(s) for s in model.sources)
    return (f"// Code generated from {srcs} by idl/gen/vaccelgen.py. DO NOT EDIT.\n"
            f"// Regenerate with: {REGEN}\n\n")


def emit_go_enums(model):
    out = [_header(model), "package vaccel\n\n",
           "// #include \"vaccel.h\"\nimport \"C\"\n\nimport \"strconv\"\n"]
    for e in model.enums:
        t = _enum_type(e)
        out.append("\n" + _doc(_doc_lines(e.doc) or [f"{t} mirrors the C {e.ctype}."]))
        out.append(f"type {t} int64\n\n")
        members = [m for m in e.members if not m.sentinel]
        # One declaration each: nothing for gofmt to align.
        for m in members:
            out.append(_doc(_doc_lines(m.doc)))
            out.append(f"const {t}{camel(m.name)} {t} = C.{m.c_name}\n\n")
        out.append(f"// String returns the C constant's name ({e.prefix}...), or the number.\n")
        out.append(f"func (v {t}) String() string {{\n\tswitch v {{\n")
        for m in members:
            if m.alias_of is None:
                out.append(f"\tcase {t}{camel(m.name)}:\n\t\treturn \"{m.c_name}\"\n")
        out.append(f"\t}}\n\treturn \"{t}(\" + strconv.FormatInt(int64(v), 10) + \")\"\n}}\n")
    return "".join(out)


class _P:
    """How one IDL parameter appears in Go."""

    def __init__(self, p):
        self.p, self.name = p, _goname(p.name)
        self.go_arg = None  # "name type" in the Go signature, or None
        self.result = None  # (name, Go type) returned, or None
        self.derived_from = None  # for a count: the slice that gives it


def _plan(op):
    ps = [_P(p) for p in op.params]
    by_name = {x.p.name: x for x in ps}
    # Counts taken from an input slice's length.
    for x in ps:
        p = x.p
        c = p.type.count
        if p.direction == "out" or c is None or c.value is not None or len(c.names) != 1:
            continue
        cnt = by_name[c.names[0]]
        if cnt.p.direction == "in" and cnt.derived_from is None:
            cnt.derived_from = x
    return ps, by_name


def _go_array_type(p):
    if p.type.base in GO_SCALARS:
        return "[]" + GO_SCALARS[p.type.base][1]
    return "[]" + GO_STRUCTS[p.type.base][0]


def _one(p):
    c = p.type.count
    return c is not None and c.value == 1


def emit_go_op(model, op, method, fn_name):
    ps, by_name = _plan(op)
    sig, results, pre, cargs, post = [], [], [], [], []
    checks = []
    for x in ps:
        p, k, n = x.p, x.p.kind, x.name
        base = p.type.base
        if k == "SESSION":
            cargs.append("s.c")
            continue
        if k == "RESOURCE":
            sig.append(f"{n} *Resource")
            pre.append(f"\tc{n}, err := {n}.ptr()\n\tif err != nil {{\n\t\treturn {{ZERO}}err\n\t}}\n"
                       f"\tdefer {n}.mu.RUnlock()\n")
            cargs.append(f"c{n}")
            continue
        if k == "STRING":
            sig.append(f"{n} string")
            pre.append(f"\tc{n} := C.CString({n})\n\tdefer C.free(unsafe.Pointer(c{n}))\n")
            cargs.append(f"c{n}")
            continue
        if k == "SCALAR" or (k == "BUFFER" and p.type.count is None):
            gt, _, ct = GO_SCALARS[base]
            if p.direction == "out":
                pre.append(f"\tvar c{n} C.{ct}\n")
                cargs.append(f"&c{n}")
                results.append((n, gt, f"{gt}(c{n})"))
            elif x.derived_from is not None:
                src = x.derived_from
                cargs.append(f"C.{ct}(len({src.name}))")
            else:
                sig.append(f"{n} {gt}")
                cargs.append(f"C.{ct}({n})")
            continue
        # Arrays and structs.
        count = p.type.count
        if k == "BUFFER":
            et = GO_SCALARS[base][1]
            ct = GO_SCALARS[base][2]
            cptr = "unsafe.Pointer" if base == "void" else f"*C.{ct}"
            if p.direction == "out":
                size = _count_expr(count, by_name)
                pre.append(f"\t{n} := make([]{et}, {size})\n")
                cargs.append(f"({cptr})(slicePtr({n}))")
                if base == "uchar":
                    results.append((n, "string", f"cString({n})"))
                else:
                    results.append((n, f"[]{et}", n))
            else:
                sig.append(f"{n} []{et}")
                checks.append(_len_check(op, n, count, by_name, x))
                cargs.append(f"({cptr})(slicePtr({n}))")
            continue
        gt, stem = GO_STRUCTS[base]
        ctag = f"C.struct_vaccel_{base}"
        if k == "ARGS":
            sig.append(f"{n} [][]byte")
            checks.append(_len_check(op, n, count, by_name, x))
            pre.append(f"\tc{n}, {n}Done := argsToC({n})\n\tdefer {n}Done()\n")
            cargs.append(f"c{n}")
            if p.direction == "inout":
                post.append(f"\targsFromC(c{n}, {n})\n")
            continue
        if k == "STRUCT" and p.direction == "out":
            pre.append(f"\tc{n} := {stem}New()\n")
            cargs.append(f"c{n}")
            results.append((n, gt, f"{stem}FromC(c{n})"))
            continue
        if k == "STRUCT" and count is None:
            sig.append(f"{n} {gt}")
            pre.append(f"\tc{n}, {n}Done := {stem}ToC({n})\n\tdefer {n}Done()\n")
            cargs.append(f"c{n}")
            continue
        if k == "STRUCT":  # an array of structs
            sig.append(f"{n} []{gt}")
            checks.append(_len_check(op, n, count, by_name, x))
            pre.append(f"\tc{n}, {n}Done := {stem}sToC({n})\n\tdefer {n}Done()\n")
            cargs.append(f"c{n}")
            continue
        # STRUCT_PTRS: an array of struct pointers.
        if p.direction == "out":
            size = "1" if _one(p) else _count_expr(count, by_name)
            pre.append(f"\tc{n} := ptrArray({size})\n\tdefer C.free(unsafe.Pointer(c{n}))\n")
            cargs.append(f"(**{ctag})(unsafe.Pointer(c{n}))")
            if _one(p):
                post.append(f"\t{n}, err := {stem}sFromC(c{n}, 1)\n\tif err != nil {{\n"
                            f"\t\treturn {{ZERO}}err\n\t}}\n")
                results.append((n, gt, f"{n}[0]"))
            else:
                post.append(f"\t{n}, err := {stem}sFromC(c{n}, {size})\n\tif err != nil {{\n"
                            f"\t\treturn {{ZERO}}err\n\t}}\n")
                results.append((n, f"[]{gt}", n))
            continue
        if _one(p):
            sig.append(f"{n} {gt}")
            src = f"[]{gt}{{{n}}}"
        else:
            sig.append(f"{n} []{gt}")
            checks.append(_len_check(op, n, count, by_name, x))
            src = n
        pre.append(f"\tc{n}, {n}Done, err := {stem}sToC({src})\n\tif err != nil {{\n"
                   f"\t\treturn {{ZERO}}err\n\t}}\n\tdefer {n}Done()\n")
        cargs.append(f"(**{ctag})(unsafe.Pointer(c{n}))")

    zero = "".join(_zero(t) + ", " for _, t, _ in results)
    rtypes = [t for _, t, _ in results] + ["error"]
    rsig = rtypes[0] if len(rtypes) == 1 else "(" + ", ".join(rtypes) + ")"
    doc = _doc_lines(op.doc)
    lines = [f"{method} calls {fn_name}."] + ([""] + doc if doc else [])
    errs = ", ".join("VACCEL_" + e.text for e in op.errors) if op.errors else ""
    if errs:
        lines += ["", f"Error codes it may return (Error.Code): {errs}."]
    out = [_doc(lines), f"func (s *Session) {method}({', '.join(sig)}) {rsig} {{\n",
           "\tif err := s.enter(); err != nil {\n\t\treturn {ZERO}err\n\t}\n\tdefer s.leave()\n"]
    out += [c for c in checks if c]
    out += pre
    var = "rc" if post or results else "rc"
    out.append(f"\t{var} := C.{fn_name}({', '.join(cargs)})\n")
    out.append(f"\tif rc != 0 {{\n\t\treturn {{ZERO}}newError(int(rc), \"{op.name}\")\n\t}}\n")
    out += post
    out.append("\treturn " + "".join(v + ", " for _, _, v in results) + "nil\n}\n\n")
    text = "".join(out).replace("{ZERO}", zero)

    # The context variant.
    names = [a.split(" ")[0] for a in sig]
    rvars = [f"r{i}" for i in range(len(results))]
    ctx = [_doc([f"{method}Context is {method} with a context: when ctx ends first it",
                 "returns ctx.Err() at once; the call itself still runs to its end",
                 "(an agent's answer or the rpc timeout) and then releases what it held."]),
           f"func (s *Session) {method}Context(ctx context.Context"
           + "".join(", " + a for a in sig) + f") {rsig} {{\n"]
    decl = "".join(f"\tvar {v} {t}\n" for v, (_, t, _) in zip(rvars, results))
    ctx.append(decl + "\tvar err error\n")
    assign = ", ".join(rvars + ["err"])
    ctx.append(f"\tif cerr := await(ctx, func() {{ {assign} = s.{method}({', '.join(names)}) }}); "
               f"cerr != nil {{\n\t\treturn {zero}cerr\n\t}}\n")
    ctx.append(f"\treturn {assign}\n}}\n\n")
    return text + "".join(ctx)


def _zero(t):
    if t in ("string",):
        return '""'
    if t.startswith("[]") or t.startswith("*"):
        return "nil"
    if t in ("TFStatus",):
        return "TFStatus{}"
    return "0"


def _count_expr(count, by_name):
    if count.value is not None:
        return str(count.value)
    parts = []
    for nm in count.names:
        x = by_name[nm]
        parts.append(f"int(len({x.derived_from.name}))" if x.derived_from is not None
                     else f"int({x.name})")
    return " * ".join(parts)


def _len_check(op, n, count, by_name, x):
    """A check that a slice holds what its count says, or nothing when the
    count is the slice's own length."""
    if count is None or count.value is not None:
        return ""
    if len(count.names) == 1:
        cnt = by_name[count.names[0]]
        if cnt.derived_from is x:
            return ""
        if cnt.derived_from is not None:
            other = cnt.derived_from.name
            return (f"\tif len({n}) != len({other}) {{\n\t\treturn {{ZERO}}invalid(\"{op.name}\", "
                    f"\"{n} has %d elements, {other} %d\", len({n}), len({other}))\n\t}}\n")
    expr = _count_expr(count, by_name)
    return (f"\tif need := {expr}; need < 0 || len({n}) < need {{\n\t\treturn {{ZERO}}invalid(\"{op.name}\", "
            f"\"{n} has %d elements, needs %d\", len({n}), need)\n\t}}\n")


def emit_go_ops(model):
    out = [_header(model), "package vaccel\n\n",
           "// #include <stdlib.h>\n// #include \"vaccel.h\"\nimport \"C\"\n\n",
           "import (\n\t\"context\"\n\t\"unsafe\"\n)\n\n",
           "var _ = unsafe.Pointer(nil)\n\n"]
    for op in model.ops:
        out.append(emit_go_op(model, op, camel(op.c_name), op.fn_name))
    return "".join(out).rstrip("\n") + "\n"


def emit_go(model):
    return {f"{GO_DIR}/enums_gen.go": emit_go_enums(model),
            f"{GO_DIR}/ops_gen.go": emit_go_ops(model)}

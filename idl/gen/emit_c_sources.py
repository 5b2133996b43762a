"""Emit the generated C sources: enum string helpers, op descriptors with
their typed call thunks, and the public op functions."""

from emit_c_headers import all_enums, fn_stem, fn_typedef
from emit_common import banner, c_string
from idl_model import SCALARS


def emit_enums_c(model):
    out = banner(model)
    out += ("#include \"vaccel/enums.h\"\n\n#include <stddef.h>\n#include <string.h>\n"
            "#include <strings.h>\n")
    for e in all_enums(model):
        stem = fn_stem(e)
        members = [m for m in e.members if m.alias_of is None and not m.sentinel]
        out += f"\nconst char *{stem}_to_str({e.ctype} value)\n{{\n\tswitch ((long)value) {{\n"
        for m in members:
            out += f"\tcase {m.c_name}:\n\t\treturn \"{m.c_name}\";\n"
        out += "\tdefault:\n\t\treturn \"unknown\";\n\t}\n}\n"
        out += (f"\nint {stem}_from_str(const char *str, {e.ctype} *value)\n{{\n"
                f"\tstatic const struct {{\n\t\tconst char *name;\n\t\t{e.ctype} value;\n"
                f"\t}} table[] = {{\n")
        for m in e.members:
            if m.sentinel:
                continue
            out += f"\t\t{{ \"{m.name}\", {m.c_name} }},\n"
        out += (f"\t}};\n\tconst size_t prefix_len = {len(e.prefix)};\n\n"
                "\tif (!str || !value)\n\t\treturn VACCEL_EINVAL;\n"
                f"\tif (strncasecmp(str, \"{e.prefix}\", prefix_len) == 0)\n"
                "\t\tstr += prefix_len;\n"
                "\tfor (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {\n"
                "\t\tif (strcasecmp(str, table[i].name) == 0) {\n"
                "\t\t\t*value = table[i].value;\n\t\t\treturn VACCEL_OK;\n\t\t}\n\t}\n"
                "\treturn VACCEL_EINVAL;\n}\n")
    return out


def _elem_size(p):
    t = p.type
    if p.kind == "STRUCT_PTRS":
        return "sizeof(void *)"
    if p.kind in ("STRUCT", "ARGS", "RESOURCE", "SESSION"):
        return f"sizeof(struct vaccel_{t.base})"
    if p.kind == "STRING":
        return "1"
    if t.base == "void":
        return "1"
    return f"sizeof({SCALARS[t.base][0]})"


def _type_tag(p):
    t = p.type
    if t.base in SCALARS:
        return "VACCEL_SCALAR_" + SCALARS[t.base][1]
    if t.base == "string":
        return "VACCEL_SCALAR_CHAR"
    return "VACCEL_STRUCT_" + t.base.upper()


def _param_row(op, p):
    flags = []
    if p.nullable:
        flags.append("VACCEL_PARAM_NULLABLE")
    if p.callee_owned:
        flags.append("VACCEL_PARAM_CALLEE_OWNED")
    if p.type.const or p.type.ptr_const:
        flags.append("VACCEL_PARAM_CONST")
    if p.derived:
        flags.append("VACCEL_PARAM_DERIVED")
    if p.text:
        flags.append("VACCEL_PARAM_TEXT")
    c = p.type.count
    idx = [-1, -1]
    const = 0
    if c is None:
        const = 1 if p.kind in ("BUFFER", "STRUCT") else 0
    elif c.value is not None:
        const = c.value
    else:
        for i, q in enumerate(c.params):
            idx[i] = q.index
    res = f"VACCEL_RESOURCE_{p.type.res_type}" if p.type.res_type else "-1"
    return ("\t{ .name = " + c_string(p.name) +
            f", .kind = VACCEL_PARAM_{p.kind}, .dir = VACCEL_PARAM_{p.direction.upper()},"
            f" .type = {_type_tag(p)}, .flags = {' | '.join(flags) or '0'},"
            f" .elem_size = {_elem_size(p)}, .count = {{ {idx[0]}, {idx[1]} }},"
            f" .count_const = {const}, .resource_type = {res} }},\n")


def _thunk(op):
    args = ",\n\t\t".join(
        f"*({p.c_type()}{'' if p.c_type().endswith('*') else ' '}*)argv[{p.index}]"
        for p in op.params)
    return (f"\nstatic int call_{op.name}(void *fn, void **argv)\n{{\n"
            f"\treturn (({fn_typedef(op)})fn)(\n\t\t{args});\n}}\n")


def emit_op_descriptors_c(model):
    out = banner(model)
    out += ("/*\n * One descriptor per op: its parameters in C order with kind, direction,\n"
            " * element type and size, and which parameters count which arrays. The\n"
            " * core validates and dispatches from these, genop unpacks with them and\n"
            " * transports marshal with them. call_<op> is the only typed code.\n */\n\n")
    out += ("#include \"vaccel/op_desc.h\"\n#include \"vaccel/plugin_ops.h\"\n\n"
            "#include <stddef.h>\n")
    for op in model.ops:
        out += _thunk(op)
        out += f"\nstatic const struct vaccel_param_desc params_{op.name}[] = {{\n"
        out += "".join(_param_row(op, p) for p in op.params)
        out += "};\n"
        out += (f"\nstatic const struct vaccel_op_desc desc_{op.name} = {{\n"
                f"\t.id = {op.enum_name},\n\t.name = \"{op.name}\",\n"
                f"\t.fn_name = \"{op.fn_name}\",\n"
                f"\t.nr_params = sizeof(params_{op.name}) / sizeof(params_{op.name}[0]),\n"
                f"\t.params = params_{op.name},\n\t.call = call_{op.name},\n"
                f"\t.since = \"{op.since or ''}\",\n"
                f"\t.sig_hash = 0x{op.sig_hash(model):08x}u,\n}};\n")
    out += "\nconst struct vaccel_op_desc *const vaccel_op_descs[VACCEL_OP_MAX] = {\n"
    out += "".join(f"\t[{op.enum_name}] = &desc_{op.name},\n" for op in model.ops)
    out += "};\n"
    return out


def emit_op_api_c(model):
    out = banner(model)
    out += ("/*\n * The public op functions: each hands pointers to its parameters to\n"
            " * vaccel_op_invoke(), which validates them against the op's descriptor\n"
            " * and dispatches to a plugin.\n */\n\n")
    out += "".join(f"#include \"vaccel/ops/{g.name}.h\"\n" for g in model.groups)
    out += "#include \"op_invoke.h\"\n"
    for op in model.ops:
        argv = ", ".join(f"(void *)&{p.name}" for p in op.params)
        out += (f"\nint {op.fn_name}({op.c_params()})\n{{\n"
                f"\tvoid *argv[] = {{ {argv} }};\n\n"
                f"\treturn vaccel_op_invoke({op.enum_name}, argv);\n}}\n")
    for a in model.aliases:
        op = a.target
        # An alias with its own prototype casts where its C types differ.
        names = ", ".join(
            p.name if p.c_type() == q.c_type() else f"({q.c_type()}){p.name}"
            for p, q in zip(a.proto.params, op.params))
        out += (f"\nint {a.fn_name}({a.proto.c_params()})\n{{\n"
                f"\treturn {op.fn_name}({names});\n}}\n")
    return out

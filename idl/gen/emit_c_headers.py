"""Emit the public C headers: enums, op prototypes, typed plugin entry points."""

from emit_common import banner, c_doc
from idl_model import Enum, EnumMember


def op_type_enum(model):
    """The op enum is derived from the ops: VACCEL_OP_<NAME> = id, then MAX."""
    e = Enum("op_type", "vaccel_op_type_t", "VACCEL_OP_", False,
             "Operation ids: the values of vaccel_op_type_t (one per op).", None)
    for op in model.ops:
        first = (op.doc or "").split("\n")[0]
        e.members.append(EnumMember(op.name.upper(), op.id, first, op.loc))
    max_id = max((op.id for op in model.ops), default=-1)
    e.members.append(EnumMember("MAX", max_id + 1, "Number of op ids (one past the last).", None))
    e.members[-1].sentinel = True
    for m in e.members:
        m.c_name = e.prefix + m.name
    return e


def all_enums(model):
    return model.enums + [op_type_enum(model)]


def fn_stem(e):
    return f"vaccel_{e.name}"


def _enum_decl(e):
    out = c_doc(e.doc)
    head = "typedef enum {" if e.is_typedef else f"{e.ctype} {{"
    out += head + "\n"
    for m in e.members:
        out += c_doc(m.doc, "\t")
        value = m.alias_of.c_name if m.alias_of else m.value
        if isinstance(value, int) and e.is_flags:
            value = hex(value)
        out += f"\t{m.c_name} = {value},\n"
    out += f"}} {e.ctype};\n" if e.is_typedef else "};\n"
    out += (f"\n/** The constant's name (\"{e.members[0].c_name}\"), or \"unknown\". */\n"
            f"const char *{fn_stem(e)}_to_str({e.ctype} value);\n"
            f"/** Parse a constant's full or short name, any case; VACCEL_EINVAL if unknown. */\n"
            f"int {fn_stem(e)}_from_str(const char *str, {e.ctype} *value);\n")
    return out


def emit_enums_h(model):
    out = banner(model)
    out += ("#pragma once\n\n#include <errno.h>\n\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n")
    for e in all_enums(model):
        out += "\n" + _enum_decl(e)
    out += "\n#ifdef __cplusplus\n}\n#endif\n"
    return out


def _prototype(fn_name, op):
    return f"int {fn_name}({op.c_params()});\n"


def _op_doc(op):
    doc = op.doc or ""
    notes = []
    for p in op.params[1:]:
        text = f"@param {p.name} ({p.direction}"
        if p.nullable:
            text += ", may be NULL"
        if p.callee_owned:
            text += ", allocated by the backend, freed by the caller"
        if p.text:
            text += ", NUL-terminated text; the count is its capacity"
        text += ")"
        if p.doc:
            text += " " + p.doc.replace("\n", " ")
        notes.append(text)
    if op.errors:
        notes.append("@return VACCEL_OK or one of: "
                     + ", ".join("VACCEL_" + e.text for e in op.errors))
    return "\n".join(([doc] if doc else []) + notes)


def emit_ops_h(model, group):
    out = banner(model)
    out += "#pragma once\n\n"
    incs = ["vaccel/enums.h", "vaccel/session.h", "vaccel/resource.h", "vaccel/arg.h"] + group.includes
    out += "".join(f"#include \"{i}\"\n" for i in incs)
    out += "#include <stddef.h>\n#include <stdint.h>\n"
    out += "\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n"
    if group.doc:
        out += "\n" + c_doc(group.doc)
    for op in sorted(group.ops, key=lambda o: o.id):
        out += "\n" + c_doc(_op_doc(op)) + _prototype(op.fn_name, op)
    for a in group.aliases:
        out += "\n" + c_doc(a.doc) + _prototype(a.fn_name, a.proto)
    for e in group.entries:
        out += "\n" + c_doc(_op_doc(e)) + _prototype(e.fn_name, e)
    out += "\n#ifdef __cplusplus\n}\n#endif\n"
    return out


def fn_typedef(op):
    return f"vaccel_op_{op.name}_fn"


def emit_plugin_ops_h(model):
    out = banner(model)
    out += ("#pragma once\n\n"
            "/*\n * Typed plugin entry points: one function-pointer type per op, and\n"
            " * VACCEL_PLUGIN_OP(name, fn), which builds a struct vaccel_op entry and\n"
            " * fails to compile when fn does not have the op's exact signature.\n */\n\n")
    out += "".join(f"#include \"vaccel/ops/{g.name}.h\"\n" for g in model.groups)
    out += "\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
    for op in model.ops:
        out += f"typedef int (*{fn_typedef(op)})({op.c_params()});\n"
    out += ("\n#ifdef __cplusplus\n"
            "#define VACCEL_OP_FN_CHECKED(type, fn) \\\n"
            "\treinterpret_cast<void *>(static_cast<type>(fn))\n"
            "#else\n"
            "#define VACCEL_OP_FN_CHECKED(type, fn) _Generic(&(fn), type: (void *)(fn))\n"
            "#endif\n\n"
            "#define VACCEL_PLUGIN_OP(name, fn) VACCEL_PLUGIN_OP_##name(fn)\n")
    for op in model.ops:
        out += (f"#define VACCEL_PLUGIN_OP_{op.name}(fn) \\\n"
                f"\t{{ {op.enum_name}, VACCEL_OP_FN_CHECKED({fn_typedef(op)}, fn), NULL }}\n")
        if op.c_name != op.name:
            # Also by the C function's name: VACCEL_PLUGIN_OP(sgemm, fn).
            out += (f"#define VACCEL_PLUGIN_OP_{op.c_name}(fn) "
                    f"VACCEL_PLUGIN_OP_{op.name}(fn)\n")
    out += "\n#ifdef __cplusplus\n}\n#endif\n"
    return out

"""Emit the structs that ops take: their C declarations (structs.h) and
their field descriptors (struct_descriptors.c), which the wire marshaller
and the bindings walk instead of hand-coding each struct."""

from emit_common import banner, c_doc, c_string


def _field_decl(f):
    ct = f.c_type()
    decl = f"{ct}{f.name}" if ct.endswith("*") else f"{ct} {f.name}"
    if f.alias:
        alias = f"{ct}{f.alias}" if ct.endswith("*") else f"{ct} {f.alias}"
        return f"\tunion {{\n\t\t{decl};\n\t\t{alias};\n\t}};\n"
    return f"\t{decl};\n"


def emit_structs_h(model):
    out = banner(model)
    out += ("#pragma once\n\n"
            "/* The structs that ops take, declared field by field in idl/vaccel.idl. */\n\n"
            "#include \"vaccel/enums.h\"\n"
            "#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n"
            "\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n")
    for st in model.structs:
        out += "\n" + c_doc(st.doc) + f"{st.ctype} {{\n"
        for f in st.fields:
            out += c_doc(f.doc, "\t") + _field_decl(f)
        out += "};\n"
    out += "\n#ifdef __cplusplus\n}\n#endif\n"
    return out


def _field_row(st, f):
    flags = []
    if f.owned:
        flags.append("VACCEL_FIELD_OWNED")
    if f.local:
        flags.append("VACCEL_FIELD_LOCAL")
    if f.nullable:
        flags.append("VACCEL_FIELD_NULLABLE")
    if f.kind == "ARRAY":
        elem = "1" if f.base == "void" else f"sizeof(*(({st.ctype} *)0)->{f.name})"
    elif f.kind == "STRING":
        elem = "1"
    else:
        elem = f"sizeof((({st.ctype} *)0)->{f.name})"
    return ("\t{ .name = " + c_string(f.name) +
            f", .offset = offsetof({st.ctype}, {f.name}),"
            f" .kind = VACCEL_FIELD_{f.kind}, .type = {f.type_tag()},"
            f" .flags = {' | '.join(flags) or '0'}, .elem_size = {elem},"
            f" .count_field = {f.count.index if f.count else -1},"
            f" .owner_field = {f.owner.index if f.owner else -1} }},\n")


def emit_struct_descriptors_c(model):
    out = banner(model)
    out += ("/*\n * One descriptor per struct that ops take: each field's offset, kind,\n"
            " * element type and size, the field counting it and what owns it. The\n"
            " * wire marshaller walks these; nothing hand-codes a struct.\n */\n\n"
            "#include \"vaccel/op_desc.h\"\n#include \"vaccel/arg.h\"\n"
            "#include \"vaccel/structs.h\"\n#include \"vaccel/tf_types.h\"\n"
            "#include \"vaccel/tflite_types.h\"\n#include \"vaccel/torch_types.h\"\n\n"
            "#include <stddef.h>\n")
    for st in model.structs:
        out += f"\nstatic const struct vaccel_field_desc fields_{st.name}[] = {{\n"
        out += "".join(_field_row(st, f) for f in st.fields)
        out += "};\n"
        for fn, what in ((st.release, "release"), (st.delete, "delete")):
            if fn:
                out += (f"\nstatic int {what}_{st.name}(void *obj)\n{{\n"
                        f"\treturn {fn}(obj);\n}}\n")
        out += (f"\nstatic const struct vaccel_struct_desc desc_{st.name} = {{\n"
                f"\t.type = {st.tag},\n\t.name = \"{st.name}\",\n"
                f"\t.size = sizeof({st.ctype}),\n"
                f"\t.nr_fields = sizeof(fields_{st.name}) / sizeof(fields_{st.name}[0]),\n"
                f"\t.fields = fields_{st.name},\n"
                f"\t.release = {'release_' + st.name if st.release else 'NULL'},\n"
                f"\t.destroy = {'delete_' + st.name if st.delete else 'NULL'},\n}};\n")
    out += ("\nconst struct vaccel_struct_desc *vaccel_struct_desc_get(unsigned int type)\n"
            "{\n\tswitch (type) {\n")
    for st in model.structs:
        out += f"\tcase {st.tag}:\n\t\treturn &desc_{st.name};\n"
    out += "\tdefault:\n\t\treturn NULL;\n\t}\n}\n"
    return out

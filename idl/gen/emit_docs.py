"""Emit docs/ops.md: the op reference, from the same doc comments as the headers."""

from emit_c_headers import all_enums
from emit_common import banner


def _genop_layout(op):
    reads = [p.name for p in op.params[1:] if p.direction == "in" and not p.derived]
    writes = [p.name for p in op.params if p.direction != "in"]
    return reads, writes


def emit_ops_md(model):
    out = banner(model, "md")
    out += "# Operation reference\n\n"
    out += ("Every operation vaccel offers, generated from `idl/vaccel.idl`. For each: the\n"
            "C prototype, the parameters (direction, C type, meaning), the errors a caller\n"
            "can see, and how `vaccel_genop` packs it (`read[0]` holds the op id; see\n"
            "docs/genop.md).\n\n")
    out += "| id | op | C function | header |\n|---|---|---|---|\n"
    for op in model.ops:
        out += f"| {op.id} | `{op.enum_name}` | `{op.fn_name}` | `vaccel/ops/{op.group.name}.h` |\n"
    for a in model.aliases:
        out += f"| {a.target.id} | alias of `{a.target.enum_name}` | `{a.fn_name}` | `vaccel/ops/{a.group.name}.h` |\n"
    for g in model.groups:
        for e in g.entries:
            out += f"| - | runtime entry (no op id) | `{e.fn_name}` | `vaccel/ops/{g.name}.h` |\n"
    entries = [e for g in model.groups for e in g.entries]
    for op in model.ops + entries:
        out += f"\n## {op.fn_name}\n\n"
        if op.doc:
            out += op.doc + "\n\n"
        out += f"```c\nint {op.fn_name}({op.c_params()});\n```\n\n"
        out += "| parameter | dir | C type | notes |\n|---|---|---|---|\n"
        for p in op.params:
            notes = []
            if p.type.res_type:
                notes.append(f"resource of type `VACCEL_RESOURCE_{p.type.res_type}`")
            if p.type.count is not None:
                notes.append(f"{p.type.count.c_expr()} element(s)")
            if p.nullable:
                notes.append("may be NULL")
            if p.callee_owned:
                notes.append("allocated by the backend, freed by the caller")
            if p.counts:
                notes.append("counts " + ", ".join(f"`{q.name}`" for q in p.counts))
            if p.doc:
                notes.append(p.doc.replace("\n", " "))
            out += f"| `{p.name}` | {p.direction} | `{p.c_type().strip()}` | {'; '.join(notes)} |\n"
        if op.errors:
            out += "\nErrors: " + ", ".join(f"`VACCEL_{e.text}`" for e in op.errors) + ".\n"
        if op.id is None:
            continue
        reads, writes = _genop_layout(op)
        out += ("\ngenop: read = [op id" + "".join(f", `{n}`" for n in reads) + "], write = ["
                + ", ".join(f"`{n}`" for n in writes) + "].\n")
    out += "\n# Enumerations\n"
    for e in all_enums(model):
        out += f"\n## {e.ctype}\n\n"
        if e.doc:
            out += e.doc + "\n\n"
        out += "| constant | value | meaning |\n|---|---|---|\n"
        for m in e.members:
            value = m.alias_of.c_name if m.alias_of else m.value
            out += f"| `{m.c_name}` | {value} | {(m.doc or '').replace(chr(10), ' ')} |\n"
    return out

"""Emit vaccel/enum_tables.h: the names and element sizes of the data-type
enums (those whose members give `size N`) as static inline functions, so a
plugin gets them from the header alone, with nothing to link."""

from emit_common import banner, c_string


def sized_enums(model):
    return [e for e in model.enums
            if any(m.elem_size is not None for m in e.members)]


def _values(e):
    """Members with their own value (aliases and the MAX guard excluded)."""
    return [m for m in e.members if m.alias_of is None and not m.sentinel]


def _functions(e):
    stem = f"vaccel_{e.name}"
    names = "".join(f"\tcase {m.c_name}:\n\t\treturn {c_string(m.name)};\n"
                    for m in _values(e))
    sizes = "".join(f"\tcase {m.c_name}:\n\t\t*size = {m.elem_size};\n\t\treturn true;\n"
                    for m in _values(e))
    return (
        f"/** The short name of a value of {e.ctype}\n"
        f" * (\"{_values(e)[0].name}\"), or \"unknown\". */\n"
        f"static inline const char *{stem}_name(int value)\n"
        f"{{\n\tswitch (value) {{\n{names}\tdefault:\n\t\treturn \"unknown\";\n\t}}\n}}\n\n"
        f"/** Whether `value` is a value of {e.ctype}; if so its bytes\n"
        f" * per element go to `*size` (0: elements of no fixed size). */\n"
        f"static inline bool {stem}_elem_size(int value, size_t *size)\n"
        f"{{\n\tswitch (value) {{\n{sizes}\tdefault:\n\t\t*size = 0;\n\t\treturn false;\n\t}}\n}}\n"
    )


def emit_enum_tables_h(model):
    out = banner(model)
    out += ("#pragma once\n\n"
            "/* Header-only: plugins use these without linking libvaccel. */\n\n"
            "#include \"vaccel/enums.h\"\n#include <stdbool.h>\n#include <stddef.h>\n\n"
            "#ifdef __cplusplus\nextern \"C\" {\n#endif\n")
    for e in sized_enums(model):
        out += "\n" + _functions(e)
    out += "\n#ifdef __cplusplus\n}\n#endif\n"
    return out

#!/usr/bin/env python3
"""Turn the API contract (docs/spec/c-api-surface.md) into a compile check.

usage: gen_surface_check.py [--cxx | --names] SPEC OUT_FILE

For every function the spec lists, OUT_FILE gets one line that initialises
a pointer of the spec's exact prototype type with our function:

    int (*const check_vaccel_arg_init)(struct vaccel_arg *arg, ...) =
        vaccel_arg_init;

Compiled as C with -Werror (incompatible pointer types) and as C++ (no
implicit conversion between function pointer types at all), any mismatch in
a parameter or return type fails the build. The typed arg_array families
the spec describes in prose are expanded from its own type list. The file
also defines `surface_functions[]` (name, address) so a test can check the
count at run time. With --cxx the same checks are wrapped in a namespace
so the C++ copy can be linked beside the C one. With --names OUT_FILE is
just the function names, one per line (for the export check, which must
not link the runtime it dlopens).
"""

import re
import sys

# The spec's typed families: (suffix, C type).
TYPED = [
    ("int8", "int8_t"), ("int16", "int16_t"), ("int32", "int32_t"),
    ("int64", "int64_t"), ("uint8", "uint8_t"), ("uint16", "uint16_t"),
    ("uint32", "uint32_t"), ("uint64", "uint64_t"), ("float", "float"),
    ("double", "double"), ("bool", "bool"), ("char", "char"),
    ("uchar", "unsigned char"),
]

PROTO = re.compile(r"^- `(.+?)\b(vaccel_\w+)\((.*)\);`\s*$")


def spec_prototypes(text):
    """(return type, name, params) of each function line of the spec."""
    protos = []
    in_functions = False
    for line in text.splitlines():
        if line.startswith("## "):
            in_functions = line.strip() == "## Functions"
            continue
        m = PROTO.match(line) if in_functions else None
        if m:
            protos.append((m.group(1).strip(), m.group(2), m.group(3)))
    return protos


def typed_prototypes():
    arr = "struct vaccel_arg_array *array"
    protos = []
    for suffix, t in TYPED:
        protos += [
            ("int", f"vaccel_arg_array_add_{suffix}", f"{arr}, {t} *value"),
            ("int", f"vaccel_arg_array_get_{suffix}", f"{arr}, {t} **value"),
            ("int", f"vaccel_arg_array_set_{suffix}", f"{arr}, {t} *value"),
            ("int", f"vaccel_arg_array_add_{suffix}_array",
             f"{arr}, {t} *values, size_t count"),
            ("int", f"vaccel_arg_array_get_{suffix}_array",
             f"{arr}, {t} **values, size_t *count"),
            ("int", f"vaccel_arg_array_set_{suffix}_array",
             f"{arr}, {t} *values, size_t count"),
        ]
    return protos


# The load-and-run alias the spec names in prose, with vAccel's prototype.
ALIASES = [
    ("int", "vaccel_torch_jitload_forward",
     "struct vaccel_session *sess, const struct vaccel_resource *model, "
     "const struct vaccel_torch_buffer *run_options, "
     "struct vaccel_torch_tensor **in_tensor, int nr_read, "
     "struct vaccel_torch_tensor **out_tensor, int nr_write"),
]


def render(protos, cxx):
    out = [
        "/* Generated from docs/spec/c-api-surface.md by",
        " * tests/api_surface/gen_surface_check.py; do not edit. */",
        # vAccel's umbrella header declares everything (str.h, blob.h too).
        "#include <vaccel.h>",
        "",
    ]
    # C++ gives namespace-scope consts internal linkage unless extern.
    ext = "extern " if cxx else ""
    if cxx:
        out += ["namespace surface_cxx {", ""]
    for ret, name, params in protos:
        out.append(f"{ret} (*const check_{name})({params}) = {name};")
    out += ["", "struct surface_function {", "\tconst char *name;",
            "\tconst void *addr;", "};", "",
            f"{ext}const struct surface_function surface_functions[] = {{"]
    for _, name, _ in protos:
        out.append(f'\t{{"{name}", (const void *)check_{name}}},')
    out += ["};", f"{ext}const unsigned surface_function_count =",
            "    sizeof(surface_functions) / sizeof(surface_functions[0]);",
            ""]
    if cxx:
        out += ["} // namespace surface_cxx", ""]
    return "\n".join(out)


def main(argv):
    cxx = "--cxx" in argv
    names_only = "--names" in argv
    argv = [a for a in argv if a not in ("--cxx", "--names")]
    if len(argv) != 3:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        protos = spec_prototypes(f.read())
    if len(protos) < 150:
        sys.exit(f"{argv[1]}: only {len(protos)} prototypes found")
    protos += typed_prototypes() + ALIASES
    names = [p[1] for p in protos]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit(f"duplicate functions: {sorted(dup)}")
    with open(argv[2], "w", encoding="utf-8") as f:
        f.write("".join(n + "\n" for n in names) if names_only
                else render(protos, cxx))


if __name__ == "__main__":
    main(sys.argv)

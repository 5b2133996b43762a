"""Helpers shared by the emitters: banners and doc-comment rendering."""

import os

REGEN = "python3 idl/gen/vaccelgen.py"

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def source_name(path):
    """How a banner names an IDL file: relative to the repository root when it
    lies inside it (whatever the working directory), else as given."""
    full = os.path.abspath(path)
    try:
        inside = os.path.commonpath([full, ROOT]) == ROOT
    except ValueError:  # another drive
        inside = False
    if inside:
        return os.path.relpath(full, ROOT).replace(os.sep, "/")
    return path.replace("\\", "/")


def banner(model, style="c"):
    srcs = ", ".join(source_name(s) for s in model.sources)
    lines = [f"Generated from {srcs} by idl/gen/vaccelgen.py. Do not edit.",
             f"Regenerate with: {REGEN}"]
    if style == "c":
        return "/* " + "\n * ".join(lines) + " */\n"
    return "<!-- " + " ".join(lines) + " -->\n"


def c_doc(doc, indent=""):
    """A doc string as a C block comment, or nothing."""
    if not doc:
        return ""
    lines = doc.split("\n")
    if len(lines) == 1:
        return f"{indent}/** {lines[0]} */\n"
    body = "".join(f"{indent} * {line}".rstrip() + "\n" for line in lines)
    return f"{indent}/**\n{body}{indent} */\n"


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

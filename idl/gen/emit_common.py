"""Helpers shared by the emitters: banners and doc-comment rendering."""

REGEN = "python3 idl/gen/vaccelgen.py"


def banner(model, style="c"):
    srcs = ", ".join(s.replace("\\", "/").split("/idl/")[-1] if "/idl/" in s else s
                     for s in model.sources)
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

"""Tokenizer for the vaccel IDL.

Every token carries its file, line and column so that later stages can point
at the exact place of a mistake.
"""

import re


class IdlError(Exception):
    """A mistake in an IDL file, located at file:line:column."""

    def __init__(self, loc, message):
        super().__init__(f"{loc}: error: {message}")
        self.loc = loc
        self.message = message


class Loc:
    __slots__ = ("path", "line", "col")

    def __init__(self, path, line, col):
        self.path, self.line, self.col = path, line, col

    def __str__(self):
        return f"{self.path}:{self.line}:{self.col}"


class Token:
    __slots__ = ("kind", "text", "loc", "doc")

    def __init__(self, kind, text, loc, doc=None):
        self.kind, self.text, self.loc, self.doc = kind, text, loc, doc

    def describe(self):
        if self.kind == "eof":
            return "end of file"
        return f"'{self.text}'"


_TOKEN_RE = re.compile(
    r"""
    (?P<ws>[ \t\r]+)
  | (?P<nl>\n)
  | (?P<doc>///[^\n]*)
  | (?P<comment>//[^\n]*)
  | (?P<string>"[^"\n]*")
  | (?P<number>0[xX][0-9a-fA-F]+|[0-9]+(?:\.[0-9]+)*)
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>[{}()\[\];=,*])
    """,
    re.VERBOSE,
)


def tokenize(text, path):
    """Return the list of tokens of `text`; doc comments attach to the next token."""
    tokens = []
    line, line_start, pos = 1, 0, 0
    doc_lines = []
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        loc = Loc(path, line, pos - line_start + 1)
        if not m:
            raise IdlError(loc, f"unexpected character '{text[pos]}'")
        kind = m.lastgroup
        value = m.group(kind)
        pos = m.end()
        if kind == "nl":
            line, line_start = line + 1, pos
        elif kind == "doc":
            body = value[3:]
            doc_lines.append(body[1:] if body.startswith(" ") else body)
        elif kind in ("ws", "comment"):
            pass
        else:
            doc = "\n".join(doc_lines) if doc_lines else None
            doc_lines = []
            tokens.append(Token(kind, value, loc, doc))
    tokens.append(Token("eof", "", Loc(path, line, pos - line_start + 1)))
    return tokens

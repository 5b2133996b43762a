"""Malformed IDL is rejected with file:line:column and a useful message,
both by the parser API (IdlError) and by the CLI (exit 2, message on stderr)."""

import subprocess
import sys

import pytest

import idl_lexer
import idl_parser

# Every case starts with these two lines: the linker checks resource types
# and error names against the enums `resource_type` and `error`.
PRELUDE = (
    'enum error ctype "vaccel_error_t" prefix "VACCEL_" { OK = 0; EINVAL = errno EINVAL; }\n'
    'enum resource_type ctype "vaccel_resource_type_t" prefix "VACCEL_RESOURCE_" '
    '{ LIB = 0; MODEL = 2; }\n'
)
PRELUDE_LINES = PRELUDE.count("\n")


def op(*params, head="op a = 0", extra=""):
    """A group with one op; the op's first body line is line 3 of the snippet."""
    body = "".join(f"        {p}\n" for p in params)
    return f"group g {{\n    {head} {{\n{body}    }}\n{extra}}}\n"


# (id, snippet, line within the snippet, column, message fragment). A location
# quoted inside a message ("already declared at x.idl:4:5") is file-relative.
CASES = [
    ("missing-semicolon", op("in session sess", "in int n;"),
     4, 9, "expected ';', found 'in'"),
    ("missing-semicolon-before-brace", op("in session sess;", "in int n"),
     5, 5, "expected ';', found '}'"),
    ("unknown-type", op("in session sess;", "in tensor x;"),
     4, 12, "unknown type 'tensor'"),
    ("unknown-direction", op("in session sess;", "input int x;"),
     4, 9, "expected a direction ('in', 'out' or 'inout') or '}', found 'input'"),
    ("count-missing-param", op("in session sess;", "in float[len] x;"),
     4, 17, "count 'len' of 'x' is not a parameter of op 'a'"),
    ("count-not-integer", op("in session sess;", "in float[f] x;", "in float f;"),
     4, 17, "count 'f' of 'x' must be an 'in' integer parameter"),
    ("count-out-param", op("in session sess;", "out uchar[n] x;", "out int n;"),
     4, 18, "count 'n' of 'x' must be an 'in' integer parameter"),
    ("count-product-missing", op("in session sess;", "in float[m * k] x;", "in int m;"),
     4, 17, "count 'k' of 'x' is not a parameter of op 'a'"),
    ("duplicate-op-id",
     "group g {\n    op a = 0 { in session s; }\n    op b = 0 { in session s; }\n}\n",
     3, 5, "op id 0 of 'b' already used by 'a'"),
    ("duplicate-op-name",
     "group g {\n    op a = 0 { in session s; }\n    op a = 1 { in session s; }\n}\n",
     3, 5, "op 'a' already declared at x.idl:4:5"),
    ("duplicate-c-function",
     "group g {\n    op a = 0 { in session s; }\n    op b = 1 as a { in session s; }\n}\n",
     3, 5, "C function 'vaccel_a' already declared at x.idl:4:5"),
    ("duplicate-parameter", op("in session sess;", "in int n;", "in int n;"),
     5, 16, "parameter 'n' already declared in op 'a'"),
    ("first-param-not-session", op("in int n;"),
     2, 5, "op 'a' must take 'in session' as its first parameter"),
    ("second-session", op("in session sess;", "in session other;"),
     4, 20, "only the first parameter may be a session"),
    ("unknown-resource-type", op("in session sess;", "in resource(GPU) r;"),
     4, 12, "unknown resource type 'GPU'"),
    ("unknown-error", op("in session sess;", head="op a = 0 errors(EINVAL, EWHAT)"),
     2, 29, "unknown error 'EWHAT' (not a member of enum 'error')"),
    ("error-listed-twice", op("in session sess;", head="op a = 0 errors(EINVAL, EINVAL)"),
     2, 29, "error 'EINVAL' listed twice"),
    ("callee-owned-on-in", op("in session sess;", "in callee_owned tf_tensor *[n] t;", "in int n;"),
     4, 40, "'callee_owned' applies only to 'out' arrays of pointers"),
    ("star-on-scalar", op("in session sess;", "in float *[n] x;", "in int n;"),
     4, 12, "'*' (array of pointers) needs a struct type, not 'float'"),
    ("void-without-count", op("in session sess;", "in const void data;"),
     4, 18, "'void' parameter 'data' needs a byte count: 'void[len]'"),
    ("string-with-count", op("in session sess;", "in string[n] s;", "in int n;"),
     4, 12, "'string' is NUL-terminated and takes no count"),
    ("out-string", op("in session sess;", "out string s;"),
     4, 20, "'s' of type 'string' can only be 'in'"),
    ("const-on-out", op("in session sess;", "out const double x;"),
     4, 19, "'const' applies only to 'in' parameters; 'x' is 'out'"),
    ("reserved-name", op("in session sess;", "in int class;"),
     4, 16, "parameter name 'class' is reserved"),
    ("two-in-arg-arrays",
     op("in session sess;", "in arg[n] a;", "in int n;", "in arg[m] b;", "in int m;"),
     6, 19, "at most one 'in' arg array per op"),
    ("param-after-arg-array", op("in session sess;", "in arg[n] a;", "in int n;", "in int x;"),
     6, 16, "'x' follows arg array 'a', which takes all remaining genop args"),
    ("arg-without-count", op("in session sess;", "in arg a;"),
     4, 12, "arg parameter 'a' needs a count: 'arg[n]'"),
    ("enum-duplicate-value",
     'enum e ctype "e_t" prefix "E_" {\n    A = 1;\n    B = 1;\n}\n',
     3, 5, "value 1 of 'B' duplicates 'A'; write 'B = A;' for an alias"),
    ("enum-duplicate-member",
     'enum e ctype "e_t" prefix "E_" {\n    A = 1;\n    A = 2;\n}\n',
     3, 5, "enum member 'A' already declared at x.idl:4:5"),
    ("enum-size-missing",
     'enum e ctype "e_t" prefix "E_" {\n    A = 1 size 4;\n    B = 2;\n}\n',
     3, 5, "enum member 'B' needs 'size N' (other members of 'e' give one)"),
    ("enum-size-not-a-number",
     'enum e ctype "e_t" prefix "E_" {\n    A = 1 size four;\n}\n',
     2, 16, "expected an element size in bytes, found 'four'"),
    ("enum-alias-unknown",
     'enum e ctype "e_t" prefix "E_" {\n    A = 1;\n    B = C;\n}\n',
     3, 5, "'C' is not a member of enum 'e'"),
    ("enum-missing-ctype", 'enum e prefix "E_" {\n    A = 1;\n}\n',
     1, 1, "enum 'e' needs a 'ctype \"...\"'"),
    ("enum-empty", 'enum e ctype "e_t" prefix "E_" {\n}\n',
     1, 1, "enum 'e' has no members"),
    ("enum-constant-clash",
     'enum e ctype "e_t" prefix "VACCEL_RESOURCE_" {\n    LIB = 7;\n}\n',
     2, 5, "C constant 'VACCEL_RESOURCE_LIB' already declared at x.idl:2:79"),
    ("enum-bad-value", 'enum e ctype "e_t" prefix "E_" {\n    A = "one";\n}\n',
     2, 9, "expected an integer, 'errno NAME' or the name of another member, found '\"one\"'"),
    ("enum-max-and-member-max",
     'enum e ctype "e_t" prefix "E_" max {\n    A = 1;\n    MAX = 2;\n}\n',
     3, 5, "enum 'e' is declared 'max' and also has a member 'MAX'"),
    ("enum-max-no-values",
     'enum e ctype "e_t" prefix "E_" max {\n    A = errno EINVAL;\n}\n',
     1, 1, "enum 'e' is declared 'max' but has no integer values"),
    ("enum-unknown-key", 'enum e ctype "e_t" prefix "E_" maximum {\n    A = 1;\n}\n',
     1, 32, "expected 'ctype', 'prefix', 'flags', 'max' or '{'"),
    ("alias-unknown-op",
     "group g {\n    op a = 0 { in session s; }\n    alias b = nosuch;\n}\n",
     3, 5, "alias 'b' names unknown op 'nosuch'"),
    ("alias-signature-count",
     "group g {\n    op a = 0 { in session s; in int n; }\n"
     "    alias b = a { in session s; }\n}\n",
     3, 5, "alias 'b' has 1 parameters, op 'a' has 2"),
    ("alias-signature-type",
     "group g {\n    op a = 0 { in session s; in int n; }\n"
     "    alias b = a { in session s; in int64 n; }\n}\n",
     3, 42, "parameter 'n' of alias 'b' does not match 'n' of op 'a'"),
    ("plugin-macro-clash",
     "group g {\n    op a = 0 as b { in session s; }\n    op b = 1 as c { in session s; }\n}\n",
     3, 5, "op 'b' would define VACCEL_PLUGIN_OP_b, already defined for op 'a'"),
    ("op-named-max", "group g {\n    op max = 0 { in session s; }\n}\n",
     2, 5, "op 'max' would define 'VACCEL_OP_MAX', which is reserved"),
    ("enum-op-type-declared", 'enum op_type ctype "vaccel_op_type_t" prefix "VACCEL_OP_" {\n'
     '    NOOP = 0;\n}\n',
     1, 1, "enum 'op_type' is generated from the ops"),
    ("unknown-character", op("in session sess;", "in int n; @"),
     4, 19, "unexpected character '@'"),
    ("unterminated-op", "group g {\n    op a = 0 {\n        in session sess;\n",
     4, 1, "expected a direction ('in', 'out' or 'inout') or '}', found end of file"),
    ("unterminated-group", "group g {\n    op a = 0 { in session s; }\n",
     3, 1, "expected 'include', 'op', 'entry', 'alias' or '}', found end of file"),
    ("top-level-junk", "typedef s;\n",
     1, 1, "expected 'enum', 'struct' or 'group', found 'typedef'"),
    ("struct-no-ctype", "struct tf_node { int id; }\n",
     1, 1, "struct 'tf_node' needs a 'ctype \"...\"'"),
    ("struct-unknown-name", "struct s ctype \"struct s\" { int id; }\n",
     1, 1, "struct 's' is not one ops can take"),
    ("struct-bad-count", "struct tf_buffer ctype \"struct b\" { owned void[len] data; size_t size; }\n",
     1, 53, "count 'len' of 'data' must be an integer field of struct 'tf_buffer'"),
    ("struct-owner-not-local", "struct arg ctype \"struct a\" { owned(o) void[n] buf; size_t n; bool o; }\n",
     1, 48, "owned(o) of 'buf' must name a 'local bool' field"),
    ("struct-owned-scalar", "struct tf_node ctype \"struct n\" { owned int id; }\n",
     1, 45, "'owned' applies to arrays and strings, not 'id'"),
    ("op-id-not-integer", "group g {\n    op a = x { in session s; }\n}\n",
     2, 12, "expected an op id (integer), found 'x'"),
]


def _where(line, col):
    return f"x.idl:{PRELUDE_LINES + line}:{col}"


def test_enough_cases():
    assert len(CASES) >= 15
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("name,snippet,line,col,fragment", CASES, ids=[c[0] for c in CASES])
def test_parse_text_rejects(name, snippet, line, col, fragment):
    with pytest.raises(idl_lexer.IdlError) as info:
        idl_parser.parse_text(PRELUDE + snippet, "x.idl")
    err = info.value
    assert str(err.loc) == _where(line, col), str(err)
    assert fragment in err.message, str(err)
    assert str(err) == f"{_where(line, col)}: error: {err.message}"


@pytest.mark.parametrize("name,snippet,line,col,fragment", CASES, ids=[c[0] for c in CASES])
def test_cli_rejects(name, snippet, line, col, fragment, tmp_path, vaccelgen):
    (tmp_path / "x.idl").write_text(PRELUDE + snippet, encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, vaccelgen, "--idl", "x.idl", "--out", str(out)],
                       cwd=str(tmp_path), capture_output=True, text=True)
    assert r.returncode == 2, r.stderr
    first = r.stderr.splitlines()[0]
    assert first.startswith(f"{_where(line, col)}: error: "), r.stderr
    assert fragment in first, r.stderr
    assert not out.exists(), "nothing may be written for a bad IDL"


def test_cli_missing_file(tmp_path, vaccelgen):
    r = subprocess.run([sys.executable, vaccelgen, "--idl", "nosuch.idl", "--out", str(tmp_path)],
                       cwd=str(tmp_path), capture_output=True, text=True)
    assert r.returncode == 2
    assert "cannot read IDL" in r.stderr


def test_error_location_names_the_right_file(tmp_path, vaccelgen):
    """With several IDL files, a mistake is reported in the file that has it."""
    (tmp_path / "a.idl").write_text(PRELUDE, encoding="utf-8")
    (tmp_path / "b.idl").write_text("group g {\n    op a = 0 { in int n; }\n}\n",
                                     encoding="utf-8")
    r = subprocess.run([sys.executable, vaccelgen, "--idl", "a.idl", "--idl", "b.idl",
                        "--out", str(tmp_path / "out")],
                       cwd=str(tmp_path), capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.startswith("b.idl:2:5: error: op 'a' must take 'in session'"), r.stderr

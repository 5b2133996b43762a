"""Recursive-descent parser for the vaccel IDL (grammar in idl/README.md)."""

from idl_lexer import IdlError, tokenize
from idl_model import (Alias, Count, DIRECTIONS, Enum, EnumMember, Field, Group, Model,
                       Op, Param, Struct, TypeRef)


class Parser:
    def __init__(self, text, path):
        self.toks = tokenize(text, path)
        self.i = 0

    # -- token helpers -------------------------------------------------
    def peek(self, ahead=0):
        return self.toks[min(self.i + ahead, len(self.toks) - 1)]

    def next(self):
        tok = self.peek()
        self.i += 1
        return tok

    def fail(self, expected, tok=None):
        tok = tok or self.peek()
        raise IdlError(tok.loc, f"expected {expected}, found {tok.describe()}")

    def expect(self, text, what=None):
        tok = self.peek()
        if tok.text != text or tok.kind in ("string", "eof"):
            self.fail(what or f"'{text}'")
        return self.next()

    def ident(self, what):
        tok = self.peek()
        if tok.kind != "ident":
            self.fail(what)
        return self.next()

    def number(self, what):
        tok = self.peek()
        if tok.kind != "number" or "." in tok.text:
            self.fail(what)
        self.next()
        return int(tok.text, 0)

    def string(self, what):
        tok = self.peek()
        if tok.kind != "string":
            self.fail(what)
        self.next()
        return tok.text[1:-1]

    def accept(self, text):
        if self.peek().text == text and self.peek().kind not in ("string", "eof"):
            return self.next()
        return None

    # -- grammar ---------------------------------------------------------
    def parse_file(self, model):
        while self.peek().kind != "eof":
            tok = self.peek()
            if tok.text == "enum":
                model.enums.append(self.parse_enum())
            elif tok.text == "group":
                model.groups.append(self.parse_group())
            elif tok.text == "struct":
                model.structs.append(self.parse_struct())
            else:
                self.fail("'enum', 'struct' or 'group'")

    def parse_struct(self):
        """`struct NAME ctype "..." [delete FN] [release FN] { fields }`."""
        start = self.expect("struct")
        name = self.ident("a struct name").text
        ctype = delete = release = None
        while self.peek().text != "{":
            key = self.ident("'ctype', 'delete', 'release' or '{'")
            if key.text == "ctype":
                ctype = self.string("a C type in quotes, e.g. \"struct vaccel_arg\"")
            elif key.text == "delete":
                delete = self.ident("the C function that frees a heap object").text
            elif key.text == "release":
                release = self.ident("the C function that frees what the struct owns").text
            else:
                self.fail("'ctype', 'delete', 'release' or '{'", key)
        if ctype is None:
            raise IdlError(start.loc, f"struct '{name}' needs a 'ctype \"...\"'")
        st = Struct(name, ctype, delete, release, start.doc, start.loc)
        self.expect("{")
        while not self.accept("}"):
            st.fields.append(self.parse_field())
        return st

    def parse_field(self):
        first = self.peek()
        attrs, owner = [], None
        # An attribute is followed by another word or, for owned(flag), '('.
        while self.peek().text in ("owned", "local", "nullable") and (
                self.peek(1).kind == "ident" or self.peek(1).text == "("):
            a = self.next().text
            if a == "owned" and self.accept("("):
                owner = self.ident("the bool field that says whether it is owned").text
                self.expect(")")
            attrs.append(a)
        base = self.ident("a field type")
        count = None
        if self.accept("["):
            count = self.ident("the field that counts the array").text
            self.expect("]")
        name = self.ident("a field name")
        alias = None
        if self.accept("alias"):
            alias = self.ident("the other name of the field").text
        self.expect(";")
        return Field(base.text, count, name.text, attrs, owner, alias, first.doc, name.loc)

    def parse_enum(self):
        start = self.expect("enum")
        name = self.ident("an enum name").text
        ctype, prefix, is_flags, has_max = None, None, False, False
        while self.peek().text != "{":
            key = self.ident("'ctype', 'prefix', 'flags', 'max' or '{'")
            if key.text == "ctype":
                ctype = self.string("a C type in quotes, e.g. \"vaccel_op_type_t\"")
            elif key.text == "prefix":
                prefix = self.string("a constant prefix in quotes, e.g. \"VACCEL_OP_\"")
            elif key.text == "flags":
                is_flags = True
            elif key.text == "max":
                has_max = True
            else:
                self.fail("'ctype', 'prefix', 'flags', 'max' or '{'", key)
        if ctype is None:
            raise IdlError(start.loc, f"enum '{name}' needs a 'ctype \"...\"'")
        if prefix is None:
            raise IdlError(start.loc, f"enum '{name}' needs a 'prefix \"...\"'")
        enum = Enum(name, ctype, prefix, is_flags, start.doc, start.loc)
        enum.has_max = has_max
        self.expect("{")
        while not self.accept("}"):
            tok = self.ident("an enum member name or '}'")
            self.expect("=")
            value = alias = None
            vtok = self.peek()
            if vtok.kind == "number":
                value = self.number("an integer value")
            elif vtok.text == "errno" and vtok.kind == "ident":
                self.next()
                value = self.ident("an errno constant such as EINVAL").text
            elif vtok.kind == "ident":
                alias = self.next().text
            else:
                self.fail("an integer, 'errno NAME' or the name of another member")
            elem_size = None
            if self.peek().text == "size" and alias is None:
                self.next()
                elem_size = self.number("an element size in bytes")
            self.expect(";")
            member = EnumMember(tok.text, value, tok.doc, tok.loc)
            member.alias_name = alias
            member.elem_size = elem_size
            enum.members.append(member)
        return enum

    def parse_group(self):
        start = self.expect("group")
        group = Group(self.ident("a group name").text, start.doc, start.loc)
        self.expect("{")
        while not self.accept("}"):
            tok = self.peek()
            if tok.text == "include":
                self.next()
                group.includes.append(self.string("a header name in quotes"))
                self.expect(";")
            elif tok.text == "op":
                group.ops.append(self.parse_op())
            elif tok.text == "entry":
                group.entries.append(self.parse_op(entry=True))
            elif tok.text == "alias":
                self.next()
                name = self.ident("an alias name")
                self.expect("=")
                target = self.ident("the name of the op it stands for")
                alias = Alias(name.text, target.text, tok.doc, tok.loc)
                # An optional parameter list gives the alias a prototype of
                # its own (vAccel's legacy constness, parameter names).
                if self.accept("{"):
                    alias.sig = Op(name.text, None, name.text, None, [], tok.doc, tok.loc)
                    while not self.accept("}"):
                        alias.sig.params.append(self.parse_param())
                else:
                    self.expect(";")
                group.aliases.append(alias)
            else:
                self.fail("'include', 'op', 'entry', 'alias' or '}'")
        return group

    def parse_op(self, entry=False):
        """`op NAME = ID ...` or, for a runtime function with no op id of
        its own (genop), `entry NAME ...`."""
        start = self.expect("entry" if entry else "op")
        name = self.ident("an entry name" if entry else "an op name").text
        op_id = None
        if not entry:
            self.expect("=")
            op_id = self.number("an op id (integer)")
        c_name, since, errors = name, None, []
        while self.peek().text != "{":
            key = self.ident("'as', 'since', 'errors' or '{'")
            if key.text == "as":
                c_name = self.ident("the C function name without 'vaccel_'").text
            elif key.text == "since":
                tok = self.peek()
                if tok.kind != "number":
                    self.fail("a version such as 0.1")
                since = self.next().text
            elif key.text == "errors":
                self.expect("(")
                errors.append(self.ident("an error name"))
                while self.accept(","):
                    errors.append(self.ident("an error name"))
                self.expect(")")
            else:
                self.fail("'as', 'since', 'errors' or '{'", key)
        op = Op(name, op_id, c_name, since, errors, start.doc, start.loc)
        self.expect("{")
        while not self.accept("}"):
            op.params.append(self.parse_param())
        return op

    def parse_param(self):
        dtok = self.peek()
        if dtok.text not in DIRECTIONS or dtok.kind != "ident":
            self.fail("a direction ('in', 'out' or 'inout') or '}'")
        self.next()
        attrs = []
        while self.peek().text in ("nullable", "callee_owned", "text"):
            attrs.append(self.next().text)
        type_ = self.parse_type()
        name = self.ident("a parameter name")
        self.expect(";")
        return Param(dtok.text, attrs, type_, name.text, dtok.doc, name.loc)

    def parse_type(self):
        const = bool(self.accept("const"))
        base = self.ident("a type name")
        res_type = None
        if self.accept("("):
            res_type = self.ident("a resource type such as MODEL").text
            self.expect(")")
        ptr = ptr_const = False
        if self.accept("*"):
            ptr = True
            ptr_const = bool(self.accept("const"))
        count = None
        if self.peek().text == "[":
            ctok = self.next()
            if self.peek().kind == "number":
                count = Count([], self.number("a count"), ctok.loc)
            else:
                names = [self.ident("a count: a parameter name or an integer").text]
                if self.accept("*"):
                    names.append(self.ident("a parameter name after '*'").text)
                count = Count(names, None, ctok.loc)
            self.expect("]")
        return TypeRef(base.text, const, res_type, ptr, ptr_const, count, base.loc)


def parse_files(paths):
    """Parse and link the IDL files (in order) into one Model."""
    from idl_model import link

    model = Model()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            Parser(f.read(), path).parse_file(model)
        model.sources.append(path)
    return link(model)


def parse_text(text, path="<text>"):
    from idl_model import link

    model = Model()
    Parser(text, path).parse_file(model)
    model.sources.append(path)
    return link(model)

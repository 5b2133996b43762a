"""The linked model of the vaccel IDL: what every emitter reads.

The parser builds these objects; `link()` checks them against each other
(names, ids, length references, resource types, error names) so that an
emitter never has to guess or re-check anything.
"""

from idl_lexer import IdlError

# IDL scalar name -> (C type, descriptor scalar tag, is integer)
SCALARS = {
    "int": ("int", "INT", True),
    "int8": ("int8_t", "I8", True),
    "int16": ("int16_t", "I16", True),
    "int32": ("int32_t", "I32", True),
    "int64": ("int64_t", "I64", True),
    "uint8": ("uint8_t", "U8", True),
    "uint16": ("uint16_t", "U16", True),
    "uint32": ("uint32_t", "U32", True),
    "uint64": ("uint64_t", "U64", True),
    "size_t": ("size_t", "SIZE", True),
    "float": ("float", "F32", False),
    "double": ("double", "F64", False),
    "bool": ("bool", "BOOL", False),
    "char": ("char", "CHAR", False),
    "uchar": ("unsigned char", "UCHAR", False),
    "void": ("void", "BYTE", False),
}

# IDL struct name -> C struct tag. Structs always travel by pointer.
STRUCTS = {
    "session": "vaccel_session",
    "resource": "vaccel_resource",
    "arg": "vaccel_arg",
    "torch_tensor": "vaccel_torch_tensor",
    "torch_buffer": "vaccel_torch_buffer",
    "tf_tensor": "vaccel_tf_tensor",
    "tf_node": "vaccel_tf_node",
    "tf_buffer": "vaccel_tf_buffer",
    "tf_status": "vaccel_tf_status",
    "tflite_tensor": "vaccel_tflite_tensor",
}

DIRECTIONS = ("in", "out", "inout")
ATTRIBUTES = ("nullable", "callee_owned", "text")

# Names a parameter may not take: C and C++ keywords (the headers are compiled
# as both) and `argv`, which the generated op functions use themselves.
RESERVED_NAMES = frozenset("""
    alignas alignof and and_eq asm auto bitand bitor bool break case catch char
    char16_t char32_t char8_t class compl concept const consteval constexpr
    constinit const_cast continue co_await co_return co_yield decltype default
    delete do double dynamic_cast else enum explicit export extern false float for
    friend goto if inline int long mutable namespace new noexcept not not_eq
    nullptr operator or or_eq private protected public register
    reinterpret_cast requires restrict return short signed sizeof static
    static_assert static_cast struct switch template this thread_local throw true
    try typedef typeid typename union unsigned using virtual void volatile
    wchar_t while xor xor_eq _Alignas _Alignof _Atomic _Bool _Complex _Generic
    _Imaginary _Noreturn _Static_assert _Thread_local argv
""".split())


class EnumMember:
    def __init__(self, name, value, doc, loc):
        self.name, self.value, self.doc, self.loc = name, value, doc, loc
        self.alias_name = None  # as written: `COMPLEX = COMPLEX64;`
        # `FLOAT32 = 1 size 4;`: bytes per element of a data-type member
        # (0: not fixed-size); None when the IDL gives none.
        self.elem_size = None
        self.alias_of = None  # the linked member this one duplicates
        self.c_name = None
        # The generated `<prefix>MAX` (one past the last value): declared
        # in the header, but not a value the string helpers name.
        self.sentinel = False


class Enum:
    def __init__(self, name, ctype, prefix, is_flags, doc, loc):
        self.name, self.ctype, self.prefix = name, ctype, prefix
        self.is_flags, self.doc, self.loc = is_flags, doc, loc
        self.members = []
        self.has_max = False  # `max`: append <prefix>MAX, as vAccel does

    def member(self, name):
        for m in self.members:
            if m.name == name:
                return m
        return None

    @property
    def is_typedef(self):
        return not self.ctype.startswith("enum ")


class Count:
    """How many elements a pointer parameter has: a parameter, a product of
    two parameters, or a constant."""

    def __init__(self, names, value, loc):
        self.names, self.value, self.loc = names, value, loc
        self.params = []  # linked Param objects

    def c_expr(self):
        if self.value is not None:
            return str(self.value)
        return " * ".join(self.names)


class TypeRef:
    def __init__(self, base, const, res_type, ptr, ptr_const, count, loc):
        self.base, self.const, self.res_type = base, const, res_type
        self.ptr, self.ptr_const, self.count, self.loc = ptr, ptr_const, count, loc


class Param:
    def __init__(self, direction, attrs, type_, name, doc, loc):
        self.direction, self.attrs, self.type, self.name = direction, attrs, type_, name
        self.doc, self.loc = doc, loc
        self.index = None
        self.kind = None  # SESSION, RESOURCE, SCALAR, STRING, BUFFER, STRUCT, STRUCT_PTRS, ARGS
        self.counts = []  # params whose count this param is
        self.derived = False  # genop derives it from the size of the buffer it counts

    @property
    def nullable(self):
        return "nullable" in self.attrs

    @property
    def callee_owned(self):
        return "callee_owned" in self.attrs

    @property
    def text(self):
        """An output buffer that receives NUL-terminated text: its count is
        a capacity, what is written ends at the first NUL."""
        return "text" in self.attrs

    def c_type(self):
        t = self.type
        if t.base in SCALARS:
            base = SCALARS[t.base][0]
            if self.kind == "SCALAR":
                return base
            return f"{'const ' if t.const else ''}{base} *"
        if t.base == "string":
            return f"{'const ' if t.const else ''}char *"
        struct = f"{'const ' if t.const else ''}struct {STRUCTS[t.base]} *"
        if t.ptr:
            return struct + ("const *" if t.ptr_const else "*")
        return struct

    def c_decl(self):
        ct = self.c_type()
        return f"{ct}{self.name}" if ct.endswith("*") else f"{ct} {self.name}"


class Op:
    def __init__(self, name, op_id, c_name, since, errors, doc, loc):
        self.name, self.id, self.c_name = name, op_id, c_name
        self.since, self.errors, self.doc, self.loc = since, errors, doc, loc
        self.params = []
        self.group = None

    @property
    def enum_name(self):
        return "VACCEL_OP_" + self.name.upper()

    @property
    def fn_name(self):
        return "vaccel_" + self.c_name

    def c_params(self):
        return ", ".join(p.c_decl() for p in self.params)

    def signature(self, model):
        """The op's wire signature: what a client and an agent must agree on.
        Parameters in order (direction, kind, type, count, nullability) and
        the layouts of the structs they carry."""
        parts, structs = [], []
        for p in self.params:
            c = p.type.count
            count = "" if c is None else f"[{c.c_expr()}]"
            parts.append(f"{p.direction} {p.kind} {p.type.base}{count}"
                         f"{' ?' if p.nullable else ''}{' &' if p.callee_owned else ''}"
                         f"{' $' if p.text else ''}")
            st = model.struct(p.type.base)
            if st is not None and st not in structs:
                structs.append(st)
        return (f"{self.id}:{self.name}(" + ",".join(parts) + ")"
                + "".join(st.signature() for st in structs))

    def sig_hash(self, model):
        return fnv1a32(self.signature(model))


class Alias:
    def __init__(self, name, target, doc, loc):
        self.name, self.target_name, self.doc, self.loc = name, target, doc, loc
        self.target = None
        self.group = None
        # `alias NAME = OP { params }`: the alias's own prototype (an Op
        # without id); None means OP's exact prototype.
        self.sig = None

    @property
    def fn_name(self):
        return "vaccel_" + self.name

    @property
    def proto(self):
        """What the alias's C prototype is rendered from."""
        return self.sig or self.target


class Group:
    def __init__(self, name, doc, loc):
        self.name, self.doc, self.loc = name, doc, loc
        self.includes = []
        self.ops = []
        self.aliases = []
        # Runtime functions declared here but implemented by the core, with
        # no op id (vaccel_genop).
        self.entries = []


class Field:
    """One member of a declared struct, in C order."""

    def __init__(self, base, count, name, attrs, owner, alias, doc, loc):
        self.base, self.count_name, self.name = base, count, name
        self.attrs, self.owner_name, self.alias = attrs, owner, alias
        self.doc, self.loc = doc, loc
        self.index = None
        self.kind = None  # SCALAR, ARRAY or STRING
        self.enum = None  # the Enum of an enum-typed scalar
        self.count = None  # the Field counting an ARRAY
        self.owner = None  # the local bool Field saying whether it is owned

    @property
    def owned(self):
        return "owned" in self.attrs

    @property
    def local(self):
        return "local" in self.attrs

    @property
    def nullable(self):
        return "nullable" in self.attrs

    def c_type(self):
        if self.enum is not None:
            return self.enum.ctype
        if self.kind == "STRING":
            return "char *"
        base = SCALARS[self.base][0]
        return base + " *" if self.kind == "ARRAY" else base

    def type_tag(self):
        if self.enum is not None:
            return "VACCEL_SCALAR_ENUM"
        if self.kind == "STRING":
            return "VACCEL_SCALAR_CHAR"
        return "VACCEL_SCALAR_" + SCALARS[self.base][1]

    def signature(self):
        extra = f"[{self.count_name}]" if self.count_name else ""
        flags = "".join(sorted(a[0] for a in self.attrs))
        return f"{self.base}{extra} {self.name}{' ' + flags if flags else ''}"


class Struct:
    """A struct that ops take: its fields, which field counts which array,
    what it owns and the function that frees it."""

    def __init__(self, name, ctype, delete, release, doc, loc):
        self.name, self.ctype, self.delete, self.release = name, ctype, delete, release
        self.doc, self.loc = doc, loc
        self.fields = []

    @property
    def tag(self):
        return "VACCEL_STRUCT_" + self.name.upper()

    def signature(self):
        return f"{self.name}{{" + ";".join(f.signature() for f in self.fields
                                          if not f.local) + "}"


def fnv1a32(text):
    """FNV-1a, 32 bits: a stable hash of an op's wire signature."""
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


class Model:
    def __init__(self):
        self.enums = []
        self.structs = []
        self.groups = []
        self.sources = []

    def struct(self, name):
        for st in self.structs:
            if st.name == name:
                return st
        return None

    @property
    def ops(self):
        return sorted((op for g in self.groups for op in g.ops), key=lambda o: o.id)

    @property
    def aliases(self):
        return [a for g in self.groups for a in g.aliases]

    def enum(self, name):
        for e in self.enums:
            if e.name == name:
                return e
        return None


def _merge_groups(model):
    """Groups with the same name (from several IDL files) become one."""
    merged = {}
    for g in model.groups:
        if g.name in merged:
            merged[g.name].includes += [i for i in g.includes if i not in merged[g.name].includes]
            merged[g.name].ops += g.ops
            merged[g.name].aliases += g.aliases
            merged[g.name].entries += g.entries
            merged[g.name].doc = merged[g.name].doc or g.doc
        else:
            merged[g.name] = g
    model.groups = list(merged.values())
    for g in model.groups:
        for item in g.ops + g.aliases + g.entries:
            item.group = g


def _add_max(e):
    """Appends MAX = one past the largest value (vAccel's enum guard)."""
    if any(m.name == "MAX" for m in e.members):
        where = next(m.loc for m in e.members if m.name == "MAX")
        raise IdlError(where, f"enum '{e.name}' is declared 'max' and also has a "
                       "member 'MAX'")
    values = [m.value for m in e.members if isinstance(m.value, int)]
    if not values:
        raise IdlError(e.loc, f"enum '{e.name}' is declared 'max' but has no "
                       "integer values")
    m = EnumMember("MAX", max(values) + 1, "One past the largest value.", e.loc)
    m.sentinel = True
    e.members.append(m)


def _link_enums(model):
    seen = {}
    constants = {}  # C constant name -> loc, across all enums
    for e in model.enums:
        if e.name in seen:
            raise IdlError(e.loc, f"enum '{e.name}' already declared at {seen[e.name]}")
        seen[e.name] = e.loc
        if e.name == "op_type":
            raise IdlError(e.loc, "enum 'op_type' is generated from the ops; "
                           "do not declare it")
        if not e.members:
            raise IdlError(e.loc, f"enum '{e.name}' has no members")
        if e.has_max:
            _add_max(e)
        names = {}
        for m in e.members:
            if m.name in names:
                raise IdlError(m.loc, f"enum member '{m.name}' already declared at {names[m.name]}")
            names[m.name] = m.loc
            m.c_name = e.prefix + m.name
            if m.c_name in constants:
                raise IdlError(m.loc, f"C constant '{m.c_name}' already declared at "
                               f"{constants[m.c_name]}")
            constants[m.c_name] = m.loc
            if m.alias_name is not None:
                if m.alias_name == m.name:
                    raise IdlError(m.loc, f"enum member '{m.name}' is defined as itself")
                m.alias_of = e.member(m.alias_name)
                if m.alias_of is None:
                    raise IdlError(m.loc, f"'{m.alias_name}' is not a member of enum '{e.name}'")
        for m in e.members:
            if m.alias_of is not None and m.alias_of.alias_of is not None:
                raise IdlError(m.loc, f"alias '{m.name}' must name a member with its own value")
        numeric = {}
        for m in e.members:
            if isinstance(m.value, int):
                if m.value in numeric:
                    raise IdlError(
                        m.loc,
                        f"value {m.value} of '{m.name}' duplicates '{numeric[m.value]}'; "
                        f"write '{m.name} = {numeric[m.value]};' for an alias",
                    )
                numeric[m.value] = m.name


def _link_param_types(op, params_by_name, model):
    resource_enum = model.enum("resource_type")
    arg_arrays = {"in": 0, "out": 0}
    for p in op.params:
        t = p.type
        if t.base not in SCALARS and t.base not in STRUCTS and t.base != "string":
            raise IdlError(t.loc, f"unknown type '{t.base}'; expected one of: "
                           + ", ".join(list(SCALARS) + ["string"] + list(STRUCTS)))
        for a in p.attrs:
            if a not in ATTRIBUTES:
                raise IdlError(p.loc, f"unknown attribute '{a}'")
        if p.name in RESERVED_NAMES:
            raise IdlError(p.loc, f"parameter name '{p.name}' is reserved (a C or C++ "
                           "keyword, or a name the generated code uses)")
        if p.direction != "in" and (t.const or t.ptr_const):
            raise IdlError(t.loc, f"'const' applies only to 'in' parameters; "
                           f"'{p.name}' is '{p.direction}'")
        if t.res_type is not None:
            if t.base != "resource":
                raise IdlError(t.loc, f"only 'resource' takes a type argument, not '{t.base}'")
            if resource_enum is None or resource_enum.member(t.res_type) is None:
                raise IdlError(t.loc, f"unknown resource type '{t.res_type}'")
        if t.ptr and t.base not in STRUCTS:
            raise IdlError(t.loc, f"'*' (array of pointers) needs a struct type, not '{t.base}'")
        if t.ptr and t.count is None:
            raise IdlError(t.loc, f"array of pointers '{p.name}' needs a count: '[n]'")
        if t.base == "void" and t.count is None:
            raise IdlError(t.loc, f"'void' parameter '{p.name}' needs a byte count: 'void[len]'")
        if t.base in ("session", "resource") and (t.count is not None or t.ptr):
            raise IdlError(t.loc, f"'{t.base}' parameters are single objects, not arrays")
        if t.base == "string" and t.count is not None:
            raise IdlError(t.loc, "'string' is NUL-terminated and takes no count; "
                           "use 'char[len]' for a buffer")
        # Classify.
        if t.base == "session":
            p.kind = "SESSION"
        elif t.base == "resource":
            p.kind = "RESOURCE"
        elif t.base == "string":
            p.kind = "STRING"
        elif t.base == "arg":
            if t.count is None:
                raise IdlError(t.loc, f"arg parameter '{p.name}' needs a count: 'arg[n]'")
            p.kind = "ARGS"
            side = "in" if p.direction == "in" else "out"
            arg_arrays[side] += 1
            if arg_arrays[side] > 1:
                raise IdlError(p.loc, f"at most one '{side}' arg array per op "
                               "(genop hands it all remaining args)")
        elif t.base in STRUCTS:
            p.kind = "STRUCT_PTRS" if t.ptr else "STRUCT"
        elif t.count is None and p.direction == "in":
            p.kind = "SCALAR"
        else:
            p.kind = "BUFFER"
        if p.kind in ("SESSION", "RESOURCE", "STRING", "SCALAR") and p.direction != "in":
            raise IdlError(p.loc, f"'{p.name}' of type '{t.base}' can only be 'in'")
        if p.nullable and p.kind in ("SCALAR", "SESSION"):
            raise IdlError(p.loc, f"'nullable' does not apply to '{p.name}'")
        if p.callee_owned and not (p.kind == "STRUCT_PTRS" and p.direction == "out"):
            raise IdlError(p.loc, "'callee_owned' applies only to 'out' arrays of pointers")
        if p.text and not (p.kind == "BUFFER" and p.direction == "out"
                           and t.base in ("char", "uchar") and t.count is not None):
            raise IdlError(p.loc, "'text' applies only to 'out' char/uchar buffers with "
                           "a count (their capacity)")
        # Link counts.
        c = t.count
        if c is not None and c.value is None:
            for n in c.names:
                target = params_by_name.get(n)
                if target is None:
                    raise IdlError(c.loc, f"count '{n}' of '{p.name}' is not a parameter of "
                                   f"op '{op.name}'")
                tt = target.type
                if not (tt.base in SCALARS and SCALARS[tt.base][2] and target.kind == "SCALAR"):
                    raise IdlError(c.loc, f"count '{n}' of '{p.name}' must be an 'in' integer "
                                   "parameter")
                c.params.append(target)
                target.counts.append(p)


def _link_op(op, model, errors_enum):
    if not op.params or op.params[0].type.base != "session" or op.params[0].direction != "in":
        raise IdlError(op.loc, f"op '{op.name}' must take 'in session' as its first parameter")
    params_by_name = {}
    for i, p in enumerate(op.params):
        if p.name in params_by_name:
            raise IdlError(p.loc, f"parameter '{p.name}' already declared in op '{op.name}'")
        params_by_name[p.name] = p
        p.index = i
    # Classify before counts are linked (counts must be SCALAR).
    for p in op.params:
        t = p.type
        if t.base in SCALARS and t.count is None and p.direction == "in":
            p.kind = "SCALAR"
    _link_param_types(op, params_by_name, model)
    for p in op.params:
        if p.type.base == "session" and p.index != 0:
            raise IdlError(p.loc, "only the first parameter may be a session")
        # A lone count that counts at least one array is derived from that
        # array's size in genop; product counts stay explicit arguments.
        p.derived = bool(p.counts) and all(
            len(q.type.count.names) == 1 for q in p.counts if q.type.count.value is None)
    # genop hands an arg array every remaining arg on its side, so nothing
    # that genop packs may follow it there.
    for p in op.params:
        if p.kind != "ARGS":
            continue
        side = p.direction == "in"
        for q in op.params[p.index + 1:]:
            if (q.direction == "in") == side and not q.derived:
                raise IdlError(q.loc, f"'{q.name}' follows arg array '{p.name}', which "
                               "takes all remaining genop args; declare it before "
                               f"'{p.name}'")
    listed = set()
    for e in op.errors:
        if errors_enum is None or errors_enum.member(e.text) is None:
            raise IdlError(e.loc, f"unknown error '{e.text}' (not a member of enum 'error')")
        if e.text in listed:
            raise IdlError(e.loc, f"error '{e.text}' listed twice")
        listed.add(e.text)


def _link_alias_sig(a, model, errors_enum):
    """An alias's own prototype may differ from its op's only in names and
    constness: the forwarding call casts each argument to the op's type."""
    _link_op(a.sig, model, errors_enum)
    ours, theirs = a.sig.params, a.target.params
    if len(ours) != len(theirs):
        raise IdlError(a.loc, f"alias '{a.name}' has {len(ours)} parameters, op "
                       f"'{a.target.name}' has {len(theirs)}")
    for p, q in zip(ours, theirs):
        same = (p.direction == q.direction and p.kind == q.kind
                and p.type.base == q.type.base and p.type.ptr == q.type.ptr)
        if not same:
            raise IdlError(p.loc, f"parameter '{p.name}' of alias '{a.name}' does not "
                           f"match '{q.name}' of op '{a.target.name}' (only names and "
                           "'const' may differ)")


def _check_elem_sizes(model):
    """An enum that gives element sizes gives one for every value (aliases
    share their target's), so its size table has no holes."""
    for e in model.enums:
        if not any(m.elem_size is not None for m in e.members):
            continue
        for m in e.members:
            if m.alias_of is None and not m.sentinel and m.elem_size is None:
                raise IdlError(m.loc, f"enum member '{m.name}' needs 'size N' "
                               f"(other members of '{e.name}' give one)")


def _link_struct(st, model):
    if st.name not in STRUCTS or st.name in ("session", "resource"):
        raise IdlError(st.loc, f"struct '{st.name}' is not one ops can take; expected one of: "
                       + ", ".join(n for n in STRUCTS if n not in ("session", "resource")))
    if not st.fields:
        raise IdlError(st.loc, f"struct '{st.name}' has no fields")
    by_name = {}
    for i, f in enumerate(st.fields):
        if f.name in by_name or (f.alias and f.alias in by_name):
            raise IdlError(f.loc, f"field '{f.name}' already declared in struct '{st.name}'")
        by_name[f.name] = f
        if f.alias:
            by_name[f.alias] = f
        f.index = i
        if f.base == "string":
            f.kind = "STRING"
        elif f.base in SCALARS and f.base != "void" or f.base == "void" and f.count_name:
            f.kind = "ARRAY" if f.count_name else "SCALAR"
        elif model.enum(f.base) is not None and not f.count_name:
            f.kind, f.enum = "SCALAR", model.enum(f.base)
        else:
            raise IdlError(f.loc, f"unknown field type '{f.base}' (a scalar, an enum, "
                           "'string' or 'T[count]')")
        if f.base == "string" and f.count_name:
            raise IdlError(f.loc, "'string' is NUL-terminated and takes no count")
        if f.owned and f.kind == "SCALAR":
            raise IdlError(f.loc, f"'owned' applies to arrays and strings, not '{f.name}'")
        if f.alias and f.kind != "SCALAR":
            raise IdlError(f.loc, "only scalar fields take an 'alias'")
    for f in st.fields:
        if f.count_name:
            c = by_name.get(f.count_name)
            if c is None or c.kind != "SCALAR" or c.enum is not None or \
                    not SCALARS[c.base][2]:
                raise IdlError(f.loc, f"count '{f.count_name}' of '{f.name}' must be an "
                               f"integer field of struct '{st.name}'")
            f.count = c
        if f.owner_name:
            o = by_name.get(f.owner_name)
            if o is None or o.base != "bool" or not o.local:
                raise IdlError(f.loc, f"owned({f.owner_name}) of '{f.name}' must name a "
                               "'local bool' field")
            f.owner = o


def link(model):
    """Check and connect the parsed model; raise IdlError on the first mistake."""
    _merge_groups(model)
    _link_enums(model)
    _check_elem_sizes(model)
    seen = {}
    for st in model.structs:
        if st.name in seen:
            raise IdlError(st.loc, f"struct '{st.name}' already declared at {seen[st.name]}")
        seen[st.name] = st.loc
        _link_struct(st, model)
    errors_enum = model.enum("error")
    ids, names, fns = {}, {}, {}
    for g in model.groups:
        for op in g.ops:
            if op.id in ids:
                raise IdlError(op.loc, f"op id {op.id} of '{op.name}' already used by '{ids[op.id].name}'")
            if op.name in names:
                raise IdlError(op.loc, f"op '{op.name}' already declared at {names[op.name].loc}")
            if op.fn_name in fns:
                raise IdlError(op.loc, f"C function '{op.fn_name}' already declared at {fns[op.fn_name].loc}")
            ids[op.id], names[op.name], fns[op.fn_name] = op, op, op
            _link_op(op, model, errors_enum)
    constants = {m.c_name: m.loc for e in model.enums for m in e.members}
    macros = {}  # VACCEL_PLUGIN_OP_<x> suffix -> op (by op name and by C name)
    for op in model.ops:
        if op.enum_name in constants or op.enum_name == "VACCEL_OP_MAX":
            where = constants.get(op.enum_name)
            raise IdlError(op.loc, f"op '{op.name}' would define '{op.enum_name}', "
                           + (f"already declared at {where}" if where else "which is reserved"))
        constants[op.enum_name] = op.loc
        for key in dict.fromkeys((op.name, op.c_name)):
            if key in macros and macros[key] is not op:
                raise IdlError(op.loc, f"op '{op.name}' would define "
                               f"VACCEL_PLUGIN_OP_{key}, already defined for op "
                               f"'{macros[key].name}' at {macros[key].loc}")
            macros[key] = op
    for g in model.groups:
        for entry in g.entries:
            if entry.fn_name in fns:
                raise IdlError(entry.loc, f"C function '{entry.fn_name}' already declared at "
                               f"{fns[entry.fn_name].loc}")
            fns[entry.fn_name] = entry
            _link_op(entry, model, errors_enum)
    for a in model.aliases:
        if a.target_name not in names:
            raise IdlError(a.loc, f"alias '{a.name}' names unknown op '{a.target_name}'")
        if a.fn_name in fns:
            raise IdlError(a.loc, f"C function '{a.fn_name}' already declared at {fns[a.fn_name].loc}")
        a.target = names[a.target_name]
        fns[a.fn_name] = a
        if a.sig is not None:
            _link_alias_sig(a, model, errors_enum)
    return model

"""Helpers the generated op methods (_ops.py) call: argument conversion and
the op call. Buffers that support the buffer protocol are passed as they
are (no copy); lists are packed into arrays."""

import array
import importlib

from vaccel import _vaccel
from vaccel.error import raise_for


def check_session(sess):
    if getattr(sess, "_handle", 0) == 0:
        raise ValueError("the session is released")


def resource(res):
    from vaccel.resource import Resource

    if not isinstance(res, Resource):
        raise TypeError(f"expected a vaccel.Resource, got {type(res).__name__}")
    if res._handle == 0:
        raise ValueError("the resource is released")
    return res._handle


def string(value, name):
    if value is None:
        return None
    if hasattr(value, "__fspath__"):
        value = str(value)
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected a str, got {type(value).__name__}")
    return value


def buffer(value, typecode):
    """A buffer for an input array: buffer-protocol objects as they are."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        try:
            return array.array(typecode, value)
        except (TypeError, OverflowError) as e:
            raise TypeError(f"cannot pack {type(value).__name__} as '{typecode}': {e}") from None
    try:
        memoryview(value)
    except TypeError:
        raise TypeError(f"expected a buffer or a list, got {type(value).__name__}") from None
    return value


def buffer_len(value, typecode):
    """Element count of an input array (bytes-like objects count bytes / size)."""
    if value is None:
        return 0
    if isinstance(value, (list, tuple)):
        return len(value)
    try:
        nbytes = memoryview(value).nbytes
    except TypeError:
        raise TypeError(f"expected a buffer or a list, got {type(value).__name__}") from None
    return nbytes // array.array(typecode).itemsize


def alloc(typecode, count):
    if count < 0:
        raise ValueError(f"negative element count {count}")
    return array.array(typecode, bytes(array.array(typecode).itemsize * count))


def inout(value, typecode, count):
    if value is None:
        return alloc(typecode, count)
    if isinstance(value, (list, tuple)):
        return array.array(typecode, value)
    return value


def text(buf):
    raw = bytes(buf)
    return raw.split(b"\0", 1)[0].decode("utf-8", "replace")


_classes = {}


def cls(module, name):
    key = (module, name)
    if key not in _classes:
        _classes[key] = getattr(importlib.import_module(module), name)
    return _classes[key]


def structs(items, klass, name):
    if items is None:
        return None
    if not isinstance(items, (list, tuple)):
        raise TypeError(f"{name}: expected a list, got {type(items).__name__}")
    out = []
    for it in items:
        if klass is not None and not isinstance(it, klass):
            raise TypeError(f"{name}: expected {klass.__module__}.{klass.__name__}, "
                            f"got {type(it).__name__}")
        out.append(it._fields())
    return out


def wrap(klass, tuples):
    if klass is None:
        return list(tuples)
    return [None if t is None else klass._from_fields(t) for t in tuples]


def args(values, writable=False):
    """Arg tuples; write args get a writable buffer (read-only data is
    copied once into a bytearray the Arg keeps)."""
    from vaccel.arg import Arg

    if values is None:
        return []
    out = []
    for v in values:
        a = v if isinstance(v, Arg) else Arg(v)
        if writable:
            a._make_writable()
        out.append(a._fields())
    return out


def arg_objs(values):
    """The values as Args (Args as they are), for write args."""
    from vaccel.arg import Arg

    if values is None:
        return None
    return [v if isinstance(v, Arg) else Arg(v) for v in values]


def arg_results(values):
    from vaccel.arg import Arg

    if not values:
        return None
    return [v.buf if isinstance(v, Arg) else v for v in values]


def invoke(sess, op_id, values):
    ret, outs = _vaccel.invoke(op_id, values)
    if ret != 0:
        from vaccel._enums import OpType

        raise_for(ret, f"{OpType(op_id).name.lower()} failed")
    return outs

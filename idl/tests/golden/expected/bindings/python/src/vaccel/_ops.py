# Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
# Regenerate with: python3 idl/gen/vaccelgen.py

"""Session methods, one per IDL op (see idl/gen/emit_python.py for the rules)."""

from vaccel import _marshal as _m


class OpsMixin:
    """The ops of a Session."""

    def basic(self, count, name, data, len_text=512, arg_read=None, arg_write=None):
        """Scalars, strings, byte buffers, out buffers, out scalars and arg arrays.

        Calls vaccel op sample_basic (id 0).
        """
        _m.check_session(self)
        len_data = _m.buffer_len(data, 'B')
        nr_read = len(arg_read) if arg_read is not None else 0
        nr_write = len(arg_write) if arg_write is not None else 0
        _text = _m.alloc('B', len_text)
        _min = _m.alloc('d', 1)
        _arg_write = _m.arg_objs(arg_write)
        _o = _m.invoke(self, 0, (self._handle, count, _m.string(name, 'name'), _m.buffer(data, 'B'), _text, _min, len_data, len_text, _m.args(arg_read), nr_read, _m.args(_arg_write, writable=True), nr_write,))
        return (_text.tolist(), _min[0], _m.arg_results(_arg_write))

    def sample_model(self, resource, inputs, a, lda, k, nr_out=1, options=None):
        """Structs, struct pointer arrays, a resource and a product count.

        Calls vaccel op sample_model (id 1).
        """
        _m.check_session(self)
        nr_in = len(inputs) if inputs is not None else 0
        _o = _m.invoke(self, 1, (self._handle, _m.resource(resource), _m.structs(None if options is None else [options], _m.cls('vaccel.ops.tf', 'Buffer'), 'options'), _m.structs(inputs, _m.cls('vaccel.ops.tf', 'Tensor'), 'inputs'), nr_in, None, nr_out, _m.buffer(a, 'f'), lda, k, None,))
        return (_m.wrap(_m.cls('vaccel.ops.tf', 'Tensor'), _o[5]), _m.wrap(_m.cls('vaccel.ops.tf', 'Status'), _o[10])[0])

    def sample_model_legacy(self, resource, inputs, a, lda, k, nr_out=1, options=None):
        """The old name of sample_model.

        Calls vaccel op sample_model (id 1).
        """
        _m.check_session(self)
        nr_in = len(inputs) if inputs is not None else 0
        _o = _m.invoke(self, 1, (self._handle, _m.resource(resource), _m.structs(None if options is None else [options], _m.cls('vaccel.ops.tf', 'Buffer'), 'options'), _m.structs(inputs, _m.cls('vaccel.ops.tf', 'Tensor'), 'inputs'), nr_in, None, nr_out, _m.buffer(a, 'f'), lda, k, None,))
        return (_m.wrap(_m.cls('vaccel.ops.tf', 'Tensor'), _o[5]), _m.wrap(_m.cls('vaccel.ops.tf', 'Status'), _o[10])[0])

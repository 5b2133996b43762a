# Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
# Regenerate with: python3 idl/gen/vaccelgen.py

"""Session methods, one per IDL op (see idl/gen/emit_python.py for the rules)."""

from vaccel import _marshal as _m


class OpsMixin:
    """The ops of a Session."""

    def noop(self):
        """Do nothing on the selected backend; useful to measure dispatch cost.

        Calls vaccel op noop (id 0).
        """
        _m.check_session(self)
        _o = _m.invoke(self, 0, (self._handle,))
        return None

    def exec(self, library, symbol, arg_read=None, arg_write=None):
        """Load `library` and call `fn_symbol` as
        `int fn(struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write)`.

        Calls vaccel op exec (id 1).
        """
        _m.check_session(self)
        nr_read = len(arg_read) if arg_read is not None else 0
        nr_write = len(arg_write) if arg_write is not None else 0
        _arg_write = _m.arg_objs(arg_write)
        _o = _m.invoke(self, 1, (self._handle, _m.string(library, 'library'), _m.string(symbol, 'symbol'), _m.args(arg_read), nr_read, _m.args(_arg_write, writable=True), nr_write,))
        return _m.arg_results(_arg_write)

    def exec_with_resource(self, resource, symbol, arg_read=None, arg_write=None):
        """Like exec, with the library taken from a LIB resource registered to
        the session.

        Calls vaccel op exec_with_resource (id 2).
        """
        _m.check_session(self)
        nr_read = len(arg_read) if arg_read is not None else 0
        nr_write = len(arg_write) if arg_write is not None else 0
        _arg_write = _m.arg_objs(arg_write)
        _o = _m.invoke(self, 2, (self._handle, _m.resource(resource), _m.string(symbol, 'symbol'), _m.args(arg_read), nr_read, _m.args(_arg_write, writable=True), nr_write,))
        return _m.arg_results(_arg_write)

    def classify(self, image, len_out_text=512, len_out_imgname=512):
        """Classify the image; `out_text` receives the label text.

        Calls vaccel op image_classify (id 3).
        """
        _m.check_session(self)
        len_img = _m.buffer_len(image, 'B')
        _out_text = _m.alloc('B', len_out_text)
        _out_imgname = _m.alloc('B', len_out_imgname)
        _o = _m.invoke(self, 3, (self._handle, _m.buffer(image, 'B'), _out_text, _out_imgname, len_img, len_out_text, len_out_imgname,))
        return (_m.text(_out_text), _m.text(_out_imgname))

    def detect(self, image, len_out_imgname=512):
        """Detect objects in the image.

        Calls vaccel op image_detect (id 4).
        """
        _m.check_session(self)
        len_img = _m.buffer_len(image, 'B')
        _out_imgname = _m.alloc('B', len_out_imgname)
        _o = _m.invoke(self, 4, (self._handle, _m.buffer(image, 'B'), _out_imgname, len_img, len_out_imgname,))
        return _m.text(_out_imgname)

    def segment(self, image, len_out_imgname=512):
        """Segment the image.

        Calls vaccel op image_segment (id 5).
        """
        _m.check_session(self)
        len_img = _m.buffer_len(image, 'B')
        _out_imgname = _m.alloc('B', len_out_imgname)
        _o = _m.invoke(self, 5, (self._handle, _m.buffer(image, 'B'), _out_imgname, len_img, len_out_imgname,))
        return _m.text(_out_imgname)

    def pose(self, image, len_out_imgname=512):
        """Estimate human poses in the image.

        Calls vaccel op image_pose (id 6).
        """
        _m.check_session(self)
        len_img = _m.buffer_len(image, 'B')
        _out_imgname = _m.alloc('B', len_out_imgname)
        _o = _m.invoke(self, 6, (self._handle, _m.buffer(image, 'B'), _out_imgname, len_img, len_out_imgname,))
        return _m.text(_out_imgname)

    def depth(self, image, len_out_imgname=512):
        """Estimate depth in the image.

        Calls vaccel op image_depth (id 7).
        """
        _m.check_session(self)
        len_img = _m.buffer_len(image, 'B')
        _out_imgname = _m.alloc('B', len_out_imgname)
        _o = _m.invoke(self, 7, (self._handle, _m.buffer(image, 'B'), _out_imgname, len_img, len_out_imgname,))
        return _m.text(_out_imgname)

    def tf_model_load(self, resource):
        """Load the SavedModel of a MODEL resource registered to the session.

        Calls vaccel op tf_model_load (id 8).
        """
        _m.check_session(self)
        _o = _m.invoke(self, 8, (self._handle, _m.resource(resource), None,))
        return _m.wrap(_m.cls('vaccel.ops.tf', 'Status'), _o[2])[0]

    def tf_model_unload(self, resource):
        """Free the loaded model.

        Calls vaccel op tf_model_unload (id 9).
        """
        _m.check_session(self)
        _o = _m.invoke(self, 9, (self._handle, _m.resource(resource), None,))
        return _m.wrap(_m.cls('vaccel.ops.tf', 'Status'), _o[2])[0]

    def tf_model_run(self, resource, in_nodes, in_tensors, out_nodes, run_options=None):
        """Feed `in_tensors` to `in_nodes` and fetch `out_nodes` into newly
        allocated `out_tensors` (freed by the caller with vaccel_tf_tensor_delete).

        Calls vaccel op tf_model_run (id 10).
        """
        _m.check_session(self)
        nr_inputs = len(in_nodes) if in_nodes is not None else 0
        nr_outputs = len(out_nodes) if out_nodes is not None else 0
        _o = _m.invoke(self, 10, (self._handle, _m.resource(resource), _m.structs(None if run_options is None else [run_options], _m.cls('vaccel.ops.tf', 'Buffer'), 'run_options'), _m.structs(in_nodes, _m.cls('vaccel.ops.tf', 'Node'), 'in_nodes'), _m.structs(in_tensors, _m.cls('vaccel.ops.tf', 'Tensor'), 'in_tensors'), nr_inputs, _m.structs(out_nodes, _m.cls('vaccel.ops.tf', 'Node'), 'out_nodes'), None, nr_outputs, None,))
        return (_m.wrap(_m.cls('vaccel.ops.tf', 'Tensor'), _o[7]), _m.wrap(_m.cls('vaccel.ops.tf', 'Status'), _o[9])[0])

    def tflite_model_load(self, resource):
        """Load the .tflite model of a MODEL resource registered to the session.

        Calls vaccel op tflite_model_load (id 11).
        """
        _m.check_session(self)
        _o = _m.invoke(self, 11, (self._handle, _m.resource(resource),))
        return None

    def tflite_model_unload(self, resource):
        """Free the loaded model.

        Calls vaccel op tflite_model_unload (id 12).
        """
        _m.check_session(self)
        _o = _m.invoke(self, 12, (self._handle, _m.resource(resource),))
        return None

    def tflite_model_run(self, resource, in_tensors, nr_out_tensors=1):
        """Run the model; `outputs` are allocated by the backend and freed by
        the caller with vaccel_tflite_tensor_delete.

        Calls vaccel op tflite_model_run (id 13).
        """
        _m.check_session(self)
        nr_inputs = len(in_tensors) if in_tensors is not None else 0
        _status = _m.alloc('B', 1)
        _o = _m.invoke(self, 13, (self._handle, _m.resource(resource), _m.structs(in_tensors, _m.cls('vaccel.ops.tf.lite', 'Tensor'), 'in_tensors'), nr_inputs, None, nr_out_tensors, _status,))
        return (_m.wrap(_m.cls('vaccel.ops.tf.lite', 'Tensor'), _o[4]), _status[0])

    def torch_model_load(self, resource):
        """Load the TorchScript model of a MODEL resource registered to the session.

        Calls vaccel op torch_model_load (id 14).
        """
        _m.check_session(self)
        _o = _m.invoke(self, 14, (self._handle, _m.resource(resource),))
        return None

    def torch_model_run(self, resource, in_tensors, nr_out_tensors=1, run_options=None):
        """Run a TorchScript model on input tensors (loading it first if
        needed); outputs are allocated by the backend and freed by the caller
        with vaccel_torch_tensor_delete.

        Calls vaccel op torch_model_run (id 15).
        """
        _m.check_session(self)
        nr_inputs = len(in_tensors) if in_tensors is not None else 0
        _o = _m.invoke(self, 15, (self._handle, _m.resource(resource), _m.structs(None if run_options is None else [run_options], _m.cls('vaccel.ops.torch', 'Buffer'), 'run_options'), _m.structs(in_tensors, _m.cls('vaccel.ops.torch', 'Tensor'), 'in_tensors'), nr_inputs, None, nr_out_tensors,))
        return _m.wrap(_m.cls('vaccel.ops.torch', 'Tensor'), _o[5])

    def torch_sgemm(self, in_A, in_B, in_C, M, N, K):
        """out = A x B + C computed by the torch backend (M x K times K x N).

        Calls vaccel op torch_sgemm (id 16).
        """
        _m.check_session(self)
        _o = _m.invoke(self, 16, (self._handle, _m.structs([in_A], _m.cls('vaccel.ops.torch', 'Tensor'), 'in_A'), _m.structs([in_B], _m.cls('vaccel.ops.torch', 'Tensor'), 'in_B'), _m.structs([in_C], _m.cls('vaccel.ops.torch', 'Tensor'), 'in_C'), M, N, K, None,))
        return _m.wrap(_m.cls('vaccel.ops.torch', 'Tensor'), _o[7])[0]

    def sgemm(self, m, n, k, alpha, a, lda, b, ldb, beta, ldc, c=None):
        """C = alpha * A x B + beta * C in single precision, column-major:
        A is m x k (leading dimension lda), B is k x n (ldb), C is m x n (ldc).

        Calls vaccel op blas_sgemm (id 17).
        """
        _m.check_session(self)
        _c = _m.inout(c, 'f', ldc * n)
        _o = _m.invoke(self, 17, (self._handle, m, n, k, alpha, _m.buffer(a, 'f'), lda, _m.buffer(b, 'f'), ldb, beta, _c, ldc,))
        return _c.tolist()

    def fpga_arraycopy(self, a):
        """Copy `a` into `out_a`.

        Calls vaccel op fpga_arraycopy (id 18).
        """
        _m.check_session(self)
        len_a = _m.buffer_len(a, 'i')
        _out_a = _m.alloc('i', len_a)
        _o = _m.invoke(self, 18, (self._handle, _m.buffer(a, 'i'), _out_a, len_a,))
        return _out_a.tolist()

    def fpga_mmult(self, a, b):
        """Multiply the square row-major matrices `a` and `b` into `c`.
        Each holds len_a elements: sqrt(len_a) rows and columns.

        Calls vaccel op fpga_mmult (id 19).
        """
        _m.check_session(self)
        len_a = _m.buffer_len(a, 'f')
        _c = _m.alloc('f', len_a)
        _o = _m.invoke(self, 19, (self._handle, _m.buffer(a, 'f'), _m.buffer(b, 'f'), _c, len_a,))
        return _c.tolist()

    def fpga_parallel(self, a, b):
        """Element-wise sum and product of `a` and `b`.

        Calls vaccel op fpga_parallel (id 20).
        """
        _m.check_session(self)
        len_a = _m.buffer_len(a, 'f')
        _add_output = _m.alloc('f', len_a)
        _mult_output = _m.alloc('f', len_a)
        _o = _m.invoke(self, 20, (self._handle, _m.buffer(a, 'f'), _m.buffer(b, 'f'), _add_output, _mult_output, len_a,))
        return (_add_output.tolist(), _mult_output.tolist())

    def fpga_vadd(self, a, b):
        """Element-wise sum of `a` and `b` into `c`.

        Calls vaccel op fpga_vectoradd (id 21).
        """
        _m.check_session(self)
        len_a = _m.buffer_len(a, 'f')
        len_b = _m.buffer_len(b, 'f')
        _c = _m.alloc('f', len_a)
        _o = _m.invoke(self, 21, (self._handle, _m.buffer(a, 'f'), _m.buffer(b, 'f'), _c, len_a, len_b,))
        return _c.tolist()

    def minmax(self, indata, ndata, low_threshold, high_threshold):
        """Clamp `indata` to [low_threshold, high_threshold] into `outdata` and
        report the minimum and maximum of the input.

        Calls vaccel op minmax (id 22).
        """
        _m.check_session(self)
        _outdata = _m.alloc('d', ndata)
        _min = _m.alloc('d', 1)
        _max = _m.alloc('d', 1)
        _o = _m.invoke(self, 22, (self._handle, _m.buffer(indata, 'd'), ndata, low_threshold, high_threshold, _outdata, _min, _max,))
        return (bytes(_outdata), _min[0], _max[0])

    def opencv_unpack(self, arg_read=None, arg_write=None):
        """Run an OpenCV operation described by the packed `read` arguments.

        Calls vaccel op opencv (id 23).
        """
        _m.check_session(self)
        nr_read = len(arg_read) if arg_read is not None else 0
        nr_write = len(arg_write) if arg_write is not None else 0
        _arg_write = _m.arg_objs(arg_write)
        _o = _m.invoke(self, 23, (self._handle, _m.args(arg_read), nr_read, _m.args(_arg_write, writable=True), nr_write,))
        return _m.arg_results(_arg_write)

    def torch_jitload_forward(self, resource, in_tensor, nr_write=1, run_options=None):
        """Load-and-run in one call, kept for older vAccel applications, with
        vAccel's own prototype (a const model, non-const tensor arrays).

        Calls vaccel op torch_model_run (id 15).
        """
        _m.check_session(self)
        nr_read = len(in_tensor) if in_tensor is not None else 0
        _o = _m.invoke(self, 15, (self._handle, _m.resource(resource), _m.structs(None if run_options is None else [run_options], _m.cls('vaccel.ops.torch', 'Buffer'), 'run_options'), _m.structs(in_tensor, _m.cls('vaccel.ops.torch', 'Tensor'), 'in_tensor'), nr_read, None, nr_write,))
        return _m.wrap(_m.cls('vaccel.ops.torch', 'Tensor'), _o[5])

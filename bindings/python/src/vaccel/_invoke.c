/* The generic op call of the Python extension (Python C API, not SWIG:
 * it needs the buffer protocol and must drop the GIL around the op).
 *
 * invoke(op_id, values) walks the op's descriptor (vaccel/op_desc.h):
 * values[i] is the Python value of C parameter i, checked against the
 * descriptor before anything reaches the runtime, so a bad argument is a
 * TypeError/ValueError, never a crash. Buffers are passed without copies.
 * It returns (ret, outs): outs[i] is None for `in` parameters, else the
 * value the op produced (scalars, the caller's own buffer, struct tuples).
 *
 * A struct travels as a tuple of its non-local fields in field order
 * (arrays as buffers, a None count derived from its array). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <string.h>

#include "op_invoke.h"
#include "vaccel/arg.h"
#include "vaccel/op_desc.h"
#include "vaccel/ops/genop.h"
#include "vaccel/resource.h"

#define MAX_PARAMS 32

union value {
	int8_t i8;
	int16_t i16;
	int32_t i32;
	int64_t i64;
	int i;
	size_t sz;
	float f32;
	double f64;
	_Bool b;
	char c;
	void *p;
};

/* What one call borrowed or allocated, released at its end. */
struct call {
	Py_buffer *views;
	size_t nr_views, cap_views;
	void **allocs;
	size_t nr_allocs, cap_allocs;
};

static void call_free(struct call *c)
{
	for (size_t i = 0; i < c->nr_views; i++)
		PyBuffer_Release(&c->views[i]);
	for (size_t i = 0; i < c->nr_allocs; i++)
		PyMem_Free(c->allocs[i]);
	PyMem_Free(c->views);
	PyMem_Free(c->allocs);
}

static void *call_alloc(struct call *c, size_t size)
{
	if (c->nr_allocs == c->cap_allocs) {
		size_t cap = c->cap_allocs ? 2 * c->cap_allocs : 16;
		void **a = PyMem_Realloc(c->allocs, cap * sizeof(*a));

		if (!a)
			return PyErr_NoMemory();
		c->allocs = a;
		c->cap_allocs = cap;
	}
	void *p = PyMem_Calloc(1, size ? size : 1);

	if (!p)
		return PyErr_NoMemory();
	c->allocs[c->nr_allocs++] = p;
	return p;
}

/* A contiguous view of `obj` (writable when the callee writes into it). */
static Py_buffer *call_view(struct call *c, PyObject *obj, int writable,
			    const char *what)
{
	if (c->nr_views == c->cap_views) {
		size_t cap = c->cap_views ? 2 * c->cap_views : 16;
		Py_buffer *v = PyMem_Realloc(c->views, cap * sizeof(*v));

		if (!v)
			return PyErr_NoMemory();
		c->views = v;
		c->cap_views = cap;
	}
	Py_buffer *v = &c->views[c->nr_views];
	int flags = PyBUF_C_CONTIGUOUS | (writable ? PyBUF_WRITABLE : 0);

	if (PyObject_GetBuffer(obj, v, flags) < 0) {
		PyErr_Format(PyExc_TypeError,
			     "%s: expected a C-contiguous %sbuffer, got %s",
			     what, writable ? "writable " : "",
			     Py_TYPE(obj)->tp_name);
		return NULL;
	}
	c->nr_views++;
	return v;
}

static int set_scalar(uint8_t type, size_t size, void *dst, PyObject *o,
		      const char *what)
{
	if (type == VACCEL_SCALAR_F32 || type == VACCEL_SCALAR_F64) {
		double d = PyFloat_AsDouble(o);

		if (d == -1.0 && PyErr_Occurred())
			return -1;
		if (type == VACCEL_SCALAR_F32)
			*(float *)dst = (float)d;
		else
			*(double *)dst = d;
		return 0;
	}
	if (!PyLong_Check(o)) {
		PyErr_Format(PyExc_TypeError, "%s: expected an int, got %s",
			     what, Py_TYPE(o)->tp_name);
		return -1;
	}
	int overflow = 0;
	long long v = PyLong_AsLongLongAndOverflow(o, &overflow);

	if (v == -1 && PyErr_Occurred())
		return -1;
	int is_unsigned =
	    type == VACCEL_SCALAR_U8 || type == VACCEL_SCALAR_U16 ||
	    type == VACCEL_SCALAR_U32 || type == VACCEL_SCALAR_U64 ||
	    type == VACCEL_SCALAR_SIZE || type == VACCEL_SCALAR_UCHAR ||
	    type == VACCEL_SCALAR_BOOL;
	long long lo = 0, hi = 0;

	switch (size) {
	case 1:
		lo = is_unsigned ? 0 : INT8_MIN;
		hi = is_unsigned ? UINT8_MAX : INT8_MAX;
		break;
	case 2:
		lo = is_unsigned ? 0 : INT16_MIN;
		hi = is_unsigned ? UINT16_MAX : INT16_MAX;
		break;
	case 4:
		lo = is_unsigned ? 0 : INT32_MIN;
		hi = is_unsigned ? (long long)UINT32_MAX : INT32_MAX;
		break;
	default:
		lo = is_unsigned ? 0 : LLONG_MIN;
		hi = LLONG_MAX;
	}
	if (overflow || v < lo || v > hi) {
		PyErr_Format(PyExc_ValueError, "%s: %R is out of range", what,
			     o);
		return -1;
	}
	switch (size) {
	case 1:
		*(int8_t *)dst = (int8_t)v;
		break;
	case 2:
		*(int16_t *)dst = (int16_t)v;
		break;
	case 4:
		*(int32_t *)dst = (int32_t)v;
		break;
	default:
		*(int64_t *)dst = (int64_t)v;
	}
	return 0;
}

static PyObject *get_scalar(uint8_t type, size_t size, const void *src)
{
	switch (type) {
	case VACCEL_SCALAR_F32:
		return PyFloat_FromDouble(*(const float *)src);
	case VACCEL_SCALAR_F64:
		return PyFloat_FromDouble(*(const double *)src);
	case VACCEL_SCALAR_U8:
	case VACCEL_SCALAR_UCHAR:
	case VACCEL_SCALAR_BOOL:
		return PyLong_FromLong(*(const uint8_t *)src);
	case VACCEL_SCALAR_U16:
		return PyLong_FromLong(*(const uint16_t *)src);
	case VACCEL_SCALAR_U32:
		return PyLong_FromUnsignedLong(*(const uint32_t *)src);
	case VACCEL_SCALAR_U64:
	case VACCEL_SCALAR_SIZE:
		return PyLong_FromUnsignedLongLong(*(const uint64_t *)src);
	default:
		break;
	}
	switch (size) {
	case 1:
		return PyLong_FromLong(*(const int8_t *)src);
	case 2:
		return PyLong_FromLong(*(const int16_t *)src);
	case 4:
		return PyLong_FromLong(*(const int32_t *)src);
	default:
		return PyLong_FromLongLong(*(const int64_t *)src);
	}
}

static long long field_int(const struct vaccel_field_desc *f, const char *obj)
{
	return vaccel_param_int(
	    f->type == VACCEL_SCALAR_ENUM ? VACCEL_SCALAR_INT : f->type,
	    obj + f->offset);
}

/* Fill struct `obj` (zeroed) from the tuple of its non-local fields. */
static int fill_struct(struct call *c, const struct vaccel_struct_desc *sd,
		       char *obj, PyObject *val, int writable)
{
	PyObject *items[32] = {0};
	uint32_t nr = 0;

	for (uint32_t i = 0; i < sd->nr_fields; i++)
		nr += !(sd->fields[i].flags & VACCEL_FIELD_LOCAL);
	if (!PyTuple_Check(val) || PyTuple_GET_SIZE(val) != (Py_ssize_t)nr ||
	    sd->nr_fields > 32) {
		PyErr_Format(PyExc_TypeError,
			     "%s: expected a tuple of %u fields, got %R",
			     sd->name, nr, val);
		return -1;
	}
	for (uint32_t i = 0, k = 0; i < sd->nr_fields; i++)
		if (!(sd->fields[i].flags & VACCEL_FIELD_LOCAL))
			items[i] = PyTuple_GET_ITEM(val, k++);
	/* Scalars first: arrays check or derive their counts from them. */
	for (uint32_t i = 0; i < sd->nr_fields; i++) {
		const struct vaccel_field_desc *f = &sd->fields[i];

		if (f->kind == VACCEL_FIELD_SCALAR && items[i] &&
		    items[i] != Py_None &&
		    set_scalar(f->type, f->elem_size, obj + f->offset, items[i],
			       f->name) < 0)
			return -1;
	}
	for (uint32_t i = 0; i < sd->nr_fields; i++) {
		const struct vaccel_field_desc *f = &sd->fields[i];
		PyObject *o = items[i];

		if (!o || o == Py_None || f->kind == VACCEL_FIELD_SCALAR)
			continue;
		if (f->kind == VACCEL_FIELD_STRING) {
			const char *s =
			    PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
			if (!s) {
				if (!PyErr_Occurred())
					PyErr_Format(PyExc_TypeError,
						     "%s.%s: expected a str",
						     sd->name, f->name);
				return -1;
			}
			*(const char **)(obj + f->offset) = s;
			continue;
		}
		Py_buffer *v = call_view(c, o, writable, f->name);

		if (!v)
			return -1;
		*(void **)(obj + f->offset) = v->buf;
		const struct vaccel_field_desc *cf =
		    &sd->fields[f->count_field];
		long long have =
		    (long long)v->len / (f->elem_size ? f->elem_size : 1);
		if (items[f->count_field] == Py_None) {
			PyObject *n = PyLong_FromLongLong(have);
			int r = n ? set_scalar(cf->type, cf->elem_size,
					       obj + cf->offset, n, cf->name)
				  : -1;
			Py_XDECREF(n);
			if (r < 0)
				return -1;
		} else if (field_int(cf, obj) < 0 ||
			   field_int(cf, obj) > have) {
			PyErr_Format(PyExc_ValueError,
				     "%s.%s: %s is %lld but the buffer holds "
				     "%lld elements",
				     sd->name, f->name, cf->name,
				     field_int(cf, obj), have);
			return -1;
		}
	}
	return 0;
}

/*
 * Zero-copy outputs. A struct the op allocated for the caller (an output
 * tensor: VACCEL_PARAM_CALLEE_OWNED) is not copied: Python sees its array
 * fields through buffer objects over the C memory, each holding a
 * reference to the struct's owner object, which destroys the struct when
 * the last of them goes (numpy arrays made from the buffers keep them
 * alive through their base). COwned.live() counts the owners alive.
 */
typedef struct {
	PyObject_HEAD
	PyObject *root; /* a field view: its owner */
	void *obj;                    /* the owner: the struct */
	int (*destroy)(void *obj);
	char *ptr; /* a field view: the bytes */
	Py_ssize_t len;
} COwned;

static Py_ssize_t cowned_live;

static void cowned_dealloc(PyObject *self)
{
	COwned *o = (COwned *)self;

	if (o->obj && o->destroy) {
		o->destroy(o->obj);
		cowned_live--;
	}
	Py_XDECREF(o->root);
	Py_TYPE(self)->tp_free(self);
}

static int cowned_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
	static char empty[1];
	COwned *o = (COwned *)self;

	return PyBuffer_FillInfo(view, self, o->ptr ? o->ptr : empty, o->len,
				 0, flags);
}

static PyObject *cowned_live_count(PyObject *cls, PyObject *unused)
{
	(void)cls;
	(void)unused;
	return PyLong_FromSsize_t(cowned_live);
}

static PyBufferProcs cowned_buffer = {cowned_getbuffer, NULL};
static PyMethodDef cowned_methods[] = {
    {"live", cowned_live_count, METH_NOARGS | METH_CLASS,
     "Number of op-allocated output structs still alive."},
    {NULL, NULL, 0, NULL},
};
static PyTypeObject cowned_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "vaccel._COwned",
    .tp_basicsize = sizeof(COwned),
    .tp_dealloc = cowned_dealloc,
    .tp_as_buffer = &cowned_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "C memory of an op's output, freed with its last view.",
    .tp_methods = cowned_methods,
};

static COwned *cowned_new(PyObject *root, void *obj, int (*destroy)(void *),
			  char *ptr, Py_ssize_t len)
{
	COwned *o;

	if (!cowned_type.tp_dict && PyType_Ready(&cowned_type) < 0)
		return NULL;
	o = PyObject_New(COwned, &cowned_type);
	if (!o)
		return NULL;
	Py_XINCREF(root);
	o->root = root;
	o->obj = obj;
	o->destroy = destroy;
	o->ptr = ptr;
	o->len = len;
	if (obj && destroy)
		cowned_live++;
	return o;
}

/* A memoryview of `len` bytes at `ptr` that keeps `root` alive. */
static PyObject *owned_view(PyObject *root, char *ptr, Py_ssize_t len)
{
	COwned *v = cowned_new(root, NULL, NULL, ptr, len);
	PyObject *mv;

	if (!v)
		return NULL;
	mv = PyMemoryView_FromObject((PyObject *)v);
	Py_DECREF(v);
	return mv;
}

/* The tuple of a struct's non-local fields: arrays copied into bytes, or,
 * with an owner `root`, memoryviews of the struct's own memory. */
static PyObject *struct_tuple(const struct vaccel_struct_desc *sd,
			      const char *obj, PyObject *root)
{
	PyObject *t = PyList_New(0);

	if (!t)
		return NULL;
	for (uint32_t i = 0; i < sd->nr_fields; i++) {
		const struct vaccel_field_desc *f = &sd->fields[i];
		PyObject *o = NULL;

		if (f->flags & VACCEL_FIELD_LOCAL)
			continue;
		if (f->kind == VACCEL_FIELD_SCALAR) {
			o = get_scalar(f->type == VACCEL_SCALAR_ENUM
					   ? VACCEL_SCALAR_INT
					   : f->type,
				       f->elem_size, obj + f->offset);
		} else if (f->kind == VACCEL_FIELD_STRING) {
			const char *s = *(char *const *)(obj + f->offset);

			o = s ? PyUnicode_DecodeUTF8(s, strlen(s), "replace")
			      : Py_NewRef(Py_None);
		} else {
			const char *p = *(char *const *)(obj + f->offset);
			long long n =
			    field_int(&sd->fields[f->count_field], obj);

			Py_ssize_t len = (Py_ssize_t)n * f->elem_size;

			if (!p || n < 0)
				o = Py_NewRef(Py_None);
			else if (root)
				o = owned_view(root, (char *)p, len);
			else
				o = PyBytes_FromStringAndSize(p, len);
		}
		if (!o || PyList_Append(t, o) < 0) {
			Py_XDECREF(o);
			Py_DECREF(t);
			return NULL;
		}
		Py_DECREF(o);
	}
	PyObject *tup = PyList_AsTuple(t);

	Py_DECREF(t);
	return tup;
}

static void *as_pointer(PyObject *o, const char *what)
{
	if (o == Py_None)
		return NULL;
	void *p = PyLong_Check(o) ? PyLong_AsVoidPtr(o) : NULL;

	if (!p && !PyErr_Occurred())
		PyErr_Format(PyExc_TypeError, "%s: expected a handle, got %R",
			     what, o);
	return p;
}

/* Build `count` structs (or pointers to them) from a sequence of tuples. */
static void *build_structs(struct call *c, const struct vaccel_param_desc *p,
			   PyObject *seq, long long count, int ptrs)
{
	const struct vaccel_struct_desc *sd = vaccel_struct_desc_get(p->type);

	if (!sd) {
		PyErr_Format(PyExc_TypeError, "%s: unknown struct type %u",
			     p->name, p->type);
		return NULL;
	}
	PyObject *fast = PySequence_Fast(seq, "expected a list of structs");

	if (!fast)
		return NULL;
	Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
	void *out = NULL;

	if (n != count) {
		PyErr_Format(PyExc_ValueError,
			     "%s: expected %lld elements, got %zd", p->name,
			     count, n);
		goto done;
	}
	char *objs = call_alloc(c, (size_t)(n ? n : 1) * sd->size);
	void **ptr_array =
	    ptrs ? call_alloc(c, (size_t)(n ? n : 1) * sizeof(void *)) : NULL;
	if (!objs || (ptrs && !ptr_array))
		goto done;
	for (Py_ssize_t i = 0; i < n; i++) {
		char *o = objs + (size_t)i * sd->size;

		if (fill_struct(c, sd, o, PySequence_Fast_GET_ITEM(fast, i),
				p->dir != VACCEL_PARAM_IN) < 0)
			goto done;
		if (ptrs)
			ptr_array[i] = o;
	}
	out = ptrs ? (void *)ptr_array : (void *)objs;
done:
	Py_DECREF(fast);
	return out;
}

/* Whether the structs of output `p` pass to Python without a copy: those
 * the op allocated for the caller to destroy. */
static int take_ownership(const struct vaccel_param_desc *p,
			  const struct vaccel_struct_desc *sd)
{
	return p->dir == VACCEL_PARAM_OUT &&
	       p->kind == VACCEL_PARAM_STRUCT_PTRS &&
	       (p->flags & VACCEL_PARAM_CALLEE_OWNED) && sd->destroy;
}

/* Convert an op's outputs; frees what the callee allocated. */
static PyObject *collect(const struct vaccel_op_desc *d, PyObject *vals,
			 union value *v, void **argv)
{
	PyObject *outs = PyList_New(d->nr_params);

	if (!outs)
		return NULL;
	for (uint32_t i = 0; i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];
		PyObject *o = NULL;

		if (p->dir == VACCEL_PARAM_IN) {
			o = Py_NewRef(Py_None);
		} else if (p->kind == VACCEL_PARAM_SCALAR) {
			o = get_scalar(p->type, p->elem_size, &v[i]);
		} else if (p->kind == VACCEL_PARAM_BUFFER) {
			o = Py_NewRef(PyTuple_GET_ITEM(vals, i));
		} else if (p->kind == VACCEL_PARAM_STRUCT ||
			   p->kind == VACCEL_PARAM_ARGS ||
			   p->kind == VACCEL_PARAM_STRUCT_PTRS) {
			const struct vaccel_struct_desc *sd =
			    vaccel_struct_desc_get(p->type);
			long long n =
			    v[i].p ? vaccel_param_count(d, i, argv) : 0;
			o = PyList_New(0);
			for (long long k = 0; o && k < n; k++) {
				char *obj = p->kind == VACCEL_PARAM_STRUCT_PTRS
						? ((char **)v[i].p)[k]
						: (char *)v[i].p + k * sd->size;
				PyObject *t;

				if (obj && take_ownership(p, sd)) {
					/* Python owns it from here: not
					 * destroyed by release_outputs. */
					COwned *root = cowned_new(
					    NULL, obj, sd->destroy, NULL, 0);

					if (root)
						((void **)v[i].p)[k] = NULL;
					t = root ? struct_tuple(sd, obj,
								(PyObject *)root)
						 : NULL;
					Py_XDECREF(root);
				} else {
					t = obj ? struct_tuple(sd, obj, NULL)
						: Py_NewRef(Py_None);
				}
				if (!t || PyList_Append(o, t) < 0)
					Py_CLEAR(o);
				Py_XDECREF(t);
			}
		} else {
			o = Py_NewRef(Py_None);
		}
		if (!o) {
			Py_DECREF(outs);
			return NULL;
		}
		PyList_SET_ITEM(outs, i, o);
	}
	return outs;
}

/* Free what the callee allocated in out parameters. */
static void release_outputs(const struct vaccel_op_desc *d, union value *v,
			    void **argv)
{
	for (uint32_t i = 0; i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];
		const struct vaccel_struct_desc *sd;

		if (p->dir != VACCEL_PARAM_OUT || !v[i].p ||
		    (p->kind != VACCEL_PARAM_STRUCT &&
		     p->kind != VACCEL_PARAM_STRUCT_PTRS))
			continue;
		sd = vaccel_struct_desc_get(p->type);
		long long n = vaccel_param_count(d, i, argv);

		for (long long k = 0; sd && k < n; k++) {
			if (p->kind == VACCEL_PARAM_STRUCT_PTRS) {
				void *obj = ((void **)v[i].p)[k];

				if (obj &&
				    (p->flags & VACCEL_PARAM_CALLEE_OWNED))
					sd->destroy(obj);
			} else if (sd->release) {
				sd->release((char *)v[i].p + k * sd->size);
			}
		}
	}
}

static int prepare(struct call *c, const struct vaccel_op_desc *d,
		   PyObject *vals, union value *v, void **argv)
{
	/* Pass 1: everything but arrays, whose counts depend on scalars. */
	for (uint32_t i = 0; i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];
		PyObject *o = PyTuple_GET_ITEM(vals, i);

		if (p->kind == VACCEL_PARAM_SCALAR) {
			argv[i] = &v[i];
			if (p->dir != VACCEL_PARAM_OUT &&
			    set_scalar(p->type, p->elem_size, &v[i], o,
				       p->name) < 0)
				return -1;
			continue;
		}
		argv[i] = &v[i].p;
		if (p->kind == VACCEL_PARAM_SESSION ||
		    p->kind == VACCEL_PARAM_RESOURCE) {
			v[i].p = as_pointer(o, p->name);
			if (!v[i].p && PyErr_Occurred())
				return -1;
		} else if (p->kind == VACCEL_PARAM_STRING) {
			if (o == Py_None)
				continue;
			v[i].p = (void *)PyUnicode_AsUTF8(o);
			if (!v[i].p) {
				PyErr_Format(PyExc_TypeError,
					     "%s: expected a str", p->name);
				return -1;
			}
		}
	}
	/* Pass 2: buffers and structs, checked against their counts. */
	for (uint32_t i = 0; i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];
		PyObject *o = PyTuple_GET_ITEM(vals, i);
		long long count;

		if (p->kind < VACCEL_PARAM_BUFFER)
			continue;
		count = vaccel_param_count(d, i, argv);
		if (count < 0 || count > (1LL << 40)) {
			PyErr_Format(PyExc_ValueError,
				     "%s: invalid element count %lld", p->name,
				     count);
			return -1;
		}
		if (o == Py_None && p->kind != VACCEL_PARAM_BUFFER &&
		    p->dir == VACCEL_PARAM_OUT) {
			/* Outputs the callee fills: zeroed storage. */
			size_t sz = p->kind == VACCEL_PARAM_STRUCT_PTRS
					? sizeof(void *)
					: vaccel_struct_desc_get(p->type)->size;
			v[i].p = call_alloc(c, (size_t)count * sz);
			if (!v[i].p)
				return -1;
			continue;
		}
		if (o == Py_None) {
			if (!(p->flags & VACCEL_PARAM_NULLABLE) && count) {
				PyErr_Format(PyExc_ValueError,
					     "%s: must not be None", p->name);
				return -1;
			}
			continue;
		}
		if (p->kind == VACCEL_PARAM_BUFFER) {
			Py_buffer *b =
			    call_view(c, o, p->dir != VACCEL_PARAM_IN, p->name);
			long long need = (long long)count * p->elem_size;

			if (!b)
				return -1;
			if (b->len < need) {
				PyErr_Format(PyExc_ValueError,
					     "%s: buffer of %zd bytes, the op "
					     "needs %lld",
					     p->name, b->len, need);
				return -1;
			}
			v[i].p = b->buf;
		} else {
			v[i].p =
			    build_structs(c, p, o, count,
					  p->kind == VACCEL_PARAM_STRUCT_PTRS);
			if (!v[i].p)
				return -1;
		}
	}
	return 0;
}

/* invoke(op_id, values) -> (ret, outs) */
PyObject *vpy_invoke(PyObject *self, PyObject *args)
{
	unsigned int op;
	PyObject *vals;
	(void)self;

	if (!PyArg_ParseTuple(args, "IO!:invoke", &op, &PyTuple_Type, &vals))
		return NULL;
	const struct vaccel_op_desc *d = vaccel_op_desc_get(op);

	if (!d) {
		PyErr_Format(PyExc_ValueError, "unknown op id %u", op);
		return NULL;
	}
	if (d->nr_params > MAX_PARAMS ||
	    PyTuple_GET_SIZE(vals) != (Py_ssize_t)d->nr_params) {
		PyErr_Format(PyExc_TypeError, "%s takes %u values, got %zd",
			     d->name, d->nr_params, PyTuple_GET_SIZE(vals));
		return NULL;
	}
	union value v[MAX_PARAMS];
	void *argv[MAX_PARAMS];
	struct call c = {0};
	PyObject *res = NULL;
	int ret;

	memset(v, 0, sizeof(v));
	if (prepare(&c, d, vals, v, argv) == 0) {
		Py_BEGIN_ALLOW_THREADS;
		ret = vaccel_op_invoke(d->id, argv);
		Py_END_ALLOW_THREADS;
		PyObject *outs =
		    ret == 0 ? collect(d, vals, v, argv) : PyList_New(0);
		if (ret == 0)
			release_outputs(d, v, argv);
		if (outs)
			res = Py_BuildValue("(iN)", ret, outs);
	}
	call_free(&c);
	return res;
}

/* genop(session, read, write) -> (ret, write tuples): read/write are lists
 * of (buf, size, type, custom_type_id) tuples. */
PyObject *vpy_genop(PyObject *self, PyObject *args)
{
	PyObject *sess_o, *rd, *wr;
	(void)self;

	if (!PyArg_ParseTuple(args, "OOO:genop", &sess_o, &rd, &wr))
		return NULL;
	void *sess = as_pointer(sess_o, "session");

	if (!sess && PyErr_Occurred())
		return NULL;
	struct vaccel_param_desc pr = {.name = "read",
				       .kind = VACCEL_PARAM_ARGS,
				       .dir = VACCEL_PARAM_IN,
				       .type = VACCEL_STRUCT_ARG};
	struct vaccel_param_desc pw = pr;
	struct call c = {0};
	PyObject *res = NULL;

	pw.name = "write";
	pw.dir = VACCEL_PARAM_INOUT;
	Py_ssize_t nr = PySequence_Size(rd), nw = PySequence_Size(wr);

	if (nr < 0 || nw < 0 || nr > INT_MAX || nw > INT_MAX)
		return NULL;
	struct vaccel_arg *r = build_structs(&c, &pr, rd, nr, 0);
	struct vaccel_arg *w = r ? build_structs(&c, &pw, wr, nw, 0) : NULL;

	if (r && w) {
		int ret;

		Py_BEGIN_ALLOW_THREADS;
		ret = vaccel_genop(sess, r, (int)nr, w, (int)nw);
		Py_END_ALLOW_THREADS;
		res = Py_BuildValue("(iO)", ret, Py_None);
	}
	call_free(&c);
	return res;
}

/* resource_from_buf(data, type, filename) -> (ret, handle) */
PyObject *vpy_resource_from_buf(PyObject *self, PyObject *args)
{
	Py_buffer b;
	int type;
	const char *name;
	struct vaccel_resource *res = NULL;
	int ret;
	(void)self;

	if (!PyArg_ParseTuple(args, "y*iz:resource_from_buf", &b, &type, &name))
		return NULL;
	Py_BEGIN_ALLOW_THREADS;
	ret =
	    vaccel_resource_from_buf(&res, b.buf, (size_t)b.len,
				     (vaccel_resource_type_t)type, name, false);
	Py_END_ALLOW_THREADS;
	PyBuffer_Release(&b);
	return Py_BuildValue("(iN)", ret, PyLong_FromVoidPtr(res));
}

/* resource_multi_new(paths: tuple of str, type) -> (ret, handle): a
 * resource of several files or URLs (vaccel_resource_multi_new). */
PyObject *vpy_resource_multi_new(PyObject *self, PyObject *args)
{
	PyObject *paths;
	int type;
	struct vaccel_resource *res = NULL;
	const char **cpaths;
	Py_ssize_t n;
	int ret;
	(void)self;

	if (!PyArg_ParseTuple(args, "O!i:resource_multi_new", &PyTuple_Type,
			      &paths, &type))
		return NULL;
	n = PyTuple_GET_SIZE(paths);
	cpaths = PyMem_Calloc(n ? (size_t)n : 1, sizeof(*cpaths));
	if (!cpaths)
		return PyErr_NoMemory();
	for (Py_ssize_t i = 0; i < n; i++) {
		PyObject *p = PyTuple_GET_ITEM(paths, i);

		cpaths[i] = PyUnicode_Check(p) ? PyUnicode_AsUTF8(p) : NULL;
		if (!cpaths[i]) {
			if (!PyErr_Occurred())
				PyErr_Format(PyExc_TypeError,
					     "paths[%zd]: expected a str, got %s",
					     i, Py_TYPE(p)->tp_name);
			PyMem_Free(cpaths);
			return NULL;
		}
	}
	/* The strings belong to the tuple, which args keeps alive. */
	Py_BEGIN_ALLOW_THREADS;
	ret = vaccel_resource_multi_new(&res, cpaths, (size_t)n,
					(vaccel_resource_type_t)type);
	Py_END_ALLOW_THREADS;
	PyMem_Free(cpaths);
	return Py_BuildValue("(iN)", ret, PyLong_FromVoidPtr(res));
}

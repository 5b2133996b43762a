/* tf_model_run: checks every node and tensor against the loaded graph
 * before running, feeds the caller's bytes without copying them, runs,
 * and copies each fetched tensor into a new vaccel tensor. */

#include "tf_plugin.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fixed-size numeric types and bool; 0 for STRING, RESOURCE, VARIANT and
 * unknown types (the IDL's table, the sizes TF_DataTypeSize gives). */
static size_t dtype_size(int dtype)
{
	size_t size;

	vaccel_tf_data_type_elem_size(dtype, &size);
	return size;
}

/* "[2,-1,3]" of `n` dims into buf. */
static const char *shape_str(char *buf, size_t size, const int64_t *dims, int n)
{
	size_t w = 1;

	snprintf(buf, size, "[");
	for (int d = 0; dims && d < n && w < size; d++)
		w += (size_t)snprintf(buf + w, size - w, "%s%lld", d ? "," : "",
				      (long long)dims[d]);
	if (w < size)
		snprintf(buf + w, size - w, "]");
	return buf;
}

/* The graph output a node names. */
static int resolve(TF_Graph *g, const char *what, int i,
		   const struct vaccel_tf_node *n, TF_Output *o,
		   struct vaccel_tf_status *st)
{
	TF_Operation *op;
	int nr;

	if (!n->name)
		return tfp_fail(st, VACCEL_EINVAL, TFP_INVALID_ARGUMENT,
				"%s %d: the node has no name", what, i);
	op = TF_GraphOperationByName(g, n->name);
	if (!op)
		return tfp_fail(st, VACCEL_EINVAL, TFP_NOT_FOUND,
				"%s %d: no node '%s' in the graph%s", what, i,
				n->name,
				strchr(n->name, ':')
				    ? " (give the output index in the node's "
				      "id, not after ':')"
				    : "");
	nr = TF_OperationNumOutputs(op);
	if (n->id < 0 || n->id >= nr)
		return tfp_fail(st, VACCEL_EINVAL, TFP_INVALID_ARGUMENT,
				"%s %d: node '%s' has %d output(s); index %d "
				"is out of range",
				what, i, n->name, nr, n->id);
	o->oper = op;
	o->index = n->id;
	return VACCEL_OK;
}

static int check_shape(TF_Graph *g, TF_Output o, int i,
		       const struct vaccel_tf_node *n,
		       const struct vaccel_tf_tensor *t,
		       struct vaccel_tf_status *st)
{
	char got[160], want[160];
	int64_t dims[32] = {0};
	TF_Status *s = TF_NewStatus();
	int rank = TF_GraphGetTensorNumDims(g, o, s);
	int ok = t->nr_dims >= 0 && (t->dims || !t->nr_dims);

	for (int d = 0; ok && d < t->nr_dims; d++)
		ok = t->dims[d] >= 0;
	if (!ok) {
		TF_DeleteStatus(s);
		return tfp_fail(st, VACCEL_EINVAL, TFP_INVALID_ARGUMENT,
				"input %d ('%s:%d'): invalid shape (%d dims)",
				i, n->name, n->id, t->nr_dims);
	}
	/* An unknown rank or one too large to list: TensorFlow checks. */
	if (TF_GetCode(s) == TF_OK && rank >= 0 &&
	    rank <= (int)(sizeof(dims) / sizeof(dims[0]))) {
		TF_GraphGetTensorShape(g, o, dims, rank, s);
		ok = TF_GetCode(s) != TF_OK || rank == t->nr_dims;
		for (int d = 0; ok && TF_GetCode(s) == TF_OK && d < rank; d++)
			ok = dims[d] < 0 || dims[d] == t->dims[d];
	}
	TF_DeleteStatus(s);
	if (ok)
		return VACCEL_OK;
	return tfp_fail(st, VACCEL_EINVAL, TFP_INVALID_ARGUMENT,
			"input %d ('%s:%d'): shape %s, the node takes %s (-1: "
			"any size)",
			i, n->name, n->id,
			shape_str(got, sizeof(got), t->dims, t->nr_dims),
			shape_str(want, sizeof(want), dims, rank));
}

static int check_input(TF_Graph *g, int i, const struct vaccel_tf_node *n,
		       const struct vaccel_tf_tensor *t, TF_Output *o,
		       struct vaccel_tf_status *st)
{
	int want, ret = resolve(g, "input", i, n, o, st);
	size_t bytes;

	if (ret)
		return ret;
	bytes = dtype_size(t->data_type);
	if (!bytes)
		return tfp_fail(st, VACCEL_ENOTSUP, TFP_UNIMPLEMENTED,
				"input %d ('%s:%d'): dtype %s (%d) is not "
				"supported by the tf plugin (fixed-size "
				"numbers and bool only)",
				i, n->name, n->id,
				vaccel_tf_data_type_name(t->data_type),
				(int)t->data_type);
	want = (int)TF_OperationOutputType(*o);
	if ((int)t->data_type != want)
		return tfp_fail(st, VACCEL_EINVAL, TFP_INVALID_ARGUMENT,
				"input %d ('%s:%d'): dtype %s, the node takes "
				"%s",
				i, n->name, n->id,
				vaccel_tf_data_type_name(t->data_type),
				vaccel_tf_data_type_name(want));
	ret = check_shape(g, *o, i, n, t, st);
	if (ret)
		return ret;
	/* The caller's dims are untrusted: a product that wraps would
	 * match a small buffer. check_shape() made them non-negative. */
	for (int d = 0; d < t->nr_dims; d++) {
		size_t dim = (size_t)t->dims[d];

		if (dim && bytes > PTRDIFF_MAX / dim) {
			char got[160];

			return tfp_fail(
			    st, VACCEL_EINVAL, TFP_INVALID_ARGUMENT,
			    "input %d ('%s:%d'): shape %s of %s is larger "
			    "than any buffer can be",
			    i, n->name, n->id,
			    shape_str(got, sizeof(got), t->dims, t->nr_dims),
			    vaccel_tf_data_type_name(t->data_type));
		}
		bytes *= dim;
	}
	if (t->size != bytes || (!t->data && bytes))
		return tfp_fail(st, VACCEL_EINVAL, TFP_INVALID_ARGUMENT,
				"input %d ('%s:%d'): %zu bytes of data%s, the "
				"shape needs %zu",
				i, n->name, n->id, t->size,
				t->data ? "" : " (NULL)", bytes);
	return VACCEL_OK;
}

static int check_output(TF_Graph *g, int i, const struct vaccel_tf_node *n,
			TF_Output *o, struct vaccel_tf_status *st)
{
	int ret = resolve(g, "output", i, n, o, st);
	int type;

	if (ret)
		return ret;
	type = (int)TF_OperationOutputType(*o);
	if (!dtype_size(type))
		return tfp_fail(st, VACCEL_ENOTSUP, TFP_UNIMPLEMENTED,
				"output %d ('%s:%d') has dtype %s (%d), which "
				"the tf plugin does not carry (fixed-size "
				"numbers and bool only)",
				i, n->name, n->id,
				vaccel_tf_data_type_name(type), type);
	return VACCEL_OK;
}

/* The caller's bytes stay theirs: TensorFlow must not free them. */
static void keep(void *data, size_t len, void *arg)
{
	(void)data;
	(void)len;
	(void)arg;
}

/* A new vaccel tensor (the host's allocator: the caller frees it with
 * vaccel_tf_tensor_delete) holding a copy of `t`. */
static int copy_out(const TF_Tensor *t, struct vaccel_tf_tensor **out)
{
	int nd = TF_NumDims(t);
	int64_t *dims = calloc(nd > 0 ? (size_t)nd : 1, sizeof(*dims));
	size_t bytes = TF_TensorByteSize(t);
	int ret;

	if (!dims)
		return VACCEL_ENOMEM;
	for (int d = 0; d < nd; d++)
		dims[d] = TF_Dim(t, d);
	ret = vaccel_plugin_host->tf_tensor_allocate(
	    out, nd, dims, (enum vaccel_tf_data_type)TF_TensorType(t), bytes);
	free(dims);
	if (ret) {
		*out = NULL;
		return ret;
	}
	if (bytes)
		memcpy((*out)->data, TF_TensorData(t), bytes);
	return VACCEL_OK;
}

struct run_args {
	TF_Output *in, *out;
	TF_Tensor **in_vals, **out_vals;
};

static int alloc_args(struct run_args *a, int nr_in, int nr_out)
{
	size_t ni = nr_in ? (size_t)nr_in : 1, no = (size_t)nr_out;

	a->in = calloc(ni, sizeof(*a->in));
	a->in_vals = calloc(ni, sizeof(*a->in_vals));
	a->out = calloc(no, sizeof(*a->out));
	a->out_vals = calloc(no, sizeof(*a->out_vals));
	return a->in && a->in_vals && a->out && a->out_vals ? VACCEL_OK
							    : VACCEL_ENOMEM;
}

static void free_args(struct run_args *a, int nr_in, int nr_out)
{
	for (int i = 0; a->in_vals && i < nr_in; i++)
		if (a->in_vals[i])
			TF_DeleteTensor(a->in_vals[i]);
	for (int i = 0; a->out_vals && i < nr_out; i++)
		if (a->out_vals[i])
			TF_DeleteTensor(a->out_vals[i]);
	free(a->in);
	free(a->in_vals);
	free(a->out);
	free(a->out_vals);
}

static int run_model(struct tfp_model *m, const struct vaccel_tf_buffer *opts,
		     struct vaccel_tf_tensor *const *in_tensors, int nr_in,
		     struct vaccel_tf_tensor **out_tensors, int nr_out,
		     struct run_args *a, struct vaccel_tf_status *st)
{
	TF_Buffer ro = {opts ? opts->data : NULL, opts ? opts->size : 0, NULL};
	TF_Status *s = TF_NewStatus();
	int ret = VACCEL_OK;

	if (!s)
		return tfp_fail(st, VACCEL_EBACKEND, TFP_INTERNAL,
				"out of memory");
	for (int i = 0; !ret && i < nr_in; i++) {
		const struct vaccel_tf_tensor *t = in_tensors[i];

		a->in_vals[i] =
		    TF_NewTensor((TF_DataType)t->data_type, t->dims, t->nr_dims,
				 t->data, t->size, keep, NULL);
		if (!a->in_vals[i])
			ret = tfp_fail(st, VACCEL_EBACKEND, TFP_INTERNAL,
				       "input %d: TensorFlow refused its "
				       "tensor",
				       i);
	}
	if (!ret) {
		TF_SessionRun(m->session, opts ? &ro : NULL, a->in, a->in_vals,
			      nr_in, a->out, a->out_vals, nr_out, NULL, 0, NULL,
			      s);
		if (TF_GetCode(s) != TF_OK) {
			char what[64];

			snprintf(what, sizeof(what), "resource %lld: run",
				 (long long)m->entry.res_id);
			ret = tfp_fail_tf(st, s, what);
		}
	}
	for (int i = 0; !ret && i < nr_out; i++)
		if (copy_out(a->out_vals[i], &out_tensors[i]))
			ret = tfp_fail(st, VACCEL_EBACKEND, TFP_INTERNAL,
				       "output %d: cannot allocate its "
				       "tensor",
				       i);
	TF_DeleteStatus(s);
	return ret;
}

int tfp_run(struct vaccel_session *sess, struct vaccel_resource *res,
	    const struct vaccel_tf_buffer *run_options,
	    const struct vaccel_tf_node *in_nodes,
	    struct vaccel_tf_tensor *const *in_tensors, int nr_inputs,
	    const struct vaccel_tf_node *out_nodes,
	    struct vaccel_tf_tensor **out_tensors, int nr_outputs,
	    struct vaccel_tf_status *status)
{
	struct tfp_model *m;
	struct run_args a = {0};
	int ret;

	if (nr_outputs <= 0 || nr_inputs < 0)
		return tfp_fail(status, VACCEL_EINVAL, TFP_INVALID_ARGUMENT,
				"session %lld: %d output slots and %d inputs; "
				"a run fetches at least one output node",
				(long long)sess->id, nr_outputs, nr_inputs);
	for (int i = 0; i < nr_outputs; i++)
		out_tensors[i] = NULL;
	m = tfp_table_get(res->id);
	if (!m)
		return tfp_fail(status, VACCEL_EINVAL, TFP_FAILED_PRECONDITION,
				"session %lld: resource %lld is not loaded "
				"(call vaccel_tf_model_load first)",
				(long long)sess->id, (long long)res->id);
	if (alloc_args(&a, nr_inputs, nr_outputs))
		ret = tfp_fail(status, VACCEL_EBACKEND, TFP_INTERNAL,
			       "resource %lld: out of memory",
			       (long long)res->id);
	else
		ret = VACCEL_OK;
	for (int i = 0; !ret && i < nr_inputs; i++)
		ret = check_input(m->graph, i, &in_nodes[i], in_tensors[i],
				  &a.in[i], status);
	for (int i = 0; !ret && i < nr_outputs; i++)
		ret =
		    check_output(m->graph, i, &out_nodes[i], &a.out[i], status);
	if (!ret)
		ret = run_model(m, run_options, in_tensors, nr_inputs,
				out_tensors, nr_outputs, &a, status);
	free_args(&a, nr_inputs, nr_outputs);
	tfp_model_put(m);
	if (ret) {
		for (int i = 0; i < nr_outputs; i++) {
			if (out_tensors[i])
				vaccel_plugin_host->tf_tensor_delete(
				    out_tensors[i]);
			out_tensors[i] = NULL;
		}
		return ret;
	}
	tfp_ok(status);
	return VACCEL_OK;
}

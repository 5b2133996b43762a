/* Latency of SavedModels run (a) by the TensorFlow C API directly and (b)
 * through vaccel_tf_model_run in-process, in the same process and run.
 * The direct path does what an application (and the tf plugin) does per
 * call: a TF_Tensor over the input bytes, TF_SessionRun, the output copied
 * into a buffer of its own, the tensors deleted; it looks its nodes up
 * once and reuses one TF_Status. Both paths load the SavedModel with
 * default session options into the same libtensorflow. See
 * docs/performance.md. */

#define _POSIX_C_SOURCE 200809L
#include "bench/ml_bench.h"

#include <tensorflow/c/c_api.h>
#include <vaccel.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DIMS 8

struct ctx {
	/* (a) direct */
	TF_Session *session;
	TF_Output in, out;
	TF_Status *status;
	struct mlb_buf direct_out;
	/* (b) vaccel */
	struct vaccel_session *sess;
	struct vaccel_resource *res;
	struct vaccel_tf_node in_node, out_node;
	struct vaccel_tf_tensor *input;
	struct mlb_buf vaccel_out;
	/* the input both paths feed (64-byte aligned: TensorFlow uses it in
	 * place, without a copy, on both paths) */
	float *data;
	size_t in_bytes;
	int64_t dims[MAX_DIMS];
	int nr_dims;
};

/* TF_NewTensor over memory the caller keeps. */
static void no_free(void *data, size_t len, void *arg)
{
	(void)data;
	(void)len;
	(void)arg;
}

static double run_direct(void *p, bool keep)
{
	struct ctx *c = p;
	double t0 = mlb_now_us();
	TF_Tensor *in, *out = NULL;
	size_t n;
	void *buf;

	in = TF_NewTensor(TF_FLOAT, c->dims, c->nr_dims, c->data, c->in_bytes,
			  no_free, NULL);
	TF_SessionRun(c->session, NULL, &c->in, &in, 1, &c->out, &out, 1, NULL,
		      0, NULL, c->status);
	if (TF_GetCode(c->status) != TF_OK)
		mlb_die("TF_SessionRun: %s", TF_Message(c->status));
	n = TF_TensorByteSize(out);
	buf = malloc(n ? n : 1);
	if (!buf)
		mlb_die("out of memory");
	memcpy(buf, TF_TensorData(out), n);
	TF_DeleteTensor(in);
	TF_DeleteTensor(out);
	mlb_escape(buf);
	if (keep)
		mlb_keep(&c->direct_out, buf, n);
	free(buf);
	return mlb_now_us() - t0;
}

static double run_vaccel(void *p, bool keep)
{
	struct ctx *c = p;
	struct vaccel_tf_tensor *out[1] = {NULL};
	struct vaccel_tf_status st = {0};
	double t0 = mlb_now_us(), dt;
	int rc;

	rc = vaccel_tf_model_run(c->sess, c->res, NULL, &c->in_node, &c->input,
				 1, &c->out_node, out, 1, &st);
	if (rc == VACCEL_OK && keep)
		mlb_keep(&c->vaccel_out, out[0]->data, out[0]->size);
	if (out[0])
		vaccel_tf_tensor_delete(out[0]);
	dt = mlb_now_us() - t0;
	if (rc != VACCEL_OK)
		mlb_die("vaccel_tf_model_run: %d (%s)", rc,
			st.message ? st.message : "no message");
	vaccel_tf_status_release(&st);
	return dt;
}

/* PATH.nodes (make_ml_bench_models.py): "in NODE INDEX", "out NODE
 * INDEX". */
static void read_nodes(const char *dir, char *in, int *in_idx, char *out,
		       int *out_idx)
{
	char path[4096], kind[8], name[256];
	int idx, found = 0;
	FILE *f;

	if (snprintf(path, sizeof(path), "%s.nodes", dir) >= (int)sizeof(path))
		mlb_die("path too long: %s", dir);
	f = fopen(path, "r");
	if (!f)
		mlb_die("cannot read %s", path);
	while (fscanf(f, "%7s %255s %d", kind, name, &idx) == 3) {
		bool is_in = !strcmp(kind, "in");

		strcpy(is_in ? in : out, name);
		*(is_in ? in_idx : out_idx) = idx;
		found |= is_in ? 1 : 2;
	}
	fclose(f);
	if (found != 3)
		mlb_die("%s: want an in and an out line", path);
}

static TF_Output op(TF_Graph *g, const char *name, int idx)
{
	TF_Operation *o = TF_GraphOperationByName(g, name);

	if (!o)
		mlb_die("no node %s in the graph", name);
	return (TF_Output){o, idx};
}

/* The direct path: TF_LoadSessionFromSavedModel as the plugin calls it. */
static void direct_setup(struct ctx *c, const char *dir, TF_Graph *g,
			 const char *in, int in_idx, const char *out,
			 int out_idx)
{
	static const char *const tags[] = {"serve"};
	TF_SessionOptions *opts = TF_NewSessionOptions();
	size_t n = 1;

	c->status = TF_NewStatus();
	c->session = TF_LoadSessionFromSavedModel(opts, NULL, dir, tags, 1, g,
						  NULL, c->status);
	TF_DeleteSessionOptions(opts);
	if (TF_GetCode(c->status) != TF_OK)
		mlb_die("loading %s: %s", dir, TF_Message(c->status));
	c->in = op(g, in, in_idx);
	c->out = op(g, out, out_idx);
	if (TF_OperationOutputType(c->in) != TF_FLOAT)
		mlb_die("%s: want a float32 input", in);
	c->nr_dims = TF_GraphGetTensorNumDims(g, c->in, c->status);
	if (c->nr_dims < 1 || c->nr_dims > MAX_DIMS)
		mlb_die("%s: want a known rank", in);
	TF_GraphGetTensorShape(g, c->in, c->dims, c->nr_dims, c->status);
	for (int d = 0; d < c->nr_dims; d++) {
		if (c->dims[d] < 1)
			mlb_die("%s: want a fixed shape", in);
		n *= (size_t)c->dims[d];
	}
	c->in_bytes = n * sizeof(float);
}

/* The SavedModel directory: PATH, or its directory when PATH is the
 * saved_model.pb in it. */
static void model_dir(const char *path, char *dir, size_t size)
{
	static const char pb[] = "/saved_model.pb";
	size_t n = strlen(path);

	if (n >= size)
		mlb_die("path too long: %s", path);
	strcpy(dir, path);
	if (n > strlen(pb) && !strcmp(dir + n - strlen(pb), pb))
		dir[n - strlen(pb)] = '\0';
}

/* The vaccel path: the SavedModel directory as one resource, loaded. */
static void vaccel_setup(struct vaccel_session *sess,
			 struct vaccel_resource *res, const char *dir)
{
	struct vaccel_tf_status st = {0};
	int rc;

	if (vaccel_resource_init(res, dir, VACCEL_RESOURCE_MODEL) ||
	    vaccel_resource_register(res, sess))
		mlb_die("cannot make a model resource of %s", dir);
	rc = vaccel_tf_model_load(sess, res, &st);
	if (rc)
		mlb_die("vaccel_tf_model_load(%s): %d (%s)", dir, rc,
			st.message ? st.message : "no message");
	vaccel_tf_status_release(&st);
}

static void bench_model(const struct mlb_opts *o, struct vaccel_session *sess,
			const char *spec)
{
	char in[256], out[256];
	int in_idx = 0, out_idx = 0;
	const char *name, *path;
	char dir[4096];
	struct ctx c = {0};
	struct vaccel_resource res;
	struct vaccel_tf_status st = {0};
	TF_Graph *g = TF_NewGraph();

	mlb_split_model(spec, &name, &path);
	model_dir(path, dir, sizeof(dir));
	read_nodes(dir, in, &in_idx, out, &out_idx);
	if (o->vaccel_first)
		vaccel_setup(sess, &res, dir);
	direct_setup(&c, dir, g, in, in_idx, out, out_idx);
	if (!o->vaccel_first)
		vaccel_setup(sess, &res, dir);

	/* Random input, the same bytes for both paths. */
	c.data = aligned_alloc(64, (c.in_bytes + 63) / 64 * 64);
	if (!c.data)
		mlb_die("out of memory");
	srand(42);
	for (size_t i = 0; i < c.in_bytes / sizeof(float); i++)
		c.data[i] = (float)rand() / (float)RAND_MAX * 2.0f - 1.0f;

	if (vaccel_tf_node_init(&c.in_node, in, in_idx) ||
	    vaccel_tf_node_init(&c.out_node, out, out_idx) ||
	    vaccel_tf_tensor_new(&c.input, c.nr_dims, c.dims,
				 VACCEL_TF_FLOAT) ||
	    vaccel_tf_tensor_set_data(c.input, c.data, c.in_bytes))
		mlb_die("cannot make the vaccel nodes and input tensor");
	c.sess = sess;
	c.res = &res;

	mlb_row(o, name, run_direct, run_vaccel, &c, &c.direct_out,
		&c.vaccel_out);

	vaccel_tf_tensor_delete(c.input);
	vaccel_tf_node_release(&c.in_node);
	vaccel_tf_node_release(&c.out_node);
	vaccel_tf_model_unload(sess, &res, &st);
	vaccel_tf_status_release(&st);
	vaccel_resource_unregister(&res, sess);
	vaccel_resource_release(&res);
	TF_CloseSession(c.session, c.status);
	TF_DeleteSession(c.session, c.status);
	TF_DeleteGraph(g);
	TF_DeleteStatus(c.status);
	free(c.data);
	free(c.direct_out.data);
	free(c.vaccel_out.data);
}

int main(int argc, char **argv)
{
	struct mlb_opts o;
	struct vaccel_session sess;
	const char *prof = getenv("VACCEL_PROFILING_ENABLED");
	char title[128];

	/* Before TensorFlow starts: its INFO lines would break the table. */
	setenv("TF_CPP_MIN_LOG_LEVEL", "2", 0);
	mlb_parse_args(&o, "tf_bench", argc, argv);
	if (vaccel_plugin_load(o.plugin))
		mlb_die("cannot load plugin %s", o.plugin);
	if (vaccel_session_init(&sess, 0))
		mlb_die("vaccel_session_init failed");

	snprintf(title, sizeof(title),
		 "TensorFlow %s, profiling %s, %s loaded first", TF_Version(),
		 prof && *prof == '1' ? "on" : "off",
		 o.vaccel_first ? "vaccel" : "direct");
	mlb_print_head(title);
	for (int i = 0; i < o.nr_models; i++)
		bench_model(&o, &sess, o.models[i]);

	vaccel_session_release(&sess);
	return 0;
}

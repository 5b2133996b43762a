/* Latency of .tflite models run (a) by LiteRT's C API directly and (b)
 * through vaccel_tflite_model_run in-process, in the same process and run.
 * The direct path does what the tflite plugin does per call (copy the
 * input into a locked LiteRT buffer, run the compiled model, copy the
 * output out), with the same compilation options (CPU accelerator), on
 * the same libLiteRt.so. See docs/performance.md. */

#include "bench/ml_bench.h"
#include "c/plugins/tflite/litert_api.h"

#include <vaccel.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One model, both paths. */
struct ctx {
	/* (a) direct */
	LiteRtCompiledModel compiled;
	LiteRtTensorBuffer in_buf, out_buf;
	size_t in_bytes, out_bytes;
	struct mlb_buf direct_out;
	/* (b) vaccel */
	struct vaccel_session *sess;
	struct vaccel_resource *res;
	struct vaccel_tflite_tensor *input;
	struct mlb_buf vaccel_out;
	/* the input both paths feed */
	float *data;
};

#define CHECK(call)                                                            \
	do {                                                                   \
		LiteRtStatus s_ = (call);                                      \
		if (s_ != kLiteRtStatusOk)                                     \
			mlb_die("%s: LiteRT status %d", #call, (int)s_);       \
	} while (0)

static double run_direct(void *p, bool keep)
{
	struct ctx *c = p;
	double t0 = mlb_now_us();
	void *mem, *out;

	CHECK(LiteRtLockTensorBuffer(c->in_buf, &mem,
				     kLiteRtTensorBufferLockModeWrite));
	memcpy(mem, c->data, c->in_bytes);
	CHECK(LiteRtUnlockTensorBuffer(c->in_buf));
	CHECK(LiteRtRunCompiledModel(c->compiled, 0, 1, &c->in_buf, 1,
				     &c->out_buf));
	/* What an application keeps: the result in its own buffer. */
	out = malloc(c->out_bytes);
	if (!out)
		mlb_die("out of memory");
	CHECK(LiteRtLockTensorBuffer(c->out_buf, &mem,
				     kLiteRtTensorBufferLockModeRead));
	memcpy(out, mem, c->out_bytes);
	CHECK(LiteRtUnlockTensorBuffer(c->out_buf));
	mlb_escape(out);
	if (keep)
		mlb_keep(&c->direct_out, out, c->out_bytes);
	free(out);
	return mlb_now_us() - t0;
}

static double run_vaccel(void *p, bool keep)
{
	struct ctx *c = p;
	struct vaccel_tflite_tensor *out[1] = {NULL};
	uint8_t status = 1;
	double t0 = mlb_now_us(), dt;
	int rc;

	rc = vaccel_tflite_model_run(c->sess, c->res, &c->input, 1, out, 1,
				     &status);
	if (rc == VACCEL_OK && keep)
		mlb_keep(&c->vaccel_out, out[0]->data, out[0]->size);
	if (out[0])
		vaccel_tflite_tensor_delete(out[0]);
	dt = mlb_now_us() - t0;
	if (rc != VACCEL_OK || status != 0)
		mlb_die("vaccel_tflite_model_run: %d (status %u)", rc,
			(unsigned)status);
	return dt;
}

static size_t type_bytes(const LiteRtRankedTensorType *t, int32_t *dims)
{
	size_t n = 4; /* float32, checked by the caller */

	for (unsigned int d = 0; d < t->layout.rank; d++) {
		n *= (size_t)t->layout.dimensions[d];
		if (dims)
			dims[d] = t->layout.dimensions[d];
	}
	return n;
}

/* The direct path: the model built and compiled as the plugin does. */
static void direct_setup(struct ctx *c, LiteRtEnvironment env,
			 const void *bytes, size_t size, LiteRtModel *model,
			 LiteRtRankedTensorType *in_type)
{
	LiteRtRankedTensorType out_type;
	LiteRtSignature sig;
	LiteRtTensor t;
	LiteRtOptions opts;
	LiteRtParamIndex ni, no;

	CHECK(LiteRtCreateModelFromBuffer(env, bytes, size, model));
	CHECK(LiteRtGetModelSignature(*model, 0, &sig));
	CHECK(LiteRtGetNumSignatureInputs(sig, &ni));
	CHECK(LiteRtGetNumSignatureOutputs(sig, &no));
	if (ni != 1 || no != 1)
		mlb_die("want one input and one output, got %zu and %zu", ni,
			no);
	CHECK(LiteRtGetSignatureInputTensorByIndex(sig, 0, &t));
	CHECK(LiteRtGetRankedTensorType(t, in_type));
	CHECK(LiteRtGetSignatureOutputTensorByIndex(sig, 0, &t));
	CHECK(LiteRtGetRankedTensorType(t, &out_type));
	if (in_type->element_type != kLiteRtElementTypeFloat32 ||
	    out_type.element_type != kLiteRtElementTypeFloat32)
		mlb_die("want float32 input and output");
	c->in_bytes = type_bytes(in_type, NULL);
	c->out_bytes = type_bytes(&out_type, NULL);

	CHECK(LiteRtCreateOptions(&opts));
	CHECK(LiteRtSetOptionsHardwareAccelerators(opts,
						   kLiteRtHwAcceleratorCpu));
	CHECK(LiteRtCreateCompiledModel(env, *model, opts, &c->compiled));
	LiteRtDestroyOptions(opts);
	CHECK(LiteRtCreateManagedTensorBuffer(
	    env, kLiteRtTensorBufferTypeHostMemory, in_type, c->in_bytes,
	    &c->in_buf));
	CHECK(LiteRtCreateManagedTensorBuffer(
	    env, kLiteRtTensorBufferTypeHostMemory, &out_type, c->out_bytes,
	    &c->out_buf));
}

/* The vaccel path: the .tflite file as a resource, loaded. */
static void vaccel_setup(struct vaccel_session *sess,
			 struct vaccel_resource *res, const char *path)
{
	int rc;

	if (vaccel_resource_init(res, path, VACCEL_RESOURCE_MODEL) ||
	    vaccel_resource_register(res, sess))
		mlb_die("cannot make a model resource of %s", path);
	rc = vaccel_tflite_model_load(sess, res);
	if (rc)
		mlb_die("vaccel_tflite_model_load(%s): %d", path, rc);
}

static void bench_model(const struct mlb_opts *o, LiteRtEnvironment env,
			struct vaccel_session *sess, const char *spec)
{
	const char *name, *path;
	struct ctx c = {0};
	struct vaccel_resource res;
	LiteRtRankedTensorType in_type;
	LiteRtModel model;
	int32_t dims[LITERT_TENSOR_MAX_RANK];
	size_t size;
	void *bytes;

	mlb_split_model(spec, &name, &path);
	bytes = mlb_read_file(path, &size); /* LiteRT reads it in place */
	if (o->vaccel_first)
		vaccel_setup(sess, &res, path);
	direct_setup(&c, env, bytes, size, &model, &in_type);
	if (!o->vaccel_first)
		vaccel_setup(sess, &res, path);

	/* Random input, the same for both paths. */
	c.data = malloc(c.in_bytes);
	if (!c.data)
		mlb_die("out of memory");
	srand(42);
	for (size_t i = 0; i < c.in_bytes / 4; i++)
		c.data[i] = (float)rand() / (float)RAND_MAX * 2.0f - 1.0f;

	type_bytes(&in_type, dims);
	if (vaccel_tflite_tensor_new(&c.input, (int)in_type.layout.rank, dims,
				     VACCEL_TFLITE_FLOAT32) ||
	    vaccel_tflite_tensor_set_data(c.input, c.data, c.in_bytes))
		mlb_die("cannot make the vaccel input tensor");
	c.sess = sess;
	c.res = &res;

	mlb_row(o, name, run_direct, run_vaccel, &c, &c.direct_out,
		&c.vaccel_out);

	vaccel_tflite_tensor_delete(c.input);
	vaccel_tflite_model_unload(sess, &res);
	vaccel_resource_unregister(&res, sess);
	vaccel_resource_release(&res);
	LiteRtDestroyTensorBuffer(c.in_buf);
	LiteRtDestroyTensorBuffer(c.out_buf);
	LiteRtDestroyCompiledModel(c.compiled);
	LiteRtDestroyModel(model);
	free(bytes);
	free(c.data);
	free(c.direct_out.data);
	free(c.vaccel_out.data);
}

int main(int argc, char **argv)
{
	struct mlb_opts o;
	struct vaccel_session sess;
	LiteRtEnvironment env;
	const char *prof = getenv("VACCEL_PROFILING_ENABLED");
	char title[128];

	mlb_parse_args(&o, "tflite_bench", argc, argv);
	if (vaccel_plugin_load(o.plugin))
		mlb_die("cannot load plugin %s", o.plugin);
	if (vaccel_session_init(&sess, 0))
		mlb_die("vaccel_session_init failed");
	CHECK(LiteRtCreateEnvironment(0, NULL, &env));

	snprintf(title, sizeof(title),
		 "LiteRT %s, profiling %s, %s loaded first",
		 LITERT_PINNED_VERSION, prof && *prof == '1' ? "on" : "off",
		 o.vaccel_first ? "vaccel" : "direct");
	mlb_print_head(title);
	for (int i = 0; i < o.nr_models; i++)
		bench_model(&o, env, &sess, o.models[i]);

	LiteRtDestroyEnvironment(env);
	vaccel_session_release(&sess);
	return 0;
}

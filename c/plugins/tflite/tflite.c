/* The tflite plugin: .tflite models on LiteRT's C API (libLiteRt.so from
 * the pinned ai-edge-litert wheel). tflite_model_load builds a model from
 * the bytes of a MODEL resource, tflite_model_run checks the inputs
 * against the model's first signature and runs it on the CPU,
 * tflite_model_unload drops it. See docs/tflite.md. */

#include "tflite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define RUNNERS_ENV "VACCEL_TFLITE_RUNNERS"

/* vAccel's status byte is TFLite's TfLiteStatus: kTfLiteOk, kTfLiteError. */
#define STATUS_OK 0
#define STATUS_ERROR 1

/* ---- load / unload ------------------------------------------------- */

/* The .tflite blob of `res`: its only blob, or the only one named
 * *.tflite. */
static struct vaccel_blob *model_blob(struct vaccel_resource *res)
{
	struct vaccel_blob *found = NULL;
	size_t n = 0;

	if (res->nr_blobs == 1)
		return res->blobs[0];
	for (size_t i = 0; i < res->nr_blobs; i++) {
		const char *name = res->blobs[i]->name;
		size_t len = name ? strlen(name) : 0;

		if (len >= 7 && !strcasecmp(name + len - 7, ".tflite")) {
			found = res->blobs[i];
			n++;
		}
	}
	if (n == 1)
		return found;
	vaccel_plugin_error("resource %lld has %zu files and %zu of them end "
			    "in .tflite; expected one .tflite file",
			    (long long)res->id, res->nr_blobs, n);
	return NULL;
}

static int tfl_load(struct vaccel_session *sess, struct vaccel_resource *res)
{
	struct tfl_model *m;
	struct vaccel_blob *blob;
	const uint8_t *bytes;
	size_t size = 0;
	int ret;

	m = tfl_table_get(res->id);
	if (m) {
		tfl_model_put(m);
		vaccel_plugin_debug("session %lld: resource %lld is loaded "
				    "already",
				    (long long)sess->id, (long long)res->id);
		return VACCEL_OK;
	}
	blob = model_blob(res);
	if (!blob)
		return VACCEL_EINVAL;
	bytes = vaccel_plugin_host->blob_data(blob, &size);
	if (!bytes) {
		vaccel_plugin_error("resource %lld: cannot read '%s'",
				    (long long)res->id,
				    blob->name ? blob->name : "(unnamed)");
		return VACCEL_EIO;
	}
	ret = tfl_model_create(&m, res->id, bytes, size);
	if (ret)
		return ret;
	if (tfl_table_add(m) == VACCEL_EEXIST) {
		/* Another thread loaded it meanwhile: keep theirs. */
		tfl_model_put(m);
		return VACCEL_OK;
	}
	vaccel_plugin_debug("session %lld: loaded resource %lld (%zu bytes, "
			    "%zu inputs, %zu outputs)",
			    (long long)sess->id, (long long)res->id, size,
			    m->nr_in, m->nr_out);
	return VACCEL_OK;
}

static int tfl_unload(struct vaccel_session *sess, struct vaccel_resource *res)
{
	if (tfl_table_remove(res->id)) {
		vaccel_plugin_error("session %lld: resource %lld is not "
				    "loaded (call vaccel_tflite_model_load "
				    "first)",
				    (long long)sess->id, (long long)res->id);
		return VACCEL_EINVAL;
	}
	vaccel_plugin_debug("session %lld: unloaded resource %lld",
			    (long long)sess->id, (long long)res->id);
	return VACCEL_OK;
}

/* The last session let go of the resource: drop its model. */
static void tfl_resource_unregister(struct vaccel_resource *res,
				    struct vaccel_session *sess)
{
	(void)sess;
	if (vaccel_plugin_host->resource_refcount(res) > 0)
		return;
	if (!tfl_table_remove(res->id))
		vaccel_plugin_debug("resource %lld left its last session: "
				    "model freed",
				    (long long)res->id);
}

/* ---- run ----------------------------------------------------------- */

static int check_input(const struct tfl_io *io, size_t i,
		       const struct vaccel_tflite_tensor *t)
{
	const LiteRtLayout *l = &io->type.layout;

	if (!t) {
		vaccel_plugin_error("input %zu ('%s') is NULL", i, io->name);
		return VACCEL_EINVAL;
	}
	if (!tfl_dtype_size(t->data_type)) {
		vaccel_plugin_error("input %zu ('%s'): dtype %s (%d) is not "
				    "supported by the tflite plugin",
				    i, io->name,
				    vaccel_tflite_data_type_name(t->data_type),
				    (int)t->data_type);
		return VACCEL_EINVAL;
	}
	if ((int)t->data_type != (int)io->type.element_type) {
		vaccel_plugin_error(
		    "input %zu ('%s'): dtype %s, the model "
		    "expects %s",
		    i, io->name, vaccel_tflite_data_type_name(t->data_type),
		    vaccel_tflite_data_type_name(io->type.element_type));
		return VACCEL_EINVAL;
	}
	bool same = t->nr_dims == (int)l->rank && (t->dims || !l->rank);
	for (unsigned int d = 0; same && d < l->rank; d++)
		same = t->dims[d] == l->dimensions[d];
	if (!same) {
		char want[128] = "", got[128] = "";
		size_t w = 0, g = 0;

		for (unsigned int d = 0; d < l->rank && w < sizeof(want); d++)
			w += (size_t)snprintf(want + w, sizeof(want) - w,
					      "%s%d", d ? "," : "",
					      (int)l->dimensions[d]);
		for (int d = 0; t->dims && d < t->nr_dims && g < sizeof(got);
		     d++)
			g += (size_t)snprintf(got + g, sizeof(got) - g, "%s%d",
					      d ? "," : "", (int)t->dims[d]);
		vaccel_plugin_error("input %zu ('%s'): shape [%s], the model "
				    "expects [%s]",
				    i, io->name, got, want);
		return VACCEL_EINVAL;
	}
	if (t->size != io->bytes || (!t->data && io->bytes)) {
		vaccel_plugin_error("input %zu ('%s'): %zu bytes of data%s, "
				    "the shape needs %zu",
				    i, io->name, t->size,
				    t->data ? "" : " (NULL)", io->bytes);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

static int check_args(const struct tfl_model *m,
		      struct vaccel_tflite_tensor *const *inputs, int nr_inputs,
		      struct vaccel_tflite_tensor **outputs, int nr_outputs)
{
	int ret = VACCEL_OK;

	if (nr_inputs < 0 || (size_t)nr_inputs != m->nr_in ||
	    (nr_inputs && !inputs)) {
		vaccel_plugin_error(
		    "resource %lld: the model takes %zu "
		    "inputs, got %d%s",
		    (long long)m->entry.res_id, m->nr_in, nr_inputs,
		    nr_inputs && !inputs ? " (NULL array)" : "");
		return VACCEL_EINVAL;
	}
	if (nr_outputs < 0 || (size_t)nr_outputs < m->nr_out ||
	    (nr_outputs && !outputs)) {
		vaccel_plugin_error(
		    "resource %lld: the model has %zu "
		    "outputs, but there are %d output "
		    "slots%s",
		    (long long)m->entry.res_id, m->nr_out, nr_outputs,
		    nr_outputs && !outputs ? " (NULL array)" : "");
		return VACCEL_EINVAL;
	}
	for (size_t i = 0; !ret && i < m->nr_in; i++)
		ret = check_input(&m->in[i], i, inputs[i]);
	return ret;
}

static int copy_in(const struct tfl_model *m, struct tfl_runner *r,
		   struct vaccel_tflite_tensor *const *inputs)
{
	for (size_t i = 0; i < m->nr_in; i++) {
		void *dst;

		if (LiteRtLockTensorBuffer(r->in[i], &dst,
					   kLiteRtTensorBufferLockModeWrite)) {
			vaccel_plugin_error("input %zu: cannot lock its "
					    "buffer",
					    i);
			return VACCEL_EBACKEND;
		}
		memcpy(dst, inputs[i]->data, m->in[i].bytes);
		LiteRtUnlockTensorBuffer(r->in[i]);
	}
	return VACCEL_OK;
}

/* New output tensors (the host's allocator: the caller frees them with
 * vaccel_tflite_tensor_delete) holding the run's results. */
static int copy_out(const struct tfl_model *m, struct tfl_runner *r,
		    struct vaccel_tflite_tensor **outputs)
{
	const struct vaccel_host_api *host = vaccel_plugin_host;

	for (size_t i = 0; i < m->nr_out; i++) {
		const struct tfl_io *io = &m->out[i];
		void *src;
		int ret;

		ret = host->tflite_tensor_allocate(
		    &outputs[i], (int)io->type.layout.rank,
		    io->type.layout.dimensions,
		    (enum vaccel_tflite_data_type)io->type.element_type,
		    io->bytes);
		if (ret) {
			outputs[i] = NULL;
			return ret;
		}
		if (LiteRtLockTensorBuffer(r->out[i], &src,
					   kLiteRtTensorBufferLockModeRead)) {
			vaccel_plugin_error("output %zu: cannot lock its "
					    "buffer",
					    i);
			return VACCEL_EBACKEND;
		}
		memcpy(outputs[i]->data, src, io->bytes);
		LiteRtUnlockTensorBuffer(r->out[i]);
	}
	return VACCEL_OK;
}

static int run_locked(struct tfl_model *m, struct tfl_runner *r,
		      struct vaccel_tflite_tensor *const *inputs,
		      struct vaccel_tflite_tensor **outputs)
{
	LiteRtStatus s;
	int ret = copy_in(m, r, inputs);

	if (ret)
		return ret;
	s = LiteRtRunCompiledModel(r->compiled, 0, m->nr_in, r->in, m->nr_out,
				   r->out);
	if (s != kLiteRtStatusOk) {
		vaccel_plugin_error("resource %lld: running the model failed: "
				    "LiteRT status %d",
				    (long long)m->entry.res_id, (int)s);
		return VACCEL_EBACKEND;
	}
	return copy_out(m, r, outputs);
}

static int tfl_run(struct vaccel_session *sess, struct vaccel_resource *res,
		   struct vaccel_tflite_tensor *const *inputs, int nr_inputs,
		   struct vaccel_tflite_tensor **outputs, int nr_outputs,
		   uint8_t *status)
{
	struct tfl_model *m = tfl_table_get(res->id);
	struct tfl_runner *r;
	int ret;

	if (status)
		*status = STATUS_ERROR;
	if (!m) {
		vaccel_plugin_error("session %lld: resource %lld is not "
				    "loaded (call vaccel_tflite_model_load "
				    "first)",
				    (long long)sess->id, (long long)res->id);
		return VACCEL_EINVAL;
	}
	ret = check_args(m, inputs, nr_inputs, outputs, nr_outputs);
	if (!ret) {
		for (int i = 0; i < nr_outputs; i++)
			outputs[i] = NULL;
		ret = tfl_runner_take(m, &r);
	}
	if (!ret) {
		ret = run_locked(m, r, inputs, outputs);
		tfl_runner_give(m, r);
		if (ret) {
			for (size_t i = 0; i < m->nr_out; i++) {
				if (outputs[i])
					vaccel_plugin_host
					    ->tflite_tensor_delete(outputs[i]);
				outputs[i] = NULL;
			}
		}
	}
	tfl_model_put(m);
	if (!ret && status)
		*status = STATUS_OK;
	return ret;
}

/* ---- plugin -------------------------------------------------------- */

static int parse_runners(void)
{
	const char *v = getenv(RUNNERS_ENV);
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	char *end;
	long n;

	tfl_max_runners = cpus > 0 ? (size_t)cpus : 1;
	if (!v)
		return VACCEL_OK;
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < 1 || n > 4096) {
		vaccel_plugin_error("%s is '%s'; expected a number from 1 to "
				    "4096",
				    RUNNERS_ENV, v);
		return VACCEL_EINVAL;
	}
	tfl_max_runners = (size_t)n;
	return VACCEL_OK;
}

static int tfl_init(void)
{
	const struct vaccel_host_api *host = vaccel_plugin_host;
	int ret;

	if (!VACCEL_HOST_HAS(host, resource_refcount)) {
		vaccel_plugin_error("the runtime %s is too old: it lacks the "
				    "host functions of ABI 1.1",
				    host->runtime_version);
		return VACCEL_ELIBBAD;
	}
	ret = tfl_check_version();
	if (!ret)
		ret = parse_runners();
	if (ret)
		return ret;
	if (LiteRtCreateEnvironment(0, NULL, &tfl_env) != kLiteRtStatusOk) {
		vaccel_plugin_error("cannot create a LiteRT environment");
		return VACCEL_EBACKEND;
	}
	vaccel_plugin_debug("LiteRT %s, up to %zu compiled instances per "
			    "model",
			    LITERT_PINNED_VERSION, tfl_max_runners);
	return VACCEL_OK;
}

static int tfl_fini(void)
{
	tfl_table_clear();
	if (tfl_env)
		LiteRtDestroyEnvironment(tfl_env);
	tfl_env = NULL;
	return VACCEL_OK;
}

static const struct vaccel_op tfl_ops[] = {
    VACCEL_PLUGIN_OP(tflite_model_load, tfl_load),
    VACCEL_PLUGIN_OP(tflite_model_unload, tfl_unload),
    VACCEL_PLUGIN_OP(tflite_model_run, tfl_run),
};

VACCEL_PLUGIN(.name = "tflite", .version = VACCEL_VERSION,
	      .type = VACCEL_PLUGIN_CPU | VACCEL_PLUGIN_TENSORFLOW,
	      .ops = tfl_ops, .nr_ops = sizeof(tfl_ops) / sizeof(tfl_ops[0]),
	      .init = tfl_init, .fini = tfl_fini,
	      .resource_unregister = tfl_resource_unregister);

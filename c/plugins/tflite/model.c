/* Loaded models of the tflite plugin: the table keyed by resource id, the
 * LiteRT model of each, and its pool of compiled instances. */

#include "tflite.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

LiteRtEnvironment tfl_env;
size_t tfl_max_runners = 1;

/* ---- one model ------------------------------------------------------ */

static void runner_free(struct tfl_model *m, struct tfl_runner *r)
{
	for (size_t i = 0; r->in && i < m->nr_in; i++)
		if (r->in[i])
			LiteRtDestroyTensorBuffer(r->in[i]);
	for (size_t i = 0; r->out && i < m->nr_out; i++)
		if (r->out[i])
			LiteRtDestroyTensorBuffer(r->out[i]);
	free(r->in);
	free(r->out);
	if (r->compiled)
		LiteRtDestroyCompiledModel(r->compiled);
	free(r);
}

static int buffers_new(LiteRtTensorBuffer **out, const struct tfl_io *io,
		       size_t n)
{
	LiteRtStatus s;

	*out = calloc(n ? n : 1, sizeof(**out));
	if (!*out)
		return VACCEL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		s = LiteRtCreateManagedTensorBuffer(
		    tfl_env, kLiteRtTensorBufferTypeHostMemory, &io[i].type,
		    io[i].bytes, &(*out)[i]);
		if (s != kLiteRtStatusOk) {
			vaccel_plugin_error("tensor buffer for '%s' (%zu "
					    "bytes): LiteRT status %d",
					    io[i].name, io[i].bytes, (int)s);
			return VACCEL_EBACKEND;
		}
	}
	return VACCEL_OK;
}

/* A compiled instance on the CPU, with buffers for every input/output. */
static int runner_new(struct tfl_model *m, struct tfl_runner **out)
{
	struct tfl_runner *r = calloc(1, sizeof(*r));
	LiteRtOptions opts = NULL;
	LiteRtStatus s;
	int ret;

	if (!r)
		return VACCEL_ENOMEM;
	s = LiteRtCreateOptions(&opts);
	if (s == kLiteRtStatusOk)
		s = LiteRtSetOptionsHardwareAccelerators(
		    opts, kLiteRtHwAcceleratorCpu);
	if (s == kLiteRtStatusOk)
		s = LiteRtCreateCompiledModel(tfl_env, m->model, opts,
					      &r->compiled);
	if (opts)
		LiteRtDestroyOptions(opts);
	if (s != kLiteRtStatusOk) {
		vaccel_plugin_error("resource %lld: compiling the model "
				    "failed: LiteRT status %d",
				    (long long)m->entry.res_id, (int)s);
		r->compiled = NULL;
		runner_free(m, r);
		return VACCEL_EBACKEND;
	}
	ret = buffers_new(&r->in, m->in, m->nr_in);
	if (!ret)
		ret = buffers_new(&r->out, m->out, m->nr_out);
	if (ret) {
		runner_free(m, r);
		return ret;
	}
	*out = r;
	return VACCEL_OK;
}

/* Reads one signature input/output: a ranked tensor of a fixed shape and
 * of a dtype that host buffers carry. */
static int io_read(struct tfl_model *m, LiteRtSignature sig, bool input,
		   size_t i, struct tfl_io *io)
{
	const char *what = input ? "input" : "output";
	LiteRtTensor t;
	LiteRtStatus s;
	size_t n = 1;

	s = input ? LiteRtGetSignatureInputName(sig, i, &io->name)
		  : LiteRtGetSignatureOutputName(sig, i, &io->name);
	if (s == kLiteRtStatusOk)
		s = input ? LiteRtGetSignatureInputTensorByIndex(sig, i, &t)
			  : LiteRtGetSignatureOutputTensorByIndex(sig, i, &t);
	if (s == kLiteRtStatusOk)
		s = LiteRtGetRankedTensorType(t, &io->type);
	if (s != kLiteRtStatusOk) {
		vaccel_plugin_error("resource %lld: %s %zu: not a ranked "
				    "tensor (LiteRT status %d)",
				    (long long)m->entry.res_id, what, i,
				    (int)s);
		return VACCEL_EINVAL;
	}
	if (!tfl_dtype_size(io->type.element_type)) {
		vaccel_plugin_error(
		    "resource %lld: %s %zu ('%s') has dtype "
		    "%s, which the tflite plugin does not "
		    "support",
		    (long long)m->entry.res_id, what, i, io->name,
		    vaccel_tflite_data_type_name(io->type.element_type));
		return VACCEL_EINVAL;
	}
	for (unsigned int d = 0; d < io->type.layout.rank; d++) {
		if (io->type.layout.dimensions[d] < 0) {
			vaccel_plugin_error(
			    "resource %lld: %s %zu ('%s') has a dynamic "
			    "dimension %u; convert the model with a fixed "
			    "shape",
			    (long long)m->entry.res_id, what, i, io->name, d);
			return VACCEL_EINVAL;
		}
		/* A model file is untrusted input too: no wrapping. */
		size_t dim = (size_t)io->type.layout.dimensions[d];
		if (dim && n > PTRDIFF_MAX / dim) {
			vaccel_plugin_error(
			    "resource %lld: %s %zu ('%s') has more elements "
			    "than any buffer can hold",
			    (long long)m->entry.res_id, what, i, io->name);
			return VACCEL_EINVAL;
		}
		n *= dim;
	}
	size_t elem = tfl_dtype_size(io->type.element_type);
	if (elem && n > PTRDIFF_MAX / elem) {
		vaccel_plugin_error("resource %lld: %s %zu ('%s') is larger "
				    "than any buffer can be",
				    (long long)m->entry.res_id, what, i,
				    io->name);
		return VACCEL_EINVAL;
	}
	io->bytes = n * elem;
	return VACCEL_OK;
}

static int signature_read(struct tfl_model *m)
{
	LiteRtParamIndex nr_sigs = 0;
	LiteRtSignature sig;
	int ret = VACCEL_OK;

	if (LiteRtGetNumModelSignatures(m->model, &nr_sigs) !=
		kLiteRtStatusOk ||
	    nr_sigs == 0 || LiteRtGetModelSignature(m->model, 0, &sig) ||
	    LiteRtGetNumSignatureInputs(sig, &m->nr_in) ||
	    LiteRtGetNumSignatureOutputs(sig, &m->nr_out)) {
		vaccel_plugin_error("resource %lld: the model has no usable "
				    "signature",
				    (long long)m->entry.res_id);
		return VACCEL_EINVAL;
	}
	if (nr_sigs > 1)
		vaccel_plugin_warn("resource %lld: the model has %zu "
				   "signatures; using the first",
				   (long long)m->entry.res_id, (size_t)nr_sigs);
	m->in = calloc(m->nr_in ? m->nr_in : 1, sizeof(*m->in));
	m->out = calloc(m->nr_out ? m->nr_out : 1, sizeof(*m->out));
	if (!m->in || !m->out)
		return VACCEL_ENOMEM;
	for (size_t i = 0; !ret && i < m->nr_in; i++)
		ret = io_read(m, sig, true, i, &m->in[i]);
	for (size_t i = 0; !ret && i < m->nr_out; i++)
		ret = io_read(m, sig, false, i, &m->out[i]);
	return ret;
}

static void model_free(struct tfl_model *m)
{
	struct tfl_runner *r, *next;

	for (r = m->idle; r; r = next) {
		next = r->next;
		runner_free(m, r);
	}
	if (m->model)
		LiteRtDestroyModel(m->model);
	pthread_cond_destroy(&m->idle_cond);
	pthread_mutex_destroy(&m->lock);
	free(m->in);
	free(m->out);
	free(m->bytes);
	free(m);
}

int tfl_model_create(struct tfl_model **out, vaccel_id_t res_id,
		     const void *bytes, size_t size)
{
	struct tfl_model *m = calloc(1, sizeof(*m));
	struct tfl_runner *r;
	LiteRtStatus s;
	int ret;

	if (!m)
		return VACCEL_ENOMEM;
	pthread_mutex_init(&m->lock, NULL);
	pthread_cond_init(&m->idle_cond, NULL);
	vaccel_plugin_cache_entry_init(&m->entry, res_id);
	/* LiteRT keeps pointing into the buffer: keep our own copy, so the
	 * model does not depend on the resource's blob staying mapped. */
	m->bytes = malloc(size ? size : 1);
	if (!m->bytes) {
		model_free(m);
		return VACCEL_ENOMEM;
	}
	memcpy(m->bytes, bytes, size);
	m->size = size;
	s = LiteRtCreateModelFromBuffer(tfl_env, m->bytes, size, &m->model);
	if (s != kLiteRtStatusOk) {
		vaccel_plugin_error("resource %lld: %zu bytes are not a valid "
				    ".tflite model (LiteRT status %d%s)",
				    (long long)res_id, size, (int)s,
				    s == kLiteRtStatusErrorInvalidFlatbuffer
					? ": invalid flatbuffer"
					: "");
		m->model = NULL;
		model_free(m);
		return VACCEL_EINVAL;
	}
	ret = signature_read(m);
	/* Compile one instance now: a model LiteRT cannot run fails here. */
	if (!ret)
		ret = runner_new(m, &r);
	if (ret) {
		model_free(m);
		return ret;
	}
	r->next = NULL;
	m->idle = r;
	m->nr_runners = 1;
	*out = m;
	return VACCEL_OK;
}

/* ---- the table ------------------------------------------------------ */

static void free_entry(struct vaccel_plugin_cache_entry *e)
{
	model_free(vaccel_plugin_cache_obj(e, struct tfl_model, entry));
}

static struct vaccel_plugin_cache table = VACCEL_PLUGIN_CACHE_INIT(free_entry);

void tfl_model_put(struct tfl_model *m)
{
	vaccel_plugin_cache_put(&table, &m->entry);
}

int tfl_table_add(struct tfl_model *m)
{
	return vaccel_plugin_cache_add(&table, &m->entry);
}

struct tfl_model *tfl_table_get(vaccel_id_t res_id)
{
	struct vaccel_plugin_cache_entry *e =
	    vaccel_plugin_cache_get(&table, res_id);

	return e ? vaccel_plugin_cache_obj(e, struct tfl_model, entry) : NULL;
}

int tfl_table_remove(vaccel_id_t res_id)
{
	return vaccel_plugin_cache_remove(&table, res_id);
}

void tfl_table_clear(void)
{
	vaccel_plugin_cache_clear(&table);
}

/* ---- the runner pool ------------------------------------------------ */

int tfl_runner_take(struct tfl_model *m, struct tfl_runner **out)
{
	int ret;

	pthread_mutex_lock(&m->lock);
	while (!m->idle && m->nr_runners >= tfl_max_runners)
		pthread_cond_wait(&m->idle_cond, &m->lock);
	if (m->idle) {
		*out = m->idle;
		m->idle = (*out)->next;
		pthread_mutex_unlock(&m->lock);
		return VACCEL_OK;
	}
	/* Counted before compiling, so that the cap holds meanwhile. */
	m->nr_runners++;
	pthread_mutex_unlock(&m->lock);
	ret = runner_new(m, out);
	if (ret) {
		pthread_mutex_lock(&m->lock);
		m->nr_runners--;
		pthread_cond_signal(&m->idle_cond);
		pthread_mutex_unlock(&m->lock);
	}
	return ret;
}

void tfl_runner_give(struct tfl_model *m, struct tfl_runner *r)
{
	pthread_mutex_lock(&m->lock);
	r->next = m->idle;
	m->idle = r;
	pthread_cond_signal(&m->idle_cond);
	pthread_mutex_unlock(&m->lock);
}

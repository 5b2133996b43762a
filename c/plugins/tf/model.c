/* Loaded models of the tf plugin: the table keyed by resource id, loading
 * a SavedModel into a session, statuses. */

#include "tf_plugin.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- statuses ------------------------------------------------------- */

static void set_status(struct vaccel_tf_status *status, int code,
		       const char *msg)
{
	if (!status)
		return;
	/* Without memory for the message: the code alone. */
	if (vaccel_plugin_host->tf_status_init(status, (uint8_t)code, msg)) {
		status->code = (uint8_t)code;
		status->message = NULL;
	}
}

int tfp_fail(struct vaccel_tf_status *status, int ret, int tf_code,
	     const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	vaccel_plugin_error("%s", msg);
	set_status(status, tf_code, msg);
	return ret;
}

/* vaccel's code for a TensorFlow error: the caller's input for the codes
 * TensorFlow uses for bad arguments and bad model files. */
static int vaccel_code(TF_Code code)
{
	switch (code) {
	case TF_INVALID_ARGUMENT:
	case TF_NOT_FOUND:
	case TF_FAILED_PRECONDITION:
	case TF_OUT_OF_RANGE:
	case TF_DATA_LOSS:
		return VACCEL_EINVAL;
	case TF_UNIMPLEMENTED:
		return VACCEL_ENOTSUP;
	case TF_PERMISSION_DENIED:
		return VACCEL_EPERM;
	default:
		return VACCEL_EBACKEND;
	}
}

int tfp_fail_tf(struct vaccel_tf_status *status, const TF_Status *s,
		const char *what)
{
	TF_Code code = TF_GetCode(s);

	vaccel_plugin_error("%s: TensorFlow error %d: %s", what, (int)code,
			    TF_Message(s));
	set_status(status, (int)code, TF_Message(s));
	return vaccel_code(code);
}

void tfp_ok(struct vaccel_tf_status *status)
{
	if (!status)
		return;
	status->code = 0;
	status->message = NULL;
}

/* ---- one model ------------------------------------------------------ */

static void model_free(struct tfp_model *m)
{
	TF_Status *s = TF_NewStatus();

	if (m->session) {
		TF_CloseSession(m->session, s);
		TF_DeleteSession(m->session, s);
	}
	if (m->graph)
		TF_DeleteGraph(m->graph);
	TF_DeleteStatus(s);
	free(m);
}

int tfp_model_create(struct tfp_model **out, vaccel_id_t res_id,
		     const char *dir, struct vaccel_tf_status *status)
{
	static const char *const tags[] = {"serve"};
	struct tfp_model *m = calloc(1, sizeof(*m));
	TF_SessionOptions *opts = TF_NewSessionOptions();
	TF_Status *s = TF_NewStatus();
	char what[256];
	int ret = VACCEL_OK;

	if (!m || !opts || !s) {
		ret =
		    tfp_fail(status, VACCEL_EBACKEND, TFP_INTERNAL,
			     "resource %lld: out of memory", (long long)res_id);
		goto out;
	}
	vaccel_plugin_cache_entry_init(&m->entry, res_id);
	m->graph = TF_NewGraph();
	m->session = TF_LoadSessionFromSavedModel(opts, NULL, dir, tags, 1,
						  m->graph, NULL, s);
	if (TF_GetCode(s) != TF_OK) {
		snprintf(what, sizeof(what),
			 "resource %lld: cannot load a SavedModel (tag "
			 "'serve') from %s",
			 (long long)res_id, dir);
		ret = tfp_fail_tf(status, s, what);
	}
out:
	if (ret && m) {
		model_free(m);
		m = NULL;
	}
	if (opts)
		TF_DeleteSessionOptions(opts);
	if (s)
		TF_DeleteStatus(s);
	*out = m;
	return ret;
}

/* ---- the table ------------------------------------------------------ */

static void free_entry(struct vaccel_plugin_cache_entry *e)
{
	model_free(vaccel_plugin_cache_obj(e, struct tfp_model, entry));
}

static struct vaccel_plugin_cache table = VACCEL_PLUGIN_CACHE_INIT(free_entry);

void tfp_model_put(struct tfp_model *m)
{
	vaccel_plugin_cache_put(&table, &m->entry);
}

int tfp_table_add(struct tfp_model *m)
{
	return vaccel_plugin_cache_add(&table, &m->entry);
}

struct tfp_model *tfp_table_get(vaccel_id_t res_id)
{
	struct vaccel_plugin_cache_entry *e =
	    vaccel_plugin_cache_get(&table, res_id);

	return e ? vaccel_plugin_cache_obj(e, struct tfp_model, entry) : NULL;
}

int tfp_table_remove(vaccel_id_t res_id)
{
	return vaccel_plugin_cache_remove(&table, res_id);
}

void tfp_table_clear(void)
{
	vaccel_plugin_cache_clear(&table);
}

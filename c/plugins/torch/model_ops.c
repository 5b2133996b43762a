/* The torch model ops: load (and cache) a resource's TorchScript model, run
 * it on tensors. torch_jitload_forward is an alias of torch_model_run in
 * the IDL, so it arrives here too. */

#include "torch_plugin.h"

#include <string.h>

/* A session that asked for GPU plugins only is not served while the plugin
 * runs on the CPU: the call passes on to the next plugin (VACCEL_ENOTSUP). */
bool torch_session_served(struct vaccel_session *sess)
{
	uint32_t hint = sess->hint;

	if (!(hint & VACCEL_PLUGIN_GPU) ||
	    (hint & (VACCEL_PLUGIN_CPU | VACCEL_PLUGIN_TORCH)) ||
	    strcmp(torch_engine_device(), "cpu"))
		return true;
	vaccel_plugin_debug("session %lld asks for a GPU; the torch plugin "
			    "runs on the cpu",
			    (long long)sess->id);
	return false;
}

/* A call racing with the last unregister of `res` may have cached the model
 * after the unregister hook ran: drop it again (the hook lowers the count
 * before it runs, so one of the two always sees 0). */
static void release_model(struct vaccel_resource *res, struct torch_model *m)
{
	torch_model_put(m);
	if (vaccel_plugin_host->resource_refcount(res) <= 0)
		torch_model_forget(res);
}

int torch_model_load(struct vaccel_session *sess, struct vaccel_resource *model)
{
	struct torch_model *m;
	int ret;

	if (!torch_session_served(sess))
		return VACCEL_ENOTSUP;
	ret = torch_model_get(model, &m);
	if (ret)
		return ret;
	release_model(model, m);
	return VACCEL_OK;
}

int torch_model_run(struct vaccel_session *sess, struct vaccel_resource *model,
		    const struct vaccel_torch_buffer *run_options,
		    struct vaccel_torch_tensor *const *inputs, int nr_inputs,
		    struct vaccel_torch_tensor **outputs, int nr_outputs)
{
	struct torch_model *m;
	int ret;

	/* vAccel passes run options through unused; so do we. */
	(void)run_options;
	if (!torch_session_served(sess))
		return VACCEL_ENOTSUP;
	if (nr_outputs > 0 && !outputs) {
		vaccel_plugin_error("outputs is NULL with nr_outputs %d",
				    nr_outputs);
		return VACCEL_EINVAL;
	}
	ret = torch_model_get(model, &m);
	if (ret)
		return ret;
	ret = torch_module_forward(torch_model_module(m), inputs, nr_inputs,
				   outputs, nr_outputs);
	release_model(model, m);
	return ret;
}

/* The model stays cached while the resource is in some session; it is
 * freed when the last session lets go of it (after running calls end). */
void torch_resource_unregister(struct vaccel_resource *res,
			       struct vaccel_session *sess)
{
	long refs = vaccel_plugin_host->resource_refcount(res);

	(void)sess;
	if (res->type != VACCEL_RESOURCE_MODEL || refs > 0)
		return;
	torch_model_forget(res);
}

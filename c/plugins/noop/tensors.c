/* The inference ops on noop, as vAccel's noop answers them: every output
 * tensor echoes the input at the same index (type, dims, data), allocated
 * through the host so the caller frees it with vaccel_*_tensor_delete;
 * TensorFlow statuses carry code 0 and a fixed message (docs/noop.md). */

#include "noop.h"

#include <string.h>

#define NOOP_TF_STATUS_MESSAGE "Operation handled by noop plugin"

/* Output i echoes input i, so there must be an input for each output. */
static int check_counts(const char *op, int nr_inputs, int nr_outputs)
{
	if (nr_outputs <= nr_inputs)
		return VACCEL_OK;
	vaccel_plugin_error("%s: noop echoes input i as output i, but "
			    "nr_outputs (%d) > nr_inputs (%d)",
			    op, nr_outputs, nr_inputs);
	return VACCEL_EINVAL;
}

static bool host_has_tensors(void)
{
	if (VACCEL_HOST_HAS(vaccel_plugin_host, tflite_tensor_delete))
		return true;
	vaccel_plugin_error("the runtime's host table has no tensor "
			    "allocators (runtime %s)",
			    vaccel_plugin_host->runtime_version);
	return false;
}

/* ECHO(P, in, out, n): output tensors of family P (torch, tf, tflite) as
 * copies of the inputs; on failure nothing is left allocated. */
#define NOOP_DEFINE_ECHO(P)                                                    \
	static int echo_##P(struct vaccel_##P##_tensor *const *in,             \
			    struct vaccel_##P##_tensor **out, int n)           \
	{                                                                      \
		const struct vaccel_host_api *h = vaccel_plugin_host;          \
		int ret = VACCEL_OK;                                           \
		int i;                                                         \
                                                                               \
		for (i = 0; i < n; i++)                                        \
			out[i] = NULL;                                         \
		for (i = 0; i < n && !ret; i++) {                              \
			ret = h->P##_tensor_allocate(                          \
			    &out[i], in[i]->nr_dims, in[i]->dims,              \
			    in[i]->data_type, in[i]->size);                    \
			if (!ret && in[i]->size)                               \
				memcpy(out[i]->data, in[i]->data,              \
				       in[i]->size);                           \
		}                                                              \
		if (ret) {                                                     \
			vaccel_plugin_error("cannot echo input %d as an "      \
					    "output (%d)",                     \
					    i - 1, ret);                       \
			for (i = 0; i < n; i++) {                              \
				if (out[i])                                    \
					h->P##_tensor_delete(out[i]);          \
				out[i] = NULL;                                 \
			}                                                      \
		}                                                              \
		return ret;                                                    \
	}

NOOP_DEFINE_ECHO(torch)
NOOP_DEFINE_ECHO(tf)
NOOP_DEFINE_ECHO(tflite)

/* Overwrites the status: it may be the caller's uninitialised storage,
 * so what it held is never freed. */
static int set_tf_status(struct vaccel_tf_status *status)
{
	if (!status)
		return VACCEL_OK;
	return vaccel_plugin_host->tf_status_init(status, 0,
						  NOOP_TF_STATUS_MESSAGE);
}

int noop_torch_model_run(struct vaccel_session *sess,
			 struct vaccel_resource *model,
			 const struct vaccel_torch_buffer *run_options,
			 struct vaccel_torch_tensor *const *inputs,
			 int nr_inputs, struct vaccel_torch_tensor **outputs,
			 int nr_outputs)
{
	noop_trace(VACCEL_OP_TORCH_MODEL_RUN,
		   (void *[]){&sess, &model, &run_options, &inputs, &nr_inputs,
			      &outputs, &nr_outputs});
	int ret = check_counts("torch_model_run", nr_inputs, nr_outputs);
	if (ret || !host_has_tensors())
		return ret ? ret : VACCEL_ENOTSUP;
	return echo_torch(inputs, outputs, nr_outputs);
}

int noop_tf_model_load(struct vaccel_session *sess,
		       struct vaccel_resource *model,
		       struct vaccel_tf_status *status)
{
	noop_trace(VACCEL_OP_TF_MODEL_LOAD, (void *[]){&sess, &model, &status});
	return set_tf_status(status);
}

int noop_tf_model_unload(struct vaccel_session *sess,
			 struct vaccel_resource *model,
			 struct vaccel_tf_status *status)
{
	noop_trace(VACCEL_OP_TF_MODEL_UNLOAD,
		   (void *[]){&sess, &model, &status});
	return set_tf_status(status);
}

int noop_tf_model_run(struct vaccel_session *sess,
		      struct vaccel_resource *model,
		      const struct vaccel_tf_buffer *run_options,
		      const struct vaccel_tf_node *in_nodes,
		      struct vaccel_tf_tensor *const *in_tensors, int nr_inputs,
		      const struct vaccel_tf_node *out_nodes,
		      struct vaccel_tf_tensor **out_tensors, int nr_outputs,
		      struct vaccel_tf_status *status)
{
	noop_trace(VACCEL_OP_TF_MODEL_RUN,
		   (void *[]){&sess, &model, &run_options, &in_nodes,
			      &in_tensors, &nr_inputs, &out_nodes, &out_tensors,
			      &nr_outputs, &status});
	int ret = check_counts("tf_model_run", nr_inputs, nr_outputs);
	if (ret || !host_has_tensors())
		return ret ? ret : VACCEL_ENOTSUP;
	ret = echo_tf(in_tensors, out_tensors, nr_outputs);
	if (ret)
		return ret;
	ret = set_tf_status(status);
	if (ret)
		for (int i = 0; i < nr_outputs; i++) {
			vaccel_plugin_host->tf_tensor_delete(out_tensors[i]);
			out_tensors[i] = NULL;
		}
	return ret;
}

int noop_tflite_model_run(struct vaccel_session *sess,
			  struct vaccel_resource *model,
			  struct vaccel_tflite_tensor *const *inputs,
			  int nr_inputs, struct vaccel_tflite_tensor **outputs,
			  int nr_outputs, uint8_t *status)
{
	noop_trace(VACCEL_OP_TFLITE_MODEL_RUN,
		   (void *[]){&sess, &model, &inputs, &nr_inputs, &outputs,
			      &nr_outputs, &status});
	int ret = check_counts("tflite_model_run", nr_inputs, nr_outputs);
	if (ret || !host_has_tensors())
		return ret ? ret : VACCEL_ENOTSUP;
	ret = echo_tflite(inputs, outputs, nr_outputs);
	if (!ret && status)
		*status = 0;
	return ret;
}

/* The torch plugin: TorchScript models on libtorch (docs/torch.md). This
 * file declares it: its ops, its type, its start and stop. */

#include "torch_plugin.h"

/* The host functions the plugin cannot work without (ABI 1.1). */
static bool host_complete(void)
{
	const struct vaccel_host_api *h = vaccel_plugin_host;

	return VACCEL_HOST_HAS(h, blob_data) && h->blob_data &&
	       VACCEL_HOST_HAS(h, torch_tensor_allocate) &&
	       h->torch_tensor_allocate && h->torch_tensor_delete &&
	       VACCEL_HOST_HAS(h, resource_refcount) && h->resource_refcount;
}

static int torch_init(void)
{
	if (!host_complete()) {
		vaccel_plugin_error("the host runtime (%s) lacks blob, tensor "
				    "or resource functions this plugin needs",
				    vaccel_plugin_host->runtime_version
					? vaccel_plugin_host->runtime_version
					: "unknown");
		return VACCEL_ENOTSUP;
	}
	return torch_engine_init();
}

/* Frees every cached model: the plugin may be loaded again later (libtorch
 * itself stays loaded, see BUILD). */
static int torch_fini(void)
{
	torch_model_cache_clear();
	return VACCEL_OK;
}

static const struct vaccel_op torch_ops[] = {
    VACCEL_PLUGIN_OP(torch_model_load, torch_model_load),
    VACCEL_PLUGIN_OP(torch_model_run, torch_model_run),
    VACCEL_PLUGIN_OP(image_classify, torch_image_classify),
};

/* TORCH and CPU; GPU too, since it runs on CUDA when libtorch sees a GPU
 * (a GPU-only session is declined while it runs on the cpu, see
 * torch_session_served). */
VACCEL_PLUGIN(.name = "torch", .version = VACCEL_VERSION,
	      .type = VACCEL_PLUGIN_TORCH | VACCEL_PLUGIN_CPU |
		      VACCEL_PLUGIN_GPU,
	      .ops = torch_ops,
	      .nr_ops = sizeof(torch_ops) / sizeof(torch_ops[0]),
	      .init = torch_init, .fini = torch_fini,
	      .resource_unregister = torch_resource_unregister);

/* The host function table handed to every plugin at load. Plugins link
 * nothing from vaccel; whatever they need from the runtime is here. */

#include "internal.h"
#include "vaccel/blob.h"
#include "vaccel/prof.h"
#include "vaccel/resource.h"
#include "vaccel/session.h"
#include "vaccel/tf_types.h"
#include "vaccel/tflite_types.h"
#include "vaccel/torch_types.h"

#include <stdlib.h>

static const struct vaccel_host_api host_api = {
    .size = sizeof(struct vaccel_host_api),
    .abi_version = VACCEL_PLUGIN_ABI_VERSION,
    .runtime_version = VACCEL_VERSION,
    .vlog = vaccel_vlog_from,
    .alloc = malloc,
    .zalloc = calloc,
    .free = free,
    .op_desc = vaccel_op_desc_get,
    .session_get_by_id = vaccel_session_get_by_id,
    .resource_directory = vaccel_resource_directory,
    .blob_data = vaccel_blob_data,
    .resource_get_by_id = vaccel_resource_get_by_id,
    .session_has_resource = vaccel_session_has_resource,
    .torch_tensor_allocate = vaccel_torch_output_tensor_allocate,
    .torch_tensor_delete = vaccel_torch_tensor_delete,
    .tf_tensor_allocate = vaccel_tf_output_tensor_allocate,
    .tf_tensor_delete = vaccel_tf_tensor_delete,
    .tf_status_init = vaccel_tf_status_init,
    .tf_status_release = vaccel_tf_status_release,
    .tflite_tensor_allocate = vaccel_tflite_output_tensor_allocate,
    .tflite_tensor_delete = vaccel_tflite_tensor_delete,
    .resource_refcount = vaccel_resource_sessions,
    .session_resources_by_type = vaccel_session_resources_by_type,
    .struct_desc = vaccel_struct_desc_get,
    .prof_enabled = vaccel_prof_enabled,
    .prof_region_get = vaccel_prof_region_get,
    .prof_region_add = vaccel_prof_region_add,
};

const struct vaccel_host_api *vaccel_host_api_table(void)
{
	return &host_api;
}

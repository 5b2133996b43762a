/* The host function table handed to every plugin at load. */

#include "internal.h"
#include "vaccel/session.h"

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
};

const struct vaccel_host_api *vaccel_host_api_table(void)
{
	return &host_api;
}

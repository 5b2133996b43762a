/* Test plugin whose descriptor claims more bytes than it has, and whose
 * op count runs past its op array. */

#include <vaccel/plugin.h>

static int some_fn(void)
{
	return 0;
}

static const struct vaccel_op ops[] = {
    {VACCEL_OP_NOOP, (void *)some_fn, NULL},
};

__attribute__((visibility("hidden")))
const struct vaccel_host_api *vaccel_plugin_host;
__attribute__((visibility("default")))
const struct vaccel_plugin_descriptor vaccel_plugin_descriptor = {
    .size = 4096,
    .abi_version = VACCEL_PLUGIN_ABI_VERSION,
    .name = "desc_oversized",
    .version = "1.0",
    .vaccel_version = VACCEL_VERSION,
    .type = VACCEL_PLUGIN_CPU,
    .ops = ops,
    .nr_ops = 1,
    .host = &vaccel_plugin_host,
};

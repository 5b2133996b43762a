/* Test plugin built for a plugin ABI this runtime does not provide. */

#include <vaccel/plugin.h>

static const struct vaccel_host_api *host;

__attribute__((visibility("default")))
const struct vaccel_plugin_descriptor vaccel_plugin_descriptor = {
    .size = sizeof(struct vaccel_plugin_descriptor),
    .abi_version = 99,
    .name = "bad_abi",
    .version = "1.0",
    .vaccel_version = VACCEL_VERSION,
    .host = &host,
};

/* Test plugin as an older minor release builds it: vaccel 0.0, whose
 * descriptor ends at `host` (ABI 1.0, before resource_unregister was
 * appended) and whose host table ends at session_get_by_id. The runtime
 * must load it; the plugin checks the table is at least as long as the
 * one it knows (the lower bound) and uses only that part. */

#include <vaccel/plugin.h>

#include <stddef.h>

/* The 1.0 layouts: what the older plugin.h declared. */
#define OLD_DESCRIPTOR_SIZE                                                    \
	(offsetof(struct vaccel_plugin_descriptor, host) +                     \
	 sizeof(((struct vaccel_plugin_descriptor *)0)->host))
#define OLD_HOST_SIZE                                                          \
	(offsetof(struct vaccel_host_api, session_get_by_id) +                 \
	 sizeof(((struct vaccel_host_api *)0)->session_get_by_id))

static const struct vaccel_host_api *host;

static int old_init(void)
{
	if (host->size < OLD_HOST_SIZE)
		return VACCEL_ELIBBAD;
	vaccel_plugin_host = host;
	vaccel_plugin_info("old_minor ready: host table of %u bytes, %zu known",
			   host->size, (size_t)OLD_HOST_SIZE);
	return VACCEL_OK;
}

static int old_noop(struct vaccel_session *sess)
{
	vaccel_plugin_info("noop from old_minor (session %lld)",
			   (long long)sess->id);
	return VACCEL_OK;
}

static const struct vaccel_op ops[] = {VACCEL_PLUGIN_OP(noop, old_noop)};

__attribute__((visibility("hidden")))
const struct vaccel_host_api *vaccel_plugin_host;
__attribute__((visibility("default")))
const struct vaccel_plugin_descriptor vaccel_plugin_descriptor = {
    .size = OLD_DESCRIPTOR_SIZE,
    .abi_version = VACCEL_PLUGIN_ABI_VERSION,
    .name = "old_minor",
    .version = "0.0.9",
    .vaccel_version = "0.0.9",
    .type = VACCEL_PLUGIN_CPU,
    .ops = ops,
    .nr_ops = 1,
    .init = old_init,
    .host = &host,
};

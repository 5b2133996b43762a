/* Test plugin whose init() fails. */

#include <vaccel/plugin.h>

static int init_fails(void)
{
	vaccel_plugin_error("no device found");
	return VACCEL_ENODEV;
}

VACCEL_PLUGIN(.name = "init_fails", .version = "1.0", .type = VACCEL_PLUGIN_CPU,
	      .init = init_fails);

/* Test plugin that declares three ops but no array of them. */

#include <vaccel/plugin.h>

VACCEL_PLUGIN(.name = "desc_null_ops", .version = "1.0",
	      .type = VACCEL_PLUGIN_CPU, .ops = NULL, .nr_ops = 3);

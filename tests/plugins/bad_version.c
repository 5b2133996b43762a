/* Test plugin built against another vaccel version. */

#include <vaccel/plugin.h>

#undef VACCEL_VERSION
#define VACCEL_VERSION "9.9.0"

VACCEL_PLUGIN(.name = "bad_version", .version = "1.0",
	      .type = VACCEL_PLUGIN_CPU);

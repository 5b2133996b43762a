/* Test plugin built against a newer minor release than this runtime (it
 * may need host functions or ops the runtime lacks): refused. */

#include <vaccel/plugin.h>

#undef VACCEL_VERSION
#define VACCEL_VERSION "0.99.0"

VACCEL_PLUGIN(.name = "new_minor", .version = "1.0", .type = VACCEL_PLUGIN_CPU);

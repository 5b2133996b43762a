/* Copied from c/plugins/rpc/builtin.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/*
 * The rpc transport compiled into a host: the Python extension and the Go
 * binding compile this directory, c/wire and c/rpc in, with
 * VACCEL_PLUGIN_VISIBILITY "hidden" (not part of libvaccel-rpc.so). At
 * load it registers the plugin as built in; the runtime adds it at
 * bootstrap when VACCEL_RPC_ADDRESS is set and no plugin named "rpc" was
 * loaded (docs/plugins.md "Built-in plugins").
 */

#include "builtin_plugin.h"
#include "vaccel/plugin.h"

#include <stdbool.h>
#include <stdlib.h>

static bool rpc_wanted(void)
{
	const char *addr = getenv("VACCEL_RPC_ADDRESS");

	return addr && *addr;
}

/* Runs before or after the runtime's own bootstrap constructor; either
 * way the plugin is added when wanted (see builtin_plugin.h). */
__attribute__((constructor)) static void rpc_builtin_register(void)
{
	(void)vaccel_plugin_register_builtin(&vaccel_plugin_descriptor,
					     rpc_wanted);
}

/* Copied from c/src/builtin_plugin.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Plugins compiled into the host instead of loaded from a shared object:
 * the rpc transport of the Python and Go bindings registers itself with
 * this at load (c/plugins/rpc/builtin.c). Not part of the vAccel API and
 * not installed; docs/plugins.md "Built-in plugins" has the rules.
 */

#include "vaccel/plugin.h"
#include <stdbool.h>

/* Register descriptor `d` (static storage, living as long as the process)
 * as built in. At every bootstrap, and now if the runtime is up, it joins
 * the registry when `wanted` (NULL: always) returns true and no plugin of
 * its name is loaded; a plugin of that name loaded later from a path
 * replaces it. VACCEL_EINVAL for a NULL or nameless descriptor or one of
 * another ABI, VACCEL_ENOMEM when the (small) table is full; the error of
 * the plugin's init when the runtime is up and it fails. */
int vaccel_plugin_register_builtin(const struct vaccel_plugin_descriptor *d,
				   bool (*wanted)(void));

/* Copied from c/include/vaccel/core.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/config.h"
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Start the runtime from the environment (see config.h). Runs
 * automatically when the library loads unless VACCEL_BOOTSTRAP_ENABLED=0.
 * Bootstrapping again restarts the runtime with the new configuration. A
 * failure is returned and logged; it never ends the process. */
int vaccel_bootstrap(void);
int vaccel_bootstrap_with_config(struct vaccel_config *config);
/* Unload plugins, remove the runtime directory, close the log. Runs
 * automatically at unload unless VACCEL_CLEANUP_ENABLED=0. */
int vaccel_cleanup(void);
bool vaccel_is_initialized(void);
/* This process's runtime directory: under VACCEL_RUNDIR, else
 * $XDG_RUNTIME_DIR/vaccel, else a private directory in the system
 * temporary directory. NULL before bootstrap. */
const char *vaccel_rundir(void);
const struct vaccel_config *vaccel_config(void);

#ifdef __cplusplus
}
#endif

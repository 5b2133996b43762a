/* Copied from c/include/vaccel/config.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Runtime configuration; fields in the vAccel order (positional
 * initialisation must keep working). Strings are owned by the config. */
struct vaccel_config {
	/* ':'-separated plugin libraries (names or paths), or NULL. */
	char *plugins;
	vaccel_log_level_t log_level;
	/* Log destination instead of stderr, or NULL. */
	char *log_file;
	bool profiling_enabled;
	/* Skip the plugin version check. */
	bool version_ignore;
};

int vaccel_config_init(struct vaccel_config *config, const char *plugins,
		       vaccel_log_level_t log_level, const char *log_file,
		       bool profiling_enabled, bool version_ignore);
/* VACCEL_PLUGINS, VACCEL_LOG_LEVEL, VACCEL_LOG_FILE,
 * VACCEL_PROFILING_ENABLED, VACCEL_VERSION_IGNORE; EINVAL names a bad value. */
int vaccel_config_init_from_env(struct vaccel_config *config);
int vaccel_config_init_from(struct vaccel_config *config,
			    struct vaccel_config *config_src);
/* Frees the strings and leaves the defaults (log level VACCEL_LOG_ERROR). */
int vaccel_config_release(struct vaccel_config *config);
int vaccel_config_new(struct vaccel_config **config, const char *plugins,
		      vaccel_log_level_t log_level, const char *log_file,
		      bool profiling_enabled, bool version_ignore);
int vaccel_config_from_env(struct vaccel_config **config);
int vaccel_config_from(struct vaccel_config **config,
		       struct vaccel_config *config_src);
int vaccel_config_delete(struct vaccel_config *config);
void vaccel_config_print_debug(struct vaccel_config *config);

#ifdef __cplusplus
}
#endif

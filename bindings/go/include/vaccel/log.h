/* Copied from c/include/vaccel/log.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Open the log as the current configuration says (level, file). Called by
 * bootstrap; calling it again re-reads the configuration. */
int vaccel_log_init(void);
int vaccel_log_shutdown(void);

/* Write one log line at `level` (dropped when above the configured level). */
void vaccel_log(vaccel_log_level_t level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The configured level (VACCEL_LOG_LEVEL, default VACCEL_LOG_ERROR). */
vaccel_log_level_t vaccel_log_level(void);

#define vaccel_error(...) vaccel_log(VACCEL_LOG_ERROR, __VA_ARGS__)
#define vaccel_warn(...) vaccel_log(VACCEL_LOG_WARN, __VA_ARGS__)
#define vaccel_info(...) vaccel_log(VACCEL_LOG_INFO, __VA_ARGS__)
#define vaccel_debug(...) vaccel_log(VACCEL_LOG_DEBUG, __VA_ARGS__)

#ifdef __cplusplus
}
#endif

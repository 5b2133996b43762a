#pragma once

/* Interfaces between the runtime's own files; not installed. */

#include "vaccel/config.h"
#include "vaccel/op_desc.h"
#include "vaccel/plugin.h"
#include "vaccel/session.h"
#include <stdbool.h>
#include <stddef.h>

#define VACCEL_SESSION_MAGIC 0x5e55104eu

/* core.c: the active configuration (defaults before bootstrap). */
const struct vaccel_config *vaccel_config_active(void);
/* core.c: OK when the runtime can serve calls; bootstraps lazily from the
 * environment when it was never started, and returns the recorded error
 * when an automatic bootstrap failed. */
int vaccel_runtime_ready(void);

/* log.c */
void vaccel_log_configure(vaccel_log_level_t level, const char *file);
void vaccel_vlog_from(vaccel_log_level_t level, const char *who,
		      const char *fmt, va_list ap);

/* plugin.c */
int vaccel_plugins_load_list(const char *list, bool version_ignore);
void vaccel_plugins_unload_all(void);
/* Calls op `desc` with `argv` on the plugins that serve `sess`, highest
 * priority first, moving on when one answers VACCEL_ENOTSUP. */
int vaccel_plugins_dispatch(const struct vaccel_op_desc *desc, void **argv,
			    const struct vaccel_session *sess);
int vaccel_plugins_session_hook(struct vaccel_session *sess, bool init);
/* Tells every plugin that `res` leaves `sess` (resource.c calls it on
 * unregister, and on release for each session the resource was in). */
void vaccel_plugins_resource_unregistered(struct vaccel_resource *res,
					  struct vaccel_session *sess);

/* host_api.c */
const struct vaccel_host_api *vaccel_host_api_table(void);

/* session.c */
bool vaccel_session_valid(const struct vaccel_session *sess);
void vaccel_sessions_report_leaks(void);

/* prof.c */
void vaccel_prof_configure(bool enabled);
void vaccel_prof_print_ops(void);
void vaccel_prof_cleanup(void);

/* op_invoke.c: checks one call's arguments against its descriptor. */
int vaccel_op_check_args(const struct vaccel_op_desc *desc, void **argv);

/* Generated: the descriptor table, indexed by op id. */
extern const struct vaccel_op_desc *const vaccel_op_descs[VACCEL_OP_MAX];

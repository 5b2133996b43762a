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
/* Adds the built-in plugins that want to run (builtin_plugin.h); at
 * bootstrap, after the VACCEL_PLUGINS list. */
int vaccel_plugins_builtin_activate(void);
void vaccel_plugins_unload_all(void);
/* Calls op `desc` with `argv` on the plugins that serve `sess`, highest
 * priority first, moving on when one answers VACCEL_ENOTSUP. */
int vaccel_plugins_dispatch(const struct vaccel_op_desc *desc, void **argv,
			    const struct vaccel_session *sess);
/* At session init: whether transports serve it (is_virtio) and its
 * default plugin (sess->plugin). */
void vaccel_plugins_session_route(struct vaccel_session *sess);
int vaccel_plugins_session_hook(struct vaccel_session *sess, bool init);
/* Tells every plugin that `res` leaves `sess` (resource.c calls it on
 * unregister, and on release for each session the resource was in). */
/* Tell plugins a resource was registered (a transport mirrors it); the
 * first error is returned. */
int vaccel_plugins_resource_registered(struct vaccel_resource *res,
				       struct vaccel_session *sess);
void vaccel_plugins_resource_unregistered(struct vaccel_resource *res,
					  struct vaccel_session *sess);
/* shared_buffer.c: a shared buffer from the first plugin serving `sess`
 * that offers one (*owner frees it); VACCEL_ENOTSUP when none does. */
int vaccel_plugins_shared_alloc(struct vaccel_session *sess, size_t size,
				void **out,
				const struct vaccel_plugin_descriptor **owner);
/* Buffers left unfreed: at session release (that session's) and before
 * the plugins unload (all), freed with a warning. */
void vaccel_shared_session_released(struct vaccel_session *sess);
void vaccel_shared_report_leaks(void);

/* host_api.c */
const struct vaccel_host_api *vaccel_host_api_table(void);

/* torch_tensor.c, tf_tensor.c, tflite_tensor.c: the host table's tensor
 * allocators. Unlike the public *_tensor_allocate they accept 0 dims, so a
 * backend can return a 0-dim output (a model that returns a number). */
int vaccel_torch_output_tensor_allocate(struct vaccel_torch_tensor **tensor,
					int64_t nr_dims, const int64_t *dims,
					enum vaccel_torch_data_type type,
					size_t total_size);
int vaccel_tf_output_tensor_allocate(struct vaccel_tf_tensor **tensor,
				     int nr_dims, const int64_t *dims,
				     enum vaccel_tf_data_type type,
				     size_t total_size);
int vaccel_tflite_output_tensor_allocate(struct vaccel_tflite_tensor **tensor,
					 int nr_dims, const int32_t *dims,
					 enum vaccel_tflite_data_type type,
					 size_t total_size);

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

/* blob.c, blob_persist.c */
struct vaccel_blob;
/* Maps the whole non-empty file at `path` read-write: shared (writes reach
 * the file) for files a blob owns, private otherwise. */
int vaccel_blob_map_file(const char *path, bool shared, uint8_t **data,
			 size_t *size);
/* True for a relative path with no empty, "." or ".." part. */
bool vaccel_relative_name_ok(const char *name);
/* Creates the directories of `path` below `stop` (not its last part). */
int vaccel_mkdir_parents(const char *path, const char *stop);

/* Resources (resource*.c). */
#define VACCEL_RESOURCE_MAGIC 0x7e5011ceu
/* How a resource was made; decides what vaccel_resource_directory
 * returns. */
enum vaccel_resource_origin {
	VACCEL_RESOURCE_FROM_FILES = 0,
	VACCEL_RESOURCE_FROM_DIR,
	VACCEL_RESOURCE_FROM_URLS,
	VACCEL_RESOURCE_FROM_BUFFER,
	VACCEL_RESOURCE_FROM_BLOBS,
};
bool vaccel_resource_valid(const struct vaccel_resource *res);
/* True when `res` is initialised and not released (in the live list, not
 * merely carrying the magic number). */
bool vaccel_resource_live(const struct vaccel_resource *res);
/* resource_dir.c: <vaccel_rundir()>/resource.<id>, made once. */
int vaccel_resource_rundir(struct vaccel_resource *res);
void vaccel_resource_rundir_remove(struct vaccel_resource *res);
/* resource_walk.c: one FILE blob per regular file under `dir`, named by
 * its path relative to `dir`. */
int vaccel_resource_add_dir_blobs(struct vaccel_resource *res, const char *dir);
/* resource_fetch.c: downloads `url` to the new file `path` with libcurl,
 * loaded at run time. */
int vaccel_download(const char *url, const char *path);
/* resource_registry.c */
int vaccel_resources_track(struct vaccel_resource *res);
/* Marks `res` dead, forgets it and unregisters it from every session
 * (telling the plugins); VACCEL_EINVAL when it was not live. */
int vaccel_resources_untrack(struct vaccel_resource *res);
bool vaccel_resource_registered(const struct vaccel_resource *res,
				const struct vaccel_session *sess);
/* Checks that `res` (parameter `param` of op function `fn`) is live, of
 * `type` (-1: any) and registered to `sess` (VACCEL_EINVAL, VACCEL_EINVAL,
 * VACCEL_EPERM, logged), and pins that registration for a running op call:
 * unregistering waits for the call to unpin it before the plugins'
 * resource_unregister hooks run. */
struct registration;
int vaccel_resource_pin(const struct vaccel_resource *res,
			const struct vaccel_session *sess, int type,
			const char *fn, const char *param,
			struct registration **out);
void vaccel_resource_unpin(struct registration *reg);
/* Unregisters every resource still registered to `sess`. */
void vaccel_resources_session_released(struct vaccel_session *sess);
void vaccel_resources_report_leaks(void);
/* Finds resources: live ones (sess NULL) or those registered to `sess`,
 * of `type` (-1: any) and `id` (0: any); the first into *one, or all into
 * a malloc'ed *all (count in *nr_found). No match: VACCEL_ENOENT. */
int vaccel_resource_lookup(const char *fn, const struct vaccel_session *sess,
			   int type, vaccel_id_t id,
			   struct vaccel_resource **one,
			   struct vaccel_resource ***all, size_t *nr_found);
/* OK for LIB, DATA, MODEL; else logs "<fn>: <type> is not a resource
 * type" and returns VACCEL_EINVAL. */
int vaccel_resource_check_type(const char *fn, vaccel_resource_type_t type);

/* resource_registry.c: the number of sessions `res` is registered to,
 * without logging; 0 once it is being released (for the host table: the
 * plugins' resource_unregister hook runs during release). */
long int vaccel_resource_sessions(const struct vaccel_resource *res);

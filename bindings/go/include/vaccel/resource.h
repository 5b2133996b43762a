/* Copied from c/include/vaccel/resource.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/blob.h"
#include "vaccel/enums.h"
#include "vaccel/types.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vaccel_session;

/* A resource: files (a model, a library, data) an op works on. Register it
 * to a session before passing it to an op of that session. */
struct vaccel_resource {
	/* Process-unique, never reused. */
	vaccel_id_t id;
	/* The agent's id for this resource when used remotely. */
	vaccel_id_t remote_id;
	vaccel_resource_type_t type;
	/* The paths it was created from ("file://" stripped; URLs as given);
	 * NULL for resources made from buffers or blobs. */
	char **paths;
	size_t nr_paths;
	/* Its files or buffers: one per file (every regular file, recursively,
	 * for a directory). */
	struct vaccel_blob **blobs;
	size_t nr_blobs;
	/* For the plugin that uses the resource (e.g. a loaded model). */
	void *plugin_priv;
	/* ---- internal ---- */
	/* The resource's own directory under vaccel_rundir(), once made. */
	char *rundir;
	/* How it was made (files, directory, URLs, buffer, blobs). */
	uint32_t origin;
	/* The number of sessions it is registered to. */
	long refcount;
	/* Marks an initialised, not yet released resource. */
	uint32_t magic;
};

/* Live resources, process-wide. get_by_type gives the oldest of `type`;
 * get_all_by_type a malloc'ed array the caller frees with free(). No match
 * is VACCEL_ENOENT. */
int vaccel_resource_get_by_id(struct vaccel_resource **res, vaccel_id_t id);
int vaccel_resource_get_by_type(struct vaccel_resource **res,
				vaccel_resource_type_t type);
int vaccel_resource_get_all_by_type(struct vaccel_resource ***res,
				    size_t *nr_found,
				    vaccel_resource_type_t type);
/* The number of sessions `res` is registered to; -VACCEL_EINVAL for a NULL
 * or released resource. */
long int vaccel_resource_refcount(const struct vaccel_resource *res);

/* From a file, a directory (walked recursively) or an http(s):// URL
 * (downloaded now into the resource's directory); "file://" is accepted. */
int vaccel_resource_init(struct vaccel_resource *res, const char *path,
			 vaccel_resource_type_t type);
/* From several files, or several URLs (not a mix, no directories). */
int vaccel_resource_init_multi(struct vaccel_resource *res, const char **paths,
			       size_t nr_paths, vaccel_resource_type_t type);
/* From `nr_bytes` at `buf`, written to the resource's directory as
 * `filename` (random when NULL). With `mem_only` nothing is written and the
 * resource points at `buf`, which must outlive it. */
int vaccel_resource_init_from_buf(struct vaccel_resource *res, const void *buf,
				  size_t nr_bytes, vaccel_resource_type_t type,
				  const char *filename, bool mem_only);
/* From copies of `blobs` (files are referenced, persisted blobs written
 * again to the resource's directory, buffers copied when their blob owned
 * them). */
int vaccel_resource_init_from_blobs(struct vaccel_resource *res,
				    const struct vaccel_blob **blobs,
				    size_t nr_blobs,
				    vaccel_resource_type_t type);
/* Unregisters it from every session, then frees what it holds and removes
 * its directory. */
int vaccel_resource_release(struct vaccel_resource *res);
int vaccel_resource_new(struct vaccel_resource **res, const char *path,
			vaccel_resource_type_t type);
int vaccel_resource_multi_new(struct vaccel_resource **res, const char **paths,
			      size_t nr_paths, vaccel_resource_type_t type);
int vaccel_resource_from_buf(struct vaccel_resource **res, const void *buf,
			     size_t nr_bytes, vaccel_resource_type_t type,
			     const char *filename, bool mem_only);
int vaccel_resource_from_blobs(struct vaccel_resource **res,
			       const struct vaccel_blob **blobs,
			       size_t nr_blobs, vaccel_resource_type_t type);
int vaccel_resource_delete(struct vaccel_resource *res);

/* Makes `res` usable by ops of `sess`. Registering it twice to one session
 * is VACCEL_EEXIST; unregistering it from a session it is not registered
 * to is VACCEL_EINVAL. Unregistering tells the plugins to drop what they
 * cached for it. */
int vaccel_resource_register(struct vaccel_resource *res,
			     struct vaccel_session *sess);
int vaccel_resource_unregister(struct vaccel_resource *res,
			       struct vaccel_session *sess);
/* Pushes changes of the resource's buffers to the session's copy. Local
 * sessions use the resource itself, so this only checks the arguments
 * (VACCEL_EPERM when `res` is not registered to `sess`); remote sessions
 * will re-send the data. */
int vaccel_resource_sync(struct vaccel_resource *res,
			 struct vaccel_session *sess);
/* The one directory holding all the resource's files (made on demand for
 * buffers and for files from several directories): copied into `out_path`
 * when given (VACCEL_EINVAL when it does not fit in `out_path_size`), else
 * strdup'ed into `*alloc_path`. */
int vaccel_resource_directory(struct vaccel_resource *res, char *out_path,
			      size_t out_path_size, char **alloc_path);

#ifdef __cplusplus
}
#endif

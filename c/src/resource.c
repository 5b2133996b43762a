/* Resources: creation from paths, URLs, buffers and blobs, and release. */

#include "internal.h"
#include "vaccel/log.h"
#include "vaccel/resource.h"

#include <errno.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static atomic_llong next_resource_id = 1;

static bool is_url(const char *path)
{
	return strncmp(path, "http://", 7) == 0 ||
	       strncmp(path, "https://", 8) == 0;
}

/* Common start of every init: checks, a fresh id, the runtime up. */
static int begin(const char *fn, struct vaccel_resource *res,
		 vaccel_resource_type_t type)
{
	int ret;

	if (!res) {
		vaccel_error("%s: res is NULL", fn);
		return VACCEL_EINVAL;
	}
	ret = vaccel_resource_check_type(fn, type);
	if (!ret)
		ret = vaccel_runtime_ready();
	if (ret)
		return ret;
	/* Live already: starting over would leak it and list it twice.
	 * EINVAL, as vAccel answers misuse of an object's state. */
	if (vaccel_resource_live(res)) {
		vaccel_error("%s: resource %lld is live; release it before "
			     "initialising it again",
			     fn, (long long)res->id);
		return VACCEL_EINVAL;
	}
	memset(res, 0, sizeof(*res));
	res->type = type;
	res->id = atomic_fetch_add(&next_resource_id, 1);
	return VACCEL_OK;
}

/* Frees what a (partly) made resource holds. */
static void clear(struct vaccel_resource *res)
{
	for (size_t i = 0; i < res->nr_blobs; i++)
		vaccel_blob_delete(res->blobs[i]);
	free(res->blobs);
	for (size_t i = 0; i < res->nr_paths; i++)
		free(res->paths[i]);
	free(res->paths);
	vaccel_resource_rundir_remove(res);
	vaccel_id_t id = res->id;
	memset(res, 0, sizeof(*res));
	res->id = id;
}

/* Ends an init: on success the resource goes live. */
static int finish(struct vaccel_resource *res, int ret)
{
	if (!ret)
		ret = vaccel_resources_track(res);
	if (ret) {
		clear(res);
		return ret;
	}
	vaccel_debug("resource %lld created (%s, %zu file(s))",
		     (long long)res->id, vaccel_resource_type_to_str(res->type),
		     res->nr_blobs);
	return VACCEL_OK;
}

/* `path` without "file://" and trailing slashes, checked: a URL, or an
 * existing file or directory. Sets *kind to its origin. */
static int parse_path(const char *fn, const char *path, char **out,
		      uint32_t *kind)
{
	const char *p = path;
	struct stat st;
	size_t len;

	if (strncmp(p, "file://", 7) == 0)
		p += 7;
	if (is_url(p)) {
		*kind = VACCEL_RESOURCE_FROM_URLS;
		*out = strdup(p);
		return *out ? VACCEL_OK : VACCEL_ENOMEM;
	}
	if (strstr(p, "://")) {
		vaccel_error("%s: %s: unsupported scheme (use a path, file://, "
			     "http:// or https://)",
			     fn, path);
		return VACCEL_EINVAL;
	}
	len = strlen(p);
	while (len > 1 && p[len - 1] == '/')
		len--;
	if (len == 0 || len >= PATH_MAX) {
		vaccel_error("%s: bad path '%s'", fn, path);
		return len ? VACCEL_ENAMETOOLONG : VACCEL_EINVAL;
	}
	*out = strndup(p, len);
	if (!*out)
		return VACCEL_ENOMEM;
	if (stat(*out, &st)) {
		int err = errno;

		vaccel_error("%s: %s: %s", fn, *out, strerror(err));
		free(*out);
		*out = NULL;
		return err;
	}
	if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
		vaccel_error("%s: %s is neither a file nor a directory", fn,
			     *out);
		free(*out);
		*out = NULL;
		return VACCEL_EINVAL;
	}
	*kind = S_ISDIR(st.st_mode) ? VACCEL_RESOURCE_FROM_DIR
				    : VACCEL_RESOURCE_FROM_FILES;
	return VACCEL_OK;
}

/* Downloads `url` (the resource's `idx`-th) into the resource's directory,
 * named by the last part of its path ("<idx>_<name>" when an earlier URL
 * took that name). */
static int download(struct vaccel_resource *res, const char *url, size_t idx,
		    struct vaccel_blob **blob)
{
	const char *start = strstr(url, "://") + 3;
	size_t end = strcspn(start, "?#");
	char name[NAME_MAX + 1], path[PATH_MAX];
	const char *slash = memchr(start, '/', end);
	const char *base = start + end;
	int ret;

	while (slash && base > slash + 1 && base[-1] != '/')
		base--;
	snprintf(name, sizeof(name), "%.*s", (int)(start + end - base), base);
	if (!slash || !vaccel_relative_name_ok(name))
		strcpy(name, "download");
	ret = vaccel_resource_rundir(res);
	if (ret)
		return ret;
	if (snprintf(path, sizeof(path), "%s/%s", res->rundir, name) >=
	    (int)sizeof(path))
		return VACCEL_ENAMETOOLONG;
	if (access(path, F_OK) == 0 &&
	    snprintf(path, sizeof(path), "%s/%zu_%s", res->rundir, idx, name) >=
		(int)sizeof(path))
		return VACCEL_ENAMETOOLONG;
	ret = vaccel_download(url, path);
	if (!ret)
		ret = vaccel_blob_new(blob, path);
	if (!ret)
		(*blob)->path_owned = true; /* removed with the resource */
	return ret;
}

static int add_paths(const char *fn, struct vaccel_resource *res,
		     const char **paths, size_t nr_paths)
{
	int ret;

	res->paths = calloc(nr_paths, sizeof(*res->paths));
	res->blobs = calloc(nr_paths, sizeof(*res->blobs));
	if (!res->paths || !res->blobs)
		return VACCEL_ENOMEM;
	for (size_t i = 0; i < nr_paths; i++) {
		uint32_t kind = 0;

		if (!paths[i]) {
			vaccel_error("%s: paths[%zu] is NULL", fn, i);
			return VACCEL_EINVAL;
		}
		ret = parse_path(fn, paths[i], &res->paths[i], &kind);
		if (ret)
			return ret;
		res->nr_paths++;
		if (kind == VACCEL_RESOURCE_FROM_DIR && nr_paths > 1) {
			vaccel_error("%s: %s is a directory; a resource of "
				     "several paths takes files only",
				     fn, res->paths[i]);
			return VACCEL_ENOTSUP;
		}
		if (i > 0 && kind != res->origin) {
			vaccel_error("%s: %s mixes URLs and local files", fn,
				     paths[i]);
			return VACCEL_EINVAL;
		}
		res->origin = kind;
		if (kind == VACCEL_RESOURCE_FROM_DIR)
			return vaccel_resource_add_dir_blobs(res,
							     res->paths[0]);
		if (kind == VACCEL_RESOURCE_FROM_URLS)
			ret = download(res, res->paths[i], i, &res->blobs[i]);
		else
			ret = vaccel_blob_new(&res->blobs[i], res->paths[i]);
		if (ret)
			return ret;
		res->nr_blobs++;
	}
	return VACCEL_OK;
}

int vaccel_resource_init_multi(struct vaccel_resource *res, const char **paths,
			       size_t nr_paths, vaccel_resource_type_t type)
{
	const char *fn = "vaccel_resource_init_multi";
	int ret;

	if (!paths || !nr_paths) {
		vaccel_error("%s: %s", fn,
			     paths ? "nr_paths is 0" : "paths is NULL");
		return VACCEL_EINVAL;
	}
	ret = begin(fn, res, type);
	if (ret)
		return ret;
	return finish(res, add_paths(fn, res, paths, nr_paths));
}

int vaccel_resource_init(struct vaccel_resource *res, const char *path,
			 vaccel_resource_type_t type)
{
	if (!path) {
		vaccel_error("vaccel_resource_init: path is NULL");
		return VACCEL_EINVAL;
	}
	return vaccel_resource_init_multi(res, &path, 1, type);
}

int vaccel_resource_init_from_buf(struct vaccel_resource *res, const void *buf,
				  size_t nr_bytes, vaccel_resource_type_t type,
				  const char *filename, bool mem_only)
{
	const char *fn = "vaccel_resource_init_from_buf";
	const char *name = filename ? filename : "file";
	int ret;

	if (!buf || !nr_bytes) {
		vaccel_error("%s: %s", fn,
			     buf ? "nr_bytes is 0" : "buf is NULL");
		return VACCEL_EINVAL;
	}
	ret = begin(fn, res, type);
	if (ret)
		return ret;
	res->origin = VACCEL_RESOURCE_FROM_BUFFER;
	res->blobs = calloc(1, sizeof(*res->blobs));
	if (!res->blobs)
		return finish(res, VACCEL_ENOMEM);
	if (!mem_only)
		ret = vaccel_resource_rundir(res);
	/* mem_only points at `buf`: vaccel_resource_sync pushes changes. */
	if (!ret)
		ret = vaccel_blob_from_buf(&res->blobs[0], buf, nr_bytes, false,
					   name, mem_only ? NULL : res->rundir,
					   filename == NULL);
	if (!ret)
		res->nr_blobs = 1;
	return finish(res, ret);
}

/* A copy of `src` for `res`: files are referenced, persisted blobs written
 * again to the resource's directory, buffers copied when owned. */
static int copy_blob(struct vaccel_resource *res, const struct vaccel_blob *src,
		     struct vaccel_blob **dst)
{
	int ret;

	if (src->path && !src->path_owned) {
		ret = vaccel_blob_new(dst, src->path);
		if (!ret) {
			char *name = strdup(src->name);

			if (!name) {
				vaccel_blob_delete(*dst);
				return VACCEL_ENOMEM;
			}
			free((*dst)->name);
			(*dst)->name = name;
		}
		return ret;
	}
	if (!src->path)
		return vaccel_blob_from_buf(dst, src->data, src->size,
					    src->data_owned, src->name, NULL,
					    false);
	/* The source removes its file when released: write our own. */
	uint8_t *data = src->data;
	size_t size = src->size;

	ret = vaccel_resource_rundir(res);
	if (!ret && !data)
		ret = vaccel_blob_map_file(src->path, false, &data, &size);
	if (!ret)
		ret = vaccel_blob_from_buf(dst, data, size, false, src->name,
					   res->rundir, false);
	if (data && !src->data)
		munmap(data, size);
	return ret;
}

int vaccel_resource_init_from_blobs(struct vaccel_resource *res,
				    const struct vaccel_blob **blobs,
				    size_t nr_blobs,
				    vaccel_resource_type_t type)
{
	const char *fn = "vaccel_resource_init_from_blobs";
	int ret;

	if (!blobs || !nr_blobs) {
		vaccel_error("%s: %s", fn,
			     blobs ? "nr_blobs is 0" : "blobs is NULL");
		return VACCEL_EINVAL;
	}
	for (size_t i = 0; i < nr_blobs; i++) {
		if (!vaccel_blob_valid(blobs[i])) {
			vaccel_error("%s: blobs[%zu] is not a valid blob", fn,
				     i);
			return VACCEL_EINVAL;
		}
	}
	ret = begin(fn, res, type);
	if (ret)
		return ret;
	res->origin = VACCEL_RESOURCE_FROM_BLOBS;
	res->blobs = calloc(nr_blobs, sizeof(*res->blobs));
	if (!res->blobs)
		return finish(res, VACCEL_ENOMEM);
	for (size_t i = 0; i < nr_blobs && !ret; i++) {
		ret = copy_blob(res, blobs[i], &res->blobs[i]);
		if (!ret)
			res->nr_blobs++;
	}
	return finish(res, ret);
}

int vaccel_resource_release(struct vaccel_resource *res)
{
	if (!res) {
		vaccel_error("vaccel_resource_release: res is NULL");
		return VACCEL_EINVAL;
	}
	/* Unregisters it everywhere first, so no op can pick it up. */
	if (vaccel_resources_untrack(res)) {
		vaccel_error("vaccel_resource_release: the resource is not "
			     "initialised or was released");
		return VACCEL_EINVAL;
	}
	clear(res);
	vaccel_debug("resource %lld released", (long long)res->id);
	return VACCEL_OK;
}

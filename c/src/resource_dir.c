/* A resource's own run directory, and the one directory that holds all its
 * files (made on demand: buffers are written there, files from several
 * directories are linked there). */

#define _GNU_SOURCE
#include "internal.h"
#include "vaccel/core.h"
#include "vaccel/helpers/fs.h"
#include "vaccel/log.h"
#include "vaccel/resource.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Serialises the on-demand writes of vaccel_resource_directory. */
static pthread_mutex_t dir_lock = PTHREAD_MUTEX_INITIALIZER;

int vaccel_resource_rundir(struct vaccel_resource *res)
{
	const char *base = vaccel_rundir();
	char path[PATH_MAX];

	if (res->rundir)
		return VACCEL_OK;
	if (!base) {
		vaccel_error("resource %lld: vaccel has no runtime directory "
			     "(not bootstrapped)",
			     (long long)res->id);
		return VACCEL_EINVAL;
	}
	if (snprintf(path, sizeof(path), "%s/resource.%lld", base,
		     (long long)res->id) >= (int)sizeof(path))
		return VACCEL_ENAMETOOLONG;
	if (mkdir(path, 0700)) {
		int err = errno;

		vaccel_error("resource %lld: cannot create %s: %s",
			     (long long)res->id, path, strerror(err));
		return err;
	}
	res->rundir = strdup(path);
	if (!res->rundir) {
		rmdir(path);
		return VACCEL_ENOMEM;
	}
	vaccel_debug("resource %lld: directory %s", (long long)res->id, path);
	return VACCEL_OK;
}

void vaccel_resource_rundir_remove(struct vaccel_resource *res)
{
	if (!res->rundir)
		return;
	int err = vaccel_remove_tree(res->rundir);

	if (err)
		vaccel_warn("cannot remove all of %s: %s", res->rundir,
			    strerror(err));
	free(res->rundir);
	res->rundir = NULL;
}

/* The directory a blob's file sits in as seen by its name: for
 * "variables/x.index" at /m/variables/x.index that is /m. Malloc'ed. */
static char *blob_root(const struct vaccel_blob *b)
{
	size_t plen = strlen(b->path), nlen = strlen(b->name);

	if (nlen < plen && b->path[plen - nlen - 1] == '/' &&
	    strcmp(b->path + plen - nlen, b->name) == 0)
		return strndup(b->path, plen - nlen - 1);
	if (!strrchr(b->path, '/'))
		return strdup(".");
	return strndup(b->path, (size_t)(strrchr(b->path, '/') - b->path));
}

/* Links `b` into `dir` under its name; an existing link to the same file
 * is fine (the directory was asked for before). */
static int link_blob(const struct vaccel_resource *res, const char *dir,
		     const struct vaccel_blob *b)
{
	char target[PATH_MAX], link[PATH_MAX], seen[PATH_MAX];
	ssize_t n;
	int ret;

	if (!realpath(b->path, target))
		return errno;
	if (!vaccel_relative_name_ok(b->name) ||
	    snprintf(link, sizeof(link), "%s/%s", dir, b->name) >=
		(int)sizeof(link)) {
		vaccel_error("resource %lld: cannot link '%s' into %s",
			     (long long)res->id, b->name, dir);
		return VACCEL_EINVAL;
	}
	ret = vaccel_mkdir_parents(link, dir);
	if (ret)
		return ret;
	if (symlink(target, link) == 0)
		return VACCEL_OK;
	if (errno != EEXIST)
		return errno;
	n = readlink(link, seen, sizeof(seen) - 1);
	if (n >= 0) {
		seen[n] = '\0';
		if (strcmp(seen, target) == 0)
			return VACCEL_OK;
	}
	vaccel_error("resource %lld: two of its files are named '%s'",
		     (long long)res->id, b->name);
	return VACCEL_EEXIST;
}

/* Writes in-memory blobs to the rundir, then finds the common directory
 * of all files, linking them into the rundir when there is none. Caller
 * holds dir_lock. Returns the directory, malloc'ed, or NULL (*err set). */
static char *materialise(struct vaccel_resource *res, int *err)
{
	char *common = NULL;
	bool same = true;

	for (size_t i = 0; i < res->nr_blobs; i++) {
		struct vaccel_blob *b = res->blobs[i];

		if (b->path)
			continue;
		*err = vaccel_resource_rundir(res);
		if (!*err)
			*err =
			    vaccel_blob_persist(b, res->rundir, b->name, false);
		if (*err)
			return NULL;
	}
	for (size_t i = 0; i < res->nr_blobs && same; i++) {
		char *root = blob_root(res->blobs[i]);

		if (!root) {
			*err = VACCEL_ENOMEM;
			free(common);
			return NULL;
		}
		same = !common || strcmp(common, root) == 0;
		if (common)
			free(root);
		else
			common = root;
	}
	if (same && common) {
		char *abs = realpath(common, NULL);

		free(common);
		if (!abs)
			*err = errno;
		return abs;
	}
	free(common);
	*err = vaccel_resource_rundir(res);
	for (size_t i = 0; !*err && i < res->nr_blobs; i++) {
		char *root = blob_root(res->blobs[i]);

		if (!root)
			*err = VACCEL_ENOMEM;
		else if (strcmp(root, res->rundir) != 0)
			*err = link_blob(res, res->rundir, res->blobs[i]);
		free(root);
	}
	return *err ? NULL : strdup(res->rundir);
}

int vaccel_resource_directory(struct vaccel_resource *res, char *out_path,
			      size_t out_path_size, char **alloc_path)
{
	char *dir;
	int ret = VACCEL_OK;

	if (!res || (!out_path && !alloc_path)) {
		vaccel_error("vaccel_resource_directory: %s",
			     res ? "out_path and alloc_path are both NULL"
				 : "res is NULL");
		return VACCEL_EINVAL;
	}
	if (!vaccel_resource_valid(res)) {
		vaccel_error("vaccel_resource_directory: the resource is not "
			     "initialised or was released");
		return VACCEL_EINVAL;
	}
	pthread_mutex_lock(&dir_lock);
	if (res->origin == VACCEL_RESOURCE_FROM_DIR)
		dir = strdup(res->paths[0]);
	else
		dir = materialise(res, &ret);
	pthread_mutex_unlock(&dir_lock);
	if (!dir) {
		ret = ret ? ret : VACCEL_ENOMEM;
		vaccel_error("vaccel_resource_directory: resource %lld: %s",
			     (long long)res->id, vaccel_error_to_str(ret));
		return ret;
	}
	if (out_path) {
		if (strlen(dir) >= out_path_size) {
			vaccel_error(
			    "vaccel_resource_directory: %s does not fit "
			    "in %zu bytes",
			    dir, out_path_size);
			ret = VACCEL_EINVAL;
		} else {
			memcpy(out_path, dir, strlen(dir) + 1);
		}
		free(dir);
		return ret;
	}
	*alloc_path = dir;
	return VACCEL_OK;
}

/* Where a SavedModel resource is loaded from.
 *
 * TF_LoadSessionFromSavedModel reads a directory: saved_model.pb and
 * variables/variables.{index,data-*}. The host's resource_directory gives
 * it for every kind of resource: a directory resource is that directory;
 * blobs named by relative path ("variables/variables.index", e.g. from
 * vaccel_resource_from_blobs or an agent) are written or linked into the
 * resource's own directory under those names. Files given one by one with
 * vaccel_resource_init_multi are named by their base name, so the
 * variables/ level is lost there: for that layout the plugin links the
 * files into a temporary directory with variables/ restored, loads, and
 * removes it (TensorFlow has read the variables into the session by then).
 */

#define _GNU_SOURCE
#include "tf_plugin.h"

#include <vaccel/helpers/fs.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int exists(const char *dir, const char *name)
{
	char path[PATH_MAX];
	struct stat st;

	return snprintf(path, sizeof(path), "%s/%s", dir, name) <
		   (int)sizeof(path) &&
	       stat(path, &st) == 0;
}

static int is_variables_file(const char *name)
{
	return !strcmp(name, "variables.index") ||
	       !strncmp(name, "variables.data-", 15);
}

/* Links every file of `src` into `dst`, the variables files under
 * dst/variables/. */
static int link_all(const char *src, const char *dst)
{
	char target[PATH_MAX], from[PATH_MAX], link[PATH_MAX];
	struct dirent *e;
	DIR *d = opendir(src);
	int ret = VACCEL_OK;

	if (!d)
		return errno;
	while (!ret && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (snprintf(from, sizeof(from), "%s/%s", src, e->d_name) >=
			(int)sizeof(from) ||
		    snprintf(link, sizeof(link), "%s/%s%s", dst,
			     is_variables_file(e->d_name) ? "variables/" : "",
			     e->d_name) >= (int)sizeof(link))
			ret = VACCEL_ENAMETOOLONG;
		else if (!realpath(from, target) || symlink(target, link))
			ret = errno;
	}
	closedir(d);
	return ret;
}

static void remove_stage(const char *dir)
{
	int err = vaccel_remove_tree(dir);

	if (err)
		vaccel_plugin_warn("cannot remove all of %s: %s", dir,
				   strerror(err));
}

void tfp_unstage(char *dir)
{
	remove_stage(dir);
	free(dir);
}

static int stage(struct vaccel_resource *res, const char *src, char **out)
{
	const char *tmp = getenv("TMPDIR");
	char path[PATH_MAX], vars[PATH_MAX + 16];
	int ret;

	if (!tmp || !*tmp)
		tmp = "/tmp";
	if (snprintf(path, sizeof(path), "%s/vaccel-tf-XXXXXX", tmp) >=
	    (int)sizeof(path))
		return VACCEL_ENAMETOOLONG;
	if (!mkdtemp(path))
		return errno;
	snprintf(vars, sizeof(vars), "%s/variables", path);
	ret = mkdir(vars, 0700) ? errno : link_all(src, path);
	*out = strdup(path);
	if (!*out) {
		remove_stage(path);
		return VACCEL_ENOMEM;
	}
	if (ret) {
		tfp_unstage(*out);
		*out = NULL;
		return ret;
	}
	vaccel_plugin_debug("resource %lld: its variables files have no "
			    "variables/ directory; staged in %s",
			    (long long)res->id, path);
	return VACCEL_OK;
}

int tfp_model_dir(struct vaccel_resource *res, char **dir, int *staged)
{
	const struct vaccel_host_api *host = vaccel_plugin_host;
	char *d = NULL;
	int ret;

	*staged = 0;
	ret = host->resource_directory(res, NULL, 0, &d);
	if (ret) {
		vaccel_plugin_error("resource %lld: cannot gather its files "
				    "into one directory (error %d)",
				    (long long)res->id, ret);
		return ret;
	}
	if (exists(d, "variables") || !exists(d, "variables.index")) {
		*dir = d;
		return VACCEL_OK;
	}
	ret = stage(res, d, dir);
	host->free(d);
	if (ret) {
		vaccel_plugin_error("resource %lld: cannot stage its files: %s",
				    (long long)res->id, strerror(ret));
		return ret;
	}
	*staged = 1;
	return VACCEL_OK;
}

/* Directory resources: every regular file below the directory, in a stable
 * (sorted) order, as a FILE blob named by its path relative to it, so that
 * a TensorFlow SavedModel directory is one resource. */

#include "internal.h"
#include "vaccel/log.h"
#include "vaccel/resource.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deeper trees are refused rather than followed into a loop. */
#define MAX_DEPTH 32

struct walk {
	struct vaccel_resource *res;
	const char *top;
	size_t cap;
};

static int add_blob(struct walk *w, const char *path)
{
	struct vaccel_resource *res = w->res;
	struct vaccel_blob *b;
	int ret;

	if (res->nr_blobs == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 8;
		void *p = realloc(res->blobs, cap * sizeof(*res->blobs));

		if (!p)
			return VACCEL_ENOMEM;
		res->blobs = p;
		w->cap = cap;
	}
	ret = vaccel_blob_new(&b, path);
	if (ret)
		return ret;
	free(b->name);
	b->name = strdup(path + strlen(w->top) + 1);
	if (!b->name) {
		vaccel_blob_delete(b);
		return VACCEL_ENOMEM;
	}
	res->blobs[res->nr_blobs++] = b;
	return VACCEL_OK;
}

static int walk_dir(struct walk *w, const char *dir, int depth)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);
	int ret = VACCEL_OK;

	if (n < 0) {
		ret = errno;
		vaccel_error("cannot read directory %s: %s", dir,
			     strerror(ret));
		return ret;
	}
	for (int i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char path[PATH_MAX];
		struct stat st;

		if (ret || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, name) >=
		    (int)sizeof(path)) {
			vaccel_error("path %s/%s is too long", dir, name);
			ret = VACCEL_ENAMETOOLONG;
		} else if (lstat(path, &st)) {
			ret = errno;
		} else if (S_ISDIR(st.st_mode)) {
			if (depth >= MAX_DEPTH) {
				vaccel_error("%s: more than %d directory "
					     "levels",
					     path, MAX_DEPTH);
				ret = VACCEL_ELOOP;
			} else {
				ret = walk_dir(w, path, depth + 1);
			}
		} else if (S_ISREG(st.st_mode) ||
			   (S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
			    S_ISREG(st.st_mode))) {
			/* Linked files count; linked directories are not
			 * followed (they can loop). */
			ret = add_blob(w, path);
		} else {
			vaccel_debug("skipping %s: not a regular file", path);
		}
	}
	for (int i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	return ret;
}

int vaccel_resource_add_dir_blobs(struct vaccel_resource *res, const char *dir)
{
	struct walk w = {.res = res, .top = dir, .cap = 0};
	int ret = walk_dir(&w, dir, 0);

	if (!ret && res->nr_blobs == 0) {
		vaccel_error("directory %s holds no regular files", dir);
		ret = VACCEL_EINVAL;
	}
	return ret;
}

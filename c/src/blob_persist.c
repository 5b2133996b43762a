/* Writing an in-memory blob to a file that the blob then owns. */

#include "internal.h"
#include "vaccel/blob.h"
#include "vaccel/helpers/fs.h"
#include "vaccel/log.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool vaccel_relative_name_ok(const char *name)
{
	const char *p = name;

	if (!name || !*name || *name == '/')
		return false;
	/* No ".." or "." component and no empty one: the file must land
	 * inside the directory it is written to. */
	while (*p) {
		size_t len = strcspn(p, "/");

		if (len == 0 || (len == 1 && p[0] == '.') ||
		    (len == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += len;
		if (*p == '/' && !*++p)
			return false;
	}
	return true;
}

int vaccel_mkdir_parents(const char *path, const char *stop)
{
	char buf[PATH_MAX];
	size_t len = strlen(path);
	size_t skip = stop ? strlen(stop) : 0;

	if (len >= sizeof(buf))
		return VACCEL_ENAMETOOLONG;
	memcpy(buf, path, len + 1);
	/* Create each directory of `path` below `stop`, not the last part. */
	for (char *p = buf + skip + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) && errno != EEXIST)
			return errno;
		*p = '/';
	}
	return VACCEL_OK;
}

/* Creates `path` exclusively, or with a random "_XXXXXX" before the file's
 * extension when `randomize` or when `path` exists. `*final` gets the name
 * used (malloc'ed). */
static int create_file(const char *path, bool randomize, char **final, int *fd)
{
	const char *base, *dot;
	size_t ext_len, len;
	char *tmpl;

	if (!randomize) {
		*fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (*fd >= 0) {
			*final = strdup(path);
			if (*final)
				return VACCEL_OK;
			close(*fd);
			unlink(path);
			return VACCEL_ENOMEM;
		}
		if (errno != EEXIST)
			return errno;
		vaccel_warn("%s exists; adding a random suffix", path);
	}
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	ext_len = dot && dot != base ? strlen(dot) : 0;
	len = strlen(path);
	if (len + 8 > PATH_MAX)
		return VACCEL_ENAMETOOLONG;
	tmpl = malloc(len + 8);
	if (!tmpl)
		return VACCEL_ENOMEM;
	memcpy(tmpl, path, len - ext_len);
	memcpy(tmpl + len - ext_len, "_XXXXXX", 7);
	memcpy(tmpl + len - ext_len + 7, path + len - ext_len, ext_len + 1);
	*fd = mkstemps(tmpl, (int)ext_len);
	if (*fd < 0) {
		int err = errno;

		free(tmpl);
		return err;
	}
	*final = tmpl;
	return VACCEL_OK;
}

/* The blob's name for its new file: `filename` with its last part replaced
 * by the file actually created (which may carry a random suffix). */
static char *name_for(const char *filename, const char *path)
{
	const char *slash = strrchr(filename, '/');
	const char *base = strrchr(path, '/') + 1;
	size_t dir_len = slash ? (size_t)(slash - filename) + 1 : 0;
	char *name = malloc(dir_len + strlen(base) + 1);

	if (name) {
		memcpy(name, filename, dir_len);
		strcpy(name + dir_len, base);
	}
	return name;
}

int vaccel_blob_persist(struct vaccel_blob *blob, const char *dir,
			const char *filename, bool randomize)
{
	char path[PATH_MAX];
	char *final = NULL, *name;
	uint8_t *data;
	size_t size;
	struct stat st;
	int fd, ret;

	if (!blob || (unsigned)blob->type >= VACCEL_BLOB_MAX || !blob->data ||
	    !blob->size) {
		vaccel_error("vaccel_blob_persist: %s",
			     blob ? "the blob holds no data" : "blob is NULL");
		return VACCEL_EINVAL;
	}
	if (!vaccel_relative_name_ok(filename)) {
		vaccel_error("vaccel_blob_persist: bad file name '%s' (needs "
			     "a relative path without '.' or '..')",
			     filename ? filename : "(null)");
		return VACCEL_EINVAL;
	}
	if (blob->path) {
		vaccel_error("vaccel_blob_persist: the blob already has the "
			     "file %s",
			     blob->path);
		return VACCEL_EEXIST;
	}
	if (!dir || stat(dir, &st) || !S_ISDIR(st.st_mode)) {
		vaccel_error("vaccel_blob_persist: %s is not a directory",
			     dir ? dir : "(null)");
		return VACCEL_ENOENT;
	}
	if (snprintf(path, sizeof(path), "%s/%s", dir, filename) >=
	    (int)sizeof(path)) {
		vaccel_error("vaccel_blob_persist: %s/%s is too long", dir,
			     filename);
		return VACCEL_ENAMETOOLONG;
	}
	ret = vaccel_mkdir_parents(path, dir);
	if (!ret)
		ret = create_file(path, randomize, &final, &fd);
	if (ret) {
		vaccel_error("vaccel_blob_persist: cannot create %s: %s", path,
			     strerror(ret));
		return ret;
	}
	ret = vaccel_write_all(fd, blob->data, blob->size);
	close(fd);
	name = ret ? NULL : name_for(filename, final);
	if (!ret && !name)
		ret = VACCEL_ENOMEM;
	if (!ret)
		ret = vaccel_blob_map_file(final, true, &data, &size);
	if (ret) {
		vaccel_error("vaccel_blob_persist: cannot write %s: %s", final,
			     strerror(ret));
		unlink(final);
		free(final);
		free(name);
		return ret;
	}
	if (blob->type == VACCEL_BLOB_BUFFER && blob->data_owned)
		free(blob->data);
	free(blob->name);
	blob->name = name;
	blob->path = final;
	blob->path_owned = true;
	blob->data = data;
	blob->data_owned = true;
	blob->size = size;
	blob->type = VACCEL_BLOB_MAPPED;
	vaccel_debug("persisted blob %s to %s", name, final);
	return VACCEL_OK;
}

/* Copied from c/include/vaccel/helpers/fs.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Header-only file helpers shared by the runtime and the plugins. They use
 * POSIX.1-2008 calls (openat, fdopendir, unlinkat): compile with
 * _DEFAULT_SOURCE (or _POSIX_C_SOURCE >= 200809L) defined, as the
 * vaccel_plugin Bazel macro does.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes all `size` bytes of `data` to `fd`, retrying after EINTR and
 * short writes. 0, or the errno of the failed write (EIO when a write
 * makes no progress). */
static inline int vaccel_write_all(int fd, const void *data, size_t size)
{
	const uint8_t *p = (const uint8_t *)data;

	while (size) {
		ssize_t n = write(fd, p, size);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		if (n == 0)
			return EIO;
		p += n;
		size -= (size_t)n;
	}
	return 0;
}

/* Removes entry `name` of directory `dirfd` and, when it is a directory,
 * everything below it; the first errno goes to `*err`. */
static inline void vaccel_remove_at_(int dirfd, const char *name, int *err)
{
	struct dirent *e;
	DIR *d;
	int fd;

	if (!unlinkat(dirfd, name, 0))
		return;
	/* Linux says EISDIR for a directory, POSIX EPERM. */
	if (errno != EISDIR && errno != EPERM) {
		*err = *err ? *err : errno;
		return;
	}
	fd = openat(dirfd, name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		*err = *err ? *err : errno;
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			vaccel_remove_at_(fd, e->d_name, err);
	closedir(d);
	if (unlinkat(dirfd, name, AT_REMOVEDIR))
		*err = *err ? *err : errno;
}

/* Removes `path` and everything below it, without following symbolic
 * links, going on past entries it cannot remove. 0, or the errno of the
 * first failure (ENOENT when `path` does not exist). */
static inline int vaccel_remove_tree(const char *path)
{
	int err = 0;

	vaccel_remove_at_(AT_FDCWD, path, &err);
	return err;
}

#ifdef __cplusplus
}
#endif

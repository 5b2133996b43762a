/* Opening the libraries of the exec plugin: from a path, or from a
 * resource's in-memory bytes through memfd_create + /proc/self/fd. */

#define _GNU_SOURCE /* memfd_create, F_DUPFD_CLOEXEC */

#include "exec.h"

#include <vaccel/helpers/fs.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int exec_dlopen_mode = RTLD_LAZY;

void *exec_open_path(const char *path, int flags)
{
	struct stat st;
	void *h;

	/* dlopen of a FIFO or a device blocks or reads forever: only regular
	 * files (a bare name is searched on the library path by dlopen). */
	if (strchr(path, '/') && !stat(path, &st) && !S_ISREG(st.st_mode)) {
		vaccel_plugin_error("cannot load library %s: not a regular "
				    "file",
				    path);
		return NULL;
	}
	h = dlopen(path, flags);
	if (!h)
		vaccel_plugin_error("cannot load library %s: %s", path,
				    dlerror());
	return h;
}

void exec_close(void *handle, const char *what)
{
	if (handle && dlclose(handle))
		vaccel_plugin_error("cannot unload library %s: %s", what,
				    dlerror());
}

/* glibc finds already loaded libraries by the name given to dlopen first:
 * a "/proc/self/fd/N" still loaded from an earlier memfd that had the same
 * number would be returned instead of ours. Move our fd to a number no
 * loaded library is named after. */
static int unique_fd(int fd, char *path, size_t len)
{
	for (;;) {
		void *old;
		int nfd;

		snprintf(path, len, "/proc/self/fd/%d", fd);
		old = dlopen(path, RTLD_LAZY | RTLD_NOLOAD);
		if (!old)
			return fd;
		dlclose(old);
		nfd = fcntl(fd, F_DUPFD_CLOEXEC, fd + 1);
		close(fd);
		if (nfd < 0)
			return -1;
		fd = nfd;
	}
}

static void *open_memory(const char *name, const uint8_t *data, size_t size,
			 int flags)
{
	char path[64];
	void *h;
	int fd;

	fd = memfd_create(name, MFD_CLOEXEC);
	if (fd < 0) {
		vaccel_plugin_error("cannot load library %s from memory: "
				    "memfd_create: %s",
				    name, strerror(errno));
		return NULL;
	}
	int err = vaccel_write_all(fd, data, size);
	if (err) {
		vaccel_plugin_error("cannot load library %s from memory: "
				    "write: %s",
				    name, strerror(err));
		close(fd);
		return NULL;
	}
	fd = unique_fd(fd, path, sizeof(path));
	if (fd < 0) {
		vaccel_plugin_error("cannot load library %s from memory: "
				    "fcntl: %s",
				    name, strerror(errno));
		return NULL;
	}
	h = dlopen(path, flags);
	if (!h)
		vaccel_plugin_error("cannot load library %s from memory: %s",
				    name, dlerror());
	/* The mapping keeps the file alive; the fd is no longer needed. */
	close(fd);
	return h;
}

void *exec_open_blob(struct vaccel_blob *blob, int flags)
{
	const char *name = blob->name ? blob->name : "(unnamed)";
	const uint8_t *data;
	size_t size;

	/* A file blob's data may be mapped by another thread right now:
	 * read it only for in-memory blobs, whose data never changes. */
	if (blob->path)
		return exec_open_path(blob->path, flags);
	data = blob->data;
	size = blob->size;
	if (!data && VACCEL_HOST_HAS(vaccel_plugin_host, blob_data) &&
	    vaccel_plugin_host->blob_data)
		data = vaccel_plugin_host->blob_data(blob, &size);
	if (!data || !size) {
		vaccel_plugin_error("cannot load library %s: the blob has "
				    "neither a file nor data",
				    name);
		return NULL;
	}
	vaccel_plugin_debug("loading %s from memory (%zu bytes)", name, size);
	return open_memory(name, data, size, flags);
}

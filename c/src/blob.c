/* Blobs: one file or buffer of a resource, and lazy reading of files. */

#include "internal.h"
#include "new_delete.h"
#include "vaccel/blob.h"
#include "vaccel/log.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const char *vaccel_blob_type_to_str(vaccel_blob_type_t value)
{
	switch (value) {
	case VACCEL_BLOB_FILE:
		return "VACCEL_BLOB_FILE";
	case VACCEL_BLOB_BUFFER:
		return "VACCEL_BLOB_BUFFER";
	case VACCEL_BLOB_MAPPED:
		return "VACCEL_BLOB_MAPPED";
	default:
		return "unknown";
	}
}

/* Serialises the lazy mapping of file blobs: plugins read a resource's
 * blobs from several threads at once (vaccel_blob_data through the host
 * table), and each blob must be mapped exactly once. Mapping is rare, so
 * one lock for all blobs is enough; readers of a mapped blob take none. */
static pthread_mutex_t map_lock = PTHREAD_MUTEX_INITIALIZER;

/* `type` and `data` change under map_lock while other threads read them. */
static vaccel_blob_type_t load_type(const struct vaccel_blob *blob)
{
	return __atomic_load_n(&blob->type, __ATOMIC_RELAXED);
}

static bool type_ok(const struct vaccel_blob *blob)
{
	return (unsigned)load_type(blob) < VACCEL_BLOB_MAX;
}

int vaccel_blob_map_file(const char *path, bool shared, uint8_t **data,
			 size_t *size)
{
	struct stat st;
	void *ptr;
	/* Non-blocking: a FIFO put where the file was must not block the
	 * open (it is refused below). */
	int fd =
	    open(path, (shared ? O_RDWR : O_RDONLY) | O_CLOEXEC | O_NONBLOCK);
	int ret;

	if (fd < 0) {
		ret = errno;
		vaccel_error("cannot open %s: %s", path, strerror(ret));
		return ret;
	}
	if (fstat(fd, &st)) {
		ret = errno;
		vaccel_error("cannot stat %s: %s", path, strerror(ret));
		close(fd);
		return ret;
	}
	if (!S_ISREG(st.st_mode)) {
		vaccel_error("%s is not a regular file", path);
		close(fd);
		return VACCEL_EINVAL;
	}
	if (st.st_size == 0) {
		/* mmap cannot map zero bytes, and a blob has data or a path */
		vaccel_error("file %s is empty", path);
		close(fd);
		return VACCEL_EINVAL;
	}
	/* Private for files the blob does not own: writes through `data` must
	 * not change the user's file. */
	ptr = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE,
		   shared ? MAP_SHARED : MAP_PRIVATE, fd, 0);
	ret = ptr == MAP_FAILED ? errno : 0;
	close(fd);
	if (ret) {
		vaccel_error("cannot map %s: %s", path, strerror(ret));
		return ret;
	}
	*data = ptr;
	*size = (size_t)st.st_size;
	return VACCEL_OK;
}

int vaccel_blob_init(struct vaccel_blob *blob, const char *path)
{
	struct stat st;
	const char *base;

	if (!blob || !path) {
		vaccel_error("vaccel_blob_init: %s is NULL",
			     blob ? "path" : "blob");
		return VACCEL_EINVAL;
	}
	/* Any path that is not a readable regular file is EINVAL, as in
	 * vAccel; the log says why. */
	if (stat(path, &st)) {
		vaccel_error("vaccel_blob_init: %s: %s", path, strerror(errno));
		return VACCEL_EINVAL;
	}
	if (!S_ISREG(st.st_mode)) {
		vaccel_error("vaccel_blob_init: %s is not a regular file",
			     path);
		return VACCEL_EINVAL;
	}
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	memset(blob, 0, sizeof(*blob));
	blob->path = strdup(path);
	blob->name = strdup(base);
	if (!blob->path || !blob->name) {
		free(blob->path);
		free(blob->name);
		blob->type = VACCEL_BLOB_MAX;
		return VACCEL_ENOMEM;
	}
	blob->type = VACCEL_BLOB_FILE;
	return VACCEL_OK;
}

int vaccel_blob_init_from_buf(struct vaccel_blob *blob, const uint8_t *buf,
			      size_t size, bool own, const char *filename,
			      const char *dir, bool randomize)
{
	int ret;

	if (!blob || !buf || !size || !filename) {
		vaccel_error("vaccel_blob_init_from_buf: %s",
			     !blob   ? "blob is NULL"
			     : !buf  ? "buf is NULL"
			     : !size ? "size is 0"
				     : "filename is NULL");
		return VACCEL_EINVAL;
	}
	memset(blob, 0, sizeof(*blob));
	blob->type = VACCEL_BLOB_BUFFER;
	blob->size = size;
	if (dir) {
		/* persist maps the file back: no copy needed first */
		blob->data = (uint8_t *)buf;
		ret = vaccel_blob_persist(blob, dir, filename, randomize);
		if (ret) {
			memset(blob, 0, sizeof(*blob));
			blob->type = VACCEL_BLOB_MAX;
		}
		return ret;
	}
	blob->name = strdup(filename);
	if (own) {
		blob->data = malloc(size);
		if (blob->data)
			memcpy(blob->data, buf, size);
		blob->data_owned = true;
	} else {
		blob->data = (uint8_t *)buf;
	}
	if (!blob->name || !blob->data) {
		free(blob->name);
		if (own)
			free(blob->data);
		memset(blob, 0, sizeof(*blob));
		blob->type = VACCEL_BLOB_MAX;
		return VACCEL_ENOMEM;
	}
	return VACCEL_OK;
}

int vaccel_blob_release(struct vaccel_blob *blob)
{
	if (!blob) {
		vaccel_error("vaccel_blob_release: blob is NULL");
		return VACCEL_EINVAL;
	}
	if (!type_ok(blob)) {
		vaccel_error("vaccel_blob_release: the blob is not initialised "
			     "or was released");
		return VACCEL_EINVAL;
	}
	if (blob->data && blob->data_owned) {
		if (blob->type == VACCEL_BLOB_MAPPED) {
			if (munmap(blob->data, blob->size))
				vaccel_warn("cannot unmap %s: %s", blob->path,
					    strerror(errno));
		} else {
			free(blob->data);
		}
	}
	if (blob->path && blob->path_owned && unlink(blob->path) &&
	    errno != ENOENT)
		vaccel_warn("cannot remove %s: %s", blob->path,
			    strerror(errno));
	free(blob->path);
	free(blob->name);
	memset(blob, 0, sizeof(*blob));
	blob->type = VACCEL_BLOB_MAX;
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_blob_new, vaccel_blob_init, struct vaccel_blob,
		  (const char *path), (path))
VACCEL_DEFINE_NEW(vaccel_blob_from_buf, vaccel_blob_init_from_buf,
		  struct vaccel_blob,
		  (const uint8_t *buf, size_t size, bool own,
		   const char *filename, const char *dir, bool randomize),
		  (buf, size, own, filename, dir, randomize))
VACCEL_DEFINE_DELETE(vaccel_blob_delete, vaccel_blob_release,
		     struct vaccel_blob)

/* Maps a file blob that has no data yet. Caller holds map_lock. */
static int map_locked(struct vaccel_blob *blob)
{
	uint8_t *data;
	size_t size;
	int ret;

	if (blob->data)
		return VACCEL_OK; /* another thread mapped it meanwhile */
	if (!blob->path) {
		vaccel_error("vaccel_blob_read: blob '%s' has neither data "
			     "nor a file",
			     blob->name ? blob->name : "");
		return VACCEL_EINVAL;
	}
	ret = vaccel_blob_map_file(blob->path, false, &data, &size);
	if (ret)
		return ret;
	blob->size = size;
	blob->data_owned = true;
	__atomic_store_n(&blob->type, VACCEL_BLOB_MAPPED, __ATOMIC_RELAXED);
	__atomic_store_n(&blob->data, data, __ATOMIC_RELEASE);
	return VACCEL_OK;
}

int vaccel_blob_read(struct vaccel_blob *blob)
{
	int ret;

	if (!blob || !type_ok(blob)) {
		vaccel_error("vaccel_blob_read: %s",
			     blob ? "the blob is not initialised or was "
				    "released"
				  : "blob is NULL");
		return VACCEL_EINVAL;
	}
	/* Acquire: a mapped blob's size is written before its data. */
	if (__atomic_load_n(&blob->data, __ATOMIC_ACQUIRE))
		return VACCEL_OK;
	pthread_mutex_lock(&map_lock);
	ret = map_locked(blob);
	pthread_mutex_unlock(&map_lock);
	return ret;
}

uint8_t *vaccel_blob_data(struct vaccel_blob *blob, size_t *size)
{
	if (vaccel_blob_read(blob))
		return NULL;
	if (size)
		*size = blob->size;
	return blob->data;
}

const char *vaccel_blob_path(struct vaccel_blob *blob)
{
	if (!blob || !type_ok(blob) || load_type(blob) == VACCEL_BLOB_BUFFER)
		return NULL;
	return blob->path;
}

bool vaccel_blob_valid(const struct vaccel_blob *blob)
{
	return blob && type_ok(blob) && blob->name &&
	       (blob->path || (blob->data && blob->size));
}

/* fs_file_read() of vaccel/compat/utils/fs.h: vAccel's examples read their
 * input files with it. */

#include "internal.h"
#include "vaccel/compat/utils/fs.h"
#include "vaccel/error.h"
#include "vaccel/log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int read_all(int fd, const char *path, uint8_t *buf, size_t size)
{
	size_t done = 0;

	while (done < size) {
		ssize_t n = read(fd, buf + done, size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int ret = errno;

			vaccel_error("fs_file_read: cannot read %s: %s", path,
				     strerror(ret));
			return ret;
		}
		if (n == 0) {
			/* The file shrank after fstat(). */
			vaccel_error("fs_file_read: %s ended after %zu of "
				     "%zu bytes",
				     path, done, size);
			return VACCEL_EIO;
		}
		done += (size_t)n;
	}
	return VACCEL_OK;
}

int fs_file_read(const char *path, void **data, size_t *size)
{
	struct stat st;
	uint8_t *buf;
	int fd, ret;

	if (!path || !data) {
		vaccel_error("fs_file_read: %s is NULL",
			     path ? "data" : "path");
		return VACCEL_EINVAL;
	}
	/* Non-blocking: a FIFO must not block the open (refused below). */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		ret = errno;
		vaccel_error("fs_file_read: cannot open %s: %s", path,
			     strerror(ret));
		return ret;
	}
	if (fstat(fd, &st)) {
		ret = errno;
		vaccel_error("fs_file_read: cannot stat %s: %s", path,
			     strerror(ret));
		close(fd);
		return ret;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		vaccel_error("fs_file_read: %s is %s", path,
			     S_ISREG(st.st_mode) ? "empty"
						 : "not a regular file");
		close(fd);
		return VACCEL_EINVAL;
	}
	buf = malloc((size_t)st.st_size);
	if (!buf) {
		vaccel_error("fs_file_read: no memory for the %lld bytes of %s",
			     (long long)st.st_size, path);
		close(fd);
		return VACCEL_ENOMEM;
	}
	ret = read_all(fd, path, buf, (size_t)st.st_size);
	close(fd);
	if (ret) {
		free(buf);
		return ret;
	}
	*data = buf;
	if (size)
		*size = (size_t)st.st_size;
	return VACCEL_OK;
}

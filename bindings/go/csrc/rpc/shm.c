/* Copied from c/rpc/shm.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* memfd-backed shared regions.
 *
 * Why the shrink seal: a mapping of a file that gets truncated below the
 * mapped length raises SIGBUS on the next access to the lost pages. If a
 * peer could ftruncate the memfd it handed us while we read a tensor from
 * it, it could crash the agent. F_SEAL_SHRINK makes such a truncate fail,
 * and the receiver refuses any region that lacks the seal. Growing is
 * harmless, writing is the point, so only shrinking is sealed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpc/shm.h"

static int shm_create(size_t size, int populate, struct vrpc_shm *out)
{
	int fd, rc;
	void *p;

	out->fd = -1;
	out->addr = NULL;
	out->size = 0;
	if (size == 0 || size > (size_t)INT64_MAX)
		return -EINVAL;
	fd = memfd_create("vrpc-shm", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return -errno;
	if (ftruncate(fd, (off_t)size) != 0 ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK) != 0)
		goto fail;
	/* MAP_POPULATE (both here and in map_fd): set up every page now in
	 * one go instead of one fault per 4 KiB page on first touch. Measured
	 * on this VM for 64 MiB: the receiver's first read of a region took
	 * 222 ms faulting page by page, 53 ms mapped with MAP_POPULATE. */
	p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_SHARED | (populate ? MAP_POPULATE : 0), fd, 0);
	if (p == MAP_FAILED)
		goto fail;
	out->fd = fd;
	out->addr = p;
	out->size = size;
	return 0;
fail:
	rc = -errno;
	close(fd);
	return rc;
}

int vrpc_shm_create(size_t size, struct vrpc_shm *out)
{
	return shm_create(size, 1, out);
}

int vrpc_shm_create_lazy(size_t size, struct vrpc_shm *out)
{
	return shm_create(size, 0, out);
}

static int shm_map_fd(int fd, size_t expected_size, int writable, int populate,
		      struct vrpc_shm *out)
{
	struct stat st;
	int seals, prot = PROT_READ | (writable ? PROT_WRITE : 0);
	void *p;

	out->fd = -1;
	out->addr = NULL;
	out->size = 0;
	if (expected_size == 0 || expected_size > (size_t)INT64_MAX)
		return -EINVAL;
	if (fstat(fd, &st) != 0)
		return -errno;
	/* A memfd is S_IFREG; a pipe, socket or device is refused. */
	if (!S_ISREG(st.st_mode))
		return -EBADF;
	if ((uint64_t)st.st_size < (uint64_t)expected_size)
		return -ERANGE;
	seals = fcntl(fd, F_GET_SEALS);
	if (seals < 0 || !(seals & F_SEAL_SHRINK))
		return -EPERM;
	p = mmap(NULL, expected_size, prot,
		 MAP_SHARED | (populate ? MAP_POPULATE : 0), fd, 0);
	if (p == MAP_FAILED)
		return -errno;
	out->fd = fd;
	out->addr = p;
	out->size = expected_size;
	return 0;
}

int vrpc_shm_map_fd(int fd, size_t expected_size, int writable,
		    struct vrpc_shm *out)
{
	return shm_map_fd(fd, expected_size, writable, 1, out);
}

int vrpc_shm_map_fd_lazy(int fd, size_t expected_size, struct vrpc_shm *out)
{
	return shm_map_fd(fd, expected_size, 1, 0, out);
}

int vrpc_shm_map_path(const char *path, struct vrpc_shm *out)
{
	struct stat st;
	int fd, rc;
	void *p;

	out->fd = -1;
	out->addr = NULL;
	out->size = 0;
	/* O_SYNC, as guests open a PCI BAR's sysfs resource file; on a
	 * regular host file it only affects write(2), which nobody uses. */
	fd = open(path, O_RDWR | O_SYNC | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) != 0) {
		rc = -errno;
		goto fail;
	}
	if (!S_ISREG(st.st_mode) || st.st_size <= 0) {
		rc = -EBADF;
		goto fail;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED,
		 fd, 0);
	if (p == MAP_FAILED) {
		rc = -errno;
		goto fail;
	}
	out->fd = fd;
	out->addr = p;
	out->size = (size_t)st.st_size;
	return 0;
fail:
	close(fd);
	return rc;
}

void vrpc_shm_unmap(struct vrpc_shm *shm)
{
	if (shm->addr && shm->size > 0)
		munmap(shm->addr, shm->size);
	if (shm->fd >= 0)
		close(shm->fd);
	shm->addr = NULL;
	shm->size = 0;
	shm->fd = -1;
}

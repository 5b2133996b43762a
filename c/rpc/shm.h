/* Shared-memory regions for the large-buffer path over UNIX sockets
 * (docs/protocol.md, "Shared memory"): one side creates a
 * sealed memfd, passes the fd with SCM_RIGHTS, the other maps it. */
#ifndef VRPC_SHM_H
#define VRPC_SHM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vrpc_shm {
	int fd;
	void *addr;
	size_t size;
};

/* A new read-write shared region of `size` bytes (size > 0), backed by a
 * memfd sealed against shrinking. 0 or -errno. */
int vrpc_shm_create(size_t size, struct vrpc_shm *out);

/* Map `expected_size` bytes of a region received from the peer. Takes
 * ownership of fd only on success (out->fd). Refuses (never trusting the
 * peer) an fd that is not a regular file/memfd (-EBADF), one shorter than
 * expected_size (-ERANGE) or one not sealed against shrinking (-EPERM).
 * writable maps it read-write, else read-only. 0 or -errno. */
int vrpc_shm_map_fd(int fd, size_t expected_size, int writable,
		    struct vrpc_shm *out);

/* As vrpc_shm_create and vrpc_shm_map_fd (writable), but pages are not
 * populated up front: a large region that is mostly unused costs no memory
 * (the first touch of each page faults it in, once per process). */
int vrpc_shm_create_lazy(size_t size, struct vrpc_shm *out);
int vrpc_shm_map_fd_lazy(int fd, size_t expected_size, struct vrpc_shm *out);

/* Map the whole of an existing file read-write and shared: the host file
 * behind an ivshmem device (agent), or a PCI BAR's sysfs `resource2`
 * (guest). Refuses an empty file or one that is not a regular file
 * (-EBADF; sysfs resource files are regular). 0 or -errno. */
int vrpc_shm_map_path(const char *path, struct vrpc_shm *out);

/* Unmap and close; safe on a zeroed or already unmapped region. */
void vrpc_shm_unmap(struct vrpc_shm *shm);

#ifdef __cplusplus
}
#endif

#endif /* VRPC_SHM_H */

/* Shared memory with clients (docs/protocol.md "Shared memory"): a
 * client's memfd over UNIX, or a lease of the ivshmem host file its
 * listen address was given (--shm-file). Every reference a call makes is
 * checked against this connection's slice by the marshaller
 * (c/wire/marshal_shm.c). */

#include "agent.h"
#include "protocol.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A lease smaller than this is not worth having: refused instead. */
#define MIN_LEASE (1ull << 20)

static void refuse(struct agent_client *cl, struct wire_out *o, int status,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void refuse(struct agent_client *cl, struct wire_out *o, int status,
		   const char *fmt, ...)
{
	char why[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	vaccel_log(VACCEL_LOG_WARN, "agent: client %ld (%s): SHM_ATTACH: %s",
		   cl->id, cl->peer, why);
	wire_put_u32(o, (uint32_t)status);
	wire_put_str(o, why);
}

struct agent_shm_file *agent_shm_file_open(const char *path)
{
	struct agent_shm_file *f = calloc(1, sizeof(*f));
	int ret;

	if (!f)
		return NULL;
	ret = vrpc_shm_map_path(path, &f->map);
	if (ret) {
		fprintf(stderr, "vaccel-agent: --shm-file %s: %s\n", path,
			ret == -EBADF ? "not a non-empty regular file"
				      : strerror(-ret));
		free(f);
		return NULL;
	}
	f->path = path;
	wire_region_init(&f->leases, f->map.addr, f->map.size);
	return f;
}

static int attach_memfd(struct agent_client *cl, const struct wire_msg *m,
			uint64_t size, struct wire_out *o)
{
	int fd, ret;

	if (m->nfds != 1) {
		refuse(cl, o, VACCEL_EINVAL,
		       "a memfd region needs 1 descriptor with the frame, "
		       "it came with %d",
		       m->nfds);
		return -1;
	}
	if (size == 0 || size > agent_opts.max_bytes) {
		refuse(cl, o, VACCEL_EINVAL,
		       "a region of %llu bytes (the limit is %llu, "
		       "--max-bytes-per-client)",
		       (unsigned long long)size,
		       (unsigned long long)agent_opts.max_bytes);
		return -1;
	}
	/* The message keeps (and closes) its own descriptor. */
	fd = fcntl(m->fds[0], F_DUPFD_CLOEXEC, 0);
	if (fd < 0) {
		refuse(cl, o, VACCEL_EIO, "dup: %s", strerror(errno));
		return -1;
	}
	ret = vrpc_shm_map_fd_lazy(fd, (size_t)size, &cl->shm_map);
	if (ret) {
		close(fd);
		refuse(cl, o, VACCEL_EINVAL, "descriptor %d: %s", m->fds[0],
		       ret == -EBADF	? "not a memfd (not a regular file)"
		       : ret == -ERANGE ? "shorter than the size announced"
		       : ret == -EPERM	? "not sealed against shrinking "
					  "(F_SEAL_SHRINK)"
					: strerror(-ret));
		return -1;
	}
	wire_region_init(&cl->shm_region, cl->shm_map.addr, cl->shm_map.size);
	wire_put_u32(o, VACCEL_OK);
	wire_put_str(o, "");
	wire_put_u64(o, 0);
	wire_put_u64(o, size);
	vaccel_log(VACCEL_LOG_INFO,
		   "agent: client %ld (%s): memfd region of %llu bytes", cl->id,
		   cl->peer, (unsigned long long)size);
	return 0;
}

static int attach_ivshmem(struct agent_client *cl, uint64_t want,
			  const uint8_t *nonce, struct wire_out *o)
{
	struct agent_shm_file *f = cl->shm_file;
	uint64_t off, len;

	if (!f) {
		refuse(cl, o, VACCEL_ENOTSUP,
		       "no ivshmem file for this address (--shm-file)");
		return -1;
	}
	if (want > f->map.size)
		want = f->map.size;
	len = want;
	off = len >= WIRE_SHM_NONCE ? wire_region_alloc(&f->leases, len)
				    : UINT64_MAX;
	if (off == UINT64_MAX) {
		/* Less than asked: the largest free part, if worth it. */
		len = wire_region_largest_free(&f->leases);
		len &= ~(uint64_t)(WIRE_REGION_ALIGN - 1);
		off = len >= MIN_LEASE ? wire_region_alloc(&f->leases, len)
				       : UINT64_MAX;
	}
	if (off == UINT64_MAX) {
		refuse(cl, o, VACCEL_ENOSPC,
		       "%s is leased out (asked for %llu bytes)", f->path,
		       (unsigned long long)want);
		return -1;
	}
	/* The client checks this: proof that its device's memory is the
	 * file this agent maps. */
	memcpy((uint8_t *)f->map.addr + off, nonce, WIRE_SHM_NONCE);
	cl->shm_lease = off;
	cl->shm_leased = true;
	wire_region_init(&cl->shm_region, f->map.addr, f->map.size);
	wire_region_set_slice(&cl->shm_region, off, len);
	wire_put_u32(o, VACCEL_OK);
	wire_put_str(o, "");
	wire_put_u64(o, off);
	wire_put_u64(o, len);
	vaccel_log(VACCEL_LOG_INFO,
		   "agent: client %ld (%s): leased [%llu, +%llu) of %s", cl->id,
		   cl->peer, (unsigned long long)off, (unsigned long long)len,
		   f->path);
	return 0;
}

void agent_shm_attach(struct agent_client *cl, const struct wire_msg *m,
		      struct wire_in *in, struct wire_out *o)
{
	uint8_t nonce[WIRE_SHM_NONCE];
	uint64_t size, min_bytes;
	uint32_t kind;
	bool busy;
	int ret;

	if (!wire_get_u32(in, &kind, "kind") ||
	    !wire_get_u64(in, &size, "size") ||
	    !wire_get_u64(in, &min_bytes, "threshold") ||
	    !wire_get(in, nonce, sizeof(nonce), "nonce")) {
		refuse(cl, o, VACCEL_EINVAL, "%s", in->err);
		return;
	}
	if (kind != WIRE_SHM_MEMFD && kind != WIRE_SHM_IVSHMEM) {
		refuse(cl, o, VACCEL_EINVAL, "unknown region kind %u", kind);
		return;
	}
	/* Once per connection: calls in flight use the region unlocked. */
	pthread_mutex_lock(&cl->lock);
	busy = cl->shm_attaching;
	cl->shm_attaching = true;
	pthread_mutex_unlock(&cl->lock);
	if (busy) {
		refuse(cl, o, VACCEL_EEXIST,
		       "this connection has a region already");
		return;
	}
	ret = kind == WIRE_SHM_MEMFD ? attach_memfd(cl, m, size, o)
				     : attach_ivshmem(cl, size, nonce, o);
	if (ret) {
		pthread_mutex_lock(&cl->lock);
		cl->shm_attaching = false;
		pthread_mutex_unlock(&cl->lock);
		return;
	}
	cl->shm_min_bytes = min_bytes ? min_bytes : 1;
	atomic_store_explicit(&cl->shm_attached, true, memory_order_release);
}

void agent_shm_for_call(struct agent_client *cl, struct wire_shm *shm)
{
	if (!atomic_load_explicit(&cl->shm_attached, memory_order_acquire))
		return;
	shm->region = &cl->shm_region;
	shm->min_bytes = cl->shm_min_bytes;
}

void agent_shm_release(struct agent_client *cl)
{
	if (!atomic_load(&cl->shm_attached))
		return;
	if (cl->shm_leased)
		wire_region_free(&cl->shm_file->leases, cl->shm_lease);
	if (cl->shm_map.addr)
		vrpc_shm_unmap(&cl->shm_map);
	wire_region_fini(&cl->shm_region);
	cl->shm_leased = false;
	atomic_store(&cl->shm_attached, false);
}

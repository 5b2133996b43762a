/* Copied from c/plugins/rpc/shm.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* The client's shared region (see shm.h). */

#include "shm.h"
#include "client.h"
#include "protocol.h"
#include "rpc/shm.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#define DEFAULT_BYTES (256ull << 20)
#define DEFAULT_MIN_BYTES (64ull << 10)
#define DEFAULT_SYSFS "/sys/bus/pci/devices"
/* Reserved per call for callee-owned outputs (at least; a call reserves
 * as much as its inputs took when that is more). */
#define DEFAULT_OUT_BYTES (1ull << 20)
#define IVSHMEM_VENDOR 0x1af4
#define IVSHMEM_DEVICE 0x1110

static struct {
	pthread_mutex_t lock;
	uint64_t bytes, min_bytes;
	char sysfs[256];
	int kind; /* WIRE_SHM_MEMFD / WIRE_SHM_IVSHMEM once mapped */
	struct vrpc_shm map;
	struct wire_region region;
	bool mapped, attached, said_fallback;
	uint64_t attached_gen, tried_gen;
	bool tried;
} sh = {.lock = PTHREAD_MUTEX_INITIALIZER};

static uint64_t env_u64(const char *name, uint64_t def)
{
	const char *v = getenv(name);
	char *end;
	unsigned long long n;

	if (!v || !*v)
		return def;
	errno = 0;
	n = strtoull(v, &end, 0);
	if (errno || *end || v[0] == '-') {
		vaccel_plugin_warn("%s=%s is not a number of bytes; using %llu",
				   name, v, (unsigned long long)def);
		return def;
	}
	return n;
}

void rpc_shm_init(void)
{
	const char *sysfs = getenv("VACCEL_RPC_SHM_SYSFS");

	sh.bytes = env_u64("VACCEL_RPC_SHM_BYTES", UINT64_MAX);
	sh.min_bytes = env_u64("VACCEL_RPC_SHM_MIN_BYTES", DEFAULT_MIN_BYTES);
	if (sh.min_bytes == 0)
		sh.min_bytes = 1;
	snprintf(sh.sysfs, sizeof(sh.sysfs), "%s",
		 sysfs && *sysfs ? sysfs : DEFAULT_SYSFS);
}

void rpc_shm_fini(void)
{
	pthread_mutex_lock(&sh.lock);
	if (sh.mapped) {
		wire_region_fini(&sh.region);
		vrpc_shm_unmap(&sh.map);
		sh.mapped = false;
	}
	sh.attached = sh.tried = sh.said_fallback = false;
	pthread_mutex_unlock(&sh.lock);
}

/* `path/name` holds the hex id `want` (a sysfs vendor/device file). */
static bool id_is(const char *dir, const char *name, unsigned int want)
{
	char path[512], buf[32] = "";
	FILE *f;
	bool ok;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "re");
	if (!f)
		return false;
	ok = fgets(buf, sizeof(buf), f) && strtoul(buf, NULL, 16) == want;
	fclose(f);
	return ok;
}

/* The first ivshmem-plain device's BAR 2, mapped. */
static int map_ivshmem(void)
{
	DIR *d = opendir(sh.sysfs);
	struct dirent *e;
	int ret = -ENODEV;

	if (!d)
		return -ENODEV;
	while ((e = readdir(d))) {
		char dev[512], res[600];

		if (e->d_name[0] == '.')
			continue;
		snprintf(dev, sizeof(dev), "%s/%s", sh.sysfs, e->d_name);
		if (!id_is(dev, "vendor", IVSHMEM_VENDOR) ||
		    !id_is(dev, "device", IVSHMEM_DEVICE))
			continue;
		snprintf(res, sizeof(res), "%s/resource2", dev);
		ret = vrpc_shm_map_path(res, &sh.map);
		if (ret)
			vaccel_plugin_warn("ivshmem device %s: cannot map "
					   "%s: %s",
					   e->d_name, res, strerror(-ret));
		else
			vaccel_plugin_debug("shared memory: ivshmem device "
					    "%s, %zu bytes",
					    e->d_name, sh.map.size);
		break;
	}
	closedir(d);
	return ret;
}

/* Map the region this process uses (once). Called locked. */
static int map_locked(void)
{
	bool unix_socket = strncmp(rpc_client_address(), "unix://", 7) == 0;
	int ret;

	if (sh.mapped)
		return 0;
	if (unix_socket) {
		ret = vrpc_shm_create_lazy(
		    sh.bytes == UINT64_MAX ? DEFAULT_BYTES : sh.bytes, &sh.map);
		if (ret) {
			vaccel_plugin_warn("shared memory: cannot create a "
					   "memfd of %llu bytes: %s",
					   (unsigned long long)sh.bytes,
					   strerror(-ret));
			return ret;
		}
		sh.kind = WIRE_SHM_MEMFD;
	} else {
		ret = map_ivshmem();
		if (ret)
			return ret;
		sh.kind = WIRE_SHM_IVSHMEM;
	}
	wire_region_init(&sh.region, sh.map.addr, sh.map.size);
	sh.mapped = true;
	return 0;
}

/* SHM_ATTACH on the current connection. Called locked. */
static int attach_locked(uint64_t gen)
{
	uint8_t nonce[WIRE_SHM_NONCE] = {0};
	struct rpc_reply r;
	struct wire_out o;
	uint64_t want, off = 0, len = 0, now;
	int ret;

	want = sh.kind == WIRE_SHM_MEMFD || sh.bytes == UINT64_MAX ? sh.map.size
								   : sh.bytes;
	if (sh.kind == WIRE_SHM_IVSHMEM &&
	    getrandom(nonce, sizeof(nonce), 0) != sizeof(nonce))
		return VACCEL_EIO;
	wire_out_init(&o);
	wire_msg_begin(&o);
	wire_put_u32(&o, (uint32_t)sh.kind);
	wire_put_u64(&o, want);
	wire_put_u64(&o, sh.min_bytes);
	wire_put(&o, nonce, sizeof(nonce));
	ret = rpc_client_request_fds(WIRE_SHM_ATTACH, 0, &o, &sh.map.fd,
				     sh.kind == WIRE_SHM_MEMFD ? 1 : 0, &r);
	wire_out_free(&o);
	if (ret)
		return ret;
	if (r.status) {
		ret = r.status;
		vaccel_plugin_debug("shared memory: the agent refused it (%s); "
				    "using the socket path",
				    r.message);
	} else if (!wire_get_u64(&r.in, &off, "offset") ||
		   !wire_get_u64(&r.in, &len, "length") || len == 0 ||
		   off > sh.map.size || len > sh.map.size - off) {
		vaccel_plugin_warn("shared memory: the agent leased [%llu, "
				   "+%llu) of a %zu-byte region",
				   (unsigned long long)off,
				   (unsigned long long)len, sh.map.size);
		ret = VACCEL_EIO;
	} else if (sh.kind == WIRE_SHM_IVSHMEM &&
		   memcmp((uint8_t *)sh.map.addr + off, nonce, sizeof(nonce)) !=
		       0) {
		/* The agent's file is not the memory behind our device. */
		vaccel_plugin_warn("shared memory: the agent's region is not "
				   "this ivshmem device's memory (check its "
				   "--shm-file); using the socket path");
		ret = VACCEL_EIO;
	}
	wire_msg_free(&r.msg);
	if (ret)
		return ret;
	/* A reconnect may have happened meanwhile: the lease is that one's. */
	if (!rpc_client_current(&now) || now != gen)
		return VACCEL_EIO;
	wire_region_set_slice(&sh.region, off, len);
	vaccel_plugin_debug("shared memory attached: [%llu, +%llu), arrays of "
			    "%llu bytes and more go through it",
			    (unsigned long long)off, (unsigned long long)len,
			    (unsigned long long)sh.min_bytes);
	return VACCEL_OK;
}

void rpc_shm_begin(struct wire_shm *s, uint64_t gen)
{
	memset(s, 0, sizeof(*s));
	if (sh.bytes == 0)
		return;
	pthread_mutex_lock(&sh.lock);
	if (!(sh.attached && sh.attached_gen == gen) &&
	    !(sh.tried && sh.tried_gen == gen)) {
		sh.tried = true;
		sh.tried_gen = gen;
		sh.attached = false;
		if (map_locked() == 0 && attach_locked(gen) == VACCEL_OK) {
			sh.attached = true;
			sh.attached_gen = gen;
		} else if (!sh.said_fallback) {
			sh.said_fallback = true;
			vaccel_plugin_debug(
			    "no shared memory with the agent at "
			    "%s: large buffers go through the "
			    "socket",
			    rpc_client_address());
		}
	}
	if (sh.attached && sh.attached_gen == gen) {
		s->region = &sh.region;
		s->min_bytes = sh.min_bytes;
		s->arena_want = DEFAULT_OUT_BYTES > sh.min_bytes
				    ? DEFAULT_OUT_BYTES
				    : sh.min_bytes;
	}
	pthread_mutex_unlock(&sh.lock);
}

int rpc_shm_shared_alloc(size_t size, void **out)
{
	struct wire_shm s;
	uint64_t gen, off;
	int ret = rpc_client_connect(&gen);

	if (ret)
		return ret;
	/* Maps and attaches the region on first use, as a call would. */
	rpc_shm_begin(&s, gen);
	if (!s.region)
		return VACCEL_ENOTSUP;
	off = wire_region_alloc_user(s.region, size);
	if (off == UINT64_MAX) {
		vaccel_plugin_debug(
		    "shared memory: no free slot of %zu bytes "
		    "(largest %llu); a heap buffer instead",
		    size,
		    (unsigned long long)wire_region_largest_free(s.region));
		return VACCEL_ENOMEM;
	}
	*out = s.region->base + off;
	return VACCEL_OK;
}

int rpc_shm_shared_free(void *ptr)
{
	bool freed = false;

	pthread_mutex_lock(&sh.lock);
	if (sh.mapped && (uint8_t *)ptr >= sh.region.base &&
	    (uint8_t *)ptr < sh.region.base + sh.region.size)
		freed = wire_region_free_user(
		    &sh.region, (uint64_t)((uint8_t *)ptr - sh.region.base));
	pthread_mutex_unlock(&sh.lock);
	if (!freed) {
		vaccel_plugin_error("shared memory: %p is not a slot held in "
				    "the region",
				    ptr);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

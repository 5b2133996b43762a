#pragma once

/*
 * vaccel-agent: serves vaccel ops to remote clients (the rpc plugin) on
 * UNIX, TCP and VSOCK addresses. docs/agent.md for operators,
 * docs/protocol.md for the wire.
 *
 * Threads: one accept loop (main), one or two threads per connection, a
 * watcher (watch.c) and a pool of workers. A connection's reader runs a
 * request itself when it is the only one of that connection in flight
 * (no hand-off on the round trip); while it does, the watcher hands the
 * reading to the connection's second thread if more arrives. Other
 * requests go to the pool, so a slow model run on one connection does not
 * stall the others and one connection's calls run concurrently.
 */

#include "marshal.h"
#include "msg.h"
#include "region.h"
#include "rpc/shm.h"
#include "vaccel.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#define AGENT_MAX_ADDRESSES 16

struct agent_options {
	const char *addresses[AGENT_MAX_ADDRESSES];
	/* --shm-file after -a: the ivshmem host file of that address. */
	const char *shm_files[AGENT_MAX_ADDRESSES];
	int nr_addresses;
	const char *plugins;
	const char *exec_allow_dir; /* realpath'd; NULL: exec refused */
	uint64_t max_frame;
	uint64_t max_clients;
	uint64_t max_sessions;
	uint64_t max_bytes;
	int workers;
};

/* Counters the STATS request reports (and the tests check). */
struct agent_stats {
	atomic_long clients;
	atomic_long sessions;
	atomic_long resources; /* per-connection handles */
	atomic_long cached;    /* resources held by content hash */
	atomic_long calls;
};

extern struct agent_options agent_opts;
extern struct agent_stats agent_stats;

int agent_parse_options(int argc, char **argv, int *exit_code);

/* A resource held by content hash, shared by every connection. */
struct cached_resource {
	uint8_t hash[32];
	uint32_t type;
	struct vaccel_resource *res;
};

struct cached_resource *agent_cache_find(uint32_t type, const uint8_t *hash);
/* Takes `res`; returns the entry (an existing one when another upload of
 * the same content won, in which case `res` is deleted). */
struct cached_resource *agent_cache_add(uint32_t type, const uint8_t *hash,
					struct vaccel_resource *res);
void agent_cache_clear(void);

/* One connected client. */
struct agent_session {
	int64_t id;
	struct vaccel_session *sess;
};

struct agent_resource {
	int64_t id;
	struct cached_resource *cached;
};

/* Handle `res` registered to session `sess`. Two handles of one client may
 * name the same cached resource (two resources of equal content): the
 * resource is registered to a session once, while any handle holds a
 * registration there. */
struct agent_reg {
	int64_t res;
	int64_t sess;
};

/* The host file behind guests' ivshmem devices, leased out in slices to
 * the connections of one listen address (shm.c). */
struct agent_shm_file {
	const char *path;
	struct vrpc_shm map;
	struct wire_region leases;
};

struct agent_client {
	struct agent_client *next;
	long id;
	char peer[300];
	struct vrpc_conn conn;
	pthread_mutex_t lock;
	pthread_cond_t idle; /* inflight or nthreads went down */
	long inflight;
	/* Reading (conn.c): the thread that holds the turn reads `rd`. */
	struct wire_reader rd;
	int nthreads;	   /* the connection's own threads (1 or 2) */
	int parked;	   /* of them waiting in `turn` */
	bool turn_free;	   /* the reader runs a request; watched */
	bool armed;	   /* the watcher armed the fd for that request */
	int64_t inline_ns; /* when that request started */
	bool handoff;	   /* the watcher gave the turn to a parked thread */
	bool closing;
	bool watched; /* in the watcher's set: it may run requests itself */
	pthread_cond_t turn;
	atomic_bool greeted;
	int64_t next_id;
	struct agent_session *sessions;
	size_t nr_sessions;
	struct agent_resource *resources;
	size_t nr_resources;
	/* Serialises this client's (un)register and release requests, which
	 * may wait for running ops; `lock` is never held across them. */
	pthread_mutex_t reg_lock;
	struct agent_reg *regs;
	size_t nr_regs;
	/* Shared memory (shm.c), set once by SHM_ATTACH: `shm_attached`
	 * is stored last, so a call that sees it sees the region. */
	struct agent_shm_file *shm_file; /* this address's, or NULL */
	atomic_bool shm_attached;
	bool shm_attaching;
	struct vrpc_shm shm_map; /* a client's memfd */
	struct wire_region shm_region;
	uint64_t shm_min_bytes;
	uint64_t shm_lease; /* offset of the lease in shm_file */
	bool shm_leased;
};

/* Connections (conn.c). `shm` is the listen address's ivshmem file. */
int agent_client_start(int fd, const char *peer, struct agent_shm_file *shm);
/* Stop reading from every client; their in-flight calls finish. */
void agent_clients_stop(void);
/* Wait until every client thread has cleaned up. */
void agent_clients_join(void);

/* Requests (handlers.c): build the reply to `m` in `o` (begun). The reply
 * may point into `m` and into `*call` (zeroed by the caller): free them
 * with wire_call_free() only after it is sent. */
void agent_handle(struct agent_client *cl, const struct wire_msg *m,
		  struct wire_out *o, struct wire_call *call);
void agent_client_release_all(struct agent_client *cl);

/* More data came in while client `id`'s reader ran a request (watch.c
 * calls it): let another of its threads read. */
void agent_client_handoff(long id);

/* Shared memory (shm.c). */
struct agent_shm_file *agent_shm_file_open(const char *path);
void agent_shm_attach(struct agent_client *cl, const struct wire_msg *m,
		      struct wire_in *in, struct wire_out *o);
/* The region for a call of `cl`, in `shm` (none when not attached). */
void agent_shm_for_call(struct agent_client *cl, struct wire_shm *shm);
/* Unmap the client's region, end its lease. */
void agent_shm_release(struct agent_client *cl);

/* Worker pool (pool.c). */
int agent_pool_start(int workers);
void agent_pool_submit(struct agent_client *cl, struct wire_msg *m);
/* Run request `m` on this thread: handle, reply, free, count it done. */
void agent_run_request(struct agent_client *cl, struct wire_msg *m);
void agent_pool_stop(void);

/* Arm the watcher for every client whose reader has run a request since
 * before `since_ns` (watch.c calls it each tick). The number of clients
 * running one. */
int agent_clients_arm_slow(int64_t since_ns);

/* The watcher (watch.c): one thread and an epoll set with every client
 * fd, armed (one-shot) only while that client's reader has run a request
 * for over a millisecond. */
int agent_watch_start(void);
void agent_watch_stop(void);
/* A reader starts a request inline (wakes a sleeping watcher). */
void agent_watch_inline(void);
int64_t agent_now_ns(void);
/* false when the watcher is not running (requests then go to the pool). */
bool agent_watch_add(struct agent_client *cl);
bool agent_watch_arm(struct agent_client *cl);
void agent_watch_disarm(struct agent_client *cl);
void agent_watch_del(struct agent_client *cl);

/* Client connections: a reader thread each, and a second thread started
 * when needed. The thread holding the turn reads; a request that is its
 * connection's only one in flight runs on that thread itself (no hand-off
 * on the round trip), watched by the watcher (watch.c): if more arrives
 * while it runs, the watcher gives the turn to the other thread, so a slow
 * op never stalls its connection. Other requests go to the worker pool. When
 * the client goes away (or sends something malformed), the thread that
 * read that waits for the other thread and the calls in flight, then
 * releases everything the client made. Other connections never notice. */

#include "agent.h"
#include "protocol.h"
#include "rpc/error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t clients_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t clients_gone = PTHREAD_COND_INITIALIZER;
static struct agent_client *clients;
static long nr_clients;
static long next_client_id;

void agent_job_done(struct agent_client *cl)
{
	pthread_mutex_lock(&cl->lock);
	if (--cl->inflight == 0)
		pthread_cond_broadcast(&cl->idle);
	pthread_mutex_unlock(&cl->lock);
}

static void unlink_client(struct agent_client *cl)
{
	pthread_mutex_lock(&clients_lock);
	/* Closed under the list's lock: agent_clients_stop shuts down the
	 * fds of listed clients, and must not see one closed (or reused). */
	vrpc_conn_close(&cl->conn);
	for (struct agent_client **l = &clients; *l; l = &(*l)->next)
		if (*l == cl) {
			*l = cl->next;
			break;
		}
	nr_clients--;
	agent_stats.clients--;
	pthread_cond_broadcast(&clients_gone);
	pthread_mutex_unlock(&clients_lock);
}

/* Leave the connection (a thread other than the one that closes it).
 * Called locked; unlocks. */
static void leave_locked(struct agent_client *cl)
{
	cl->nthreads--;
	pthread_cond_broadcast(&cl->idle);
	pthread_mutex_unlock(&cl->lock);
}

/* Wait until the watcher hands this thread the turn to read: true, or
 * false when the connection is closing. Locked. */
static bool await_turn_locked(struct agent_client *cl)
{
	cl->parked++;
	while (!cl->handoff && !cl->closing)
		pthread_cond_wait(&cl->turn, &cl->lock);
	cl->parked--;
	if (cl->closing)
		return false;
	cl->handoff = false;
	return true;
}

/* Request `m`, read with the turn held. When it is the only request of
 * this connection in flight and no more bytes wait in the read-ahead
 * buffer, run it on this thread (the round trip then has no hand-off),
 * watched (watch.c) so that a request arriving meanwhile is read by the
 * connection's other thread; else queue it for the pool. true with the
 * turn held again, false when this thread must leave (closing). */
static bool dispatch(struct agent_client *cl, struct wire_msg *m)
{
	bool ok;

	pthread_mutex_lock(&cl->lock);
	cl->inflight++;
	if (!cl->watched || cl->inflight > 1 ||
	    vrpc_conn_buffered(&cl->conn) > 0) {
		pthread_mutex_unlock(&cl->lock);
		agent_pool_submit(cl, m);
		return true;
	}
	cl->turn_free = true;
	cl->inline_ns = agent_now_ns();
	pthread_mutex_unlock(&cl->lock);
	agent_watch_inline();
	agent_run_request(cl, m);
	pthread_mutex_lock(&cl->lock);
	if (cl->closing) {
		leave_locked(cl);
		return false;
	}
	if (cl->turn_free) {
		/* Nothing came meanwhile: read on. */
		bool armed = cl->armed;

		cl->turn_free = false;
		cl->armed = false;
		pthread_mutex_unlock(&cl->lock);
		if (armed)
			agent_watch_disarm(cl);
		return true;
	}
	/* The other thread reads now; wait for the turn to come back. */
	ok = await_turn_locked(cl);
	if (!ok)
		leave_locked(cl);
	else
		pthread_mutex_unlock(&cl->lock);
	return ok;
}

/* The thread that read the end of the connection (or garbage) cleans up:
 * the other thread leaves, calls in flight finish (their replies may
 * fail to go out), then everything the client made is released. */
static void close_client(struct agent_client *cl, int ret, const char *err)
{
	if (ret == VRPC_EEOF || ret == VRPC_ECLOSED)
		vaccel_log(VACCEL_LOG_INFO,
			   "agent: client %ld (%s) disconnected", cl->id,
			   cl->peer);
	else
		vaccel_log(VACCEL_LOG_WARN,
			   "agent: client %ld (%s): closing the connection: %s",
			   cl->id, cl->peer,
			   ret == -EPROTO ? err : vrpc_strerror(ret));
	pthread_mutex_lock(&cl->lock);
	cl->closing = true;
	pthread_cond_broadcast(&cl->turn);
	pthread_mutex_unlock(&cl->lock);
	if (cl->watched)
		agent_watch_del(cl);
	wire_reader_free(&cl->rd);
	shutdown(cl->conn.fd, SHUT_RD);
	pthread_mutex_lock(&cl->lock);
	while (cl->inflight > 0 || cl->nthreads > 1)
		pthread_cond_wait(&cl->idle, &cl->lock);
	pthread_mutex_unlock(&cl->lock);
	agent_client_release_all(cl);
	unlink_client(cl);
	pthread_mutex_destroy(&cl->lock);
	pthread_mutex_destroy(&cl->reg_lock);
	pthread_cond_destroy(&cl->idle);
	pthread_cond_destroy(&cl->turn);
	free(cl);
}

/* Read and dispatch requests while this thread holds the turn. */
static void serve(struct agent_client *cl)
{
	char err[256] = "";
	int ret;

	for (;;) {
		struct wire_msg m = {0};

		ret = wire_reader_next(&cl->rd, &m, -1, err, sizeof(err));
		if (ret)
			break;
		if (!dispatch(cl, &m))
			return;
	}
	close_client(cl, ret, err);
}

static void *reader(void *arg)
{
	serve(arg);
	return NULL;
}

/* The connection's second thread, started the first time a request
 * arrives while the reader runs one. */
static void *spare(void *arg)
{
	struct agent_client *cl = arg;

	pthread_mutex_lock(&cl->lock);
	if (!await_turn_locked(cl)) {
		leave_locked(cl);
		return NULL;
	}
	pthread_mutex_unlock(&cl->lock);
	serve(cl);
	return NULL;
}

static int start_detached(struct agent_client *cl, void *(*fn)(void *))
{
	pthread_attr_t attr;
	pthread_t t;
	int ret;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	ret = pthread_create(&t, &attr, fn, cl);
	pthread_attr_destroy(&attr);
	return ret;
}

int agent_clients_arm_slow(int64_t since_ns)
{
	int running = 0;

	pthread_mutex_lock(&clients_lock);
	for (struct agent_client *cl = clients; cl; cl = cl->next) {
		pthread_mutex_lock(&cl->lock);
		if (cl->turn_free && !cl->closing) {
			running++;
			if (!cl->armed && cl->inline_ns <= since_ns)
				cl->armed = agent_watch_arm(cl);
		}
		pthread_mutex_unlock(&cl->lock);
	}
	pthread_mutex_unlock(&clients_lock);
	return running;
}

void agent_client_handoff(long id)
{
	pthread_mutex_lock(&clients_lock);
	for (struct agent_client *cl = clients; cl; cl = cl->next) {
		if (cl->id != id)
			continue;
		pthread_mutex_lock(&cl->lock);
		if (cl->turn_free && !cl->closing) {
			cl->turn_free = false;
			cl->armed = false;
			cl->handoff = true;
			/* Without a parked thread, the one running the
			 * request takes the turn when it is done (also when
			 * no thread can be started). */
			if (cl->parked)
				pthread_cond_signal(&cl->turn);
			else if (cl->nthreads == 1 &&
				 start_detached(cl, spare) == 0)
				cl->nthreads++;
		}
		pthread_mutex_unlock(&cl->lock);
		break;
	}
	pthread_mutex_unlock(&clients_lock);
}

int agent_client_start(int fd, const char *peer, struct agent_shm_file *shm)
{
	struct agent_client *cl;

	pthread_mutex_lock(&clients_lock);
	if ((uint64_t)nr_clients >= agent_opts.max_clients) {
		pthread_mutex_unlock(&clients_lock);
		vaccel_log(VACCEL_LOG_WARN,
			   "agent: refusing %s: %llu clients already "
			   "(--max-clients)",
			   peer, (unsigned long long)agent_opts.max_clients);
		close(fd);
		return -1;
	}
	pthread_mutex_unlock(&clients_lock);
	cl = calloc(1, sizeof(*cl));
	if (!cl || vrpc_conn_init(&cl->conn, fd)) {
		free(cl);
		close(fd);
		return -1;
	}
	snprintf(cl->peer, sizeof(cl->peer), "%s", peer);
	cl->shm_file = shm;
	pthread_mutex_init(&cl->lock, NULL);
	pthread_mutex_init(&cl->reg_lock, NULL);
	pthread_cond_init(&cl->idle, NULL);
	pthread_cond_init(&cl->turn, NULL);
	wire_reader_init(&cl->rd, &cl->conn, agent_opts.max_frame,
			 agent_opts.max_bytes, agent_opts.max_bytes);
	cl->nthreads = 1;
	pthread_mutex_lock(&clients_lock);
	cl->id = ++next_client_id;
	cl->next = clients;
	clients = cl;
	nr_clients++;
	agent_stats.clients++;
	pthread_mutex_unlock(&clients_lock);
	vaccel_log(VACCEL_LOG_INFO, "agent: client %ld connected from %s",
		   cl->id, cl->peer);
	cl->watched = agent_watch_add(cl);
	if (start_detached(cl, reader)) {
		if (cl->watched)
			agent_watch_del(cl);
		unlink_client(cl);
		free(cl);
		return -1;
	}
	return 0;
}

void agent_clients_stop(void)
{
	pthread_mutex_lock(&clients_lock);
	for (struct agent_client *cl = clients; cl; cl = cl->next)
		shutdown(cl->conn.fd, SHUT_RD);
	pthread_mutex_unlock(&clients_lock);
}

void agent_clients_join(void)
{
	pthread_mutex_lock(&clients_lock);
	while (clients)
		pthread_cond_wait(&clients_gone, &clients_lock);
	pthread_mutex_unlock(&clients_lock);
}

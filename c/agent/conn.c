/* Client connections: one reader thread each. It hands requests to the
 * worker pool and, when the client goes away (or sends something
 * malformed), waits for that client's calls in flight and releases
 * everything the client made. Other connections never notice. */

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

static void *reader(void *arg)
{
	struct agent_client *cl = arg;
	struct wire_reader r;
	char err[256] = "";
	int ret;

	wire_reader_init(&r, &cl->conn, agent_opts.max_frame,
			 agent_opts.max_bytes, agent_opts.max_bytes);
	for (;;) {
		struct wire_msg m = {0};

		ret = wire_reader_next(&r, &m, -1, err, sizeof(err));
		if (ret)
			break;
		pthread_mutex_lock(&cl->lock);
		cl->inflight++;
		pthread_mutex_unlock(&cl->lock);
		agent_pool_submit(cl, &m);
	}
	if (ret == VRPC_EEOF || ret == VRPC_ECLOSED)
		vaccel_log(VACCEL_LOG_INFO,
			   "agent: client %ld (%s) disconnected", cl->id,
			   cl->peer);
	else
		vaccel_log(VACCEL_LOG_WARN,
			   "agent: client %ld (%s): closing the connection: %s",
			   cl->id, cl->peer,
			   ret == -EPROTO ? err : vrpc_strerror(ret));
	wire_reader_free(&r);
	/* Calls in flight finish (their replies may fail to go out). */
	shutdown(cl->conn.fd, SHUT_RD);
	pthread_mutex_lock(&cl->lock);
	while (cl->inflight > 0)
		pthread_cond_wait(&cl->idle, &cl->lock);
	pthread_mutex_unlock(&cl->lock);
	agent_client_release_all(cl);
	vrpc_conn_close(&cl->conn);
	unlink_client(cl);
	pthread_mutex_destroy(&cl->lock);
	pthread_mutex_destroy(&cl->reg_lock);
	pthread_cond_destroy(&cl->idle);
	free(cl);
	return NULL;
}

int agent_client_start(int fd, const char *peer)
{
	struct agent_client *cl;
	pthread_attr_t attr;

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
	pthread_mutex_init(&cl->lock, NULL);
	pthread_mutex_init(&cl->reg_lock, NULL);
	pthread_cond_init(&cl->idle, NULL);
	pthread_mutex_lock(&clients_lock);
	cl->id = ++next_client_id;
	cl->next = clients;
	clients = cl;
	nr_clients++;
	agent_stats.clients++;
	pthread_mutex_unlock(&clients_lock);
	vaccel_log(VACCEL_LOG_INFO, "agent: client %ld connected from %s",
		   cl->id, cl->peer);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&cl->thread, &attr, reader, cl)) {
		pthread_attr_destroy(&attr);
		vrpc_conn_close(&cl->conn);
		unlink_client(cl);
		free(cl);
		return -1;
	}
	pthread_attr_destroy(&attr);
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

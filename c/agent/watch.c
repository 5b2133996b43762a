/* The watcher: while a connection's reader runs a request itself, nobody
 * reads that connection; the watcher notices when more arrives and lets
 * another of the connection's threads take over (conn.c). Each client fd
 * sits in one epoll set, armed one-shot only for the length of such a
 * request: a round trip costs two epoll_ctl calls and no thread wakes. The
 * event carries the client id, not a pointer, so a client freed meanwhile
 * is simply not found. */

#include "agent.h"

#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int ep = -1, stopfd = -1;
static pthread_t thread;

static void *watch_main(void *arg)
{
	(void)arg;
	for (;;) {
		struct epoll_event ev[32];
		int n = epoll_wait(ep, ev, 32, -1);

		for (int i = 0; i < n; i++) {
			if (ev[i].data.u64 == 0)
				return NULL; /* agent_watch_stop */
			agent_client_handoff((long)ev[i].data.u64);
		}
	}
}

int agent_watch_start(void)
{
	struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0};

	ep = epoll_create1(EPOLL_CLOEXEC);
	stopfd = eventfd(0, EFD_CLOEXEC);
	if (ep < 0 || stopfd < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, stopfd, &ev) ||
	    pthread_create(&thread, NULL, watch_main, NULL)) {
		vaccel_log(VACCEL_LOG_WARN,
			   "agent: no watcher thread: every request goes "
			   "to the worker pool");
		if (ep >= 0)
			close(ep);
		if (stopfd >= 0)
			close(stopfd);
		ep = stopfd = -1;
		return -1;
	}
	return 0;
}

void agent_watch_stop(void)
{
	uint64_t one = 1;

	if (ep < 0)
		return;
	if (write(stopfd, &one, sizeof(one)) == sizeof(one))
		pthread_join(thread, NULL);
	close(ep);
	close(stopfd);
	ep = stopfd = -1;
}

/* Disarmed: EPOLLONESHOT with no event asked for, so even a hang-up
 * (always reported) fires at most once. */
static int ctl(struct agent_client *cl, int op, uint32_t events)
{
	struct epoll_event ev = {.events = events | EPOLLONESHOT,
				 .data.u64 = (uint64_t)cl->id};

	return epoll_ctl(ep, op, cl->conn.fd, &ev);
}

bool agent_watch_add(struct agent_client *cl)
{
	return ep >= 0 && ctl(cl, EPOLL_CTL_ADD, 0) == 0;
}

bool agent_watch_arm(struct agent_client *cl)
{
	return ctl(cl, EPOLL_CTL_MOD, EPOLLIN) == 0;
}

void agent_watch_disarm(struct agent_client *cl)
{
	ctl(cl, EPOLL_CTL_MOD, 0);
}

void agent_watch_del(struct agent_client *cl)
{
	epoll_ctl(ep, EPOLL_CTL_DEL, cl->conn.fd, NULL);
}

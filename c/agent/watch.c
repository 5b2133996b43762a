/* The watcher: while a connection's reader runs a request itself, nobody
 * reads that connection; the watcher notices when more arrives and lets
 * another of the connection's threads take over (conn.c).
 *
 * Most requests are over in microseconds, so the fast path makes no
 * system call: the reader only notes when it started (inline_ns). While
 * requests run inline, the watcher ticks every millisecond and arms the fd
 * of each request that has run for a tick (one-shot, in one epoll set);
 * a request arriving meanwhile then waits at most about a tick to be read.
 * After 100 idle ticks the watcher sleeps until the next inline request
 * wakes it (one eventfd write). The epoll event carries the client id, not
 * a pointer, so a client freed meanwhile is simply not found. */

#include "agent.h"

#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#define TICK_MS 1
#define IDLE_TICKS 100

static int ep = -1, wakefd = -1;
static pthread_t thread;
static atomic_bool stopping;
/* Inline requests started so far, and whether the watcher sleeps (both
 * seq_cst: the reader bumps `starts` then reads `sleeping`, the watcher
 * sets `sleeping` then reads `starts`, so one of them sees the other). */
static atomic_long starts;
static atomic_int sleeping;

int64_t agent_now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void *watch_main(void *arg)
{
	int idle = 0;

	(void)arg;
	while (!atomic_load(&stopping)) {
		struct epoll_event ev[32];
		long seen = atomic_load(&starts);
		int timeout = TICK_MS, n;

		if (idle >= IDLE_TICKS) {
			atomic_store(&sleeping, 1);
			if (atomic_load(&starts) == seen)
				timeout = -1;
			else
				atomic_store(&sleeping, 0);
		}
		n = epoll_wait(ep, ev, 32, timeout);
		atomic_store(&sleeping, 0);
		for (int i = 0; i < n; i++) {
			uint64_t v;

			/* A wake-up: drain it (EAGAIN: already drained). */
			if (ev[i].data.u64 == 0) {
				if (read(wakefd, &v, sizeof(v)) < 0)
					v = 0;
				continue;
			}
			agent_client_handoff((long)ev[i].data.u64);
		}
		/* Arm the fds of requests that have run for a tick. */
		if (agent_clients_arm_slow(agent_now_ns() -
					   TICK_MS * 1000000LL) > 0 ||
		    atomic_load(&starts) != seen)
			idle = 0;
		else if (idle < IDLE_TICKS)
			idle++;
	}
	return NULL;
}

int agent_watch_start(void)
{
	struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0};

	ep = epoll_create1(EPOLL_CLOEXEC);
	wakefd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (ep < 0 || wakefd < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, wakefd, &ev) ||
	    pthread_create(&thread, NULL, watch_main, NULL)) {
		vaccel_log(VACCEL_LOG_WARN,
			   "agent: no watcher thread: every request goes "
			   "to the worker pool");
		if (ep >= 0)
			close(ep);
		if (wakefd >= 0)
			close(wakefd);
		ep = wakefd = -1;
		return -1;
	}
	return 0;
}

static void wake(void)
{
	uint64_t one = 1;

	if (write(wakefd, &one, sizeof(one)) < 0)
		vaccel_log(VACCEL_LOG_WARN, "agent: cannot wake the watcher");
}

void agent_watch_stop(void)
{
	if (ep < 0)
		return;
	atomic_store(&stopping, true);
	wake();
	pthread_join(thread, NULL);
	close(ep);
	close(wakefd);
	ep = wakefd = -1;
}

void agent_watch_inline(void)
{
	atomic_fetch_add(&starts, 1);
	if (atomic_load(&sleeping) && atomic_exchange(&sleeping, 0))
		wake();
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

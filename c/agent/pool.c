/* The worker pool: requests that their connection's reader does not run
 * itself (conn.c) run here, so a slow op on one connection never blocks
 * reading (or serving) the others. */

#include "agent.h"
#include "agent_prof.h"
#include "protocol.h"

#include <stdlib.h>

struct job {
	struct job *next;
	struct agent_client *cl;
	struct wire_msg msg;
	uint64_t queued; /* agent_prof_now() at submit */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static struct job *head, *tail;
static bool stopping;
static pthread_t *threads;
static int nr_threads;

void agent_job_done(struct agent_client *cl);

void agent_run_request(struct agent_client *cl, struct wire_msg *m)
{
	struct wire_call call = {0};
	struct wire_out o;
	int ret;

	wire_out_init(&o);
	wire_msg_begin(&o);
	agent_handle(cl, m, &o, &call);
	ret = wire_msg_send(&cl->conn, &o, WIRE_REPLY, m->request_id, m->op,
			    agent_opts.max_frame, NULL, 0);
	agent_prof_reply_sent();
	if (ret)
		vaccel_log(VACCEL_LOG_WARN,
			   "agent: client %ld: cannot send a reply (%d)",
			   cl->id, ret);
	wire_out_free(&o);
	wire_call_free(&call);
	wire_msg_free(m);
	agent_job_done(cl);
}

static void run(struct job *j)
{
	if (j->msg.type == WIRE_CALL)
		agent_prof_add(j->msg.op, AGENT_PROF_QUEUE, j->queued);
	agent_run_request(j->cl, &j->msg);
	free(j);
}

static void *worker(void *arg)
{
	(void)arg;
	for (;;) {
		struct job *j;

		pthread_mutex_lock(&lock);
		while (!head && !stopping)
			pthread_cond_wait(&more, &lock);
		if (!head) {
			pthread_mutex_unlock(&lock);
			return NULL;
		}
		j = head;
		head = j->next;
		if (!head)
			tail = NULL;
		pthread_mutex_unlock(&lock);
		run(j);
	}
}

int agent_pool_start(int workers)
{
	threads = calloc((size_t)workers, sizeof(*threads));
	if (!threads)
		return -1;
	for (nr_threads = 0; nr_threads < workers; nr_threads++)
		if (pthread_create(&threads[nr_threads], NULL, worker, NULL))
			return -1;
	return 0;
}

void agent_pool_submit(struct agent_client *cl, struct wire_msg *m)
{
	struct job *j = calloc(1, sizeof(*j));

	if (!j) {
		/* No memory even for the job: the request is dropped and its
		 * client times out; say so. */
		vaccel_log(VACCEL_LOG_ERROR, "agent: out of memory; dropped a "
					     "request");
		wire_msg_free(m);
		agent_job_done(cl);
		return;
	}
	j->cl = cl;
	j->msg = *m;
	j->queued = agent_prof_now();
	pthread_mutex_lock(&lock);
	if (tail)
		tail->next = j;
	else
		head = j;
	tail = j;
	pthread_cond_signal(&more);
	pthread_mutex_unlock(&lock);
}

void agent_pool_stop(void)
{
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_broadcast(&more);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < nr_threads; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	threads = NULL;
	nr_threads = 0;
}

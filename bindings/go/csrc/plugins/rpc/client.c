/* Copied from c/plugins/rpc/client.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* The connection to vaccel-agent (see client.h).
 *
 * Leader/follower, no thread of its own: a calling thread that finds
 * nobody reading the connection reads it itself (the leader) until its own
 * reply is in, handing other calls' replies to their threads (a condvar
 * each); when it leaves, a waiting call takes over. A single-threaded
 * caller thus sends and receives on its own thread, with no hand-off. */

#include "client.h"
#include "protocol.h"
#include "rpc/address.h"
#include "rpc/error.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_ADDRESS "unix:///run/vaccel/agent.sock"
#define DEFAULT_TIMEOUT_MS 60000

/* A call waiting for its reply. */
struct pending {
	struct pending *next;
	uint32_t id;
	bool done;
	int status; /* VACCEL_OK once a reply arrived, else the failure */
	struct wire_msg msg;
	pthread_cond_t cond;
};

/* One connection to the agent. A failed one is replaced by a fresh one;
 * it is freed when its last user leaves. */
struct link {
	struct vrpc_conn conn;
	struct wire_reader rd; /* used by the leader only */
	int users;	       /* c.cur's reference and one per call */
	bool dead;
	bool reading; /* a leader is reading */
	int rcvtimeo; /* ms of the socket's receive timeout; 0: not set */
	struct pending *pending;
};

static struct {
	pthread_mutex_t lock;
	char address[256];
	int timeout_ms;
	uint64_t max_frame;
	uint64_t generation;
	struct link *cur; /* NULL: not connected */
	uint32_t next_id;
	/* The agent's op set: sig_hash per op id (0: not spoken). */
	uint32_t agent_ops[WIRE_MAX_OP_ID];
} c = {.lock = PTHREAD_MUTEX_INITIALIZER};

const char *rpc_client_address(void)
{
	return c.address;
}

static int env_int(const char *name, int def)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v || !*v)
		return def;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || *end || n <= 0 || n > 24L * 3600 * 1000) {
		vaccel_plugin_warn("%s=%s is not a positive number of "
				   "milliseconds; using %d",
				   name, v, def);
		return def;
	}
	return (int)n;
}

int rpc_client_init(void)
{
	const char *addr = getenv("VACCEL_RPC_ADDRESS");
	struct vrpc_address parsed;
	char err[256];

	if (!addr || !*addr)
		addr = DEFAULT_ADDRESS;
	if (strlen(addr) >= sizeof(c.address)) {
		vaccel_plugin_error("VACCEL_RPC_ADDRESS is too long (%zu "
				    "bytes)",
				    strlen(addr));
		return VACCEL_EINVAL;
	}
	if (vrpc_address_parse(addr, &parsed, err, sizeof(err))) {
		vaccel_plugin_error("VACCEL_RPC_ADDRESS: %s", err);
		return VACCEL_EINVAL;
	}
	strcpy(c.address, addr);
	c.timeout_ms = env_int("VACCEL_RPC_TIMEOUT_MS", DEFAULT_TIMEOUT_MS);
	c.max_frame = WIRE_DEFAULT_MAX_FRAME;
	return VACCEL_OK;
}

static void link_put_locked(struct link *l)
{
	if (--l->users > 0)
		return;
	wire_reader_free(&l->rd);
	vrpc_conn_close(&l->conn);
	free(l);
}

/* The connection is unusable: wake everyone with `status`. */
static void link_kill_locked(struct link *l, int status)
{
	if (l->dead)
		return;
	l->dead = true;
	vrpc_conn_shutdown(&l->conn);
	for (struct pending *p = l->pending; p; p = p->next) {
		if (p->done)
			continue;
		p->done = true;
		p->status = status;
		pthread_cond_signal(&p->cond);
	}
}

/* Reading `l` failed with `ret`: say why (once), and let the next call
 * connect afresh. */
static void link_lost_locked(struct link *l, int ret, const char *err)
{
	if (c.cur == l) {
		if (ret == VRPC_ECLOSED || ret == VRPC_EEOF)
			vaccel_plugin_error("the agent at %s closed the "
					    "connection",
					    c.address);
		else
			vaccel_plugin_error(
			    "connection to the agent at %s "
			    "lost: %s",
			    c.address,
			    ret == -EPROTO ? err : vrpc_strerror(ret));
		c.cur = NULL;
		link_kill_locked(l, VACCEL_EIO);
		link_put_locked(l);
	} else {
		link_kill_locked(l, VACCEL_EIO);
	}
}

static int hello_locked(struct vrpc_conn *conn)
{
	struct wire_out o;
	struct wire_reader r;
	struct wire_msg m = {0};
	struct wire_in in;
	char err[256] = "";
	uint32_t nr = 0, status, n;
	uint16_t version;
	int ret;

	wire_out_init(&o);
	wire_msg_begin(&o);
	wire_put_u32(&o, WIRE_PROTOCOL_VERSION); /* lowest */
	wire_put_u32(&o, WIRE_PROTOCOL_VERSION); /* highest */
	wire_put_str(&o, vaccel_plugin_host->runtime_version);
	for (unsigned int id = 0; id < WIRE_MAX_OP_ID; id++)
		nr += vaccel_plugin_host->op_desc(id) != NULL;
	wire_put_u32(&o, nr);
	for (unsigned int id = 0; id < WIRE_MAX_OP_ID; id++) {
		const struct vaccel_op_desc *d =
		    vaccel_plugin_host->op_desc(id);

		if (!d)
			continue;
		wire_put_u32(&o, id);
		wire_put_u32(&o, d->sig_hash);
	}
	ret = wire_msg_send(conn, &o, WIRE_HELLO, 0, 0, c.max_frame, NULL, 0);
	wire_out_free(&o);
	if (ret)
		goto io;
	wire_reader_init(&r, conn, UINT64_MAX, 1u << 20, 1u << 20);
	ret = wire_reader_next(&r, &m, c.timeout_ms, err, sizeof(err));
	wire_reader_free(&r);
	if (ret)
		goto io;
	wire_in_init(&in, m.buf, m.len);
	char *message = NULL;
	bool nomem = false;

	if (m.type != WIRE_REPLY || !wire_get_u32(&in, &status, "status") ||
	    !wire_get_str(&in, &message, &nomem, "message")) {
		wire_msg_free(&m);
		vaccel_plugin_error("the agent at %s sent a malformed HELLO "
				    "reply",
				    c.address);
		return VACCEL_EIO;
	}
	if (status) {
		vaccel_plugin_error("the agent at %s refused the connection: "
				    "%s",
				    c.address, message ? message : "");
		free(message);
		wire_msg_free(&m);
		return (int)status;
	}
	free(message);
	memset(c.agent_ops, 0, sizeof(c.agent_ops));
	if (!wire_get(&in, &version, 2, "version") ||
	    !wire_get(&in, &version, 2, "reserved") ||
	    !wire_get_u64(&in, &c.max_frame, "max frame") ||
	    !wire_get_u32(&in, &n, "op count")) {
		wire_msg_free(&m);
		return VACCEL_EIO;
	}
	for (uint32_t i = 0; i < n; i++) {
		uint32_t id, hash;

		if (!wire_get_u32(&in, &id, "op") ||
		    !wire_get_u32(&in, &hash, "hash"))
			break;
		if (id < WIRE_MAX_OP_ID)
			c.agent_ops[id] = hash;
	}
	if (c.max_frame < 4096 || c.max_frame > (1ull << 32))
		c.max_frame = WIRE_DEFAULT_MAX_FRAME;
	wire_msg_free(&m);
	return VACCEL_OK;
io:
	vaccel_plugin_error("handshake with the agent at %s failed: %s",
			    c.address,
			    ret == -EPROTO ? err : vrpc_strerror(ret));
	return VACCEL_EIO;
}

static int connect_locked(void)
{
	struct link *l;
	char err[256];
	int fd, ret;

	if (c.cur)
		return VACCEL_OK;
	fd = vrpc_connect(c.address, c.timeout_ms, err, sizeof(err));
	if (fd < 0) {
		vaccel_plugin_error("cannot reach the agent: %s", err);
		return VACCEL_EIO;
	}
	l = calloc(1, sizeof(*l));
	if (!l) {
		close(fd);
		return VACCEL_ENOMEM;
	}
	if (vrpc_conn_init(&l->conn, fd)) {
		vaccel_plugin_error("cannot set up the connection to %s",
				    c.address);
		close(fd);
		free(l);
		return VACCEL_EIO;
	}
	ret = hello_locked(&l->conn);
	if (ret) {
		vrpc_conn_close(&l->conn);
		free(l);
		return ret;
	}
	wire_reader_init(&l->rd, &l->conn, UINT64_MAX, UINT64_MAX, UINT64_MAX);
	l->users = 1;
	c.generation++;
	c.cur = l;
	vaccel_plugin_debug("connected to the agent at %s", c.address);
	return VACCEL_OK;
}

int rpc_client_connect(uint64_t *generation)
{
	int ret;

	pthread_mutex_lock(&c.lock);
	ret = connect_locked();
	*generation = c.generation;
	pthread_mutex_unlock(&c.lock);
	return ret;
}

bool rpc_client_current(uint64_t *generation)
{
	bool connected;

	pthread_mutex_lock(&c.lock);
	connected = c.cur != NULL;
	*generation = c.generation;
	pthread_mutex_unlock(&c.lock);
	return connected;
}

bool rpc_client_has_op(unsigned int id, uint32_t sig_hash)
{
	bool ok;

	pthread_mutex_lock(&c.lock);
	ok = id < WIRE_MAX_OP_ID && c.agent_ops[id] == sig_hash && sig_hash;
	pthread_mutex_unlock(&c.lock);
	return ok;
}

static void deadline_after(struct timespec *ts, int ms)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

/* Milliseconds until `deadline`, rounded up; <= 0 once it passed. */
static int ms_left(const struct timespec *deadline)
{
	struct timespec now;
	long long ns;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ns = (long long)(deadline->tv_sec - now.tv_sec) * 1000000000LL +
	     (deadline->tv_nsec - now.tv_nsec);
	if (ns <= 0)
		return 0;
	return (int)((ns + 999999) / 1000000);
}

static void timed_out_locked(struct pending *p)
{
	vaccel_plugin_error("no reply from the agent at %s "
			    "after %d ms (VACCEL_RPC_TIMEOUT_MS)",
			    c.address, c.timeout_ms);
	p->done = true;
	p->status = VACCEL_EIO;
}

/* Hand message `m` to the call it answers (or drop it: that call timed
 * out). */
static void deliver_locked(struct link *l, struct wire_msg *m)
{
	struct pending *p = l->pending;

	while (p && p->id != m->request_id)
		p = p->next;
	if (p && !p->done && m->type == WIRE_REPLY) {
		p->msg = *m;
		p->done = true;
		p->status = VACCEL_OK;
		pthread_cond_signal(&p->cond);
	} else {
		wire_msg_free(m);
	}
}

/* Wait up to about `ms` for the next bytes of `l` (leader only): a
 * blocking receive bounded by the socket's receive timeout, so a reply
 * costs one system call. The timeout is set again only when it would
 * overshoot the deadline by more than a millisecond (a fresh leader's
 * rarely does) or end the wait far too early. 0, -ETIMEDOUT (nothing
 * read: the stream is intact) or another error. */
static int wait_data(struct link *l, int ms)
{
	if (vrpc_conn_buffered(&l->conn) > 0)
		return 0;
	if (l->rcvtimeo == 0 || l->rcvtimeo > ms + 1 || l->rcvtimeo < ms / 2) {
		int ret = vrpc_conn_set_recv_timeout(&l->conn, ms);

		if (ret)
			return ret;
		l->rcvtimeo = ms;
	}
	return vrpc_conn_wait_data(&l->conn);
}

/* The leader: read replies until `p`'s is in (or its deadline passed, or
 * the connection failed). Called and returns locked. Waiting for the next
 * message is bounded by p's deadline; once a message has begun, each wait
 * for more of it by the timeout (a stall there breaks the connection: the
 * stream is out of sync; those waits poll, unaffected by the socket's
 * receive timeout). */
static void lead_locked(struct link *l, struct pending *p,
			const struct timespec *deadline)
{
	l->reading = true;
	while (!p->done) {
		struct wire_msg m = {0};
		char err[256] = "";
		int ms = ms_left(deadline), ret = 0;

		if (ms <= 0) {
			timed_out_locked(p);
			break;
		}
		pthread_mutex_unlock(&c.lock);
		ret = wait_data(l, ms);
		if (ret == -ETIMEDOUT) {
			/* Nothing came: the stream is intact. */
			pthread_mutex_lock(&c.lock);
			continue;
		}
		if (ret == 0)
			ret = wire_reader_next(&l->rd, &m, c.timeout_ms, err,
					       sizeof(err));
		pthread_mutex_lock(&c.lock);
		if (ret) {
			link_lost_locked(l, ret, err);
			break;
		}
		deliver_locked(l, &m);
	}
	l->reading = false;
}

/* Nobody reads `l` any more: wake a waiting call to take over. */
static void promote_locked(struct link *l)
{
	if (l->reading || l->dead)
		return;
	for (struct pending *p = l->pending; p; p = p->next)
		if (!p->done) {
			pthread_cond_signal(&p->cond);
			return;
		}
}

static void unlink_pending_locked(struct link *l, struct pending *p)
{
	for (struct pending **n = &l->pending; *n; n = &(*n)->next)
		if (*n == p) {
			*n = p->next;
			return;
		}
}

/* Wait for p's reply: as the leader when nobody reads, else as a follower
 * until the leader hands the reply over or leaves. Locked. */
static void wait_reply_locked(struct link *l, struct pending *p)
{
	struct timespec deadline;

	deadline_after(&deadline, c.timeout_ms);
	while (!p->done) {
		if (!l->reading) {
			lead_locked(l, p, &deadline);
			continue;
		}
		if (pthread_cond_timedwait(&p->cond, &c.lock, &deadline) ==
			ETIMEDOUT &&
		    !p->done)
			timed_out_locked(p);
	}
}

int rpc_client_request(uint8_t type, uint32_t op, struct wire_out *o,
		       struct rpc_reply *reply)
{
	return rpc_client_request_fds(type, op, o, NULL, 0, reply);
}

int rpc_client_request_fds(uint8_t type, uint32_t op, struct wire_out *o,
			   const int *fds, int nfds, struct rpc_reply *reply)
{
	struct pending p = {0};
	pthread_condattr_t attr;
	struct link *l;
	uint32_t status;
	char *message = NULL;
	bool nomem = false;
	int ret = VACCEL_OK;

	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&p.cond, &attr);
	pthread_condattr_destroy(&attr);
	pthread_mutex_lock(&c.lock);
	ret = connect_locked();
	if (ret) {
		pthread_mutex_unlock(&c.lock);
		goto out;
	}
	l = c.cur;
	l->users++;
	p.id = ++c.next_id;
	p.next = l->pending;
	l->pending = &p;
	pthread_mutex_unlock(&c.lock);

	/* Frames of other threads may go out between ours. */
	ret =
	    wire_msg_send(&l->conn, o, type, p.id, op, c.max_frame, fds, nfds);
	pthread_mutex_lock(&c.lock);
	if (ret) {
		vaccel_plugin_error("sending %s to the agent at %s failed: %s",
				    wire_frame_type_str(type), c.address,
				    vrpc_strerror(ret));
		/* Part of a frame may have gone out: the stream is out of
		 * sync (nothing went out when the message could not be
		 * built). */
		if (ret != -ENOMEM && ret != -EINVAL)
			link_lost_locked(l, ret, "");
		p.done = true;
		p.status = VACCEL_EIO;
	} else {
		wait_reply_locked(l, &p);
	}
	unlink_pending_locked(l, &p);
	promote_locked(l);
	link_put_locked(l);
	pthread_mutex_unlock(&c.lock);
	if (p.status) {
		ret = p.status;
		wire_msg_free(&p.msg);
		goto out;
	}
	reply->msg = p.msg;
	wire_in_init(&reply->in, p.msg.buf, p.msg.len);
	if (!wire_get_u32(&reply->in, &status, "status") ||
	    !wire_get_str(&reply->in, &message, &nomem, "message")) {
		vaccel_plugin_error("malformed reply from the agent at %s: %s",
				    c.address, reply->in.err);
		wire_msg_free(&reply->msg);
		ret = VACCEL_EIO;
		goto out;
	}
	reply->status = (int)status;
	snprintf(reply->message, sizeof(reply->message), "%s",
		 message ? message : "");
	free(message);
out:
	pthread_cond_destroy(&p.cond);
	return ret;
}

void rpc_client_fini(void)
{
	pthread_mutex_lock(&c.lock);
	struct link *l = c.cur;

	if (l) {
		c.cur = NULL;
		link_kill_locked(l, VACCEL_EIO);
		link_put_locked(l);
	}
	pthread_mutex_unlock(&c.lock);
}

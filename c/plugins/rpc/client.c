/* The connection to vaccel-agent (see client.h). */

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

#define DEFAULT_ADDRESS "unix:///run/vaccel/agent.sock"
#define DEFAULT_TIMEOUT_MS 60000

struct pending {
	struct pending *next;
	uint32_t id;
	bool done;
	int status; /* VACCEL_OK once a reply arrived, else the failure */
	struct wire_msg msg;
	pthread_cond_t cond;
};

static struct {
	pthread_mutex_t lock;
	char address[256];
	int timeout_ms;
	uint64_t max_frame;
	bool connected;
	bool reader_running;
	uint64_t generation;
	struct vrpc_conn conn;
	pthread_t reader;
	uint32_t next_id;
	struct pending *pending;
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

/* Fail every waiting call: the connection is gone. Called locked. */
static void fail_pending_locked(int status)
{
	for (struct pending *p = c.pending; p; p = p->next) {
		if (p->done)
			continue;
		p->done = true;
		p->status = status;
		pthread_cond_signal(&p->cond);
	}
}

static void *reader_main(void *arg)
{
	struct wire_reader r;
	char err[256] = "";
	int ret;

	(void)arg;
	wire_reader_init(&r, &c.conn, UINT64_MAX, UINT64_MAX, UINT64_MAX);
	for (;;) {
		struct wire_msg m = {0};

		ret = wire_reader_next(&r, &m, -1, err, sizeof(err));
		if (ret)
			break;
		pthread_mutex_lock(&c.lock);
		struct pending *p = c.pending;

		while (p && p->id != m.request_id)
			p = p->next;
		if (p && !p->done && m.type == WIRE_REPLY) {
			p->msg = m;
			p->done = true;
			p->status = VACCEL_OK;
			pthread_cond_signal(&p->cond);
		} else {
			/* A reply nobody waits for (it timed out). */
			wire_msg_free(&m);
		}
		pthread_mutex_unlock(&c.lock);
	}
	wire_reader_free(&r);
	pthread_mutex_lock(&c.lock);
	if (c.connected) {
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
	}
	c.connected = false;
	vrpc_conn_shutdown(&c.conn);
	fail_pending_locked(VACCEL_EIO);
	pthread_mutex_unlock(&c.lock);
	return NULL;
}

static int hello_locked(void)
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
	ret =
	    wire_msg_send(&c.conn, &o, WIRE_HELLO, 0, 0, c.max_frame, NULL, 0);
	wire_out_free(&o);
	if (ret)
		goto io;
	wire_reader_init(&r, &c.conn, UINT64_MAX, 1u << 20, 1u << 20);
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
	char err[256];
	int fd, ret;

	if (c.connected)
		return VACCEL_OK;
	if (c.reader_running) {
		/* The previous connection's reader has finished or is about
		 * to: wait for it outside the lock. */
		pthread_t old = c.reader;

		c.reader_running = false;
		pthread_mutex_unlock(&c.lock);
		pthread_join(old, NULL);
		pthread_mutex_lock(&c.lock);
		vrpc_conn_close(&c.conn);
		if (c.connected)
			return VACCEL_OK;
	}
	fd = vrpc_connect(c.address, c.timeout_ms, err, sizeof(err));
	if (fd < 0) {
		vaccel_plugin_error("cannot reach the agent: %s", err);
		return VACCEL_EIO;
	}
	if (vrpc_conn_init(&c.conn, fd)) {
		vaccel_plugin_error("cannot set up the connection to %s",
				    c.address);
		return VACCEL_EIO;
	}
	ret = hello_locked();
	if (ret) {
		vrpc_conn_close(&c.conn);
		return ret;
	}
	c.generation++;
	c.connected = true;
	if (pthread_create(&c.reader, NULL, reader_main, NULL)) {
		c.connected = false;
		vrpc_conn_close(&c.conn);
		return VACCEL_ENOMEM;
	}
	c.reader_running = true;
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
	connected = c.connected;
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

static void unlink_pending_locked(struct pending *p)
{
	for (struct pending **l = &c.pending; *l; l = &(*l)->next)
		if (*l == p) {
			*l = p->next;
			return;
		}
}

int rpc_client_request(uint8_t type, uint32_t op, struct wire_out *o,
		       struct rpc_reply *reply)
{
	struct pending p = {0};
	pthread_condattr_t attr;
	struct timespec deadline;
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
	p.id = ++c.next_id;
	p.next = c.pending;
	c.pending = &p;
	pthread_mutex_unlock(&c.lock);

	/* Frames of other threads may go out between ours. */
	ret = wire_msg_send(&c.conn, o, type, p.id, op, c.max_frame, NULL, 0);
	pthread_mutex_lock(&c.lock);
	if (ret) {
		vaccel_plugin_error("sending %s to the agent at %s failed: %s",
				    wire_frame_type_str(type), c.address,
				    vrpc_strerror(ret));
		unlink_pending_locked(&p);
		pthread_mutex_unlock(&c.lock);
		ret = VACCEL_EIO;
		goto out;
	}
	deadline_after(&deadline, c.timeout_ms);
	while (!p.done) {
		if (pthread_cond_timedwait(&p.cond, &c.lock, &deadline) ==
		    ETIMEDOUT) {
			if (p.done)
				break;
			vaccel_plugin_error(
			    "no reply from the agent at %s "
			    "after %d ms (VACCEL_RPC_TIMEOUT_MS)",
			    c.address, c.timeout_ms);
			p.done = true;
			p.status = VACCEL_EIO;
		}
	}
	unlink_pending_locked(&p);
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
	bool running = c.reader_running;

	c.connected = false;
	c.reader_running = false;
	if (running)
		vrpc_conn_shutdown(&c.conn);
	pthread_mutex_unlock(&c.lock);
	if (running) {
		pthread_join(c.reader, NULL);
		vrpc_conn_close(&c.conn);
	}
}

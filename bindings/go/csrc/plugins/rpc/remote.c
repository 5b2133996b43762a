/* Copied from c/plugins/rpc/remote.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Session and resource ids on the agent (see remote.h). */

#include "remote.h"
#include "client.h"
#include "content_hash.h"
#include "protocol.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct sess_entry {
	struct sess_entry *next;
	vaccel_id_t local;
	int64_t remote;
	uint64_t gen;
};

struct res_entry {
	struct res_entry *next;
	vaccel_id_t local;
	int64_t remote;
	uint64_t gen;
	/* Agent sessions it is registered to. */
	int64_t *sessions;
	size_t nr_sessions;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* Uploads are rare: one at a time keeps a resource from going up twice. */
static pthread_mutex_t upload_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sess_entry *sessions;
static struct res_entry *resources;

/* A request with no results: VACCEL_OK or the agent's / transport's code. */
static int simple_request(uint8_t type, struct wire_out *o, int64_t *id_out)
{
	struct rpc_reply r;
	uint64_t id = 0;
	int ret = rpc_client_request(type, 0, o, &r);

	if (ret)
		return ret;
	ret = r.status;
	/* FIND answers ENOENT for content the agent lacks: not an error. */
	if (ret) {
		if (!(type == WIRE_RESOURCE_FIND && ret == VACCEL_ENOENT))
			vaccel_plugin_error("agent: %s: %s",
					    wire_frame_type_str(type),
					    r.message);
	} else if (id_out && !wire_get_u64(&r.in, &id, "id")) {
		vaccel_plugin_error("agent: %s: the reply lacks the id",
				    wire_frame_type_str(type));
		ret = VACCEL_EIO;
	}
	if (id_out)
		*id_out = (int64_t)id;
	wire_msg_free(&r.msg);
	return ret;
}

int rpc_session_remote(struct vaccel_session *sess, uint64_t gen,
		       int64_t *remote)
{
	struct sess_entry *e;
	struct wire_out o;
	int64_t id;
	int ret;

	pthread_mutex_lock(&lock);
	for (e = sessions; e; e = e->next)
		if (e->local == sess->id)
			break;
	if (e && e->gen == gen) {
		*remote = e->remote;
		pthread_mutex_unlock(&lock);
		return VACCEL_OK;
	}
	pthread_mutex_unlock(&lock);
	if (e) {
		/* Made on an agent connection that is gone. */
		vaccel_plugin_error("session %lld was made on a connection to "
				    "the agent that was lost",
				    (long long)sess->id);
		return VACCEL_ESESS;
	}
	wire_out_init(&o);
	wire_msg_begin(&o);
	wire_put_u32(&o, sess->hint);
	ret = simple_request(WIRE_SESSION_INIT, &o, &id);
	wire_out_free(&o);
	if (ret)
		return ret;
	e = calloc(1, sizeof(*e));
	if (!e)
		return VACCEL_ENOMEM;
	e->local = sess->id;
	e->remote = id;
	e->gen = gen;
	pthread_mutex_lock(&lock);
	e->next = sessions;
	sessions = e;
	pthread_mutex_unlock(&lock);
	sess->remote_id = id;
	*remote = id;
	return VACCEL_OK;
}

void rpc_session_forget(struct vaccel_session *sess)
{
	struct sess_entry *e = NULL, **l;
	uint64_t gen;
	struct wire_out o;

	pthread_mutex_lock(&lock);
	for (l = &sessions; *l; l = &(*l)->next)
		if ((*l)->local == sess->id) {
			e = *l;
			*l = e->next;
			break;
		}
	pthread_mutex_unlock(&lock);
	if (!e)
		return;
	if (rpc_client_current(&gen) && gen == e->gen) {
		wire_out_init(&o);
		wire_msg_begin(&o);
		wire_put_u64(&o, (uint64_t)e->remote);
		simple_request(WIRE_SESSION_RELEASE, &o, NULL);
		wire_out_free(&o);
	}
	free(e);
}

static int hash_resource(struct vaccel_resource *res,
			 uint8_t hash[WIRE_HASH_SIZE])
{
	struct wire_blob_view *v = calloc(res->nr_blobs + 1, sizeof(*v));
	int ret = VACCEL_OK;

	if (!v)
		return VACCEL_ENOMEM;
	for (size_t i = 0; i < res->nr_blobs; i++) {
		size_t size = 0;

		v[i].name = res->blobs[i]->name;
		v[i].data = vaccel_plugin_host->blob_data(res->blobs[i], &size);
		v[i].size = size;
		if (!v[i].data && size) {
			vaccel_plugin_error("resource %lld: cannot read blob "
					    "%zu",
					    (long long)res->id, i);
			ret = VACCEL_EIO;
		}
	}
	if (!ret &&
	    wire_content_hash((uint32_t)res->type, v, res->nr_blobs, hash))
		ret = VACCEL_EIO;
	free(v);
	return ret;
}

/* The agent's id for the content of `res`: found by hash, else uploaded. */
static int upload(struct vaccel_resource *res, int64_t *remote)
{
	uint8_t hash[WIRE_HASH_SIZE];
	struct wire_out o;
	int ret = hash_resource(res, hash);

	if (ret)
		return ret;
	wire_out_init(&o);
	wire_msg_begin(&o);
	wire_put_u32(&o, (uint32_t)res->type);
	wire_put(&o, hash, sizeof(hash));
	ret = simple_request(WIRE_RESOURCE_FIND, &o, remote);
	wire_out_free(&o);
	if (ret != VACCEL_ENOENT)
		return ret;
	wire_out_init(&o);
	wire_msg_begin(&o);
	wire_put_u32(&o, (uint32_t)res->type);
	wire_put(&o, hash, sizeof(hash));
	wire_put_u32(&o, (uint32_t)res->nr_blobs);
	for (size_t i = 0; i < res->nr_blobs; i++) {
		struct vaccel_blob *b = res->blobs[i];
		size_t size = 0;
		const uint8_t *data = vaccel_plugin_host->blob_data(b, &size);

		wire_put_str(&o, b->name);
		wire_put_u64(&o, size);
		wire_pad(&o);
		wire_put_ref(&o, data, size);
	}
	vaccel_plugin_debug("uploading resource %lld (%zu blobs)",
			    (long long)res->id, res->nr_blobs);
	ret = simple_request(WIRE_RESOURCE_UPLOAD, &o, remote);
	wire_out_free(&o);
	return ret;
}

static struct res_entry *res_find_locked(vaccel_id_t id)
{
	for (struct res_entry *e = resources; e; e = e->next)
		if (e->local == id)
			return e;
	return NULL;
}

static bool res_has_session(const struct res_entry *e, int64_t sess)
{
	for (size_t i = 0; i < e->nr_sessions; i++)
		if (e->sessions[i] == sess)
			return true;
	return false;
}

static int register_remote(int64_t res, int64_t sess, uint8_t type)
{
	struct wire_out o;
	int ret;

	wire_out_init(&o);
	wire_msg_begin(&o);
	wire_put_u64(&o, (uint64_t)res);
	wire_put_u64(&o, (uint64_t)sess);
	ret = simple_request(type, &o, NULL);
	wire_out_free(&o);
	return ret;
}

int rpc_resource_remote(struct vaccel_resource *res, int64_t remote_sess,
			uint64_t gen, int64_t *remote)
{
	struct res_entry *e;
	int64_t *grown;
	int ret = VACCEL_OK;

	pthread_mutex_lock(&upload_lock);
	pthread_mutex_lock(&lock);
	e = res_find_locked(res->id);
	if (e && e->gen != gen) {
		/* The agent restarted: it holds none of our ids any more. */
		e->gen = gen;
		e->remote = 0;
		e->nr_sessions = 0;
	}
	pthread_mutex_unlock(&lock);
	if (!e) {
		e = calloc(1, sizeof(*e));
		if (!e) {
			ret = VACCEL_ENOMEM;
			goto out;
		}
		e->local = res->id;
		e->gen = gen;
		pthread_mutex_lock(&lock);
		e->next = resources;
		resources = e;
		pthread_mutex_unlock(&lock);
	}
	if (!e->remote) {
		ret = upload(res, &e->remote);
		if (ret)
			goto out;
		res->remote_id = e->remote;
	}
	if (!res_has_session(e, remote_sess)) {
		ret = register_remote(e->remote, remote_sess,
				      WIRE_RESOURCE_REGISTER);
		if (ret)
			goto out;
		grown =
		    realloc(e->sessions, (e->nr_sessions + 1) * sizeof(*grown));
		if (!grown) {
			ret = VACCEL_ENOMEM;
			goto out;
		}
		e->sessions = grown;
		e->sessions[e->nr_sessions++] = remote_sess;
	}
	*remote = e->remote;
out:
	pthread_mutex_unlock(&upload_lock);
	return ret;
}

void rpc_resource_unregistered(struct vaccel_resource *res,
			       struct vaccel_session *sess)
{
	struct res_entry *e, **l;
	uint64_t gen;
	bool connected;

	pthread_mutex_lock(&upload_lock);
	pthread_mutex_lock(&lock);
	e = res_find_locked(res->id);
	pthread_mutex_unlock(&lock);
	if (!e)
		goto out;
	connected = rpc_client_current(&gen) && gen == e->gen && e->remote;
	for (size_t i = 0; i < e->nr_sessions; i++) {
		if (e->sessions[i] != sess->remote_id)
			continue;
		if (connected)
			register_remote(e->remote, e->sessions[i],
					WIRE_RESOURCE_UNREGISTER);
		e->sessions[i] = e->sessions[--e->nr_sessions];
		break;
	}
	if (vaccel_plugin_host->resource_refcount(res) > 0)
		goto out;
	/* In no session any more: drop our handle on the agent. */
	if (connected) {
		struct wire_out o;

		wire_out_init(&o);
		wire_msg_begin(&o);
		wire_put_u64(&o, (uint64_t)e->remote);
		simple_request(WIRE_RESOURCE_RELEASE, &o, NULL);
		wire_out_free(&o);
	}
	pthread_mutex_lock(&lock);
	for (l = &resources; *l; l = &(*l)->next)
		if (*l == e) {
			*l = e->next;
			break;
		}
	pthread_mutex_unlock(&lock);
	free(e->sessions);
	free(e);
out:
	pthread_mutex_unlock(&upload_lock);
}

void rpc_remote_fini(void)
{
	pthread_mutex_lock(&lock);
	while (sessions) {
		struct sess_entry *next = sessions->next;

		free(sessions);
		sessions = next;
	}
	while (resources) {
		struct res_entry *next = resources->next;

		free(resources->sessions);
		free(resources);
		resources = next;
	}
	pthread_mutex_unlock(&lock);
}

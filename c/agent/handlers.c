/* What the agent does with each request (docs/protocol.md "Frame types").
 * Every id a client sends is looked up in that client's own tables, so no
 * client can name another client's sessions or resources. */

#include "agent.h"
#include "agent_prof.h"
#include "content_hash.h"
#include "marshal.h"
#include "op_invoke.h"
#include "protocol.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reply envelope: status then message. */
static void reply_status(struct wire_out *o, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void reply_status(struct wire_out *o, int status, const char *fmt, ...)
{
	char msg[512] = "";
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
	}
	wire_put_u32(o, (uint32_t)status);
	wire_put_str(o, msg);
}

/* Log a refused request and answer it with `status`. */
#define REFUSE(o, cl, status, ...)                                             \
	do {                                                                   \
		char why_[400];                                                \
		snprintf(why_, sizeof(why_), __VA_ARGS__);                     \
		vaccel_log(VACCEL_LOG_WARN, "agent: client %ld (%s): %s",      \
			   (cl)->id, (cl)->peer, why_);                        \
		reply_status(o, status, "%s", why_);                           \
	} while (0)

static struct vaccel_session *session_of(struct agent_client *cl, int64_t id)
{
	struct vaccel_session *s = NULL;

	pthread_mutex_lock(&cl->lock);
	for (size_t i = 0; i < cl->nr_sessions; i++)
		if (cl->sessions[i].id == id)
			s = cl->sessions[i].sess;
	pthread_mutex_unlock(&cl->lock);
	return s;
}

static struct cached_resource *resource_of(struct agent_client *cl, int64_t id)
{
	struct cached_resource *r = NULL;

	pthread_mutex_lock(&cl->lock);
	for (size_t i = 0; i < cl->nr_resources; i++)
		if (cl->resources[i].id == id)
			r = cl->resources[i].cached;
	pthread_mutex_unlock(&cl->lock);
	return r;
}

static void hello(struct agent_client *cl, struct wire_in *in,
		  struct wire_out *o)
{
	uint32_t lo, hi, nr = 0;
	char *client_version = NULL;
	bool nomem = false;

	if (!wire_get_u32(in, &lo, "lowest version") ||
	    !wire_get_u32(in, &hi, "highest version") ||
	    !wire_get_str(in, &client_version, &nomem, "client version")) {
		REFUSE(o, cl, VACCEL_EINVAL, "malformed HELLO: %s", in->err);
		return;
	}
	if (lo > WIRE_PROTOCOL_VERSION || hi < WIRE_PROTOCOL_VERSION) {
		REFUSE(o, cl, VACCEL_ENOTSUP,
		       "protocol versions %u..%u requested; this agent "
		       "speaks %u",
		       lo, hi, WIRE_PROTOCOL_VERSION);
		free(client_version);
		return;
	}
	vaccel_log(VACCEL_LOG_INFO, "agent: client %ld (%s) runs vaccel %s",
		   cl->id, cl->peer, client_version ? client_version : "?");
	free(client_version);
	cl->greeted = true;
	reply_status(o, VACCEL_OK, NULL);
	uint16_t version = WIRE_PROTOCOL_VERSION, reserved = 0;

	wire_put(o, &version, 2);
	wire_put(o, &reserved, 2);
	wire_put_u64(o, agent_opts.max_frame);
	/* The ops both sides speak with the same signature. */
	/* The runtime's table, not this file's VACCEL_OP_MAX: an agent
	 * linked with a runtime from a larger IDL serves its extra ops. */
	for (unsigned int id = 0; id < WIRE_MAX_OP_ID; id++)
		nr += vaccel_op_desc_get(id) != NULL;
	wire_put_u32(o, nr);
	for (unsigned int id = 0; id < WIRE_MAX_OP_ID; id++) {
		const struct vaccel_op_desc *d = vaccel_op_desc_get(id);

		if (!d)
			continue;
		wire_put_u32(o, id);
		wire_put_u32(o, d->sig_hash);
	}
}

static void session_init(struct agent_client *cl, struct wire_in *in,
			 struct wire_out *o)
{
	struct vaccel_session *s;
	struct agent_session *grown;
	uint32_t flags;
	int ret;

	if (!wire_get_u32(in, &flags, "flags")) {
		REFUSE(o, cl, VACCEL_EINVAL, "SESSION_INIT: %s", in->err);
		return;
	}
	pthread_mutex_lock(&cl->lock);
	bool full = cl->nr_sessions >= agent_opts.max_sessions;

	pthread_mutex_unlock(&cl->lock);
	if (full) {
		REFUSE(o, cl, VACCEL_EUSERS,
		       "the limit of %llu sessions per client is reached "
		       "(--max-sessions-per-client)",
		       (unsigned long long)agent_opts.max_sessions);
		return;
	}
	/* The agent's own sessions use its local plugins: the client's
	 * REMOTE hint is what brought the call here. */
	ret = vaccel_session_new(&s, flags & ~(uint32_t)VACCEL_PLUGIN_REMOTE);
	if (ret) {
		REFUSE(o, cl, ret, "cannot create a session (flags 0x%x)",
		       flags);
		return;
	}
	pthread_mutex_lock(&cl->lock);
	grown = realloc(cl->sessions, (cl->nr_sessions + 1) * sizeof(*grown));
	if (grown) {
		cl->sessions = grown;
		grown[cl->nr_sessions].id = ++cl->next_id;
		grown[cl->nr_sessions].sess = s;
		cl->nr_sessions++;
	}
	int64_t id = grown ? cl->next_id : 0;

	pthread_mutex_unlock(&cl->lock);
	if (!grown) {
		vaccel_session_delete(s);
		reply_status(o, VACCEL_ENOMEM, "out of memory");
		return;
	}
	agent_stats.sessions++;
	reply_status(o, VACCEL_OK, NULL);
	wire_put_u64(o, (uint64_t)id);
}

static void session_release(struct agent_client *cl, struct wire_in *in,
			    struct wire_out *o)
{
	struct vaccel_session *s = NULL;
	uint64_t id;

	if (!wire_get_u64(in, &id, "session")) {
		REFUSE(o, cl, VACCEL_EINVAL, "SESSION_RELEASE: %s", in->err);
		return;
	}
	pthread_mutex_lock(&cl->lock);
	for (size_t i = 0; i < cl->nr_sessions; i++) {
		if (cl->sessions[i].id != (int64_t)id)
			continue;
		s = cl->sessions[i].sess;
		cl->sessions[i] = cl->sessions[--cl->nr_sessions];
		break;
	}
	pthread_mutex_unlock(&cl->lock);
	if (!s) {
		REFUSE(o, cl, VACCEL_ESESS,
		       "session %llu is not one of this "
		       "connection's",
		       (unsigned long long)id);
		return;
	}
	vaccel_session_delete(s);
	agent_stats.sessions--;
	reply_status(o, VACCEL_OK, NULL);
}

static int64_t add_handle(struct agent_client *cl, struct cached_resource *r)
{
	struct agent_resource *grown;
	int64_t id = 0;

	pthread_mutex_lock(&cl->lock);
	grown = realloc(cl->resources, (cl->nr_resources + 1) * sizeof(*grown));
	if (grown) {
		cl->resources = grown;
		id = ++cl->next_id;
		grown[cl->nr_resources].id = id;
		grown[cl->nr_resources].cached = r;
		cl->nr_resources++;
		agent_stats.resources++;
	}
	pthread_mutex_unlock(&cl->lock);
	return id;
}

static void resource_find(struct agent_client *cl, struct wire_in *in,
			  struct wire_out *o)
{
	uint8_t hash[WIRE_HASH_SIZE];
	struct cached_resource *r;
	uint32_t type;
	int64_t id;

	if (!wire_get_u32(in, &type, "type") ||
	    !wire_get(in, hash, sizeof(hash), "hash")) {
		REFUSE(o, cl, VACCEL_EINVAL, "RESOURCE_FIND: %s", in->err);
		return;
	}
	r = agent_cache_find(type, hash);
	if (!r) {
		reply_status(o, VACCEL_ENOENT, "not held; upload it");
		return;
	}
	id = add_handle(cl, r);
	if (!id) {
		reply_status(o, VACCEL_ENOMEM, "out of memory");
		return;
	}
	reply_status(o, VACCEL_OK, NULL);
	wire_put_u64(o, (uint64_t)id);
}

/* Blob names become file names under the resource's directory: refuse
 * anything that could leave it. */
static bool safe_name(const char *name)
{
	if (!name || !*name || name[0] == '/')
		return false;
	for (const char *p = name; *p;) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		if (n == 0 || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += n + (slash ? 1 : 0);
	}
	return true;
}

static void resource_upload(struct agent_client *cl, struct wire_in *in,
			    struct wire_out *o)
{
	uint8_t hash[WIRE_HASH_SIZE], got[WIRE_HASH_SIZE];
	struct wire_blob_view *views = NULL;
	char **names = NULL;
	struct vaccel_blob **blobs = NULL;
	struct vaccel_resource *res = NULL;
	struct cached_resource *r;
	uint32_t type, nr = 0, i;
	int64_t id;
	int ret;

	if (!wire_get_u32(in, &type, "type") ||
	    !wire_get(in, hash, sizeof(hash), "hash") ||
	    !wire_get_u32(in, &nr, "blob count")) {
		REFUSE(o, cl, VACCEL_EINVAL, "RESOURCE_UPLOAD: %s", in->err);
		return;
	}
	if (type >= VACCEL_RESOURCE_MAX || nr == 0 || nr > 65536) {
		REFUSE(o, cl, VACCEL_EINVAL,
		       "RESOURCE_UPLOAD: type %u with %u blobs", type, nr);
		return;
	}
	views = calloc(nr, sizeof(*views));
	names = calloc(nr, sizeof(*names));
	blobs = calloc(nr, sizeof(*blobs));
	if (!views || !names || !blobs) {
		reply_status(o, VACCEL_ENOMEM, "out of memory");
		goto out;
	}
	for (i = 0; i < nr; i++) {
		bool nomem = false;

		if (!wire_get_str(in, &names[i], &nomem, "blob name") ||
		    !wire_get_u64(in, &views[i].size, "blob size") ||
		    !wire_skip_pad(in, "blob") ||
		    !(views[i].data =
			  wire_view(in, views[i].size, "blob bytes"))) {
			REFUSE(o, cl, VACCEL_EINVAL, "RESOURCE_UPLOAD: %s",
			       in->err);
			goto out;
		}
		views[i].name = names[i];
		if (names[i] && !safe_name(names[i])) {
			REFUSE(o, cl, VACCEL_EINVAL,
			       "RESOURCE_UPLOAD: blob name '%s' is not a "
			       "relative path inside the resource",
			       names[i]);
			goto out;
		}
	}
	if (in->pos != in->len) {
		REFUSE(o, cl, VACCEL_EINVAL,
		       "RESOURCE_UPLOAD: bytes after the last blob");
		goto out;
	}
	/* Never trust the name: the content must hash to it. */
	if (wire_content_hash(type, views, nr, got) ||
	    memcmp(got, hash, sizeof(got)) != 0) {
		REFUSE(o, cl, VACCEL_EINVAL,
		       "RESOURCE_UPLOAD: the content does not match its hash");
		goto out;
	}
	for (i = 0; i < nr; i++) {
		char fallback[32];

		snprintf(fallback, sizeof(fallback), "blob%u", i);
		/* A blob holds bytes (vaccel_blob_from_buf refuses none). */
		if (views[i].size == 0) {
			REFUSE(o, cl, VACCEL_EINVAL,
			       "RESOURCE_UPLOAD: blob %u ('%s') is empty", i,
			       names[i] ? names[i] : fallback);
			goto out;
		}
		ret = vaccel_blob_from_buf(
		    &blobs[i], views[i].data, views[i].size, true,
		    names[i] ? names[i] : fallback, NULL, false);
		if (ret) {
			REFUSE(o, cl, ret, "RESOURCE_UPLOAD: blob %u", i);
			goto out;
		}
	}
	ret =
	    vaccel_resource_from_blobs(&res, (const struct vaccel_blob **)blobs,
				       nr, (vaccel_resource_type_t)type);
	if (ret) {
		REFUSE(o, cl, ret, "RESOURCE_UPLOAD: cannot make the resource");
		goto out;
	}
	r = agent_cache_add(type, hash, res);
	id = r ? add_handle(cl, r) : 0;
	if (!id) {
		reply_status(o, VACCEL_ENOMEM, "out of memory");
		goto out;
	}
	vaccel_log(VACCEL_LOG_INFO,
		   "agent: client %ld uploaded a %s resource of %u blobs",
		   cl->id, vaccel_resource_type_to_str(type), nr);
	reply_status(o, VACCEL_OK, NULL);
	wire_put_u64(o, (uint64_t)id);
out:
	for (i = 0; i < nr; i++) {
		if (blobs && blobs[i])
			vaccel_blob_delete(blobs[i]);
		if (names)
			free(names[i]);
	}
	free(blobs);
	free(names);
	free(views);
}

/* The cached resource behind handle `id`, or NULL. Called locked. */
static struct cached_resource *resource_of_locked(struct agent_client *cl,
						  int64_t id)
{
	for (size_t i = 0; i < cl->nr_resources; i++)
		if (cl->resources[i].id == id)
			return cl->resources[i].cached;
	return NULL;
}

/* Registrations of cached resource `r` to session `sess` by any handle,
 * and whether handle `res` holds one. Called locked. */
static size_t regs_of_locked(struct agent_client *cl,
			     const struct cached_resource *r, int64_t sess,
			     int64_t res, bool *mine)
{
	size_t n = 0;

	*mine = false;
	for (size_t i = 0; i < cl->nr_regs; i++) {
		if (cl->regs[i].sess != sess ||
		    resource_of_locked(cl, cl->regs[i].res) != r)
			continue;
		n++;
		*mine |= cl->regs[i].res == res;
	}
	return n;
}

static void drop_reg_locked(struct agent_client *cl, int64_t res, int64_t sess)
{
	for (size_t i = 0; i < cl->nr_regs; i++)
		if (cl->regs[i].res == res && cl->regs[i].sess == sess) {
			cl->regs[i] = cl->regs[--cl->nr_regs];
			return;
		}
}

/* Unregister handle `res` from session `sess` (reg_lock held). */
static int unregister_handle(struct agent_client *cl, int64_t res, int64_t sess)
{
	struct cached_resource *r;
	struct vaccel_session *s;
	size_t n;
	bool mine;

	pthread_mutex_lock(&cl->lock);
	r = resource_of_locked(cl, res);
	s = NULL;
	for (size_t i = 0; i < cl->nr_sessions; i++)
		if (cl->sessions[i].id == sess)
			s = cl->sessions[i].sess;
	n = r && s ? regs_of_locked(cl, r, sess, res, &mine) : 0;
	if (!r || !s || !mine) {
		pthread_mutex_unlock(&cl->lock);
		return VACCEL_EINVAL;
	}
	drop_reg_locked(cl, res, sess);
	pthread_mutex_unlock(&cl->lock);
	/* The last registration of that content to the session: it leaves
	 * (this waits for the session's ops still using it). */
	return n == 1 ? vaccel_resource_unregister(r->res, s) : VACCEL_OK;
}

static void resource_register(struct agent_client *cl, struct wire_in *in,
			      struct wire_out *o, bool reg)
{
	uint64_t rid, sid;
	struct cached_resource *r;
	struct vaccel_session *s;
	struct agent_reg *grown;
	size_t n;
	bool mine;
	int ret = VACCEL_OK;

	if (!wire_get_u64(in, &rid, "resource") ||
	    !wire_get_u64(in, &sid, "session")) {
		REFUSE(o, cl, VACCEL_EINVAL, "RESOURCE_(UN)REGISTER: %s",
		       in->err);
		return;
	}
	r = resource_of(cl, (int64_t)rid);
	s = session_of(cl, (int64_t)sid);
	if (!r || !s) {
		REFUSE(o, cl, VACCEL_EINVAL,
		       "resource %llu or session %llu is not one of this "
		       "connection's",
		       (unsigned long long)rid, (unsigned long long)sid);
		return;
	}
	pthread_mutex_lock(&cl->reg_lock);
	if (!reg) {
		ret = unregister_handle(cl, (int64_t)rid, (int64_t)sid);
		pthread_mutex_unlock(&cl->reg_lock);
		if (ret)
			REFUSE(o, cl, ret,
			       "resource %llu is not registered to session "
			       "%llu",
			       (unsigned long long)rid,
			       (unsigned long long)sid);
		else
			reply_status(o, VACCEL_OK, NULL);
		return;
	}
	pthread_mutex_lock(&cl->lock);
	n = regs_of_locked(cl, r, (int64_t)sid, (int64_t)rid, &mine);
	grown =
	    mine ? NULL : realloc(cl->regs, (cl->nr_regs + 1) * sizeof(*grown));
	if (grown) {
		cl->regs = grown;
		grown[cl->nr_regs].res = (int64_t)rid;
		grown[cl->nr_regs].sess = (int64_t)sid;
		cl->nr_regs++;
	}
	pthread_mutex_unlock(&cl->lock);
	if (mine)
		ret = VACCEL_EEXIST;
	else if (!grown)
		ret = VACCEL_ENOMEM;
	else if (n == 0)
		ret = vaccel_resource_register(r->res, s);
	if (ret && !mine && grown) {
		pthread_mutex_lock(&cl->lock);
		drop_reg_locked(cl, (int64_t)rid, (int64_t)sid);
		pthread_mutex_unlock(&cl->lock);
	}
	pthread_mutex_unlock(&cl->reg_lock);
	if (ret)
		REFUSE(o, cl, ret,
		       "registering resource %llu to session %llu failed",
		       (unsigned long long)rid, (unsigned long long)sid);
	else
		reply_status(o, VACCEL_OK, NULL);
}

/* Drop handle `id` with its registrations. */
static void resource_release(struct agent_client *cl, struct wire_in *in,
			     struct wire_out *o)
{
	uint64_t id;
	bool found = false;

	if (!wire_get_u64(in, &id, "resource")) {
		REFUSE(o, cl, VACCEL_EINVAL, "RESOURCE_RELEASE: %s", in->err);
		return;
	}
	pthread_mutex_lock(&cl->reg_lock);
	for (;;) {
		int64_t sess = 0;

		pthread_mutex_lock(&cl->lock);
		for (size_t i = 0; i < cl->nr_regs; i++)
			if (cl->regs[i].res == (int64_t)id)
				sess = cl->regs[i].sess;
		pthread_mutex_unlock(&cl->lock);
		if (!sess)
			break;
		unregister_handle(cl, (int64_t)id, sess);
	}
	pthread_mutex_lock(&cl->lock);
	for (size_t i = 0; i < cl->nr_resources; i++) {
		if (cl->resources[i].id != (int64_t)id)
			continue;
		cl->resources[i] = cl->resources[--cl->nr_resources];
		agent_stats.resources--;
		found = true;
		break;
	}
	pthread_mutex_unlock(&cl->lock);
	pthread_mutex_unlock(&cl->reg_lock);
	if (!found)
		REFUSE(o, cl, VACCEL_EINVAL,
		       "resource %llu is not one of this connection's",
		       (unsigned long long)id);
	else
		reply_status(o, VACCEL_OK, NULL);
}

/* Whether missing library `lib` would lie inside the allowed directory:
 * its parent directory exists and resolves there. Only then does the
 * client learn that the file is missing; of paths elsewhere it learns
 * nothing but "not allowed". */
static bool missing_inside_allowed(const char *lib)
{
	char parent[PATH_MAX], real[PATH_MAX];
	size_t n = strlen(agent_opts.exec_allow_dir);
	char *slash;

	if (strlen(lib) >= sizeof(parent))
		return false;
	strcpy(parent, lib);
	slash = strrchr(parent, '/');
	if (!slash)
		return false;
	*slash = '\0';
	if (!realpath(parent[0] ? parent : "/", real))
		return false;
	return strcmp(real, agent_opts.exec_allow_dir) == 0 ||
	       (strncmp(real, agent_opts.exec_allow_dir, n) == 0 &&
		real[n] == '/');
}

/* exec runs code on the host: only from the operator's directory. */
static int exec_allowed(struct agent_client *cl, const struct wire_call *call,
			struct wire_out *o)
{
	const struct vaccel_op_desc *d = call->desc;
	char real[PATH_MAX];
	size_t n;

	if (d->id != VACCEL_OP_EXEC && d->id != VACCEL_OP_EXEC_WITH_RESOURCE)
		return 0;
	if (!agent_opts.exec_allow_dir) {
		REFUSE(o, cl, VACCEL_EPERM,
		       "%s is disabled on this agent (start it with "
		       "--exec-allow-dir DIR)",
		       d->fn_name);
		return -1;
	}
	if (d->id != VACCEL_OP_EXEC)
		return 0;
	const char *lib = call->slots[1].ptr;

	if (lib && !realpath(lib, real) && errno == ENOENT &&
	    missing_inside_allowed(lib)) {
		/* As in-process (the exec plugin cannot open it): EINVAL. */
		REFUSE(o, cl, VACCEL_EINVAL,
		       "vaccel_exec: library '%s' does not exist (in the "
		       "allowed directory %s)",
		       lib, agent_opts.exec_allow_dir);
		return -1;
	}
	n = strlen(agent_opts.exec_allow_dir);
	if (!lib || !realpath(lib, real) ||
	    strncmp(real, agent_opts.exec_allow_dir, n) != 0 ||
	    real[n] != '/') {
		REFUSE(o, cl, VACCEL_EPERM,
		       "vaccel_exec: library '%s' is not inside the allowed "
		       "directory %s",
		       lib ? lib : "(null)", agent_opts.exec_allow_dir);
		return -1;
	}
	return 0;
}

/* `c` stays allocated until the reply is sent: large outputs go out by
 * reference, straight from the op's buffers. */
static void call(struct agent_client *cl, const struct wire_msg *m,
		 struct wire_in *in, struct wire_out *o,
		 struct wire_call *c_out)
{
	const struct vaccel_op_desc *d = vaccel_op_desc_get(m->op);
	struct wire_call c = {.alloc_left = agent_opts.max_bytes};
	uint64_t t = agent_prof_now();
	int ret;

	if (!d) {
		REFUSE(o, cl, VACCEL_ENOTSUP, "unknown op id %u", m->op);
		return;
	}
	agent_shm_for_call(cl, &c.shm);
	if (wire_decode_request(in, d, vaccel_struct_desc_get, &c)) {
		REFUSE(o, cl, VACCEL_EINVAL, "%s: malformed request: %s",
		       d->fn_name, in->err);
		return;
	}
	for (unsigned int i = 0; i < d->nr_params; i++) {
		const struct vaccel_param_desc *p = &d->params[i];

		if (p->kind == VACCEL_PARAM_SESSION) {
			c.slots[i].ptr = session_of(cl, c.handles[i]);
			if (!c.slots[i].ptr) {
				REFUSE(o, cl, VACCEL_ESESS,
				       "%s: session %lld is not one of this "
				       "connection's",
				       d->fn_name, (long long)c.handles[i]);
				goto out;
			}
		} else if (p->kind == VACCEL_PARAM_RESOURCE) {
			struct cached_resource *r;

			c.slots[i].ptr = NULL;
			if (!c.handles[i])
				continue;
			r = resource_of(cl, c.handles[i]);
			if (!r) {
				REFUSE(o, cl, VACCEL_EINVAL,
				       "%s: resource %lld is not one of this "
				       "connection's",
				       d->fn_name, (long long)c.handles[i]);
				goto out;
			}
			c.slots[i].ptr = r->res;
		}
	}
	if (exec_allowed(cl, &c, o))
		goto out;
	agent_stats.calls++;
	t = agent_prof_add(d->id, AGENT_PROF_DECODE, t);
	ret = vaccel_op_invoke((vaccel_op_type_t)d->id, c.argv);
	agent_prof_reply_begins(d->id,
				agent_prof_add(d->id, AGENT_PROF_RUN, t));
	if (ret)
		reply_status(o, ret, "%s failed on the agent: %s", d->fn_name,
			     vaccel_error_to_str(ret));
	else
		reply_status(o, VACCEL_OK, NULL);
	if (wire_encode_reply(o, &c, ret == VACCEL_OK))
		vaccel_log(VACCEL_LOG_ERROR,
			   "agent: %s: cannot encode the "
			   "reply",
			   d->fn_name);
out:
	*c_out = c;
}

/* An empty body (older clients) gets the five counts alone; flag
 * WIRE_STATS_PROFILE adds the per-op profiling regions. */
static void stats(struct agent_client *cl, struct wire_in *in,
		  struct wire_out *o)
{
	uint32_t flags = 0;

	if (in->pos < in->len && !wire_get_u32(in, &flags, "flags")) {
		REFUSE(o, cl, VACCEL_EINVAL, "STATS: %s", in->err);
		return;
	}
	reply_status(o, VACCEL_OK, NULL);
	wire_put_u64(o, (uint64_t)agent_stats.clients);
	wire_put_u64(o, (uint64_t)agent_stats.sessions);
	wire_put_u64(o, (uint64_t)agent_stats.resources);
	wire_put_u64(o, (uint64_t)agent_stats.cached);
	wire_put_u64(o, (uint64_t)agent_stats.calls);
	if (flags & WIRE_STATS_PROFILE)
		agent_prof_put(o);
}

void agent_handle(struct agent_client *cl, const struct wire_msg *m,
		  struct wire_out *o, struct wire_call *call_out)
{
	struct wire_in in;

	wire_in_init(&in, m->buf, m->len);
	if (m->type != WIRE_HELLO && !cl->greeted) {
		REFUSE(o, cl, VACCEL_EINVAL, "%s before HELLO",
		       wire_frame_type_str(m->type));
		return;
	}
	switch (m->type) {
	case WIRE_HELLO:
		hello(cl, &in, o);
		break;
	case WIRE_CALL:
		call(cl, m, &in, o, call_out);
		break;
	case WIRE_SESSION_INIT:
		session_init(cl, &in, o);
		break;
	case WIRE_SESSION_RELEASE:
		session_release(cl, &in, o);
		break;
	case WIRE_RESOURCE_FIND:
		resource_find(cl, &in, o);
		break;
	case WIRE_RESOURCE_UPLOAD:
		resource_upload(cl, &in, o);
		break;
	case WIRE_RESOURCE_REGISTER:
		resource_register(cl, &in, o, true);
		break;
	case WIRE_RESOURCE_UNREGISTER:
		resource_register(cl, &in, o, false);
		break;
	case WIRE_RESOURCE_RELEASE:
		resource_release(cl, &in, o);
		break;
	case WIRE_STATS:
		stats(cl, &in, o);
		break;
	case WIRE_SHM_ATTACH:
		agent_shm_attach(cl, m, &in, o);
		break;
	default:
		REFUSE(o, cl, VACCEL_EINVAL, "unknown frame type %u", m->type);
		break;
	}
}

void agent_client_release_all(struct agent_client *cl)
{
	pthread_mutex_lock(&cl->lock);
	for (size_t i = 0; i < cl->nr_sessions; i++) {
		vaccel_session_delete(cl->sessions[i].sess);
		agent_stats.sessions--;
	}
	agent_stats.resources -= (long)cl->nr_resources;
	if (cl->nr_sessions || cl->nr_resources)
		vaccel_log(VACCEL_LOG_INFO,
			   "agent: client %ld (%s) gone: released %zu "
			   "sessions and %zu resource handles",
			   cl->id, cl->peer, cl->nr_sessions, cl->nr_resources);
	free(cl->sessions);
	free(cl->resources);
	free(cl->regs);
	agent_shm_release(cl);
	cl->sessions = NULL;
	cl->resources = NULL;
	cl->regs = NULL;
	cl->nr_regs = 0;
	cl->nr_sessions = cl->nr_resources = 0;
	pthread_mutex_unlock(&cl->lock);
}

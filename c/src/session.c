/* Sessions: ids, the live-session registry, plugin session hooks, and
 * lookups of the resources registered to a session. */

#include "internal.h"
#include "new_delete.h"
#include "vaccel/log.h"
#include "vaccel/session.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Live sessions, for lookups by id. Few per process: a list suffices. */
struct session_node {
	struct vaccel_session *sess;
	struct session_node *next;
};

static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;
static struct session_node *sessions;
static atomic_llong next_session_id = 1;

bool vaccel_session_valid(const struct vaccel_session *sess)
{
	return sess && sess->magic == VACCEL_SESSION_MAGIC;
}

static int track(struct vaccel_session *sess)
{
	struct session_node *n = malloc(sizeof(*n));

	if (!n)
		return VACCEL_ENOMEM;
	n->sess = sess;
	pthread_mutex_lock(&sessions_lock);
	n->next = sessions;
	sessions = n;
	pthread_mutex_unlock(&sessions_lock);
	return VACCEL_OK;
}

/* True when `sess` is in the live list: initialised and not released. */
static bool tracked(const struct vaccel_session *sess)
{
	bool found = false;

	pthread_mutex_lock(&sessions_lock);
	for (struct session_node *n = sessions; n && !found; n = n->next)
		found = n->sess == sess;
	pthread_mutex_unlock(&sessions_lock);
	return found;
}

static void untrack(struct vaccel_session *sess)
{
	pthread_mutex_lock(&sessions_lock);
	for (struct session_node **p = &sessions; *p; p = &(*p)->next) {
		if ((*p)->sess == sess) {
			struct session_node *dead = *p;

			*p = dead->next;
			free(dead);
			break;
		}
	}
	pthread_mutex_unlock(&sessions_lock);
}

int vaccel_session_init(struct vaccel_session *sess, uint32_t flags)
{
	int ret;

	if (!sess) {
		vaccel_error("vaccel_session_init: sess is NULL");
		return VACCEL_EINVAL;
	}
	if (flags & ~(uint32_t)VACCEL_PLUGIN_ALL) {
		vaccel_error("vaccel_session_init: flags 0x%x has bits outside "
			     "VACCEL_PLUGIN_ALL (0x%x)",
			     flags, (unsigned)VACCEL_PLUGIN_ALL);
		return VACCEL_EINVAL;
	}
	ret = vaccel_runtime_ready();
	if (ret)
		return ret;
	/* Initialising a live session again would list it twice and leave a
	 * dangling entry after release. EINVAL, as vAccel answers misuse of
	 * an object's state. */
	if (tracked(sess)) {
		vaccel_error("vaccel_session_init: session %lld is live; "
			     "release it before initialising it again",
			     (long long)sess->id);
		return VACCEL_EINVAL;
	}

	memset(sess, 0, sizeof(*sess));
	sess->id = atomic_fetch_add(&next_session_id, 1);
	sess->hint = flags;
	vaccel_plugins_session_route(sess);
	ret = vaccel_plugins_session_hook(sess, true);
	if (ret)
		return ret;
	ret = track(sess);
	if (ret) {
		vaccel_plugins_session_hook(sess, false);
		return ret;
	}
	sess->magic = VACCEL_SESSION_MAGIC;
	vaccel_debug("session %lld created (hints 0x%x, plugin %s%s)",
		     (long long)sess->id, flags,
		     sess->plugin ? sess->plugin->info->name : "none",
		     sess->is_virtio ? ", remote" : "");
	return VACCEL_OK;
}

int vaccel_session_release(struct vaccel_session *sess)
{
	if (!vaccel_session_valid(sess)) {
		vaccel_error("vaccel_session_release: %s",
			     sess ? "session is not initialised or already "
				    "released"
				  : "sess is NULL");
		return VACCEL_EINVAL;
	}
	sess->magic = 0;
	untrack(sess);
	/* Plugins drop what they cached for its resources before they see
	 * the session go. */
	vaccel_resources_session_released(sess);
	vaccel_shared_session_released(sess);
	vaccel_plugins_session_hook(sess, false);
	vaccel_debug("session %lld released", (long long)sess->id);
	sess->hint = 0;
	sess->priv = NULL;
	sess->plugin = NULL;
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_session_new, vaccel_session_init,
		  struct vaccel_session, (uint32_t flags), (flags))
VACCEL_DEFINE_DELETE(vaccel_session_delete, vaccel_session_release,
		     struct vaccel_session)

int vaccel_session_get_by_id(struct vaccel_session **sess, vaccel_id_t id)
{
	int ret = VACCEL_ENOENT;

	if (!sess)
		return VACCEL_EINVAL;
	pthread_mutex_lock(&sessions_lock);
	for (struct session_node *n = sessions; n; n = n->next) {
		if (n->sess->id == id) {
			*sess = n->sess;
			ret = VACCEL_OK;
			break;
		}
	}
	pthread_mutex_unlock(&sessions_lock);
	return ret;
}

void vaccel_sessions_report_leaks(void)
{
	size_t n = 0;

	pthread_mutex_lock(&sessions_lock);
	for (struct session_node *s = sessions; s; s = s->next)
		n++;
	pthread_mutex_unlock(&sessions_lock);
	if (n)
		vaccel_debug("cleanup: %zu session(s) still open", n);
}

bool vaccel_session_has_resource(struct vaccel_session *sess,
				 struct vaccel_resource *res)
{
	return vaccel_session_valid(sess) && res &&
	       vaccel_resource_registered(res, sess);
}

/* NULL and released sessions are VACCEL_EINVAL for every lookup. */
static int check_session(const char *fn, const struct vaccel_session *sess)
{
	if (vaccel_session_valid(sess))
		return VACCEL_OK;
	vaccel_error("%s: %s", fn,
		     sess ? "the session is not initialised or was released"
			  : "sess is NULL");
	return VACCEL_EINVAL;
}

int vaccel_session_resource_by_id(struct vaccel_session *sess,
				  struct vaccel_resource **res, vaccel_id_t id)
{
	const char *fn = "vaccel_session_resource_by_id";

	if (check_session(fn, sess))
		return VACCEL_EINVAL;
	if (id <= 0) {
		vaccel_error("%s: bad id %lld", fn, (long long)id);
		return VACCEL_EINVAL;
	}
	return vaccel_resource_lookup(fn, sess, -1, id, res, NULL, NULL);
}

int vaccel_session_resource_by_type(struct vaccel_session *sess,
				    struct vaccel_resource **res,
				    vaccel_resource_type_t type)
{
	const char *fn = "vaccel_session_resource_by_type";

	if (check_session(fn, sess) || vaccel_resource_check_type(fn, type))
		return VACCEL_EINVAL;
	return vaccel_resource_lookup(fn, sess, (int)type, 0, res, NULL, NULL);
}

int vaccel_session_resources_by_type(struct vaccel_session *sess,
				     struct vaccel_resource ***resources,
				     size_t *nr_found,
				     vaccel_resource_type_t type)
{
	const char *fn = "vaccel_session_resources_by_type";

	if (check_session(fn, sess) || vaccel_resource_check_type(fn, type))
		return VACCEL_EINVAL;
	return vaccel_resource_lookup(fn, sess, (int)type, 0, NULL, resources,
				      nr_found);
}

/* The live resources and their registrations to sessions. One lock covers
 * both: registrations change rarely, lookups (every op call checks one) take
 * it shared. Plugin hooks run after the lock is dropped.
 *
 * An op call pins the registrations of the resources it was given for as
 * long as it runs. Unregistering (and releasing, which unregisters) takes
 * the registration away at once, so no new call can use it, then waits for
 * the calls still pinning it before the plugins' resource_unregister hooks
 * run. So a running call can never re-populate a plugin's cache for the
 * resource after the hook dropped it, nor see its files go. */

#include "internal.h"
#include "vaccel/log.h"
#include "vaccel/resource.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct registration {
	struct vaccel_resource *res;
	struct vaccel_session *sess;
	unsigned long pins; /* running calls using it; under pin_lock */
	struct registration *next_taken;
};

static pthread_rwlock_t reg_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t pin_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t unpinned = PTHREAD_COND_INITIALIZER;
/* The registrations this thread pins: an op that unregisters its own
 * resource must not wait for itself. Deeper nesting is not tracked. */
#define MAX_HELD 8
static _Thread_local struct registration *held[MAX_HELD];
static _Thread_local size_t nr_held;
/* Both in creation / registration order: "the first of a type" is the
 * oldest. */
static struct live_entry {
	struct vaccel_resource *res;
	/* Copied: the leak report must not read resources the application
	 * freed without releasing them. */
	vaccel_id_t id;
} * live;
static size_t nr_live, cap_live;
static struct registration **regs;
static size_t nr_regs, cap_regs;

bool vaccel_resource_valid(const struct vaccel_resource *res)
{
	return res && res->magic == VACCEL_RESOURCE_MAGIC;
}

int vaccel_resource_check_type(const char *fn, vaccel_resource_type_t type)
{
	if ((unsigned)type < VACCEL_RESOURCE_MAX)
		return VACCEL_OK;
	vaccel_error("%s: %d is not a resource type", fn, (int)type);
	return VACCEL_EINVAL;
}

static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap * 2 : 16;
	void *p;

	if (need <= *cap)
		return VACCEL_OK;
	p = realloc(*arr, n * elem);
	if (!p)
		return VACCEL_ENOMEM;
	*arr = p;
	*cap = n;
	return VACCEL_OK;
}

bool vaccel_resource_live(const struct vaccel_resource *res)
{
	bool found = false;

	pthread_rwlock_rdlock(&reg_lock);
	for (size_t i = 0; i < nr_live && !found; i++)
		found = live[i].res == res;
	pthread_rwlock_unlock(&reg_lock);
	return found;
}

int vaccel_resources_track(struct vaccel_resource *res)
{
	int ret;

	pthread_rwlock_wrlock(&reg_lock);
	ret = grow((void **)&live, &cap_live, nr_live + 1, sizeof(*live));
	if (!ret) {
		live[nr_live].res = res;
		live[nr_live++].id = res->id;
		res->refcount = 0;
		res->magic = VACCEL_RESOURCE_MAGIC;
	}
	pthread_rwlock_unlock(&reg_lock);
	return ret;
}

/* Removes the registrations matching `res` and/or `sess` (NULL: any) and
 * returns them as a list so the caller can tell the plugins. Caller holds
 * the write lock. */
static struct registration *take_locked(const struct vaccel_resource *res,
					const struct vaccel_session *sess)
{
	struct registration *taken = NULL, **tail = &taken;
	size_t kept = 0;

	for (size_t i = 0; i < nr_regs; i++) {
		struct registration *r = regs[i];

		if ((!res || r->res == res) && (!sess || r->sess == sess)) {
			r->res->refcount--;
			r->next_taken = NULL;
			*tail = r;
			tail = &r->next_taken;
		} else {
			regs[kept++] = r;
		}
	}
	nr_regs = kept;
	return taken;
}

static unsigned long held_by_me(const struct registration *r)
{
	unsigned long n = 0;

	for (size_t i = 0; i < nr_held; i++)
		n += held[i] == r;
	return n;
}

/* Waits for the calls pinning each taken registration, tells the plugins,
 * frees it. */
static void tell_plugins(struct registration *taken)
{
	while (taken) {
		struct registration *r = taken;
		unsigned long mine = held_by_me(r);

		taken = r->next_taken;
		pthread_mutex_lock(&pin_lock);
		while (r->pins > mine)
			pthread_cond_wait(&unpinned, &pin_lock);
		pthread_mutex_unlock(&pin_lock);
		vaccel_debug("session %lld: unregistered resource %lld",
			     (long long)r->sess->id, (long long)r->res->id);
		vaccel_plugins_resource_unregistered(r->res, r->sess);
		/* A call of this thread still pinning it unpins it later. */
		if (!mine)
			free(r);
		else
			r->res = NULL;
	}
}

int vaccel_resources_untrack(struct vaccel_resource *res)
{
	struct registration *taken;

	pthread_rwlock_wrlock(&reg_lock);
	if (!vaccel_resource_valid(res)) {
		pthread_rwlock_unlock(&reg_lock);
		return VACCEL_EINVAL;
	}
	res->magic = 0;
	for (size_t i = 0; i < nr_live; i++) {
		if (live[i].res == res) {
			memmove(&live[i], &live[i + 1],
				(nr_live - i - 1) * sizeof(*live));
			nr_live--;
			break;
		}
	}
	taken = take_locked(res, NULL);
	res->refcount = 0;
	pthread_rwlock_unlock(&reg_lock);
	tell_plugins(taken);
	return VACCEL_OK;
}

void vaccel_resources_session_released(struct vaccel_session *sess)
{
	struct registration *taken;

	pthread_rwlock_wrlock(&reg_lock);
	taken = take_locked(NULL, sess);
	pthread_rwlock_unlock(&reg_lock);
	tell_plugins(taken);
}

static struct registration *
registration_find_locked(const struct vaccel_resource *res,
			 const struct vaccel_session *sess)
{
	for (size_t i = 0; i < nr_regs; i++)
		if (regs[i]->res == res && regs[i]->sess == sess)
			return regs[i];
	return NULL;
}

bool vaccel_resource_registered(const struct vaccel_resource *res,
				const struct vaccel_session *sess)
{
	bool found;

	pthread_rwlock_rdlock(&reg_lock);
	found = registration_find_locked(res, sess) != NULL;
	pthread_rwlock_unlock(&reg_lock);
	return found;
}

static bool live_locked(const struct vaccel_resource *res)
{
	for (size_t i = 0; i < nr_live; i++)
		if (live[i].res == res)
			return true;
	return false;
}

/* Checks and pins under the lock, reading the resource only once it is
 * known to be live: a release in another thread clears it (without the
 * lock) only after taking it out of the lists (with it). */
int vaccel_resource_pin(const struct vaccel_resource *res,
			const struct vaccel_session *sess, int type,
			const char *fn, const char *param,
			struct registration **out)
{
	struct registration *r;
	vaccel_resource_type_t have = VACCEL_RESOURCE_MAX;
	vaccel_id_t id = 0;
	int ret = VACCEL_OK;

	pthread_rwlock_rdlock(&reg_lock);
	r = registration_find_locked(res, sess);
	if (!r && !live_locked(res)) {
		ret = VACCEL_EINVAL;
	} else {
		id = res->id;
		have = res->type;
		if (type >= 0 && (int)have != type)
			ret = VACCEL_EINVAL;
		else if (!r)
			ret = VACCEL_EPERM;
	}
	if (!ret) {
		pthread_mutex_lock(&pin_lock);
		r->pins++;
		pthread_mutex_unlock(&pin_lock);
		if (nr_held < MAX_HELD)
			held[nr_held++] = r;
		*out = r;
	}
	pthread_rwlock_unlock(&reg_lock);
	if (ret == VACCEL_EPERM)
		vaccel_error("%s: resource %lld is not registered to session "
			     "%lld",
			     fn, (long long)id, (long long)sess->id);
	else if (ret && have == VACCEL_RESOURCE_MAX)
		vaccel_error("%s: the resource in '%s' is not initialised or "
			     "was released",
			     fn, param);
	else if (ret)
		vaccel_error(
		    "%s: resource %lld in '%s' has type %s; the op "
		    "needs %s",
		    fn, (long long)id, param, vaccel_resource_type_to_str(have),
		    vaccel_resource_type_to_str((vaccel_resource_type_t)type));
	return ret;
}

void vaccel_resource_unpin(struct registration *r)
{
	bool orphan;

	for (size_t i = nr_held; i-- > 0;) {
		if (held[i] == r) {
			held[i] = held[--nr_held];
			break;
		}
	}
	pthread_mutex_lock(&pin_lock);
	orphan = --r->pins == 0 && !r->res;
	pthread_cond_broadcast(&unpinned);
	pthread_mutex_unlock(&pin_lock);
	/* Unregistered by this thread's own op: nobody waits to free it. */
	if (orphan)
		free(r);
}

/* Logs and returns VACCEL_EINVAL unless both objects are live. */
static int check_pair(const char *fn, const struct vaccel_resource *res,
		      const struct vaccel_session *sess)
{
	if (!res || !sess) {
		vaccel_error("%s: %s is NULL", fn, res ? "sess" : "res");
		return VACCEL_EINVAL;
	}
	if (!vaccel_resource_valid(res)) {
		vaccel_error("%s: the resource is not initialised or was "
			     "released",
			     fn);
		return VACCEL_EINVAL;
	}
	if (!vaccel_session_valid(sess)) {
		vaccel_error("%s: the session is not initialised or was "
			     "released",
			     fn);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

int vaccel_resource_register(struct vaccel_resource *res,
			     struct vaccel_session *sess)
{
	struct registration *node = NULL;
	int ret = check_pair("vaccel_resource_register", res, sess);

	if (ret)
		return ret;
	pthread_rwlock_wrlock(&reg_lock);
	/* Re-checked under the lock: a release may have won the race. */
	ret = check_pair("vaccel_resource_register", res, sess);
	if (!ret && registration_find_locked(res, sess)) {
		vaccel_error("vaccel_resource_register: resource %lld is "
			     "already registered to session %lld",
			     (long long)res->id, (long long)sess->id);
		ret = VACCEL_EEXIST;
	}
	if (!ret)
		ret =
		    grow((void **)&regs, &cap_regs, nr_regs + 1, sizeof(*regs));
	if (!ret && !(node = calloc(1, sizeof(*node))))
		ret = VACCEL_ENOMEM;
	if (!ret) {
		node->res = res;
		node->sess = sess;
		regs[nr_regs++] = node;
		res->refcount++;
	}
	pthread_rwlock_unlock(&reg_lock);
	if (ret)
		return ret;
	vaccel_debug("session %lld: registered resource %lld",
		     (long long)sess->id, (long long)res->id);
	ret = vaccel_plugins_resource_registered(res, sess);
	if (ret)
		vaccel_resource_unregister(res, sess);
	return ret;
}

int vaccel_resource_unregister(struct vaccel_resource *res,
			       struct vaccel_session *sess)
{
	struct registration *taken = NULL;
	int ret = check_pair("vaccel_resource_unregister", res, sess);

	if (ret)
		return ret;
	pthread_rwlock_wrlock(&reg_lock);
	if (registration_find_locked(res, sess))
		taken = take_locked(res, sess);
	else
		ret = VACCEL_EINVAL;
	pthread_rwlock_unlock(&reg_lock);
	if (ret) {
		vaccel_error("vaccel_resource_unregister: resource %lld is not "
			     "registered to session %lld",
			     (long long)res->id, (long long)sess->id);
		return ret;
	}
	tell_plugins(taken);
	return VACCEL_OK;
}

int vaccel_resource_sync(struct vaccel_resource *res,
			 struct vaccel_session *sess)
{
	int ret = check_pair("vaccel_resource_sync", res, sess);

	if (ret)
		return ret;
	if (!vaccel_resource_registered(res, sess)) {
		vaccel_error("vaccel_resource_sync: resource %lld is not "
			     "registered to session %lld",
			     (long long)res->id, (long long)sess->id);
		return VACCEL_EPERM;
	}
	/* A local session works on the resource itself: nothing to copy.
	 * The rpc transport re-sends the buffers of remote copies here. */
	return VACCEL_OK;
}

long int vaccel_resource_refcount(const struct vaccel_resource *res)
{
	long n;

	pthread_rwlock_rdlock(&reg_lock);
	n = vaccel_resource_valid(res) ? res->refcount : -VACCEL_EINVAL;
	pthread_rwlock_unlock(&reg_lock);
	if (n < 0)
		vaccel_error("vaccel_resource_refcount: %s",
			     res ? "the resource is not initialised or was "
				   "released"
				 : "res is NULL");
	return n;
}

long int vaccel_resource_sessions(const struct vaccel_resource *res)
{
	long n;

	if (!res)
		return 0;
	pthread_rwlock_rdlock(&reg_lock);
	n = (long)res->refcount;
	pthread_rwlock_unlock(&reg_lock);
	return n;
}

/* Collects the resources matching `sess` (NULL: the live list, else the
 * session's registrations) and `type` (-1: any) and `id` (0: any). With
 * `out` NULL only counts; else stores up to `max`. Caller holds the lock. */
static size_t collect_locked(const struct vaccel_session *sess, int type,
			     vaccel_id_t id, struct vaccel_resource **out,
			     size_t max)
{
	size_t n = 0, total = sess ? nr_regs : nr_live;

	for (size_t i = 0; i < total; i++) {
		struct vaccel_resource *r = sess ? regs[i]->res : live[i].res;

		if (sess && regs[i]->sess != sess)
			continue;
		if ((type >= 0 && (int)r->type != type) || (id && r->id != id))
			continue;
		if (out && n < max)
			out[n] = r;
		n++;
		if (out && n == max)
			break;
	}
	return n;
}

/* The lookups behind the get_* and session_resource* functions. With
 * `all` the matches go to a malloc'ed *all_out (count in *nr_found). */
int vaccel_resource_lookup(const char *fn, const struct vaccel_session *sess,
			   int type, vaccel_id_t id,
			   struct vaccel_resource **one,
			   struct vaccel_resource ***all_out, size_t *nr_found)
{
	int ret = VACCEL_OK;
	size_t n;

	if ((!one && !all_out) || (all_out && !nr_found)) {
		vaccel_error("%s: an output pointer is NULL", fn);
		return VACCEL_EINVAL;
	}
	if (sess && !vaccel_session_valid(sess)) {
		vaccel_error("%s: the session is not initialised or was "
			     "released",
			     fn);
		return VACCEL_EINVAL;
	}
	if (nr_found)
		*nr_found = 0;
	pthread_rwlock_rdlock(&reg_lock);
	if (one) {
		n = collect_locked(sess, type, id, one, 1);
	} else {
		n = collect_locked(sess, type, id, NULL, 0);
		*all_out = n ? malloc(n * sizeof(**all_out)) : NULL;
		if (n && !*all_out)
			ret = VACCEL_ENOMEM;
		else
			*nr_found = collect_locked(sess, type, id, *all_out, n);
	}
	pthread_rwlock_unlock(&reg_lock);
	if (!ret && n == 0)
		ret = VACCEL_ENOENT;
	return ret;
}

void vaccel_resources_report_leaks(void)
{
	char ids[256];
	size_t used = 0, n;

	ids[0] = '\0';
	pthread_rwlock_rdlock(&reg_lock);
	n = nr_live;
	for (size_t i = 0; i < nr_live && used < sizeof(ids); i++)
		used +=
		    (size_t)snprintf(ids + used, sizeof(ids) - used, "%s%lld",
				     i ? ", " : "", (long long)live[i].id);
	pthread_rwlock_unlock(&reg_lock);
	if (n)
		vaccel_debug("cleanup: %zu resource(s) still alive (ids %s%s)",
			     n, ids, used >= sizeof(ids) ? "..." : "");
}

int vaccel_resource_get_by_id(struct vaccel_resource **res, vaccel_id_t id)
{
	int ret;

	if (id <= 0) {
		vaccel_error("vaccel_resource_get_by_id: bad id %lld",
			     (long long)id);
		return VACCEL_EINVAL;
	}
	ret = vaccel_resource_lookup("vaccel_resource_get_by_id", NULL, -1, id,
				     res, NULL, NULL);
	if (ret == VACCEL_ENOENT)
		vaccel_debug("vaccel_resource_get_by_id: no resource %lld",
			     (long long)id);
	return ret;
}

int vaccel_resource_get_by_type(struct vaccel_resource **res,
				vaccel_resource_type_t type)
{
	if (vaccel_resource_check_type("vaccel_resource_get_by_type", type))
		return VACCEL_EINVAL;
	return vaccel_resource_lookup("vaccel_resource_get_by_type", NULL,
				      (int)type, 0, res, NULL, NULL);
}

int vaccel_resource_get_all_by_type(struct vaccel_resource ***res,
				    size_t *nr_found,
				    vaccel_resource_type_t type)
{
	if (vaccel_resource_check_type("vaccel_resource_get_all_by_type", type))
		return VACCEL_EINVAL;
	return vaccel_resource_lookup("vaccel_resource_get_all_by_type", NULL,
				      (int)type, 0, NULL, res, nr_found);
}

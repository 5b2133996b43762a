/* Copied from c/include/vaccel/plugin_cache.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Plugin SDK: a table of per-resource objects (a loaded model, an opened
 * library) that backends keep instead of res->plugin_priv, which is one
 * slot shared by every plugin.
 *
 * Each object embeds a struct vaccel_plugin_cache_entry. The table holds
 * one reference, each user one more (get/put), and the last put frees the
 * object through the table's free function, so removing an entry while
 * calls still use it is safe. Header-only, like the rest of the SDK.
 *
 * Remove an object in the descriptor's resource_unregister hook. The
 * runtime runs that hook only after every op call given the resource in
 * that session has returned, and refuses such calls from the moment the
 * unregister starts, so no call can add the object back after the hook
 * removed it (the race would leak it until fini).
 *
 *   struct my_model { struct vaccel_plugin_cache_entry entry; ... };
 *   static void my_free(struct vaccel_plugin_cache_entry *e) { ... }
 *   static struct vaccel_plugin_cache models =
 *       VACCEL_PLUGIN_CACHE_INIT(my_free);
 */

#include "vaccel/error.h"
#include "vaccel/types.h"

#include <pthread.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vaccel_plugin_cache_entry {
	struct vaccel_plugin_cache_entry *next;
	vaccel_id_t res_id;
	/* One for the table, one per user: the last put frees. */
	unsigned long refs;
};

struct vaccel_plugin_cache {
	pthread_mutex_t lock;
	struct vaccel_plugin_cache_entry *head;
	void (*free_entry)(struct vaccel_plugin_cache_entry *entry);
};

#define VACCEL_PLUGIN_CACHE_INIT(free_fn)                                      \
	{                                                                      \
		PTHREAD_MUTEX_INITIALIZER, NULL, free_fn                       \
	}

/* The object holding entry `e` (of member `member` in `type`). */
#define vaccel_plugin_cache_obj(e, type, member)                               \
	((type *)(void *)((char *)(e)-offsetof(type, member)))

/* Prepares a new object's entry: one reference, the caller's. */
static inline void
vaccel_plugin_cache_entry_init(struct vaccel_plugin_cache_entry *e,
			       vaccel_id_t res_id)
{
	e->next = NULL;
	e->res_id = res_id;
	e->refs = 1;
}

/* Lists `e` under its resource id; the caller's reference becomes the
 * table's. VACCEL_EEXIST when the resource already has an entry. */
static inline int vaccel_plugin_cache_add(struct vaccel_plugin_cache *c,
					  struct vaccel_plugin_cache_entry *e)
{
	int ret = VACCEL_OK;

	pthread_mutex_lock(&c->lock);
	for (struct vaccel_plugin_cache_entry *p = c->head; p; p = p->next)
		if (p->res_id == e->res_id)
			ret = VACCEL_EEXIST;
	if (!ret) {
		e->next = c->head;
		c->head = e;
	}
	pthread_mutex_unlock(&c->lock);
	return ret;
}

/* The entry of `res_id` with one more reference, or NULL. */
static inline struct vaccel_plugin_cache_entry *
vaccel_plugin_cache_get(struct vaccel_plugin_cache *c, vaccel_id_t res_id)
{
	struct vaccel_plugin_cache_entry *e;

	pthread_mutex_lock(&c->lock);
	for (e = c->head; e && e->res_id != res_id; e = e->next)
		;
	if (e)
		e->refs++;
	pthread_mutex_unlock(&c->lock);
	return e;
}

/* Drops a reference; the last one frees the object. */
static inline void vaccel_plugin_cache_put(struct vaccel_plugin_cache *c,
					   struct vaccel_plugin_cache_entry *e)
{
	unsigned long left;

	pthread_mutex_lock(&c->lock);
	left = --e->refs;
	pthread_mutex_unlock(&c->lock);
	if (!left)
		c->free_entry(e);
}

/* Unlists the entry of `res_id` and drops the table's reference (users
 * keep theirs). VACCEL_ENOENT when there is none. */
static inline int vaccel_plugin_cache_remove(struct vaccel_plugin_cache *c,
					     vaccel_id_t res_id)
{
	struct vaccel_plugin_cache_entry **pp, *e = NULL;

	pthread_mutex_lock(&c->lock);
	for (pp = &c->head; *pp; pp = &(*pp)->next) {
		if ((*pp)->res_id == res_id) {
			e = *pp;
			*pp = e->next;
			break;
		}
	}
	pthread_mutex_unlock(&c->lock);
	if (!e)
		return VACCEL_ENOENT;
	vaccel_plugin_cache_put(c, e);
	return VACCEL_OK;
}

/* Unlists every entry (at plugin fini). */
static inline void vaccel_plugin_cache_clear(struct vaccel_plugin_cache *c)
{
	struct vaccel_plugin_cache_entry *e;

	pthread_mutex_lock(&c->lock);
	e = c->head;
	c->head = NULL;
	pthread_mutex_unlock(&c->lock);
	while (e) {
		struct vaccel_plugin_cache_entry *next = e->next;

		vaccel_plugin_cache_put(c, e);
		e = next;
	}
}

#ifdef __cplusplus
}
#endif

/* Test plugin "slowcache": its exec_with_resource waits 30 ms, then caches
 * an object for the resource in a vaccel/plugin_cache.h table, which its
 * resource_unregister hook empties. An unregister that came during the
 * wait must still leave the table empty: its noop op returns the number of
 * objects alive (0: VACCEL_OK). */

#define _POSIX_C_SOURCE 200809L
#include <vaccel/plugin.h>
#include <vaccel/plugin_cache.h>

#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

struct obj {
	struct vaccel_plugin_cache_entry entry;
};

static atomic_int alive;

static void obj_free(struct vaccel_plugin_cache_entry *e)
{
	free(vaccel_plugin_cache_obj(e, struct obj, entry));
	atomic_fetch_sub(&alive, 1);
}

static struct vaccel_plugin_cache cache = VACCEL_PLUGIN_CACHE_INIT(obj_free);

static int slow_count(struct vaccel_session *sess)
{
	(void)sess;
	return atomic_load(&alive);
}

static int slow_exec(struct vaccel_session *sess, struct vaccel_resource *res,
		     const char *fn, struct vaccel_arg *read, size_t nr_read,
		     struct vaccel_arg *write, size_t nr_write)
{
	struct timespec ts = {0, 30 * 1000 * 1000};
	struct vaccel_plugin_cache_entry *e;
	struct obj *o;

	(void)sess;
	(void)fn;
	(void)read;
	(void)nr_read;
	(void)write;
	(void)nr_write;
	nanosleep(&ts, NULL);
	e = vaccel_plugin_cache_get(&cache, res->id);
	if (!e) {
		o = malloc(sizeof(*o));
		if (!o)
			return VACCEL_ENOMEM;
		atomic_fetch_add(&alive, 1);
		vaccel_plugin_cache_entry_init(&o->entry, res->id);
		if (vaccel_plugin_cache_add(&cache, &o->entry)) {
			obj_free(&o->entry);
			return VACCEL_OK;
		}
		e = vaccel_plugin_cache_get(&cache, res->id);
	}
	if (e)
		vaccel_plugin_cache_put(&cache, e);
	return VACCEL_OK;
}

static void slow_unregister(struct vaccel_resource *res,
			    struct vaccel_session *sess)
{
	(void)sess;
	if (vaccel_plugin_host->resource_refcount(res) <= 0)
		vaccel_plugin_cache_remove(&cache, res->id);
}

static int slow_fini(void)
{
	vaccel_plugin_cache_clear(&cache);
	return VACCEL_OK;
}

static const struct vaccel_op ops[] = {
    VACCEL_PLUGIN_OP(exec_with_resource, slow_exec),
    VACCEL_PLUGIN_OP(noop, slow_count),
};

VACCEL_PLUGIN(.name = "slowcache", .version = "1.0", .type = VACCEL_PLUGIN_CPU,
	      .ops = ops, .nr_ops = 2, .fini = slow_fini,
	      .resource_unregister = slow_unregister);

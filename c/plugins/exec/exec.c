/* The exec plugin: loads a user's shared library and calls one of its
 * functions as
 *   int fn(struct vaccel_arg *read, size_t nr_read,
 *          struct vaccel_arg *write, size_t nr_write);
 * exec names the library by path; exec_with_resource takes it from a LIB
 * resource (files or in-memory bytes). Libraries stay open in a cache
 * unless VACCEL_EXEC_DLCLOSE_ENABLED says otherwise. See docs/exec.md. */

#include "exec.h"

#include <vaccel/helpers/env.h>

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef int (*exec_fn)(struct vaccel_arg *read, size_t nr_read,
		       struct vaccel_arg *write, size_t nr_write);

#define DLOPEN_MODE_ENV "VACCEL_EXEC_DLOPEN_MODE"
#define DLCLOSE_ENV "VACCEL_EXEC_DLCLOSE_ENABLED"
/* vAccel's older name for DLCLOSE_ENV. */
#define DLCLOSE_OLD_ENV "VACCEL_EXEC_DLCLOSE"

static bool dlclose_enabled;

/* Guards the exec cache and every resource's plugin_priv. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* exec's libraries by the name they were asked for, open until fini. */
struct cached_lib {
	struct cached_lib *next;
	void *handle;
	char name[];
};
static struct cached_lib *cache;

/* A resource's loaded libraries (its plugin_priv): dependencies first,
 * the library whose function is called last. `refs`: one for the resource,
 * one per running call, so unregistering never unloads under a call. */
struct res_libs {
	unsigned long refs;
	size_t nr;
	void *handles[];
};

/* ---- configuration ------------------------------------------------- */

static int parse_mode(void)
{
	const char *v = getenv(DLOPEN_MODE_ENV);

	exec_dlopen_mode = RTLD_LAZY;
	if (!v || !strcasecmp(v, "lazy"))
		return VACCEL_OK;
	if (!strcasecmp(v, "now")) {
		exec_dlopen_mode = RTLD_NOW;
		return VACCEL_OK;
	}
	vaccel_plugin_error("%s is '%s'; expected 'lazy' or 'now'",
			    DLOPEN_MODE_ENV, v);
	return VACCEL_EINVAL;
}

static int parse_dlclose(void)
{
	const char *name = DLCLOSE_ENV, *v = getenv(DLCLOSE_ENV);

	if (!v && (v = getenv(DLCLOSE_OLD_ENV))) {
		vaccel_plugin_warn("%s is deprecated; use %s", DLCLOSE_OLD_ENV,
				   DLCLOSE_ENV);
		name = DLCLOSE_OLD_ENV;
	}
	if (!vaccel_parse_bool(v, false, &dlclose_enabled))
		return VACCEL_OK;
	vaccel_plugin_error("%s is '%s'; expected %s", name, v,
			    VACCEL_BOOL_WORDS);
	return VACCEL_EINVAL;
}

static int exec_init(void)
{
	int ret = parse_mode();

	if (!ret)
		ret = parse_dlclose();
	if (!ret)
		vaccel_plugin_debug("dlopen mode %s, dlclose after each call "
				    "%s",
				    exec_dlopen_mode == RTLD_NOW ? "now"
								 : "lazy",
				    dlclose_enabled ? "on" : "off");
	return ret;
}

static int exec_fini(void)
{
	struct cached_lib *c, *next;

	pthread_mutex_lock(&lock);
	for (c = cache; c; c = next) {
		next = c->next;
		exec_close(c->handle, c->name);
		free(c);
	}
	cache = NULL;
	pthread_mutex_unlock(&lock);
	return VACCEL_OK;
}

/* ---- calling ------------------------------------------------------- */

static int call(void *handle, const char *library, const char *fn_symbol,
		struct vaccel_arg *read, size_t nr_read,
		struct vaccel_arg *write, size_t nr_write)
{
	exec_fn fn;
	void *sym;
	int ret;

	dlerror();
	sym = dlsym(handle, fn_symbol);
	if (!sym) {
		const char *err = dlerror();

		vaccel_plugin_error("library %s has no function %s: %s",
				    library, fn_symbol,
				    err ? err : "the symbol is NULL");
		return VACCEL_ENOSYS;
	}
	/* The args belong to the called function: the log names their
	 * counts only and never reads them. */
	vaccel_plugin_debug("%s: %zu read args, %zu write args", fn_symbol,
			    nr_read, nr_write);
	fn = (exec_fn)sym;
	ret = fn(read, nr_read, write, nr_write);
	if (ret) {
		vaccel_plugin_error("%s() of %s returned %d", fn_symbol,
				    library, ret);
		return VACCEL_EBACKEND;
	}
	return VACCEL_OK;
}

/* The cached handle of `library`, opening it on first use. */
static void *cached_open(const char *library)
{
	struct cached_lib *c;
	size_t len = strlen(library);
	void *h = NULL;

	pthread_mutex_lock(&lock);
	for (c = cache; c; c = c->next)
		if (!strcmp(c->name, library)) {
			h = c->handle;
			goto out;
		}
	c = malloc(sizeof(*c) + len + 1);
	if (!c) {
		vaccel_plugin_error("out of memory");
		goto out;
	}
	h = exec_open_path(library, exec_dlopen_mode);
	if (!h) {
		free(c);
		goto out;
	}
	c->handle = h;
	memcpy(c->name, library, len + 1);
	c->next = cache;
	cache = c;
out:
	pthread_mutex_unlock(&lock);
	return h;
}

static int exec_exec(struct vaccel_session *sess, const char *library,
		     const char *fn_symbol, struct vaccel_arg *read,
		     size_t nr_read, struct vaccel_arg *write, size_t nr_write)
{
	void *h;
	int ret;

	vaccel_plugin_debug("session %lld: %s() of %s", (long long)sess->id,
			    fn_symbol, library);
	h = dlclose_enabled ? exec_open_path(library, exec_dlopen_mode)
			    : cached_open(library);
	if (!h)
		return VACCEL_EINVAL;
	ret = call(h, library, fn_symbol, read, nr_read, write, nr_write);
	if (dlclose_enabled)
		exec_close(h, library);
	return ret;
}

/* ---- resources ----------------------------------------------------- */

static void unload_libs(struct res_libs *libs, size_t nr)
{
	while (nr--)
		exec_close(libs->handles[nr], "of a resource");
	free(libs);
}

/* Loads every file of `res`: all but the last RTLD_GLOBAL, as dependencies
 * of the last, whose function is called (vAccel's order). */
static int load_libs(struct vaccel_resource *res, struct res_libs **out)
{
	size_t n = res->nr_blobs ? res->nr_blobs : res->nr_paths;
	struct res_libs *libs;

	if (!n || (res->nr_blobs ? !res->blobs : !res->paths)) {
		vaccel_plugin_error("resource %lld has no library",
				    (long long)res->id);
		return VACCEL_EINVAL;
	}
	libs = calloc(1, sizeof(*libs) + n * sizeof(void *));
	if (!libs)
		return VACCEL_ENOMEM;
	libs->refs = 1;
	for (size_t i = 0; i < n; i++) {
		int flags =
		    exec_dlopen_mode | (i + 1 < n ? RTLD_GLOBAL : RTLD_LOCAL);

		libs->handles[i] = res->nr_blobs
				       ? exec_open_blob(res->blobs[i], flags)
				       : exec_open_path(res->paths[i], flags);
		if (!libs->handles[i]) {
			unload_libs(libs, i);
			return VACCEL_EINVAL;
		}
	}
	libs->nr = n;
	*out = libs;
	return VACCEL_OK;
}

static void put_libs(struct res_libs *libs)
{
	bool last;

	pthread_mutex_lock(&lock);
	last = --libs->refs == 0;
	pthread_mutex_unlock(&lock);
	if (last)
		unload_libs(libs, libs->nr);
}

/* The resource's loaded libraries, with a reference for the caller. */
static int get_libs(struct vaccel_resource *res, struct res_libs **out)
{
	struct res_libs *libs;
	int ret = VACCEL_OK;

	if (dlclose_enabled)
		return load_libs(res, out);
	pthread_mutex_lock(&lock);
	libs = res->plugin_priv;
	if (!libs) {
		ret = load_libs(res, &libs);
		if (!ret)
			res->plugin_priv = libs;
	}
	if (!ret) {
		libs->refs++;
		*out = libs;
	}
	pthread_mutex_unlock(&lock);
	return ret;
}

static int exec_with_resource(struct vaccel_session *sess,
			      struct vaccel_resource *resource,
			      const char *fn_symbol, struct vaccel_arg *read,
			      size_t nr_read, struct vaccel_arg *write,
			      size_t nr_write)
{
	struct res_libs *libs;
	char what[64];
	int ret;

	/* The core has checked that `resource` is a live LIB resource
	 * registered to `sess` (VACCEL_EPERM otherwise). */
	vaccel_plugin_debug("session %lld: %s() of resource %lld",
			    (long long)sess->id, fn_symbol,
			    (long long)resource->id);
	ret = get_libs(resource, &libs);
	if (ret)
		return ret;
	snprintf(what, sizeof(what), "resource %lld", (long long)resource->id);
	ret = call(libs->handles[libs->nr - 1], what, fn_symbol, read, nr_read,
		   write, nr_write);
	put_libs(libs);
	return ret;
}

/* Drops the resource's reference to its libraries (they are unloaded when
 * no call uses them any more). */
static void exec_resource_unregister(struct vaccel_resource *res,
				     struct vaccel_session *sess)
{
	struct res_libs *libs;

	(void)sess;
	if (res->type != VACCEL_RESOURCE_LIB)
		return;
	pthread_mutex_lock(&lock);
	libs = res->plugin_priv;
	res->plugin_priv = NULL;
	pthread_mutex_unlock(&lock);
	if (libs)
		put_libs(libs);
}

static const struct vaccel_op exec_ops[] = {
    VACCEL_PLUGIN_OP(exec, exec_exec),
    VACCEL_PLUGIN_OP(exec_with_resource, exec_with_resource),
};

/* CPU: the user's code runs on the host CPU; SOFTWARE and GENERIC: it is
 * arbitrary code, not one accelerator (vAccel declares the same three). */
VACCEL_PLUGIN(.name = "exec", .version = VACCEL_VERSION,
	      .type = VACCEL_PLUGIN_CPU | VACCEL_PLUGIN_SOFTWARE |
		      VACCEL_PLUGIN_GENERIC,
	      .ops = exec_ops, .nr_ops = sizeof(exec_ops) / sizeof(exec_ops[0]),
	      .init = exec_init, .fini = exec_fini,
	      .resource_unregister = exec_resource_unregister);

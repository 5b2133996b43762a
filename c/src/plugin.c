/* The plugin registry: loading and checking plugins, and dispatching op
 * calls to them in priority order with per-op fallback. */

#define _GNU_SOURCE
#include "internal.h"
#include "vaccel/log.h"
#include "vaccel/plugin.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct plugin {
	const struct vaccel_plugin_descriptor *desc; /* NULL: application */
	const char *name;
	void *dl;
	char *path;
	uint32_t type;
	int32_t priority;
	unsigned int seq; /* load order: breaks priority ties */
	void *fns[VACCEL_OP_MAX];
};

/* Readers: op calls (held for the whole call, so a plugin is never unloaded
 * under a running op). Writers: load and unload. Writer-preferring: with
 * glibc's default (readers first) a steady stream of op calls starves a
 * plugin load forever. The price: an op function must not call back into
 * dispatch (another vaccel op) while a load may be waiting. */
static pthread_rwlock_t reg_lock =
    PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP;
static struct plugin **plugins; /* sorted: priority desc, then seq */
static size_t nr_plugins;
static unsigned int next_seq;

#define APP_PLUGIN_NAME "application"

static void type_str(uint32_t type, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (uint32_t bit = 1; bit && bit <= VACCEL_PLUGIN_REMOTE; bit <<= 1) {
		const char *name;

		if (!(type & bit))
			continue;
		name = vaccel_plugin_type_to_str((vaccel_plugin_type_t)bit);
		name += strlen("VACCEL_PLUGIN_");
		used +=
		    (size_t)snprintf(buf + used, len > used ? len - used : 0,
				     "%s%s", used ? "|" : "", name);
		if (used >= len)
			break;
	}
}

static bool serves(const struct plugin *p, uint32_t hint)
{
	if (hint & VACCEL_PLUGIN_REMOTE)
		return (p->type & VACCEL_PLUGIN_REMOTE) != 0;
	if (p->type & VACCEL_PLUGIN_REMOTE)
		return false;
	return hint == 0 || (p->type & hint) != 0;
}

/* Insert keeping the order. Caller holds the write lock. */
static int insert_locked(struct plugin *p)
{
	struct plugin **grown;
	size_t i;

	grown = realloc(plugins, (nr_plugins + 1) * sizeof(*plugins));
	if (!grown)
		return VACCEL_ENOMEM;
	plugins = grown;
	p->seq = next_seq++;
	for (i = nr_plugins; i > 0 && plugins[i - 1]->priority < p->priority;
	     i--)
		plugins[i] = plugins[i - 1];
	plugins[i] = p;
	nr_plugins++;
	return VACCEL_OK;
}

static struct plugin *find_locked(const char *name)
{
	for (size_t i = 0; i < nr_plugins; i++)
		if (strcmp(plugins[i]->name, name) == 0)
			return plugins[i];
	return NULL;
}

/* Parse "X.Y..." into major and minor; false if it is not a version. */
static bool parse_version(const char *v, long *major, long *minor)
{
	char *end;

	if (!v)
		return false;
	*major = strtol(v, &end, 10);
	if (end == v || *end != '.')
		return false;
	v = end + 1;
	*minor = strtol(v, &end, 10);
	return end != v;
}

static int check_descriptor(const struct vaccel_plugin_descriptor *d,
			    const char *path, bool version_ignore)
{
	long pmaj, pmin, rmaj, rmin;

	if (d->abi_version != VACCEL_PLUGIN_ABI_VERSION) {
		vaccel_error("plugin '%s' was built for plugin ABI %u; this "
			     "runtime provides ABI %u",
			     path, d->abi_version, VACCEL_PLUGIN_ABI_VERSION);
		return VACCEL_ELIBBAD;
	}
	if (!VACCEL_PLUGIN_DESC_HAS(d, host)) {
		vaccel_error("plugin '%s' has a descriptor of %u bytes; ABI %u "
			     "needs %zu",
			     path, d->size, VACCEL_PLUGIN_ABI_VERSION,
			     offsetof(struct vaccel_plugin_descriptor, host) +
				 sizeof(d->host));
		return VACCEL_ELIBBAD;
	}
	if (!d->name || !*d->name || !d->host) {
		vaccel_error("plugin '%s' declares no name or host slot", path);
		return VACCEL_ELIBBAD;
	}
	if (!version_ignore) {
		parse_version(VACCEL_VERSION, &rmaj, &rmin);
		if (!parse_version(d->vaccel_version, &pmaj, &pmin) ||
		    pmaj != rmaj || pmin != rmin) {
			vaccel_error(
			    "plugin '%s' (%s) was built against vaccel "
			    "%s; this runtime is %s (set "
			    "VACCEL_VERSION_IGNORE=1 to load it "
			    "anyway)",
			    d->name, path,
			    d->vaccel_version ? d->vaccel_version : "(none)",
			    VACCEL_VERSION);
			return VACCEL_ELIBBAD;
		}
	}
	for (size_t i = 0; i < d->nr_ops; i++) {
		if ((unsigned)d->ops[i].type >= VACCEL_OP_MAX ||
		    !vaccel_op_descs[d->ops[i].type] || !d->ops[i].func) {
			vaccel_error("plugin '%s' lists op id %d with function "
				     "%p; op ids go up to %d",
				     d->name, (int)d->ops[i].type,
				     d->ops[i].func, VACCEL_OP_MAX - 1);
			return VACCEL_ELIBBAD;
		}
	}
	return VACCEL_OK;
}

static void *open_beside_runtime(const char *lib)
{
	static const char *const subdirs[] = {"", "vaccel/"};
	char path[PATH_MAX];
	Dl_info info;
	char *slash;

	if (!dladdr((void *)vaccel_plugin_load, &info) || !info.dli_fname)
		return NULL;
	snprintf(path, sizeof(path), "%s", info.dli_fname);
	slash = strrchr(path, '/');
	if (!slash)
		return NULL;
	for (size_t i = 0; i < 2; i++) {
		void *dl;

		snprintf(slash + 1, sizeof(path) - (size_t)(slash + 1 - path),
			 "%s%s", subdirs[i], lib);
		dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
		if (dl)
			return dl;
	}
	return NULL;
}

static int open_library(const char *lib, void **dl)
{
	char err[512];

	if (strchr(lib, '/') && access(lib, F_OK) != 0) {
		vaccel_error("plugin '%s' does not exist", lib);
		return VACCEL_ENOENT;
	}
	*dl = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
	if (*dl)
		return VACCEL_OK;
	/* Copy: later dlopen calls overwrite dlerror()'s buffer. */
	snprintf(err, sizeof(err), "%s", dlerror());
	if (!strchr(lib, '/')) {
		*dl = open_beside_runtime(lib);
		if (*dl)
			return VACCEL_OK;
		if (strstr(err, "No such file")) {
			vaccel_error(
			    "plugin '%s' not found on the library path "
			    "or beside libvaccel",
			    lib);
			return VACCEL_ENOENT;
		}
	}
	vaccel_error("cannot load plugin '%s': %s", lib, err);
	return VACCEL_ELIBBAD;
}

static int load_one(const char *lib, bool version_ignore)
{
	const struct vaccel_plugin_descriptor *d;
	struct plugin *p;
	char types[128];
	void *dl;
	int ret;

	if (!lib || !*lib) {
		vaccel_error("vaccel_plugin_load: empty plugin name");
		return VACCEL_EINVAL;
	}
	ret = open_library(lib, &dl);
	if (ret)
		return ret;
	d = dlsym(dl, VACCEL_PLUGIN_SYMBOL);
	if (!d) {
		vaccel_error("'%s' is not a vaccel plugin: it exports no '%s'",
			     lib, VACCEL_PLUGIN_SYMBOL);
		dlclose(dl);
		return VACCEL_ELIBBAD;
	}
	ret = check_descriptor(d, lib, version_ignore);
	if (ret) {
		dlclose(dl);
		return ret;
	}
	p = calloc(1, sizeof(*p));
	if (!p || !(p->path = strdup(lib))) {
		free(p);
		dlclose(dl);
		return VACCEL_ENOMEM;
	}
	p->desc = d;
	p->name = d->name;
	p->dl = dl;
	p->type = d->type;
	p->priority = d->priority;
	for (size_t i = 0; i < d->nr_ops; i++)
		p->fns[d->ops[i].type] = d->ops[i].func;

	pthread_rwlock_wrlock(&reg_lock);
	if (find_locked(d->name)) {
		pthread_rwlock_unlock(&reg_lock);
		vaccel_error("a plugin named '%s' is already loaded ('%s')",
			     d->name, lib);
		ret = VACCEL_EEXIST;
		goto fail;
	}
	*d->host = vaccel_host_api_table();
	if (d->init && (ret = d->init()) != VACCEL_OK) {
		pthread_rwlock_unlock(&reg_lock);
		vaccel_error("plugin '%s' failed to initialise: %s", d->name,
			     vaccel_error_to_str(ret));
		goto fail;
	}
	ret = insert_locked(p);
	pthread_rwlock_unlock(&reg_lock);
	if (ret) {
		if (d->fini)
			d->fini();
		goto fail;
	}
	type_str(p->type, types, sizeof(types));
	vaccel_info("loaded plugin %s %s (%s, priority %d) from %s", d->name,
		    d->version ? d->version : "", types, (int)p->priority, lib);
	return VACCEL_OK;
fail:
	free(p->path);
	free(p);
	dlclose(dl);
	return ret;
}

int vaccel_plugins_load_list(const char *list, bool version_ignore)
{
	char *copy, *save = NULL;
	int ret = VACCEL_OK;

	if (!list)
		return VACCEL_EINVAL;
	copy = strdup(list);
	if (!copy)
		return VACCEL_ENOMEM;
	for (char *tok = strtok_r(copy, ":", &save); tok && !ret;
	     tok = strtok_r(NULL, ":", &save))
		ret = load_one(tok, version_ignore);
	free(copy);
	return ret;
}

int vaccel_plugin_load(const char *lib)
{
	int ret = vaccel_runtime_ready();

	if (ret)
		return ret;
	return load_one(lib, vaccel_config_active()->version_ignore);
}

int vaccel_plugin_parse_and_load(const char *lib_str)
{
	int ret = vaccel_runtime_ready();

	if (ret)
		return ret;
	if (!lib_str) {
		vaccel_error("vaccel_plugin_parse_and_load: list is NULL");
		return VACCEL_EINVAL;
	}
	return vaccel_plugins_load_list(lib_str,
					vaccel_config_active()->version_ignore);
}

int vaccel_plugin_register_ops(struct vaccel_op *ops, size_t nr_ops)
{
	struct plugin *app;
	int ret = vaccel_runtime_ready();

	if (ret)
		return ret;
	if (!ops || nr_ops == 0) {
		vaccel_error("vaccel_plugin_register_ops: no ops given");
		return VACCEL_EINVAL;
	}
	for (size_t i = 0; i < nr_ops; i++) {
		if ((unsigned)ops[i].type >= VACCEL_OP_MAX ||
		    !vaccel_op_descs[ops[i].type] || !ops[i].func) {
			vaccel_error(
			    "vaccel_plugin_register_ops: entry %zu has "
			    "op id %d and function %p",
			    i, (int)ops[i].type, ops[i].func);
			return VACCEL_EINVAL;
		}
	}
	pthread_rwlock_wrlock(&reg_lock);
	app = find_locked(APP_PLUGIN_NAME);
	if (!app) {
		app = calloc(1, sizeof(*app));
		if (!app || (ret = insert_locked(app)) != VACCEL_OK) {
			free(app);
			pthread_rwlock_unlock(&reg_lock);
			return ret ? ret : VACCEL_ENOMEM;
		}
		app->name = APP_PLUGIN_NAME;
		app->type = VACCEL_PLUGIN_ALL & ~(uint32_t)VACCEL_PLUGIN_REMOTE;
	}
	for (size_t i = 0; i < nr_ops; i++)
		app->fns[ops[i].type] = ops[i].func;
	pthread_rwlock_unlock(&reg_lock);
	return VACCEL_OK;
}

size_t vaccel_plugin_count(void)
{
	size_t n;

	pthread_rwlock_rdlock(&reg_lock);
	n = nr_plugins;
	pthread_rwlock_unlock(&reg_lock);
	return n;
}

void vaccel_plugins_unload_all(void)
{
	pthread_rwlock_wrlock(&reg_lock);
	/* Last loaded first, so later plugins may rely on earlier ones. */
	while (nr_plugins > 0) {
		size_t last = 0;
		struct plugin *p;

		for (size_t i = 1; i < nr_plugins; i++)
			if (plugins[i]->seq > plugins[last]->seq)
				last = i;
		p = plugins[last];
		memmove(&plugins[last], &plugins[last + 1],
			(nr_plugins - last - 1) * sizeof(*plugins));
		nr_plugins--;
		if (p->desc && p->desc->fini)
			p->desc->fini();
		if (p->dl) {
			vaccel_debug("unloaded plugin %s", p->name);
			dlclose(p->dl);
		}
		free(p->path);
		free(p);
	}
	free(plugins);
	plugins = NULL;
	pthread_rwlock_unlock(&reg_lock);
}

static void log_unserved(const struct vaccel_op_desc *desc,
			 const struct vaccel_session *sess)
{
	char list[512] = "";
	size_t used = 0;

	for (size_t i = 0; i < nr_plugins; i++) {
		char types[128];

		type_str(plugins[i]->type, types, sizeof(types));
		used += (size_t)snprintf(
		    list + used, used < sizeof(list) ? sizeof(list) - used : 0,
		    "%s%s (%s)", i ? ", " : "", plugins[i]->name, types);
		if (used >= sizeof(list))
			break;
	}
	vaccel_error("%s: no plugin implements op '%s' for session %lld "
		     "(hints 0x%x); loaded plugins: %s",
		     desc->fn_name, desc->name, (long long)sess->id, sess->hint,
		     nr_plugins ? list : "none");
}

int vaccel_plugins_dispatch(const struct vaccel_op_desc *desc, void **argv,
			    const struct vaccel_session *sess)
{
	int ret = VACCEL_ENOTSUP;
	bool tried = false;

	pthread_rwlock_rdlock(&reg_lock);
	for (size_t i = 0; i < nr_plugins; i++) {
		struct plugin *p = plugins[i];
		void *fn = p->fns[desc->id];

		if (!serves(p, sess->hint))
			continue;
		if (fn)
			ret = desc->call(fn, argv);
		else if (p->desc && p->desc->invoke)
			ret = p->desc->invoke(desc, argv);
		else
			continue;
		tried = true;
		if (ret != VACCEL_ENOTSUP)
			break;
		vaccel_debug("%s: plugin %s declined (ENOTSUP); trying the "
			     "next",
			     desc->fn_name, p->name);
	}
	if (!tried)
		log_unserved(desc, sess);
	pthread_rwlock_unlock(&reg_lock);
	return ret;
}

int vaccel_plugins_session_hook(struct vaccel_session *sess, bool init)
{
	int ret = VACCEL_OK;
	size_t i;

	pthread_rwlock_rdlock(&reg_lock);
	for (i = 0; i < nr_plugins; i++) {
		const struct vaccel_plugin_descriptor *d = plugins[i]->desc;

		if (!d || !serves(plugins[i], sess->hint))
			continue;
		if (init && d->session_init)
			ret = d->session_init(sess, sess->hint);
		else if (!init && d->session_release)
			d->session_release(sess);
		if (ret) {
			vaccel_error("plugin %s refused session %lld: %s",
				     d->name, (long long)sess->id,
				     vaccel_error_to_str(ret));
			break;
		}
	}
	/* Roll back the plugins that accepted the session. */
	while (ret && i-- > 0) {
		const struct vaccel_plugin_descriptor *d = plugins[i]->desc;

		if (d && d->session_release && serves(plugins[i], sess->hint))
			d->session_release(sess);
	}
	pthread_rwlock_unlock(&reg_lock);
	return ret;
}

void vaccel_plugins_resource_unregistered(struct vaccel_resource *res,
					  struct vaccel_session *sess)
{
	pthread_rwlock_rdlock(&reg_lock);
	for (size_t i = 0; i < nr_plugins; i++) {
		const struct vaccel_plugin_descriptor *d = plugins[i]->desc;

		if (d && VACCEL_PLUGIN_DESC_HAS(d, resource_unregister) &&
		    d->resource_unregister)
			d->resource_unregister(res, sess);
	}
	pthread_rwlock_unlock(&reg_lock);
}

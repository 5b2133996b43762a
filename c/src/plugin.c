/* The plugin registry: loading and checking plugins, and dispatching op
 * calls to them in priority order with per-op fallback. */

#define _GNU_SOURCE
#include "builtin_plugin.h"
#include "internal.h"
#include "vaccel/core.h"
#include "vaccel/log.h"
#include "vaccel/plugin.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct plugin {
	const struct vaccel_plugin_descriptor *desc; /* NULL: application */
	const char *name;
	void *dl;
	char *path;
	bool builtin; /* compiled into the host (builtin_plugin.h) */
	struct plugin *retired_next; /* a replaced built-in: see `retired` */
	uint32_t type;
	int32_t priority;
	unsigned int seq; /* load order: breaks priority ties */
	/* Application plugins only: the snapshots listing this one. The
	 * last snapshot to go frees it (register_ops replaces it often). */
	atomic_size_t snaps;
	void *fns[VACCEL_OP_MAX];
	/* What sess->plugin shows of a loaded plugin (vAccel's shape). */
	struct vaccel_plugin_info info;
	struct vaccel_plugin pub;
};

/*
 * The registry is copy-on-write: readers (op calls, hooks) take a reference
 * to the current immutable snapshot and never block; a writer (load,
 * register_ops) builds a new snapshot and swaps it in. So a plugin load is
 * never starved by steady op calls, and an op function may call other
 * vaccel ops (nested dispatch, as the agent and transports do) at any time.
 * Loaded plugins are freed only by vaccel_plugins_unload_all, after the
 * last reader is gone; an application plugin replaced by register_ops goes
 * with the last snapshot that lists it.
 */
struct registry {
	size_t refs; /* one for being current, one per reader */
	size_t nr;
	struct plugin *list[]; /* sorted: priority desc, then seq */
};

/* Serialises writers; held across a plugin's init(). */
static pthread_mutex_t write_lock = PTHREAD_MUTEX_INITIALIZER;
/* Guards `current` and every snapshot's refs (short sections only). */
static pthread_mutex_t snap_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t snap_released = PTHREAD_COND_INITIALIZER;
static struct registry *current;
static unsigned int next_seq;

/* Built-in plugins (builtin_plugin.h), registered once per process; and
 * the active ones a plugin loaded by path replaced: out of the registry,
 * but kept (not fini'd) until unload_all, as sessions made through them
 * may still point at them. Both under write_lock. */
#define MAX_BUILTINS 4
static struct {
	const struct vaccel_plugin_descriptor *desc;
	bool (*wanted)(void);
} builtins[MAX_BUILTINS];
static size_t nr_builtins;
static struct plugin *retired;

#define APP_PLUGIN_NAME "application"

/* sess->plugin for the application's ops: static, because register_ops
 * replaces the application plugin while sessions may point at it. */
static struct vaccel_plugin_info app_info = {
    .name = APP_PLUGIN_NAME,
    .version = VACCEL_VERSION,
    .vaccel_version = VACCEL_VERSION,
    .is_virtio = false,
    .type = (vaccel_plugin_type_t)(VACCEL_PLUGIN_ALL & ~VACCEL_PLUGIN_REMOTE),
};
static struct vaccel_plugin app_pub = {.dl_handle = NULL, .info = &app_info};

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

static bool is_transport(const struct plugin *p)
{
	return (p->type & VACCEL_PLUGIN_REMOTE) != 0;
}

/* Hints are a preference, as in vAccel (docs/plugins.md): a remote
 * session goes to transports only; a local one to the local plugins that
 * match its hint (rank 0), then to the other local plugins (rank 1). -1:
 * the plugin does not serve the session. */
#define NR_RANKS 2
static int rank(const struct plugin *p, const struct vaccel_session *sess)
{
	if (sess->is_virtio)
		return is_transport(p) ? 0 : -1;
	if (is_transport(p))
		return -1;
	return sess->hint == 0 || (p->type & sess->hint) != 0 ? 0 : 1;
}

/* The plugins serving `sess`, best first: by rank, then registry order
 * (priority, then load order). `*rk` and `*i` start at 0. */
static struct plugin *next_serving(const struct registry *r,
				   const struct vaccel_session *sess, int *rk,
				   size_t *i)
{
	for (; r && *rk < NR_RANKS; (*rk)++, *i = 0)
		while (*i < r->nr) {
			struct plugin *p = r->list[(*i)++];

			if (rank(p, sess) == *rk)
				return p;
		}
	return NULL;
}

/* A reference to the current snapshot (NULL when nothing is loaded). */
static struct registry *snapshot_get(void)
{
	struct registry *r;

	pthread_mutex_lock(&snap_lock);
	r = current;
	if (r)
		r->refs++;
	pthread_mutex_unlock(&snap_lock);
	return r;
}

/* Frees a snapshot no reader holds, and the application plugins that no
 * other snapshot lists. */
static void snapshot_free(struct registry *r)
{
	for (size_t i = 0; i < r->nr; i++) {
		struct plugin *p = r->list[i];

		if (!p->desc && atomic_fetch_sub(&p->snaps, 1) == 1)
			free(p);
	}
	free(r);
}

static void snapshot_put(struct registry *r)
{
	bool last;

	if (!r)
		return;
	pthread_mutex_lock(&snap_lock);
	last = --r->refs == 0;
	/* Only vaccel_plugins_unload_all waits, for the last reader of a
	 * snapshot it took away: wake it then, not on every op call. */
	if (r != current && r->refs == 1)
		pthread_cond_broadcast(&snap_released);
	pthread_mutex_unlock(&snap_lock);
	if (last)
		snapshot_free(r);
}

/* Makes `next` current; the old snapshot goes when its readers are done.
 * Caller holds write_lock. */
static void snapshot_publish(struct registry *next)
{
	struct registry *old;

	pthread_mutex_lock(&snap_lock);
	old = current;
	current = next;
	pthread_mutex_unlock(&snap_lock);
	snapshot_put(old);
}

/* A copy of the current list with `add` inserted in order (when non-NULL)
 * and `drop` left out (when non-NULL). Caller holds write_lock. */
static struct registry *snapshot_edit(struct plugin *add, struct plugin *drop)
{
	const struct registry *cur = current;
	size_t n = cur ? cur->nr : 0, k = 0;
	struct registry *r = malloc(sizeof(*r) + (n + 1) * sizeof(r->list[0]));

	if (!r)
		return NULL;
	r->refs = 1;
	for (size_t i = 0; i < n; i++) {
		struct plugin *p = cur->list[i];

		if (p == drop)
			continue;
		if (add &&
		    (p->priority < add->priority ||
		     (p->priority == add->priority && p->seq > add->seq))) {
			r->list[k++] = add;
			add = NULL;
		}
		r->list[k++] = p;
	}
	if (add)
		r->list[k++] = add;
	r->nr = k;
	for (size_t i = 0; i < k; i++)
		if (!r->list[i]->desc)
			atomic_fetch_add(&r->list[i]->snaps, 1);
	return r;
}

/* Caller holds write_lock. */
static struct plugin *plugin_find_locked(const char *name)
{
	for (size_t i = 0; current && i < current->nr; i++)
		if (strcmp(current->list[i]->name, name) == 0)
			return current->list[i];
	return NULL;
}

/* Parse "X.Y..." into major and minor; false if it is not a version. */
/* Whether this runtime has op `type` (ids may have gaps). */
static bool known_op(vaccel_op_type_t type)
{
	return (unsigned)type < VACCEL_OP_MAX && vaccel_op_descs[type];
}

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

/* True when [ptr, ptr + len) lies in the shared object `lm` (both ends in
 * its loaded segments). */
static bool in_object(const struct link_map *lm, const void *ptr, size_t len)
{
	const char *p = ptr;
	Dl_info info;
	struct link_map *at = NULL;

	if (!p || (uintptr_t)p + len < (uintptr_t)p)
		return false;
	if (!dladdr1(p, &info, (void **)&at, RTLD_DL_LINKMAP) || at != lm)
		return false;
	at = NULL;
	if (len > 1 &&
	    (!dladdr1(p + len - 1, &info, (void **)&at, RTLD_DL_LINKMAP) ||
	     at != lm))
		return false;
	return true;
}

/* The descriptor is data of an untrusted shared object: before reading a
 * field, check that the exported symbol is large enough to hold it; before
 * following a pointer, check that it points into the plugin. */
static int check_layout(void *dl, const struct vaccel_plugin_descriptor *d,
			const char *path, struct link_map **lm_out)
{
	const size_t need =
	    offsetof(struct vaccel_plugin_descriptor, host) + sizeof(d->host);
	const ElfW(Sym) *sym = NULL;
	struct link_map *lm = NULL;
	Dl_info info;

	if (dlinfo(dl, RTLD_DI_LINKMAP, &lm) || !lm ||
	    !dladdr1(d, &info, (void **)&sym, RTLD_DL_SYMENT) || !sym ||
	    info.dli_saddr != (void *)d) {
		vaccel_error("plugin '%s': cannot find the size of its '%s'",
			     path, VACCEL_PLUGIN_SYMBOL);
		return VACCEL_ELIBBAD;
	}
	if (sym->st_size < need) {
		vaccel_error("plugin '%s' exports '%s' of %zu bytes; a plugin "
			     "descriptor has at least %zu",
			     path, VACCEL_PLUGIN_SYMBOL, (size_t)sym->st_size,
			     need);
		return VACCEL_ELIBBAD;
	}
	if (d->size > sym->st_size) {
		vaccel_error("plugin '%s' declares a descriptor of %u bytes; "
			     "its '%s' has only %zu",
			     path, d->size, VACCEL_PLUGIN_SYMBOL,
			     (size_t)sym->st_size);
		return VACCEL_ELIBBAD;
	}
	*lm_out = lm;
	return VACCEL_OK;
}

/* Pointers of a descriptor whose size is known to be right. */
static int check_pointers(const struct link_map *lm,
			  const struct vaccel_plugin_descriptor *d,
			  const char *path)
{
	if (!in_object(lm, d->name, 1) ||
	    !in_object(lm, d->host, sizeof(*d->host))) {
		vaccel_error("plugin '%s' declares a name or host slot "
			     "outside itself (%p, %p)",
			     path, (const void *)d->name, (void *)d->host);
		return VACCEL_ELIBBAD;
	}
	if (d->nr_ops > 0 &&
	    (d->nr_ops > SIZE_MAX / sizeof(*d->ops) ||
	     !in_object(lm, d->ops, d->nr_ops * sizeof(*d->ops)))) {
		vaccel_error("plugin '%s' lists %zu ops at %p, which is not "
			     "an array of that many inside the plugin",
			     path, d->nr_ops, (const void *)d->ops);
		return VACCEL_ELIBBAD;
	}
	return VACCEL_OK;
}

static int check_descriptor(const struct link_map *lm,
			    const struct vaccel_plugin_descriptor *d,
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
	if (!d->name || !d->host) {
		vaccel_error("plugin '%s' declares no name or host slot", path);
		return VACCEL_ELIBBAD;
	}
	if (check_pointers(lm, d, path))
		return VACCEL_ELIBBAD;
	if (!*d->name) {
		vaccel_error("plugin '%s' declares an empty name", path);
		return VACCEL_ELIBBAD;
	}
	/* Minor releases only append (descriptor fields, host functions,
	 * ops), so a plugin of an older minor loads; a newer one may need
	 * what this runtime lacks. */
	if (!version_ignore) {
		parse_version(VACCEL_VERSION, &rmaj, &rmin);
		if (!parse_version(d->vaccel_version, &pmaj, &pmin) ||
		    pmaj != rmaj || pmin > rmin) {
			vaccel_error(
			    "plugin '%s' (%s) was built against vaccel "
			    "%s; this runtime is %s and loads plugins of "
			    "%ld.0 to %ld.%ld (set "
			    "VACCEL_VERSION_IGNORE=1 to load it "
			    "anyway)",
			    d->name, path,
			    d->vaccel_version ? d->vaccel_version : "(none)",
			    VACCEL_VERSION, rmaj, rmaj, rmin);
			return VACCEL_ELIBBAD;
		}
	}
	for (size_t i = 0; i < d->nr_ops; i++) {
		if (!d->ops[i].func) {
			vaccel_error("plugin '%s' lists op id %d with a NULL "
				     "function",
				     d->name, (int)d->ops[i].type);
			return VACCEL_ELIBBAD;
		}
		/* An op of a newer runtime: the rest of the plugin works. */
		if (!known_op(d->ops[i].type))
			vaccel_warn("plugin '%s' lists op id %d, which this "
				    "runtime does not know (op ids go up to "
				    "%d); skipping that op",
				    d->name, (int)d->ops[i].type,
				    VACCEL_OP_MAX - 1);
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

/* A path must name a regular file: dlopen of a FIFO or a device blocks
 * or reads forever. */
static int check_path(const char *lib)
{
	struct stat st;
	int err;

	if (strlen(lib) >= PATH_MAX) {
		vaccel_error("plugin path of %zu bytes is longer than "
			     "PATH_MAX (%d): '%.64s...'",
			     strlen(lib), PATH_MAX, lib);
		return VACCEL_ENAMETOOLONG;
	}
	if (!strchr(lib, '/'))
		return VACCEL_OK; /* searched by dlopen on the library path */
	if (stat(lib, &st)) {
		err = errno;
		if (err == ENOENT)
			vaccel_error("plugin '%s' does not exist", lib);
		else
			vaccel_error("cannot use plugin '%s': %s", lib,
				     strerror(err));
		return err;
	}
	if (!S_ISREG(st.st_mode)) {
		vaccel_error("plugin '%s' is not a regular file", lib);
		return VACCEL_ELIBBAD;
	}
	return VACCEL_OK;
}

static int open_library(const char *lib, void **dl)
{
	char err[512];
	int ret = check_path(lib);

	if (ret)
		return ret;
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

/* Registers descriptor `d` (checked) from `dl` (NULL: built in), named
 * `path` in summaries, and runs its init. A plugin of the same name is an
 * error, except an active built-in one, which this one replaces. The
 * caller closes `dl` on failure. */
static int add_plugin(const struct vaccel_plugin_descriptor *d, void *dl,
		      const char *path, bool builtin)
{
	struct plugin *p, *same;
	struct registry *next;
	char types[128];
	int ret;

	p = calloc(1, sizeof(*p));
	if (!p || !(p->path = strdup(path))) {
		free(p);
		return VACCEL_ENOMEM;
	}
	p->desc = d;
	p->name = d->name;
	p->dl = dl;
	p->builtin = builtin;
	p->type = d->type;
	p->priority = d->priority;
	p->info.name = d->name;
	p->info.version = d->version;
	p->info.vaccel_version = d->vaccel_version;
	p->info.is_virtio = is_transport(p);
	p->info.type = (vaccel_plugin_type_t)d->type;
	p->pub.dl_handle = dl;
	p->pub.info = &p->info;
	for (size_t i = 0; i < d->nr_ops; i++)
		if (known_op(d->ops[i].type))
			p->fns[d->ops[i].type] = d->ops[i].func;

	pthread_mutex_lock(&write_lock);
	same = plugin_find_locked(d->name);
	if (same && (builtin || !same->builtin)) {
		pthread_mutex_unlock(&write_lock);
		vaccel_error("a plugin named '%s' is already loaded ('%s')",
			     d->name, path);
		ret = VACCEL_EEXIST;
		goto fail;
	}
	*d->host = vaccel_host_api_table();
	if (d->init && (ret = d->init()) != VACCEL_OK) {
		pthread_mutex_unlock(&write_lock);
		vaccel_error("plugin '%s' failed to initialise: %s", d->name,
			     vaccel_error_to_str(ret));
		goto fail;
	}
	p->seq = next_seq++;
	next = snapshot_edit(p, same);
	if (!next) {
		pthread_mutex_unlock(&write_lock);
		if (d->fini)
			d->fini();
		ret = VACCEL_ENOMEM;
		goto fail;
	}
	snapshot_publish(next);
	if (same) {
		/* The built-in one: new sessions go to `p`; the old one lives
		 * on for the sessions that hold it. */
		same->retired_next = retired;
		retired = same;
	}
	pthread_mutex_unlock(&write_lock);
	if (same)
		vaccel_info("plugin %s from %s replaces the built-in one",
			    d->name, path);
	type_str(p->type, types, sizeof(types));
	vaccel_info("loaded plugin %s %s (%s, priority %d) from %s", d->name,
		    d->version ? d->version : "", types, (int)p->priority,
		    path);
	return VACCEL_OK;
fail:
	free(p->path);
	free(p);
	return ret;
}

static int load_one(const char *lib, bool version_ignore)
{
	const struct vaccel_plugin_descriptor *d;
	struct link_map *lm = NULL;
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
	ret = check_layout(dl, d, lib, &lm);
	if (!ret)
		ret = check_descriptor(lm, d, lib, version_ignore);
	if (ret) {
		dlclose(dl);
		return ret;
	}
	ret = add_plugin(d, dl, lib, false);
	if (ret)
		dlclose(dl);
	return ret;
}

/* A built-in descriptor is the host's own code: only what a loaded one's
 * checks would catch as a programming error is checked. */
int vaccel_plugin_register_builtin(const struct vaccel_plugin_descriptor *d,
				   bool (*wanted)(void))
{
	if (!d || !d->name || !*d->name || !d->host ||
	    d->abi_version != VACCEL_PLUGIN_ABI_VERSION ||
	    !VACCEL_PLUGIN_DESC_HAS(d, host)) {
		vaccel_error("vaccel_plugin_register_builtin: descriptor %p "
			     "has no name, no host slot or another ABI",
			     (const void *)d);
		return VACCEL_EINVAL;
	}
	pthread_mutex_lock(&write_lock);
	for (size_t i = 0; i < nr_builtins; i++) {
		if (builtins[i].desc == d) {
			pthread_mutex_unlock(&write_lock);
			return VACCEL_OK;
		}
	}
	if (nr_builtins == MAX_BUILTINS) {
		pthread_mutex_unlock(&write_lock);
		vaccel_error("vaccel_plugin_register_builtin: '%s': already "
			     "%d built-in plugins",
			     d->name, MAX_BUILTINS);
		return VACCEL_ENOMEM;
	}
	builtins[nr_builtins].desc = d;
	builtins[nr_builtins].wanted = wanted;
	nr_builtins++;
	pthread_mutex_unlock(&write_lock);
	/* Registered after the bootstrap (a host's constructor ran after the
	 * runtime's): join now. Before it, the bootstrap adds it. */
	return vaccel_is_initialized() ? vaccel_plugins_builtin_activate()
				       : VACCEL_OK;
}

int vaccel_plugins_builtin_activate(void)
{
	size_t n;
	int ret = VACCEL_OK;

	pthread_mutex_lock(&write_lock);
	n = nr_builtins;
	pthread_mutex_unlock(&write_lock);
	/* Entries are only appended, so the first n stay put unlocked. */
	for (size_t i = 0; !ret && i < n; i++) {
		const struct vaccel_plugin_descriptor *d = builtins[i].desc;
		bool present;

		if (builtins[i].wanted && !builtins[i].wanted())
			continue;
		pthread_mutex_lock(&write_lock);
		present = plugin_find_locked(d->name) != NULL;
		pthread_mutex_unlock(&write_lock);
		if (present) {
			vaccel_debug("built-in plugin %s: one of that name is "
				     "loaded already; not adding it",
				     d->name);
			continue;
		}
		ret = add_plugin(d, NULL, "(built-in)", true);
	}
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

/* Publishes a new application plugin: the old one's functions plus `ops`.
 * Readers may still use the old one: it goes with the last snapshot that
 * lists it. Caller holds write_lock. */
static int replace_app_locked(const struct vaccel_op *ops, size_t nr_ops)
{
	struct plugin *old = plugin_find_locked(APP_PLUGIN_NAME);
	struct plugin *app = malloc(sizeof(*app));
	struct registry *next;

	if (!app)
		return VACCEL_ENOMEM;
	/* Field by field: readers may be counting old->snaps down. */
	memset(app, 0, sizeof(*app));
	atomic_init(&app->snaps, 0);
	app->name = APP_PLUGIN_NAME;
	app->type = VACCEL_PLUGIN_ALL & ~(uint32_t)VACCEL_PLUGIN_REMOTE;
	app->seq = old ? old->seq : next_seq++;
	if (old)
		memcpy(app->fns, old->fns, sizeof(app->fns));
	for (size_t i = 0; i < nr_ops; i++)
		app->fns[ops[i].type] = ops[i].func;
	next = snapshot_edit(app, old);
	if (!next) {
		free(app);
		return VACCEL_ENOMEM;
	}
	snapshot_publish(next);
	return VACCEL_OK;
}

int vaccel_plugin_register_ops(struct vaccel_op *ops, size_t nr_ops)
{
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
	pthread_mutex_lock(&write_lock);
	ret = replace_app_locked(ops, nr_ops);
	pthread_mutex_unlock(&write_lock);
	return ret;
}

size_t vaccel_plugin_count(void)
{
	struct registry *r = snapshot_get();
	size_t n = r ? r->nr : 0;

	snapshot_put(r);
	return n;
}

int vaccel_plugin_get_summary(size_t index, struct vaccel_plugin_summary *out)
{
	struct registry *r;
	const struct plugin *p;

	if (!out) {
		vaccel_error("vaccel_plugin_get_summary: out is NULL");
		return VACCEL_EINVAL;
	}
	r = snapshot_get();
	if (!r || index >= r->nr) {
		vaccel_error("vaccel_plugin_get_summary: index %zu, but %zu "
			     "plugins are loaded",
			     index, r ? r->nr : (size_t)0);
		snapshot_put(r);
		return VACCEL_EINVAL;
	}
	p = r->list[index];
	memset(out, 0, sizeof(*out));
	out->name = p->name;
	out->version = p->desc ? p->desc->version : VACCEL_VERSION;
	out->path = p->path ? p->path : "";
	out->type = p->type;
	out->priority = p->priority;
	out->generic = p->desc && p->desc->invoke;
	for (size_t op = 0; op < VACCEL_OP_MAX; op++) {
		out->ops[op] = p->fns[op] != NULL;
		out->nr_typed += out->ops[op];
	}
	snapshot_put(r);
	return VACCEL_OK;
}

static void plugin_destroy(struct plugin *p)
{
	if (p->desc && p->desc->fini)
		p->desc->fini();
	if (p->dl) {
		vaccel_debug("unloaded plugin %s", p->name);
		dlclose(p->dl);
	}
	free(p->path);
	free(p);
}

void vaccel_plugins_unload_all(void)
{
	struct registry *old;

	pthread_mutex_lock(&write_lock);
	/* Take the registry away, then wait for the calls still using it. */
	pthread_mutex_lock(&snap_lock);
	old = current;
	current = NULL;
	while (old && old->refs > 1)
		pthread_cond_wait(&snap_released, &snap_lock);
	pthread_mutex_unlock(&snap_lock);
	/* Last loaded first, so later plugins may rely on earlier ones. The
	 * application plugin goes with the snapshot (older snapshots that
	 * readers still hold may list it too). */
	while (old) {
		size_t last = old->nr;

		for (size_t i = 0; i < old->nr; i++)
			if (old->list[i]->desc &&
			    (last == old->nr ||
			     old->list[i]->seq > old->list[last]->seq))
				last = i;
		if (last == old->nr)
			break;
		plugin_destroy(old->list[last]);
		old->list[last] = old->list[--old->nr];
	}
	if (old)
		snapshot_free(old);
	while (retired) {
		struct plugin *next = retired->retired_next;

		plugin_destroy(retired);
		retired = next;
	}
	pthread_mutex_unlock(&write_lock);
}

static void log_unserved(const struct registry *r,
			 const struct vaccel_op_desc *desc,
			 const struct vaccel_session *sess)
{
	char list[512] = "";
	size_t used = 0;
	size_t nr = r ? r->nr : 0;

	for (size_t i = 0; i < nr; i++) {
		char types[128];

		type_str(r->list[i]->type, types, sizeof(types));
		used += (size_t)snprintf(
		    list + used, used < sizeof(list) ? sizeof(list) - used : 0,
		    "%s%s (%s)", i ? ", " : "", r->list[i]->name, types);
		if (used >= sizeof(list))
			break;
	}
	vaccel_error("%s: no plugin implements op '%s' for session %lld "
		     "(hints 0x%x); loaded plugins: %s",
		     desc->fn_name, desc->name, (long long)sess->id, sess->hint,
		     nr ? list : "none");
}

int vaccel_plugins_dispatch(const struct vaccel_op_desc *desc, void **argv,
			    const struct vaccel_session *sess)
{
	struct registry *r = snapshot_get();
	int ret = VACCEL_ENOTSUP;
	bool tried = false;

	/* Between cleanup and the next bootstrap (a restart by another
	 * thread) there are no plugins: say so rather than list none. */
	if (!r && !vaccel_is_initialized()) {
		vaccel_error("%s: vaccel is not initialised (cleaned up, or "
			     "being restarted by another thread)",
			     desc->fn_name);
		return VACCEL_ENOTSUP;
	}

	int rk = 0;
	size_t i = 0;
	struct plugin *p;

	while ((p = next_serving(r, sess, &rk, &i))) {
		void *fn = p->fns[desc->id];

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
		log_unserved(r, desc, sess);
	snapshot_put(r);
	return ret;
}

void vaccel_plugins_session_route(struct vaccel_session *sess)
{
	struct registry *r = snapshot_get();
	bool local = false, transport = false;
	int rk = 0;
	size_t i = 0;
	struct plugin *p;

	for (size_t k = 0; r && k < r->nr; k++) {
		transport |= is_transport(r->list[k]);
		local |= !is_transport(r->list[k]);
	}
	/* A lone transport serves local sessions too, as vAccel's lone
	 * VirtIO plugin does: a guest loads only the transport. */
	sess->is_virtio =
	    (sess->hint & VACCEL_PLUGIN_REMOTE) || (transport && !local);
	if ((sess->hint & VACCEL_PLUGIN_REMOTE) && !transport)
		vaccel_warn("session %lld asks for a transport "
			    "(VACCEL_PLUGIN_REMOTE) and none is loaded; its "
			    "ops fail with ENOTSUP until one is",
			    (long long)sess->id);
	p = next_serving(r, sess, &rk, &i);
	sess->plugin = !p ? NULL : p->desc ? &p->pub : &app_pub;
	snapshot_put(r);
}

int vaccel_plugins_session_hook(struct vaccel_session *sess, bool init)
{
	struct registry *r = snapshot_get();
	int ret = VACCEL_OK;
	int rk = 0;
	size_t i = 0, n = 0;
	struct plugin *p;

	/* Every plugin that may serve the session (any rank). */
	while ((p = next_serving(r, sess, &rk, &i))) {
		const struct vaccel_plugin_descriptor *d = p->desc;

		n++;
		if (!d)
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
	/* Roll back the n - 1 plugins before the one that refused. */
	rk = 0;
	i = 0;
	while (ret && --n > 0 && (p = next_serving(r, sess, &rk, &i)))
		if (p->desc && p->desc->session_release)
			p->desc->session_release(sess);
	snapshot_put(r);
	return ret;
}

int vaccel_plugins_resource_registered(struct vaccel_resource *res,
				       struct vaccel_session *sess)
{
	struct registry *r = snapshot_get();
	int ret = VACCEL_OK;

	for (size_t i = 0; !ret && r && i < r->nr; i++) {
		const struct vaccel_plugin_descriptor *d = r->list[i]->desc;

		if (d && VACCEL_PLUGIN_DESC_HAS(d, resource_register) &&
		    d->resource_register) {
			ret = d->resource_register(res, sess);
			if (ret)
				vaccel_error(
				    "plugin %s refused to register "
				    "resource %lld to session %lld: %s",
				    d->name, (long long)res->id,
				    (long long)sess->id,
				    vaccel_error_to_str(ret));
		}
	}
	snapshot_put(r);
	return ret;
}

void vaccel_plugins_resource_unregistered(struct vaccel_resource *res,
					  struct vaccel_session *sess)
{
	struct registry *r = snapshot_get();

	for (size_t i = 0; r && i < r->nr; i++) {
		const struct vaccel_plugin_descriptor *d = r->list[i]->desc;

		if (d && VACCEL_PLUGIN_DESC_HAS(d, resource_unregister) &&
		    d->resource_unregister)
			d->resource_unregister(res, sess);
	}
	snapshot_put(r);
}

int vaccel_plugins_shared_alloc(struct vaccel_session *sess, size_t size,
				void **out,
				const struct vaccel_plugin_descriptor **owner)
{
	struct registry *r = snapshot_get();
	int ret = VACCEL_ENOTSUP;
	int rk = 0;
	size_t i = 0;
	struct plugin *p;

	/* The first serving plugin that has a region with room. */
	while (ret && (p = next_serving(r, sess, &rk, &i))) {
		const struct vaccel_plugin_descriptor *d = p->desc;

		if (!d || !VACCEL_PLUGIN_DESC_HAS(d, shared_free) ||
		    !d->shared_alloc || !d->shared_free)
			continue;
		ret = d->shared_alloc(sess, size, out);
		if (!ret)
			*owner = d;
	}
	snapshot_put(r);
	return ret;
}

/* Loaded models, one per MODEL resource, in the plugin's own table keyed
 * by resource id (res->plugin_priv is one slot shared by every plugin, so
 * it is left alone). A model is loaded on first use and stays loaded while
 * the resource is registered to some session; each entry is reference
 * counted, so dropping it never frees a module under a running call. */

#include "torch_plugin.h"

#include <vaccel/plugin_cache.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct torch_model {
	/* Its place in the table (vaccel/plugin_cache.h): resource id and
	 * references (one for the table, one per caller holding it). */
	struct vaccel_plugin_cache_entry entry;
	/* Serialises the first load; `module` is NULL until it succeeded. */
	pthread_mutex_t load_lock;
	struct torch_module *module;
};

static void free_model(struct vaccel_plugin_cache_entry *e);
static struct vaccel_plugin_cache models = VACCEL_PLUGIN_CACHE_INIT(free_model);

/* ---- which blob is the model ------------------------------------------ */

static bool has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), s = strlen(suffix);

	return n >= s && !strcmp(name + n - s, suffix);
}

static bool is_model_name(const char *name)
{
	return has_suffix(name, ".pt") || has_suffix(name, ".pth") ||
	       has_suffix(name, ".ptl") || has_suffix(name, ".torchscript");
}

/* The TorchScript file of `res`: the first blob named *.pt, *.pth, *.ptl or
 * *.torchscript; else the only blob not named *.json or *.txt (metadata
 * and labels may travel in the same resource). */
static struct vaccel_blob *model_blob(struct vaccel_resource *res)
{
	struct vaccel_blob *other = NULL;
	size_t nr_other = 0;

	for (size_t i = 0; i < res->nr_blobs; i++) {
		struct vaccel_blob *b = res->blobs[i];
		const char *name = b && b->name ? b->name : "";

		if (is_model_name(name))
			return b;
		if (b && !has_suffix(name, ".json") &&
		    !has_suffix(name, ".txt")) {
			other = b;
			nr_other++;
		}
	}
	if (nr_other == 1)
		return other;
	vaccel_plugin_error("resource %lld: no TorchScript file among its %zu "
			    "files (name it *.pt, *.pth, *.ptl or "
			    "*.torchscript)",
			    (long long)res->id, res->nr_blobs);
	return NULL;
}

static int load(struct vaccel_resource *res, struct torch_module **out)
{
	struct vaccel_blob *blob = model_blob(res);
	char name[128];
	uint8_t *data;
	size_t size = 0;
	int ret;

	if (!blob)
		return VACCEL_EINVAL;
	/* The bytes, wherever they live (a file, a buffer, a mapping). */
	data = vaccel_plugin_host->blob_data(blob, &size);
	if (!data) {
		vaccel_plugin_error("resource %lld: cannot read %s",
				    (long long)res->id, blob->name);
		return VACCEL_EIO;
	}
	snprintf(name, sizeof(name), "%s (resource %lld)", blob->name,
		 (long long)res->id);
	ret = torch_module_load(data, size, name, out);
	if (!ret)
		vaccel_plugin_debug("model of resource %lld loaded from %s, "
				    "%zu bytes, on %s",
				    (long long)res->id, blob->name, size,
				    torch_engine_device());
	return ret;
}

/* ---- the table ------------------------------------------------------ */

static void free_model(struct vaccel_plugin_cache_entry *e)
{
	struct torch_model *m =
	    vaccel_plugin_cache_obj(e, struct torch_model, entry);

	if (m->module) {
		torch_module_free(m->module);
		vaccel_plugin_debug("model of resource %lld freed",
				    (long long)e->res_id);
	}
	pthread_mutex_destroy(&m->load_lock);
	free(m);
}

/* The entry of resource `id` with a reference for the caller, listing a
 * new (not yet loaded) one when there is none. */
static struct torch_model *lookup_or_add(vaccel_id_t id)
{
	for (;;) {
		struct vaccel_plugin_cache_entry *e =
		    vaccel_plugin_cache_get(&models, id);
		struct torch_model *m;

		if (e)
			return vaccel_plugin_cache_obj(e, struct torch_model,
						       entry);
		m = calloc(1, sizeof(*m));
		if (!m)
			return NULL;
		vaccel_plugin_cache_entry_init(&m->entry, id);
		pthread_mutex_init(&m->load_lock, NULL);
		/* Listed, it belongs to the table; the next get takes the
		 * caller's reference (or finds another thread's entry). */
		if (vaccel_plugin_cache_add(&models, &m->entry)) {
			pthread_mutex_destroy(&m->load_lock);
			free(m);
		}
	}
}

int torch_model_get(struct vaccel_resource *res, struct torch_model **out)
{
	struct torch_model *m = lookup_or_add(res->id);
	int ret = VACCEL_OK;

	if (!m)
		return VACCEL_ENOMEM;
	pthread_mutex_lock(&m->load_lock);
	if (!m->module)
		ret = load(res, &m->module);
	pthread_mutex_unlock(&m->load_lock);
	if (ret) {
		torch_model_put(m);
		return ret;
	}
	*out = m;
	return VACCEL_OK;
}

void torch_model_put(struct torch_model *m)
{
	vaccel_plugin_cache_put(&models, &m->entry);
}

struct torch_module *torch_model_module(struct torch_model *m)
{
	return m->module;
}

void torch_model_forget(struct vaccel_resource *res)
{
	/* ENOENT: nothing was cached for it. */
	vaccel_plugin_cache_remove(&models, res->id);
}

void torch_model_cache_clear(void)
{
	vaccel_plugin_cache_clear(&models);
}

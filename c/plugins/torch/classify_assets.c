/* Finding the model, metadata and labels of a classification
 * (classify_assets.h). */
#include "classify_assets.h"

#include <stdio.h>
#include <string.h>

static bool has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), s = strlen(suffix);

	return n >= s && !strcmp(name + n - s, suffix);
}

/* True when blob `name` (a path relative to its resource's directory)
 * is the file `file`, given by name or by that relative path. */
static bool same_file(const char *name, const char *file)
{
	const char *base = strrchr(name, '/');

	return !strcmp(name, file) || (base && !strcmp(base + 1, file));
}

/* The blobs of `res` named *`suffix` (with file == NULL) or named `file`:
 * counts them into *nr and keeps the first in *found. */
static void find_blobs(struct vaccel_resource *res, const char *suffix,
		       const char *file, struct vaccel_blob **found, size_t *nr)
{
	for (size_t i = 0; i < res->nr_blobs; i++) {
		struct vaccel_blob *b = res->blobs[i];
		if (!b || !b->name)
			continue;
		if (file ? same_file(b->name, file)
			 : has_suffix(b->name, suffix)) {
			if (!*nr)
				*found = b;
			++*nr;
		}
	}
}

/* Looks in the model resource first; when it holds no match, in the
 * session's DATA resources, which together must hold exactly one. */
static int find_asset(struct assets *a, const char *suffix, const char *file,
		      const char *what, struct vaccel_blob **out)
{
	size_t nr = 0;

	find_blobs(a->model, suffix, file, out, &nr);
	if (!nr)
		for (size_t i = 0; i < a->nr_data; i++)
			find_blobs(a->data[i], suffix, file, out, &nr);
	if (nr == 1)
		return VACCEL_OK;
	if (nr == 0)
		vaccel_plugin_error(LOG_PREFIX "no %s (%s%s) in model resource "
					       "%lld or the session's DATA "
					       "resources",
				    what, file ? "" : "*", file ? file : suffix,
				    (long long)a->model->id);
	else
		vaccel_plugin_error(LOG_PREFIX "%zu files could be the %s "
					       "(%s%s); expected one",
				    nr, what, file ? "" : "*",
				    file ? file : suffix);
	return VACCEL_EINVAL;
}

static const uint8_t *blob_bytes(struct vaccel_blob *b, size_t *size)
{
	const uint8_t *data = vaccel_plugin_host->blob_data(b, size);

	if (!data)
		vaccel_plugin_error(LOG_PREFIX "cannot read %s", b->name);
	return data;
}

/* The session's one MODEL resource: none is VACCEL_ENOENT, several is
 * VACCEL_EINVAL (which one would be meant?). */
int torch_assets_find_model(struct vaccel_session *sess, struct assets *a)
{
	const struct vaccel_host_api *h = vaccel_plugin_host;
	struct vaccel_resource **res = NULL;
	size_t nr = 0;
	int ret;

	ret = h->session_resources_by_type(sess, &res, &nr,
					   VACCEL_RESOURCE_MODEL);
	if (ret == VACCEL_ENOENT || (!ret && nr == 0)) {
		vaccel_plugin_error(LOG_PREFIX "session %lld has no MODEL "
					       "resource registered",
				    (long long)sess->id);
		h->free(res);
		return VACCEL_ENOENT;
	}
	if (ret)
		return ret;
	if (nr > 1) {
		vaccel_plugin_error(LOG_PREFIX "session %lld has %zu MODEL "
					       "resources registered; expected "
					       "exactly one TorchScript model",
				    (long long)sess->id, nr);
		h->free(res);
		return VACCEL_EINVAL;
	}
	a->model = res[0];
	h->free(res);
	ret = h->session_resources_by_type(sess, &a->data, &a->nr_data,
					   VACCEL_RESOURCE_DATA);
	return ret == VACCEL_ENOENT ? VACCEL_OK : ret;
}

int torch_assets_load_meta(struct assets *a)
{
	struct vaccel_blob *b = NULL;
	const uint8_t *data;
	size_t size;
	char err[256];

	if (find_asset(a, ".json", NULL, "metadata", &b))
		return VACCEL_EINVAL;
	if (!(data = blob_bytes(b, &size)))
		return VACCEL_EIO;
	if (torch_meta_parse((const char *)data, size, &a->meta, err,
			     sizeof(err))) {
		vaccel_plugin_error(LOG_PREFIX "metadata %s: %s", b->name, err);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

int torch_assets_load_labels(struct assets *a)
{
	struct vaccel_blob *b = NULL;
	const uint8_t *data;
	size_t size;
	char err[256];

	if (!a->meta.labels_file)
		return VACCEL_OK;
	if (find_asset(a, NULL, a->meta.labels_file, "labels file", &b))
		return VACCEL_EINVAL;
	if (!(data = blob_bytes(b, &size)))
		return VACCEL_EIO;
	if (torch_labels_parse((const char *)data, size, &a->file_labels,
			       &a->nr_file_labels, err, sizeof(err))) {
		vaccel_plugin_error(LOG_PREFIX "labels %s: %s", b->name, err);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

void torch_assets_release(struct assets *a)
{
	vaccel_plugin_host->free(a->data);
	torch_meta_release(&a->meta);
	torch_labels_free(a->file_labels, a->nr_file_labels);
}

char **torch_assets_labels(const struct assets *a, size_t *nr)
{
	*nr = a->file_labels ? a->nr_file_labels : a->meta.nr_labels;
	return a->file_labels ? a->file_labels : a->meta.labels;
}

/* The classification metadata: JSON document -> struct torch_meta. */
#include "meta.h"

#include "json.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int error(char *err, size_t err_size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int error(char *err, size_t err_size, const char *fmt, ...)
{
	va_list ap;

	if (err && err_size) {
		va_start(ap, fmt);
		vsnprintf(err, err_size, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* An integer member in [lo, hi]; absent is an error. */
static int get_int(const struct json_value *obj, const char *path,
		   const char *key, int lo, int hi, int *out, char *err,
		   size_t err_size)
{
	const struct json_value *v = json_get(obj, key);

	if (!v || v->type != JSON_NUMBER || !(v->number >= lo) ||
	    !(v->number <= hi) || v->number != (double)(int)v->number)
		return error(err, err_size,
			     "%s.%s: expected an integer in %d..%d%s", path,
			     key, lo, hi, v ? "" : " (missing)");
	*out = (int)v->number;
	return 0;
}

/* A string member equal to one of `choices` (index into *out); absent
 * gives `dflt`. */
static int get_choice(const struct json_value *obj, const char *path,
		      const char *key, const char *const *choices, int dflt,
		      int *out, char *err, size_t err_size)
{
	const struct json_value *v = json_get(obj, key);

	*out = dflt;
	if (!v)
		return 0;
	if (v->type == JSON_STRING)
		for (int i = 0; choices[i]; i++)
			if (!strcmp(v->string, choices[i])) {
				*out = i;
				return 0;
			}
	char list[128] = "";
	for (int i = 0; choices[i]; i++) {
		size_t n = strlen(list);
		snprintf(list + n, sizeof(list) - n, "%s\"%s\"",
			 i ? (choices[i + 1] ? ", " : " or ") : "", choices[i]);
	}
	return error(err, err_size, "%s%s%s: expected %s", path,
		     *path ? "." : "", key, list);
}

/* A finite number; `positive` also refuses 0 and below. */
static int number(const struct json_value *v, const char *name, bool positive,
		  float *out, char *err, size_t err_size)
{
	if (!v || v->type != JSON_NUMBER || !isfinite((float)v->number) ||
	    (positive && !((float)v->number > 0)))
		return error(err, err_size, "%s: expected a %snumber", name,
			     positive ? "positive " : "");
	*out = (float)v->number;
	return 0;
}

/* "mean"/"std": one number per channel (a single number, or a list of
 * length 1 applied to every channel). */
static int per_channel(const struct json_value *norm, const char *key,
		       int channels, bool positive, float dflt, float *out,
		       char *err, size_t err_size)
{
	const struct json_value *v = json_get(norm, key);
	char name[64];

	snprintf(name, sizeof(name), "normalize.%s", key);
	if (!v) {
		for (int c = 0; c < channels; c++)
			out[c] = dflt;
		return 0;
	}
	if (v->type == JSON_NUMBER) {
		if (number(v, name, positive, &out[0], err, err_size))
			return -1;
		for (int c = 1; c < channels; c++)
			out[c] = out[0];
		return 0;
	}
	if (v->type != JSON_ARRAY || (v->nr != 1 && v->nr != (size_t)channels))
		return error(err, err_size,
			     "%s: expected a number or a list of 1 or %d "
			     "numbers (one per channel)",
			     name, channels);
	for (int c = 0; c < channels; c++) {
		snprintf(name, sizeof(name), "normalize.%s[%d]", key,
			 v->nr == 1 ? 0 : c);
		if (number(&v->items[v->nr == 1 ? 0 : c], name, positive,
			   &out[c], err, err_size))
			return -1;
	}
	return 0;
}

static int parse_input(const struct json_value *root, struct torch_meta *m,
		       char *err, size_t err_size)
{
	static const char *const layouts[] = {"NCHW", "NHWC", NULL};
	static const char *const dtypes[] = {"float32", NULL};
	const struct json_value *in = json_get(root, "input");
	int layout, dtype;

	if (!in || in->type != JSON_OBJECT)
		return error(err, err_size, "input: expected an object%s",
			     in ? "" : " (missing)");
	if (get_int(in, "input", "width", 1, TORCH_META_MAX_SIDE, &m->width,
		    err, err_size) ||
	    get_int(in, "input", "height", 1, TORCH_META_MAX_SIDE, &m->height,
		    err, err_size))
		return -1;
	if (!json_get(in, "channels"))
		m->channels = 3;
	else if (get_int(in, "input", "channels", 1, 3, &m->channels, err,
			 err_size) ||
		 m->channels == 2)
		return error(err, err_size,
			     "input.channels: expected 1 (gray) or 3 (RGB)");
	if (get_choice(in, "input", "layout", layouts, 0, &layout, err,
		       err_size) ||
	    get_choice(in, "input", "dtype", dtypes, 0, &dtype, err, err_size))
		return -1;
	m->layout = (enum torch_meta_layout)layout;
	for (size_t i = 0; i < in->nr; i++)
		if (strcmp(in->keys[i], "width") &&
		    strcmp(in->keys[i], "height") &&
		    strcmp(in->keys[i], "channels") &&
		    strcmp(in->keys[i], "layout") &&
		    strcmp(in->keys[i], "dtype"))
			return error(err, err_size, "input.%s: unknown key",
				     in->keys[i]);
	return 0;
}

static int parse_normalize(const struct json_value *root, struct torch_meta *m,
			   char *err, size_t err_size)
{
	const struct json_value *norm = json_get(root, "normalize");

	m->scale = 1.0f / 255.0f;
	if (!norm)
		return per_channel(NULL, "mean", m->channels, false, 0.0f,
				   m->mean, err, err_size) ||
		       per_channel(NULL, "std", m->channels, true, 1.0f, m->std,
				   err, err_size);
	if (norm->type != JSON_OBJECT)
		return error(err, err_size, "normalize: expected an object");
	for (size_t i = 0; i < norm->nr; i++)
		if (strcmp(norm->keys[i], "scale") &&
		    strcmp(norm->keys[i], "mean") &&
		    strcmp(norm->keys[i], "std"))
			return error(err, err_size, "normalize.%s: unknown key",
				     norm->keys[i]);
	if (json_get(norm, "scale") &&
	    number(json_get(norm, "scale"), "normalize.scale", true, &m->scale,
		   err, err_size))
		return -1;
	if (per_channel(norm, "mean", m->channels, false, 0.0f, m->mean, err,
			err_size) ||
	    per_channel(norm, "std", m->channels, true, 1.0f, m->std, err,
			err_size))
		return -1;
	return 0;
}

static int parse_labels(const struct json_value *root, struct torch_meta *m,
			char *err, size_t err_size)
{
	const struct json_value *v = json_get(root, "labels");

	if (!v)
		return 0;
	if (v->type == JSON_STRING) {
		if (!v->string[0])
			return error(err, err_size,
				     "labels: expected a file name or a list "
				     "of strings, found \"\"");
		m->labels_file = strdup(v->string);
		return m->labels_file
			   ? 0
			   : error(err, err_size, "labels: out of memory");
	}
	if (v->type != JSON_ARRAY || v->nr == 0)
		return error(err, err_size,
			     "labels: expected a file name or a non-empty "
			     "list of strings");
	if (v->nr > TORCH_META_MAX_LABELS)
		return error(err, err_size, "labels: more than %d entries",
			     TORCH_META_MAX_LABELS);
	m->labels = calloc(v->nr, sizeof(*m->labels));
	if (!m->labels)
		return error(err, err_size, "labels: out of memory");
	m->nr_labels = v->nr;
	for (size_t i = 0; i < v->nr; i++) {
		if (v->items[i].type != JSON_STRING)
			return error(err, err_size,
				     "labels[%zu]: expected a string, found %s",
				     i, json_type_name(v->items[i].type));
		m->labels[i] = strdup(v->items[i].string);
		if (!m->labels[i])
			return error(err, err_size, "labels: out of memory");
	}
	return 0;
}

int torch_meta_parse(const char *text, size_t len, struct torch_meta *meta,
		     char *err, size_t err_size)
{
	static const char *const outputs[] = {"logits", "probabilities", NULL};
	struct json_value root;
	char json_err[160];
	int output, ret = -1;

	memset(meta, 0, sizeof(*meta));
	if (len > TORCH_META_MAX_BYTES)
		return error(err, err_size,
			     "the document has %zu bytes, more than %d", len,
			     TORCH_META_MAX_BYTES);
	if (json_parse(text, len, &root, json_err, sizeof(json_err)))
		return error(err, err_size, "%s", json_err);
	if (root.type != JSON_OBJECT) {
		error(err, err_size, "expected an object at the top, found %s",
		      json_type_name(root.type));
		goto out;
	}
	for (size_t i = 0; i < root.nr; i++)
		if (strcmp(root.keys[i], "input") &&
		    strcmp(root.keys[i], "normalize") &&
		    strcmp(root.keys[i], "labels") &&
		    strcmp(root.keys[i], "output")) {
			error(err, err_size, "%s: unknown key", root.keys[i]);
			goto out;
		}
	if (parse_input(&root, meta, err, err_size) ||
	    parse_normalize(&root, meta, err, err_size) ||
	    parse_labels(&root, meta, err, err_size) ||
	    get_choice(&root, "", "output", outputs, 0, &output, err, err_size))
		goto out;
	meta->logits = output == 0;
	ret = 0;
out:
	json_free(&root);
	if (ret)
		torch_meta_release(meta);
	return ret;
}

void torch_meta_release(struct torch_meta *meta)
{
	if (!meta)
		return;
	torch_labels_free(meta->labels, meta->nr_labels);
	free(meta->labels_file);
	memset(meta, 0, sizeof(*meta));
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

int torch_labels_parse(const char *text, size_t len, char ***labels,
		       size_t *nr_labels, char *err, size_t err_size)
{
	size_t nr = 0, line = 0;
	char **out;

	*labels = NULL;
	*nr_labels = 0;
	if (len && memchr(text, '\0', len))
		return error(err, err_size, "a NUL byte in the labels");
	/* Lines, not counting an empty last one after the final '\n'. */
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			nr++;
	if (len && text[len - 1] != '\n')
		nr++;
	if (nr == 0)
		return error(err, err_size, "no labels in the file");
	if (nr > TORCH_META_MAX_LABELS)
		return error(err, err_size, "more than %d labels",
			     TORCH_META_MAX_LABELS);
	out = calloc(nr, sizeof(*out));
	if (!out)
		return error(err, err_size, "out of memory");
	for (size_t pos = 0; line < nr; line++) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t b = pos, e = nl ? (size_t)(nl - text) : len;
		pos = e + 1;
		while (b < e && blank(text[b]))
			b++;
		while (e > b && blank(text[e - 1]))
			e--;
		if (b == e) {
			torch_labels_free(out, nr);
			return error(err, err_size, "line %zu: empty label",
				     line + 1);
		}
		out[line] = strndup(text + b, e - b);
		if (!out[line]) {
			torch_labels_free(out, nr);
			return error(err, err_size, "out of memory");
		}
	}
	*labels = out;
	*nr_labels = nr;
	return 0;
}

void torch_labels_free(char **labels, size_t nr_labels)
{
	if (!labels)
		return;
	for (size_t i = 0; i < nr_labels; i++)
		free(labels[i]);
	free(labels);
}

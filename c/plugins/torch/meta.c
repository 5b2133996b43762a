/* The classification metadata: JSON document -> struct torch_meta, read
 * with Jansson in strict mode (duplicate keys refused). */
#include "meta.h"

#include <jansson.h>
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

/* "null", "a boolean", "a number", ... for error messages. */
static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	default:
		return "null";
	}
}

/* An integer member in [lo, hi] (8 and 8.0 alike); absent is an error. */
static int get_int(const json_t *obj, const char *path, const char *key, int lo,
		   int hi, int *out, char *err, size_t err_size)
{
	const json_t *v = json_object_get(obj, key);
	double n = json_number_value(v);

	if (!json_is_number(v) || !(n >= lo) || !(n <= hi) ||
	    n != (double)(int)n)
		return error(err, err_size,
			     "%s.%s: expected an integer in %d..%d%s", path,
			     key, lo, hi, v ? "" : " (missing)");
	*out = (int)n;
	return 0;
}

/* A string member equal to one of `choices` (index into *out); absent
 * gives `dflt`. */
static int get_choice(const json_t *obj, const char *path, const char *key,
		      const char *const *choices, int dflt, int *out, char *err,
		      size_t err_size)
{
	const json_t *v = json_object_get(obj, key);

	*out = dflt;
	if (!v)
		return 0;
	if (json_is_string(v))
		for (int i = 0; choices[i]; i++)
			if (!strcmp(json_string_value(v), choices[i])) {
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
static int number(const json_t *v, const char *name, bool positive, float *out,
		  char *err, size_t err_size)
{
	float f = (float)json_number_value(v);

	if (!json_is_number(v) || !isfinite(f) || (positive && !(f > 0)))
		return error(err, err_size, "%s: expected a %snumber", name,
			     positive ? "positive " : "");
	*out = f;
	return 0;
}

/* "mean"/"std": one number per channel (a single number, or a list of
 * length 1 applied to every channel). */
static int per_channel(const json_t *norm, const char *key, int channels,
		       bool positive, float dflt, float *out, char *err,
		       size_t err_size)
{
	const json_t *v = json_object_get(norm, key);
	size_t nr = json_array_size(v);
	char name[64];

	snprintf(name, sizeof(name), "normalize.%s", key);
	if (!v) {
		for (int c = 0; c < channels; c++)
			out[c] = dflt;
		return 0;
	}
	if (json_is_number(v)) {
		if (number(v, name, positive, &out[0], err, err_size))
			return -1;
		for (int c = 1; c < channels; c++)
			out[c] = out[0];
		return 0;
	}
	if (!json_is_array(v) || (nr != 1 && nr != (size_t)channels))
		return error(err, err_size,
			     "%s: expected a number or a list of 1 or %d "
			     "numbers (one per channel)",
			     name, channels);
	for (int c = 0; c < channels; c++) {
		snprintf(name, sizeof(name), "normalize.%s[%d]", key,
			 nr == 1 ? 0 : c);
		if (number(json_array_get(v, nr == 1 ? 0 : (size_t)c), name,
			   positive, &out[c], err, err_size))
			return -1;
	}
	return 0;
}

/* The first key of `obj` not in `known` (NULL-terminated), or NULL. */
static const char *unknown_key(const json_t *obj, const char *const *known)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)obj, key, v)
	{
		size_t i = 0;

		while (known[i] && strcmp(key, known[i]))
			i++;
		if (!known[i])
			return key;
	}
	return NULL;
}

static int parse_input(const json_t *root, struct torch_meta *m, char *err,
		       size_t err_size)
{
	static const char *const layouts[] = {"NCHW", "NHWC", NULL};
	static const char *const dtypes[] = {"float32", NULL};
	static const char *const keys[] = {"width",  "height", "channels",
					   "layout", "dtype",  NULL};
	const json_t *in = json_object_get(root, "input");
	const char *bad;
	int layout, dtype;

	if (!json_is_object(in))
		return error(err, err_size, "input: expected an object%s",
			     in ? "" : " (missing)");
	if (get_int(in, "input", "width", 1, TORCH_META_MAX_SIDE, &m->width,
		    err, err_size) ||
	    get_int(in, "input", "height", 1, TORCH_META_MAX_SIDE, &m->height,
		    err, err_size))
		return -1;
	if (!json_object_get(in, "channels"))
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
	bad = unknown_key(in, keys);
	if (bad)
		return error(err, err_size, "input.%s: unknown key", bad);
	return 0;
}

static int parse_normalize(const json_t *root, struct torch_meta *m, char *err,
			   size_t err_size)
{
	static const char *const keys[] = {"scale", "mean", "std", NULL};
	const json_t *norm = json_object_get(root, "normalize");
	const char *bad;

	m->scale = 1.0f / 255.0f;
	if (!norm)
		return per_channel(NULL, "mean", m->channels, false, 0.0f,
				   m->mean, err, err_size) ||
		       per_channel(NULL, "std", m->channels, true, 1.0f, m->std,
				   err, err_size);
	if (!json_is_object(norm))
		return error(err, err_size, "normalize: expected an object");
	bad = unknown_key(norm, keys);
	if (bad)
		return error(err, err_size, "normalize.%s: unknown key", bad);
	if (json_object_get(norm, "scale") &&
	    number(json_object_get(norm, "scale"), "normalize.scale", true,
		   &m->scale, err, err_size))
		return -1;
	if (per_channel(norm, "mean", m->channels, false, 0.0f, m->mean, err,
			err_size) ||
	    per_channel(norm, "std", m->channels, true, 1.0f, m->std, err,
			err_size))
		return -1;
	return 0;
}

static int parse_labels(const json_t *root, struct torch_meta *m, char *err,
			size_t err_size)
{
	const json_t *v = json_object_get(root, "labels");
	size_t nr = json_array_size(v);

	if (!v)
		return 0;
	if (json_is_string(v)) {
		if (!json_string_value(v)[0])
			return error(err, err_size,
				     "labels: expected a file name or a list "
				     "of strings, found \"\"");
		m->labels_file = strdup(json_string_value(v));
		return m->labels_file
			   ? 0
			   : error(err, err_size, "labels: out of memory");
	}
	if (!json_is_array(v) || nr == 0)
		return error(err, err_size,
			     "labels: expected a file name or a non-empty "
			     "list of strings");
	if (nr > TORCH_META_MAX_LABELS)
		return error(err, err_size, "labels: more than %d entries",
			     TORCH_META_MAX_LABELS);
	m->labels = calloc(nr, sizeof(*m->labels));
	if (!m->labels)
		return error(err, err_size, "labels: out of memory");
	m->nr_labels = nr;
	for (size_t i = 0; i < nr; i++) {
		const json_t *item = json_array_get(v, i);

		if (!json_is_string(item))
			return error(err, err_size,
				     "labels[%zu]: expected a string, found %s",
				     i, type_name(item));
		m->labels[i] = strdup(json_string_value(item));
		if (!m->labels[i])
			return error(err, err_size, "labels: out of memory");
	}
	return 0;
}

/* Jansson's syntax errors in the words the metadata errors have always
 * used: "offset N: expected ..., found 'X'", N the offset of the token
 * where the document went wrong (Jansson reports the offset after it). */
static int syntax_error(const json_error_t *e, char *err, size_t err_size)
{
	static const char *const words[][2] = {
	    {"string or '}' expected", "expected a string key"},
	    {"':' expected", "expected ':' after the key"},
	    {"']' expected", "expected ',' or ']'"},
	    {"'}' expected", "expected ',' or '}'"},
	    {"unexpected token", "expected a value"},
	    {"'[' or '{' expected", "expected a value"},
	    {"duplicate object key", "expected no duplicate key"},
	    {"end of file expected", "expected the end of the document"},
	    {"invalid token", "expected a value"},
	    {"\\u0000 is not allowed without JSON_ALLOW_NUL",
	     "expected no \\u0000"},
	};
	const char *near = strstr(e->text, " near ");
	size_t head = near ? (size_t)(near - e->text) : strlen(e->text);
	const char *what = NULL;
	char found[96] = "";
	int offset = e->position, tok = 0;

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]) && !what; i++)
		if (strlen(words[i][0]) == head &&
		    !strncmp(e->text, words[i][0], head))
			what = words[i][1];
	if (near && !strcmp(near + 6, "end of file")) {
		snprintf(found, sizeof(found),
			 ", found the end of the document");
	} else if (near && near[6] == '\'') {
		tok = (int)strlen(near + 7) - 1;
		snprintf(found, sizeof(found), ", found '%.*s'", tok, near + 7);
	}
	offset = offset > tok ? offset - tok : 0;
	if (!what)
		return error(err, err_size, "offset %d: %.*s%s", offset,
			     (int)head, e->text, found);
	return error(err, err_size, "offset %d: %s%s", offset, what, found);
}

int torch_meta_parse(const char *text, size_t len, struct torch_meta *meta,
		     char *err, size_t err_size)
{
	static const char *const outputs[] = {"logits", "probabilities", NULL};
	static const char *const keys[] = {"input", "normalize", "labels",
					   "output", NULL};
	json_error_t jerr;
	json_t *root;
	const char *bad;
	int output, ret = -1;

	memset(meta, 0, sizeof(*meta));
	if (len > TORCH_META_MAX_BYTES)
		return error(err, err_size,
			     "the document has %zu bytes, more than %d", len,
			     TORCH_META_MAX_BYTES);
	/* Strict RFC 8259: any value at the top (checked below), no
	 * duplicate keys; Jansson refuses NaN, comments and \u0000. */
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY,
			  &jerr);
	if (!root)
		return syntax_error(&jerr, err, err_size);
	if (!json_is_object(root)) {
		error(err, err_size, "expected an object at the top, found %s",
		      type_name(root));
		goto out;
	}
	bad = unknown_key(root, keys);
	if (bad) {
		error(err, err_size, "%s: unknown key", bad);
		goto out;
	}
	if (parse_input(root, meta, err, err_size) ||
	    parse_normalize(root, meta, err, err_size) ||
	    parse_labels(root, meta, err, err_size) ||
	    get_choice(root, "", "output", outputs, 0, &output, err, err_size))
		goto out;
	meta->logits = output == 0;
	ret = 0;
out:
	json_decref(root);
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

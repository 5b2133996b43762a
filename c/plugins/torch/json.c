/* A strict JSON reader, only as much as the model metadata needs (json.h). */
#include "json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parser {
	const unsigned char *start, *p, *end;
	char *err;
	size_t err_size;
};

/* Records "offset N: expected WHAT (found ...)" and returns -1. */
static int fail(struct parser *ps, const char *what)
{
	size_t off = (size_t)(ps->p - ps->start);

	if (!ps->err || !ps->err_size)
		return -1;
	if (ps->p >= ps->end)
		snprintf(ps->err, ps->err_size,
			 "offset %zu: expected %s, found the end of the "
			 "document",
			 off, what);
	else if (*ps->p >= 0x20 && *ps->p < 0x7f)
		snprintf(ps->err, ps->err_size,
			 "offset %zu: expected %s, found '%c'", off, what,
			 *ps->p);
	else
		snprintf(ps->err, ps->err_size,
			 "offset %zu: expected %s, found byte 0x%02x", off,
			 what, *ps->p);
	return -1;
}

static int oom(struct parser *ps)
{
	if (ps->err && ps->err_size)
		snprintf(ps->err, ps->err_size, "offset %zu: out of memory",
			 (size_t)(ps->p - ps->start));
	return -1;
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' ||
				   *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

/* Consumes `c` after optional white space. */
static bool eat(struct parser *ps, char c)
{
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == (unsigned char)c) {
		ps->p++;
		return true;
	}
	return false;
}

/* ---- strings ---------------------------------------------------------- */

struct buf {
	char *data;
	size_t len, cap;
};

static bool buf_put(struct buf *b, const void *bytes, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *data = realloc(b->data, cap);
		if (!data)
			return false;
		b->data = data;
		b->cap = cap;
	}
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

/* The length of the valid UTF-8 sequence at p (1..4), or 0. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned char c = p[0];
	size_t n;
	unsigned char lo = 0x80, hi = 0xbf;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return n;
}

static int hex4(struct parser *ps, unsigned int *out)
{
	unsigned int v = 0;

	for (int i = 0; i < 4; i++) {
		if (ps->p >= ps->end)
			return fail(ps, "4 hex digits after \\u");
		unsigned char c = *ps->p;
		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (c - 'A' + 10);
		else
			return fail(ps, "4 hex digits after \\u");
		ps->p++;
	}
	*out = v;
	return 0;
}

/* A \uXXXX escape (ps->p after the 'u'), surrogate pairs joined. */
static int unicode_escape(struct parser *ps, struct buf *b)
{
	unsigned int cp, lo;
	unsigned char utf8[4];
	size_t n;

	if (hex4(ps, &cp))
		return -1;
	if (cp >= 0xdc00 && cp <= 0xdfff) {
		ps->p -= 4;
		return fail(ps, "a high surrogate before a low one");
	}
	if (cp >= 0xd800 && cp <= 0xdbff) {
		if (ps->end - ps->p < 2 || ps->p[0] != '\\' || ps->p[1] != 'u')
			return fail(ps, "a \\u low surrogate after a high one");
		ps->p += 2;
		if (hex4(ps, &lo))
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff) {
			ps->p -= 4;
			return fail(ps, "a low surrogate (\\udc00-\\udfff)");
		}
		cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
	}
	if (cp == 0) {
		ps->p -= 4;
		return fail(ps, "no \\u0000 (strings are NUL-terminated)");
	}
	if (cp < 0x80) {
		utf8[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		utf8[0] = (unsigned char)(0xc0 | (cp >> 6));
		utf8[1] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		utf8[0] = (unsigned char)(0xe0 | (cp >> 12));
		utf8[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		utf8[2] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		utf8[0] = (unsigned char)(0xf0 | (cp >> 18));
		utf8[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
		utf8[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		utf8[3] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	return buf_put(b, utf8, n) ? 0 : oom(ps);
}

/* A string (ps->p at the opening quote) into a malloc'd *out. */
static int parse_string(struct parser *ps, char **out)
{
	struct buf b = {0};

	ps->p++;
	if (!buf_put(&b, "", 0))
		return oom(ps);
	for (;;) {
		if (ps->p >= ps->end) {
			free(b.data);
			return fail(ps, "'\"' closing the string");
		}
		unsigned char c = *ps->p;
		if (c == '"') {
			ps->p++;
			*out = b.data;
			return 0;
		}
		if (c < 0x20) {
			free(b.data);
			return fail(ps, "no control character in a string "
					"(escape it)");
		}
		if (c == '\\') {
			const char *esc = NULL;
			ps->p++;
			if (ps->p >= ps->end) {
				free(b.data);
				return fail(ps, "an escape after '\\'");
			}
			switch (*ps->p) {
			case '"':
				esc = "\"";
				break;
			case '\\':
				esc = "\\";
				break;
			case '/':
				esc = "/";
				break;
			case 'b':
				esc = "\b";
				break;
			case 'f':
				esc = "\f";
				break;
			case 'n':
				esc = "\n";
				break;
			case 'r':
				esc = "\r";
				break;
			case 't':
				esc = "\t";
				break;
			case 'u':
				ps->p++;
				if (unicode_escape(ps, &b)) {
					free(b.data);
					return -1;
				}
				continue;
			default:
				free(b.data);
				return fail(ps, "one of \\\" \\\\ \\/ \\b \\f "
						"\\n \\r \\t \\u");
			}
			ps->p++;
			if (!buf_put(&b, esc, 1)) {
				free(b.data);
				return oom(ps);
			}
			continue;
		}
		size_t n = utf8_len(ps->p, ps->end);
		if (!n) {
			free(b.data);
			return fail(ps, "valid UTF-8");
		}
		if (!buf_put(&b, ps->p, n)) {
			free(b.data);
			return oom(ps);
		}
		ps->p += n;
	}
}

/* ---- numbers ---------------------------------------------------------- */

static bool is_digit(const struct parser *ps)
{
	return ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9';
}

/* Checks the grammar and converts without strtod, which follows the
 * host program's locale (a ',' decimal separator would break it). Up to
 * 19 significant digits are kept; with at most 15 and an exponent within
 * 10^22 the result is correctly rounded, else within a few ulps. */
static int parse_number(struct parser *ps, double *out)
{
	const unsigned char *begin = ps->p;
	bool neg = false;
	uint64_t mant = 0;
	int digits = 0;
	long exp10 = 0;

	if (*ps->p == '-') {
		neg = true;
		ps->p++;
	}
	if (!is_digit(ps))
		return fail(ps, "a digit");
	if (*ps->p == '0') {
		ps->p++;
		if (is_digit(ps))
			return fail(ps, "no leading zero ('.', 'e' or the "
					"number's end)");
	} else {
		while (is_digit(ps)) {
			if (digits < 19) {
				mant = mant * 10 + (uint64_t)(*ps->p - '0');
				if (mant)
					digits++;
			} else {
				exp10++;
			}
			ps->p++;
		}
	}
	if (ps->p < ps->end && *ps->p == '.') {
		ps->p++;
		if (!is_digit(ps))
			return fail(ps, "a digit after '.'");
		while (is_digit(ps)) {
			if (digits < 19) {
				mant = mant * 10 + (uint64_t)(*ps->p - '0');
				exp10--;
				if (mant)
					digits++;
			}
			ps->p++;
		}
	}
	if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
		bool eneg = false;
		long e = 0;
		ps->p++;
		if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
			eneg = *ps->p++ == '-';
		if (!is_digit(ps))
			return fail(ps, "a digit in the exponent");
		while (is_digit(ps)) {
			if (e < 100000)
				e = e * 10 + (*ps->p - '0');
			ps->p++;
		}
		exp10 += eneg ? -e : e;
	}

	static const double pow10[] = {1e0,  1e1,  1e2,	 1e3,  1e4,  1e5,
				       1e6,  1e7,  1e8,	 1e9,  1e10, 1e11,
				       1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
				       1e18, 1e19, 1e20, 1e21, 1e22};
	double v;
	if (mant == 0) {
		v = 0.0;
	} else if (mant <= (UINT64_C(1) << 53) && exp10 >= -22 && exp10 <= 22) {
		v = exp10 < 0 ? (double)mant / pow10[-exp10]
			      : (double)mant * pow10[exp10];
	} else {
		long double lv = (long double)mant;
		for (long i = 0; i < exp10 && lv < 1e310L; i++)
			lv *= 10;
		for (long i = 0; i > exp10 && lv > 1e-330L; i--)
			lv /= 10;
		v = (double)lv;
	}
	if (v > 1.7976931348623157e308) {
		ps->p = begin;
		return fail(ps, "a number within the range of a double");
	}
	*out = neg ? -v : v;
	return 0;
}

/* ---- values ----------------------------------------------------------- */

static int parse_value(struct parser *ps, struct json_value *out, int depth);

static bool literal(struct parser *ps, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n))
		return false;
	ps->p += n;
	return true;
}

/* Room for one more item (and key) in an array or object. */
static bool grow(struct json_value *v, size_t *cap, bool keys)
{
	if (v->nr < *cap)
		return true;
	size_t n = *cap ? *cap * 2 : 4;
	struct json_value *items = realloc(v->items, n * sizeof(*items));
	if (!items)
		return false;
	v->items = items;
	if (keys) {
		char **k = realloc(v->keys, n * sizeof(*k));
		if (!k)
			return false;
		v->keys = k;
	}
	*cap = n;
	return true;
}

static int parse_array(struct parser *ps, struct json_value *out, int depth)
{
	size_t cap = 0;

	ps->p++;
	out->type = JSON_ARRAY;
	if (eat(ps, ']'))
		return 0;
	for (;;) {
		if (!grow(out, &cap, false))
			return oom(ps);
		memset(&out->items[out->nr], 0, sizeof(out->items[0]));
		out->nr++;
		if (parse_value(ps, &out->items[out->nr - 1], depth + 1))
			return -1;
		if (eat(ps, ']'))
			return 0;
		if (!eat(ps, ','))
			return fail(ps, "',' or ']'");
	}
}

static int parse_object(struct parser *ps, struct json_value *out, int depth)
{
	size_t cap = 0;

	ps->p++;
	out->type = JSON_OBJECT;
	if (eat(ps, '}'))
		return 0;
	for (;;) {
		const unsigned char *key_at;
		char *key;

		skip_ws(ps);
		if (ps->p >= ps->end || *ps->p != '"')
			return fail(ps, "a string key");
		key_at = ps->p;
		if (parse_string(ps, &key))
			return -1;
		for (size_t i = 0; i < out->nr; i++) {
			if (!strcmp(out->keys[i], key)) {
				free(key);
				ps->p = key_at;
				return fail(ps, "no duplicate key");
			}
		}
		if (!grow(out, &cap, true)) {
			free(key);
			return oom(ps);
		}
		memset(&out->items[out->nr], 0, sizeof(out->items[0]));
		out->keys[out->nr] = key;
		out->nr++;
		if (!eat(ps, ':'))
			return fail(ps, "':' after the key");
		if (parse_value(ps, &out->items[out->nr - 1], depth + 1))
			return -1;
		if (eat(ps, '}'))
			return 0;
		if (!eat(ps, ','))
			return fail(ps, "',' or '}'");
	}
}

static int parse_value(struct parser *ps, struct json_value *out, int depth)
{
	skip_ws(ps);
	if (ps->p >= ps->end)
		return fail(ps, "a value");
	switch (*ps->p) {
	case '{':
	case '[':
		if (depth >= JSON_MAX_DEPTH) {
			char what[64];
			snprintf(what, sizeof(what), "nesting at most %d deep",
				 JSON_MAX_DEPTH);
			return fail(ps, what);
		}
		return *ps->p == '{' ? parse_object(ps, out, depth)
				     : parse_array(ps, out, depth);
	case '"':
		out->type = JSON_STRING;
		return parse_string(ps, &out->string);
	case 't':
	case 'f':
		out->type = JSON_BOOL;
		out->boolean = *ps->p == 't';
		if (literal(ps, out->boolean ? "true" : "false"))
			return 0;
		return fail(ps, out->boolean ? "true" : "false");
	case 'n':
		out->type = JSON_NULL;
		return literal(ps, "null") ? 0 : fail(ps, "null");
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9')) {
			out->type = JSON_NUMBER;
			return parse_number(ps, &out->number);
		}
		return fail(ps, "a value (object, array, string, number, "
				"true, false or null)");
	}
}

int json_parse(const char *text, size_t len, struct json_value *out, char *err,
	       size_t err_size)
{
	struct parser ps = {
	    .start = (const unsigned char *)text,
	    .p = (const unsigned char *)text,
	    .end = (const unsigned char *)text + (text ? len : 0),
	    .err = err,
	    .err_size = err_size,
	};

	memset(out, 0, sizeof(*out));
	if (err && err_size)
		err[0] = '\0';
	if (parse_value(&ps, out, 0) == 0) {
		skip_ws(&ps);
		if (ps.p >= ps.end)
			return 0;
		fail(&ps, "the end of the document");
	}
	json_free(out);
	return -1;
}

void json_free(struct json_value *v)
{
	if (!v)
		return;
	free(v->string);
	for (size_t i = 0; i < v->nr; i++) {
		json_free(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	memset(v, 0, sizeof(*v));
}

const struct json_value *json_get(const struct json_value *obj, const char *key)
{
	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->nr; i++)
		if (!strcmp(obj->keys[i], key))
			return &obj->items[i];
	return NULL;
}

const char *json_type_name(enum json_type type)
{
	switch (type) {
	case JSON_NULL:
		return "null";
	case JSON_BOOL:
		return "a boolean";
	case JSON_NUMBER:
		return "a number";
	case JSON_STRING:
		return "a string";
	case JSON_ARRAY:
		return "an array";
	case JSON_OBJECT:
		return "an object";
	}
	return "unknown";
}

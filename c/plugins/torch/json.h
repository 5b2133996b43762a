#pragma once

/*
 * A small strict JSON reader (RFC 8259) for the model metadata: a document
 * becomes a tree of json_value. No extensions (no comments, no trailing
 * commas, no NaN), duplicate object keys and invalid UTF-8 are refused,
 * nesting is limited to JSON_MAX_DEPTH. Pure C, no vaccel calls, so the
 * tests compile it in directly.
 */

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JSON_MAX_DEPTH 32

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_value {
	enum json_type type;
	bool boolean;
	double number;
	/* JSON_STRING: NUL-terminated UTF-8 (a "\u0000" escape is refused, so
	 * the text has no embedded NUL). */
	char *string;
	/* JSON_ARRAY and JSON_OBJECT: nr items; keys[i] names items[i] in an
	 * object, in document order. */
	size_t nr;
	struct json_value *items;
	char **keys;
};

/* Parses `len` bytes at `text` into *out (free with json_free). On error
 * returns -1 and writes "offset N: expected ..." into err (err_size bytes,
 * truncated). Returns 0 on success. */
int json_parse(const char *text, size_t len, struct json_value *out, char *err,
	       size_t err_size);
void json_free(struct json_value *value);

/* The member `key` of object `obj`, or NULL (also when obj is no object). */
const struct json_value *json_get(const struct json_value *obj,
				  const char *key);
/* "null", "a boolean", "a number", "a string", "an array", "an object". */
const char *json_type_name(enum json_type type);

#ifdef __cplusplus
}
#endif

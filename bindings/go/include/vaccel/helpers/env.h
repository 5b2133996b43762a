/* Copied from c/include/vaccel/helpers/env.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Header-only: the one parser of boolean settings (VACCEL_* environment
 * variables), shared by the runtime and the plugins so that every switch
 * accepts the same words.
 */

#include "vaccel/error.h"
#include <stdbool.h>
#include <stdlib.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Whether `s` is `word` in any case (ASCII; no locale). */
static inline bool vaccel_word_eq_(const char *s, const char *word)
{
	for (; *s && *word; s++, word++) {
		char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;

		if (c != *word)
			return false;
	}
	return !*s && !*word;
}

/* Parses a boolean setting: 1/true/yes/on or 0/false/no/off, in any case.
 * NULL or "" (unset or empty) gives `def`. Anything else is VACCEL_EINVAL
 * with `*out = def`; the caller logs it, naming the setting and value. */
static inline int vaccel_parse_bool(const char *value, bool def, bool *out)
{
	static const char *const words[][2] = {
	    {"1", "0"}, {"true", "false"}, {"yes", "no"}, {"on", "off"}};

	*out = def;
	if (!value || !*value)
		return VACCEL_OK;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (vaccel_word_eq_(value, words[i][0])) {
			*out = true;
			return VACCEL_OK;
		}
		if (vaccel_word_eq_(value, words[i][1])) {
			*out = false;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

/* vaccel_parse_bool of environment variable `name`. */
static inline int vaccel_env_bool(const char *name, bool def, bool *out)
{
	return vaccel_parse_bool(getenv(name), def, out);
}

/* How an error message names the accepted words. */
#define VACCEL_BOOL_WORDS "1/true/yes/on or 0/false/no/off"

#ifdef __cplusplus
}
#endif

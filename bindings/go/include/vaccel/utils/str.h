/* Copied from c/include/vaccel/utils/str.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Lower-cases `str` into `lower` (`size` bytes, truncating to size - 1
 * characters), or, when `alloc_lower` is not NULL, into a new string stored
 * there that the caller frees. */
int vaccel_str_to_lower(const char *str, char *lower, size_t size,
			char **alloc_lower);

#ifdef __cplusplus
}
#endif

/* String helpers of vaccel/utils/str.h. */

#include "vaccel/utils/str.h"
#include "vaccel/error.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int vaccel_str_to_lower(const char *str, char *lower, size_t size,
			char **alloc_lower)
{
	if (!str || (!alloc_lower && (!lower || !size)))
		return VACCEL_EINVAL;

	size_t len = strlen(str);
	char *out;
	if (alloc_lower) {
		out = malloc(len + 1);
		if (!out)
			return VACCEL_ENOMEM;
		*alloc_lower = out;
	} else {
		out = lower;
		/* Like vAccel: a short buffer gets a truncated copy. */
		if (len >= size)
			len = size - 1;
	}

	for (size_t i = 0; i < len; i++)
		out[i] = (char)tolower((unsigned char)str[i]);
	out[len] = '\0';
	return VACCEL_OK;
}

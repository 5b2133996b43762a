#include "param_value.h"
#include "vaccel/log.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define STORE(ctype, lo, hi)                                                   \
	do {                                                                   \
		if (v < (lo) || v > (hi))                                      \
			return false;                                          \
		*(ctype *)dst = (ctype)v;                                      \
		return true;                                                   \
	} while (0)

bool vaccel_param_write_int(uint8_t type, void *dst, long long v)
{
	switch (type) {
	case VACCEL_SCALAR_INT:
		STORE(int, INT_MIN, INT_MAX);
	case VACCEL_SCALAR_I8:
		STORE(int8_t, INT8_MIN, INT8_MAX);
	case VACCEL_SCALAR_I16:
		STORE(int16_t, INT16_MIN, INT16_MAX);
	case VACCEL_SCALAR_I32:
		STORE(int32_t, INT32_MIN, INT32_MAX);
	case VACCEL_SCALAR_I64:
		STORE(int64_t, LLONG_MIN, LLONG_MAX);
	case VACCEL_SCALAR_U8:
		STORE(uint8_t, 0, UINT8_MAX);
	case VACCEL_SCALAR_U16:
		STORE(uint16_t, 0, UINT16_MAX);
	case VACCEL_SCALAR_U32:
		STORE(uint32_t, 0, (long long)UINT32_MAX);
	case VACCEL_SCALAR_U64:
		STORE(uint64_t, 0, LLONG_MAX);
	case VACCEL_SCALAR_SIZE:
		STORE(size_t, 0, LLONG_MAX);
	default:
		return false;
	}
}

/* The value of integer parameter `c` as text: unsigned values above
 * LLONG_MAX do not fit vaccel_param_int(). */
static void int_text(const struct vaccel_param_desc *cp, const void *value,
		     char *buf, size_t len)
{
	if (cp->type == VACCEL_SCALAR_U64)
		snprintf(buf, len, "%llu",
			 (unsigned long long)*(const uint64_t *)value);
	else if (cp->type == VACCEL_SCALAR_SIZE)
		snprintf(buf, len, "%zu", *(const size_t *)value);
	else
		snprintf(buf, len, "%lld", vaccel_param_int(cp->type, value));
}

void vaccel_param_count_error(const char *who,
			      const struct vaccel_op_desc *desc, unsigned int i,
			      void *const *argv)
{
	const struct vaccel_param_desc *p = &desc->params[i];
	char text[2][24];
	int nr = 0;

	for (; nr < 2 && p->count[nr] >= 0; nr++) {
		const struct vaccel_param_desc *cp =
		    &desc->params[p->count[nr]];

		int_text(cp, argv[p->count[nr]], text[nr], sizeof(text[nr]));
		if (vaccel_param_int(cp->type, argv[p->count[nr]]) < 0) {
			vaccel_error("%s: '%s' (the count of '%s') is %s; a "
				     "count must be 0 to %lld",
				     who, cp->name, p->name, text[nr],
				     LLONG_MAX);
			return;
		}
	}
	if (nr == 2 && vaccel_param_count(desc, i, argv) < 0) {
		vaccel_error("%s: the count of '%s', %s x %s = %s x %s, "
			     "overflows",
			     who, p->name, desc->params[p->count[0]].name,
			     desc->params[p->count[1]].name, text[0], text[1]);
		return;
	}
	vaccel_error("%s: '%s' of %lld elements of %u bytes is larger than "
		     "any buffer can be",
		     who, p->name, vaccel_param_count(desc, i, argv),
		     p->elem_size);
}

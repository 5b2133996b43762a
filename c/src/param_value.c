#include "param_value.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

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

/* Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* Header-only: plugins use these without linking libvaccel. */

#include "vaccel/enums.h"
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The short name of a value of enum sample_dtype
 * ("F32"), or "unknown". */
static inline const char *vaccel_sample_dtype_name(int value)
{
	switch (value) {
	case SAMPLE_DT_F32:
		return "F32";
	case SAMPLE_DT_STR:
		return "STR";
	default:
		return "unknown";
	}
}

/** Whether `value` is a value of enum sample_dtype; if so its bytes
 * per element go to `*size` (0: elements of no fixed size). */
static inline bool vaccel_sample_dtype_elem_size(int value, size_t *size)
{
	switch (value) {
	case SAMPLE_DT_F32:
		*size = 4;
		return true;
	case SAMPLE_DT_STR:
		*size = 0;
		return true;
	default:
		*size = 0;
		return false;
	}
}

#ifdef __cplusplus
}
#endif

/* Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#include "vaccel/enums.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

const char *vaccel_error_to_str(vaccel_error_t value)
{
	switch ((long)value) {
	case VACCEL_OK:
		return "VACCEL_OK";
	case VACCEL_EINVAL:
		return "VACCEL_EINVAL";
	case VACCEL_ENOTSUP:
		return "VACCEL_ENOTSUP";
	default:
		return "unknown";
	}
}

int vaccel_error_from_str(const char *str, vaccel_error_t *value)
{
	static const struct {
		const char *name;
		vaccel_error_t value;
	} table[] = {
		{ "OK", VACCEL_OK },
		{ "EINVAL", VACCEL_EINVAL },
		{ "ENOTSUP", VACCEL_ENOTSUP },
		{ "EINVALID", VACCEL_EINVALID },
	};
	const size_t prefix_len = 7;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_resource_type_to_str(vaccel_resource_type_t value)
{
	switch ((long)value) {
	case VACCEL_RESOURCE_LIB:
		return "VACCEL_RESOURCE_LIB";
	case VACCEL_RESOURCE_MODEL:
		return "VACCEL_RESOURCE_MODEL";
	default:
		return "unknown";
	}
}

int vaccel_resource_type_from_str(const char *str, vaccel_resource_type_t *value)
{
	static const struct {
		const char *name;
		vaccel_resource_type_t value;
	} table[] = {
		{ "LIB", VACCEL_RESOURCE_LIB },
		{ "MODEL", VACCEL_RESOURCE_MODEL },
	};
	const size_t prefix_len = 16;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_RESOURCE_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_sample_dtype_to_str(enum sample_dtype value)
{
	switch ((long)value) {
	case SAMPLE_DT_F32:
		return "SAMPLE_DT_F32";
	case SAMPLE_DT_STR:
		return "SAMPLE_DT_STR";
	default:
		return "unknown";
	}
}

int vaccel_sample_dtype_from_str(const char *str, enum sample_dtype *value)
{
	static const struct {
		const char *name;
		enum sample_dtype value;
	} table[] = {
		{ "F32", SAMPLE_DT_F32 },
		{ "STR", SAMPLE_DT_STR },
		{ "SINGLE", SAMPLE_DT_SINGLE },
	};
	const size_t prefix_len = 10;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "SAMPLE_DT_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_sample_flags_to_str(enum sample_flags value)
{
	switch ((long)value) {
	case SAMPLE_FLAG_NONE:
		return "SAMPLE_FLAG_NONE";
	case SAMPLE_FLAG_FAST:
		return "SAMPLE_FLAG_FAST";
	case SAMPLE_FLAG_SAFE:
		return "SAMPLE_FLAG_SAFE";
	case SAMPLE_FLAG_ALL:
		return "SAMPLE_FLAG_ALL";
	default:
		return "unknown";
	}
}

int vaccel_sample_flags_from_str(const char *str, enum sample_flags *value)
{
	static const struct {
		const char *name;
		enum sample_flags value;
	} table[] = {
		{ "NONE", SAMPLE_FLAG_NONE },
		{ "FAST", SAMPLE_FLAG_FAST },
		{ "SAFE", SAMPLE_FLAG_SAFE },
		{ "ALL", SAMPLE_FLAG_ALL },
	};
	const size_t prefix_len = 12;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "SAMPLE_FLAG_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_op_type_to_str(vaccel_op_type_t value)
{
	switch ((long)value) {
	case VACCEL_OP_SAMPLE_BASIC:
		return "VACCEL_OP_SAMPLE_BASIC";
	case VACCEL_OP_SAMPLE_MODEL:
		return "VACCEL_OP_SAMPLE_MODEL";
	default:
		return "unknown";
	}
}

int vaccel_op_type_from_str(const char *str, vaccel_op_type_t *value)
{
	static const struct {
		const char *name;
		vaccel_op_type_t value;
	} table[] = {
		{ "SAMPLE_BASIC", VACCEL_OP_SAMPLE_BASIC },
		{ "SAMPLE_MODEL", VACCEL_OP_SAMPLE_MODEL },
	};
	const size_t prefix_len = 10;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_OP_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

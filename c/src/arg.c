/* Single args: creation, release, and the checks of what a typed arg may
 * hold. */

#include "arg_internal.h"
#include "new_delete.h"
#include "vaccel/error.h"
#include "vaccel/log.h"

#include <stdlib.h>
#include <string.h>

struct arg_type_info {
	size_t elem_size; /* 0: variable size (RAW, STRING, BUFFER, CUSTOM) */
	bool array;
};

#define ARG_TYPE_INFO(S, T, ARG_TYPE, ARRAY_TYPE)                              \
	[ARG_TYPE] = {sizeof(T), false}, [ARRAY_TYPE] = {sizeof(T), true},

static const struct arg_type_info arg_types[VACCEL_ARG_CUSTOM + 1] = {
    VACCEL_ARG_NUMERIC_TYPES(ARG_TYPE_INFO)};

bool vaccel_arg_type_valid(vaccel_arg_type_t type)
{
	/* Compare as unsigned: an out-of-range enum may be negative. */
	return (unsigned)type <= (unsigned)VACCEL_ARG_CUSTOM;
}

/* Bools are checked byte-wise: loading a bool that holds neither 0 nor 1
 * is undefined behaviour. */
static bool bools_valid(const void *buf, size_t size)
{
	static const bool no = false, yes = true;
	const unsigned char *p = buf;

	for (size_t off = 0; off < size; off += sizeof(bool)) {
		if (memcmp(p + off, &no, sizeof(bool)) != 0 &&
		    memcmp(p + off, &yes, sizeof(bool)) != 0)
			return false;
	}
	return true;
}

bool vaccel_arg_value_valid(vaccel_arg_type_t type, const void *buf,
			    size_t size)
{
	if (!vaccel_arg_type_valid(type))
		return false;

	switch (type) {
	case VACCEL_ARG_RAW:
	case VACCEL_ARG_CUSTOM:
		return true;
	case VACCEL_ARG_STRING:
		return buf && size && ((const char *)buf)[size - 1] == '\0';
	case VACCEL_ARG_BUFFER:
		return buf && size;
	default:
		break;
	}

	const struct arg_type_info *info = &arg_types[type];
	if (!buf)
		return false;
	if (info->array) {
		if (!size || size % info->elem_size)
			return false;
	} else if (size != info->elem_size) {
		return false;
	}
	if (type == VACCEL_ARG_BOOL || type == VACCEL_ARG_BOOL_ARRAY)
		return bools_valid(buf, size);
	return true;
}

static int arg_check(const struct vaccel_arg *arg, vaccel_arg_type_t type)
{
	if (!arg)
		return VACCEL_EINVAL;
	if (!vaccel_arg_type_valid(type)) {
		vaccel_error("arg: invalid type %d", (int)type);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

static void arg_fill(struct vaccel_arg *arg, void *buf, size_t size,
		     vaccel_arg_type_t type, uint32_t custom_id, bool owned)
{
	arg->buf = buf;
	arg->size = size;
	arg->type = type;
	arg->custom_type_id = custom_id;
	arg->owned = owned;
}

int vaccel_arg_init(struct vaccel_arg *arg, const void *buf, size_t size,
		    vaccel_arg_type_t type, uint32_t custom_id)
{
	int ret = arg_check(arg, type);
	if (ret)
		return ret;
	if (buf && !size) {
		vaccel_error("arg: buffer given with size 0");
		return VACCEL_EINVAL;
	}

	void *copy = NULL;
	if (size) {
		copy = buf ? malloc(size) : calloc(1, size);
		if (!copy)
			return VACCEL_ENOMEM;
		if (buf)
			memcpy(copy, buf, size);
	}
	arg_fill(arg, copy, size, type, custom_id, true);
	return VACCEL_OK;
}

int vaccel_arg_init_from_buf(struct vaccel_arg *arg, void *buf, size_t size,
			     vaccel_arg_type_t type, uint32_t custom_id)
{
	int ret = arg_check(arg, type);
	if (ret)
		return ret;
	if (!buf != !size) {
		vaccel_error("arg: buffer %p with size %zu", buf, size);
		return VACCEL_EINVAL;
	}

	arg_fill(arg, buf, size, type, custom_id, false);
	return VACCEL_OK;
}

int vaccel_arg_release(struct vaccel_arg *arg)
{
	if (!arg)
		return VACCEL_EINVAL;

	if (arg->owned)
		free(arg->buf);
	/* VACCEL_ARG_MAX marks a released arg, as in vAccel. */
	arg_fill(arg, NULL, 0, VACCEL_ARG_MAX, 0, false);
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_arg_new, vaccel_arg_init, struct vaccel_arg,
		  (const void *buf, size_t size, vaccel_arg_type_t type,
		   uint32_t custom_id),
		  (buf, size, type, custom_id))
VACCEL_DEFINE_NEW(vaccel_arg_from_buf, vaccel_arg_init_from_buf,
		  struct vaccel_arg,
		  (void *buf, size_t size, vaccel_arg_type_t type,
		   uint32_t custom_id),
		  (buf, size, type, custom_id))
VACCEL_DEFINE_DELETE(vaccel_arg_delete, vaccel_arg_release, struct vaccel_arg)

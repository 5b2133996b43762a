//go:build !vaccel_system

/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
/* The whole vaccel core runtime in one translation unit, for the Go
 * binding (cgo compiles only files in the package directory). Made
 * from the .c files in c/src and c/src/gen by
 * idl/gen/emit_amalgamation.py;
 * regenerate with: python3 idl/gen/vaccelgen.py */

/* Feature macros some sources define; they must precede every system
 * header, so they are set once here. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
/* The runtime defines the real typed getters, not arg.h's _Generic
 * call-site dispatch (arg_array_typed.c). */
#define VACCEL_ARG_NO_GENERIC_GET

/* ==== c/src/arg.c ==== */
/* Single args: creation, release, and the checks of what a typed arg may
 * hold. */

/* ---- c/src/arg_internal.h (inlined) ---- */

/* Shared by arg.c, arg_array*.c: checks and cursor handling of args. */

#include "vaccel/arg.h"
#include <stdbool.h>
#include <stddef.h>

/* Capacity of an array initialised with capacity 0. */
#define VACCEL_ARG_ARRAY_DEFAULT_CAPACITY 8

/* True for the values of vaccel_arg_type_t. */
bool vaccel_arg_type_valid(vaccel_arg_type_t type);

/* Whether `buf`/`size` is a well-formed value of a built-in type: scalars
 * have their C size, arrays a whole number of elements, strings end in a
 * NUL, bools hold 0 or 1. RAW and CUSTOM are always accepted. */
bool vaccel_arg_value_valid(vaccel_arg_type_t type, const void *buf,
			    size_t size);

/* Appends an arg (growing an owned array); refuses a malformed built-in
 * value. `owned` says whether the array frees `buf`. */
int vaccel_arg_array_append(struct vaccel_arg_array *array, void *buf,
			    size_t size, vaccel_arg_type_t type,
			    uint32_t custom_id, bool owned);

/* The arg at the array's position when it has type `type`: VACCEL_ERANGE
 * past the end, VACCEL_EINVAL on a type mismatch (logged as `who`). */
int vaccel_arg_array_current(struct vaccel_arg_array *array,
			     vaccel_arg_type_t type, const char *who,
			     struct vaccel_arg **arg);

/* vaccel_arg_array_current, then also checks the arg's value is a
 * well-formed `type` (vaccel_arg_value_valid). */
int vaccel_arg_array_current_valid(struct vaccel_arg_array *array,
				   vaccel_arg_type_t type, const char *who,
				   struct vaccel_arg **arg);
/* ---- back in c/src/arg.c ---- */
/* ---- c/src/new_delete.h (inlined) ---- */

/* Defines the heap pair of an object from its init/release pair:
 *   NEW(out, params...)  allocates, calls INIT(obj, args...), frees on error
 *   DELETE(obj)          calls RELEASE(obj), then frees it
 * PARAMS and ARGS are parenthesised lists, e.g. (const char *name, int id)
 * and (name, id). */

#include "vaccel/error.h"
#include "vaccel/log.h"
#include <stdlib.h>

#define VACCEL_UNPAREN_(...) __VA_ARGS__
#define VACCEL_UNPAREN(list) VACCEL_UNPAREN_ list

#define VACCEL_DEFINE_NEW(NEW, INIT, TYPE, PARAMS, ARGS)                       \
	int NEW(TYPE **out, VACCEL_UNPAREN(PARAMS))                            \
	{                                                                      \
		if (!out) {                                                    \
			vaccel_error("%s: the output pointer is NULL", #NEW);  \
			return VACCEL_EINVAL;                                  \
		}                                                              \
		TYPE *obj = malloc(sizeof(*obj));                              \
		if (!obj)                                                      \
			return VACCEL_ENOMEM;                                  \
		int ret = INIT(obj, VACCEL_UNPAREN(ARGS));                     \
		if (ret) {                                                     \
			free(obj);                                             \
			return ret;                                            \
		}                                                              \
		*out = obj;                                                    \
		return VACCEL_OK;                                              \
	}

#define VACCEL_DEFINE_DELETE(DELETE, RELEASE, TYPE)                            \
	int DELETE(TYPE *obj)                                                  \
	{                                                                      \
		int ret = RELEASE(obj);                                        \
		if (ret)                                                       \
			return ret;                                            \
		free(obj);                                                     \
		return VACCEL_OK;                                              \
	}
/* ---- back in c/src/arg.c ---- */
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

/* ==== c/src/arg_array.c ==== */
/* Arg arrays: storage, growth, the read/write cursor and copying ranges
 * between arrays. */

#include "vaccel/error.h"
#include "vaccel/log.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int vaccel_arg_array_init(struct vaccel_arg_array *array,
			  size_t initial_capacity)
{
	if (!array)
		return VACCEL_EINVAL;

	size_t capacity = initial_capacity ? initial_capacity
					   : VACCEL_ARG_ARRAY_DEFAULT_CAPACITY;
	struct vaccel_arg *args = calloc(capacity, sizeof(*args));
	if (!args)
		return VACCEL_ENOMEM;

	array->args = args;
	array->count = 0;
	array->capacity = capacity;
	array->position = 0;
	array->owned = true;
	return VACCEL_OK;
}

int vaccel_arg_array_release(struct vaccel_arg_array *array)
{
	if (!array || !array->args)
		return VACCEL_EINVAL;

	/* A wrapped array belongs to the caller, args and data alike. */
	if (array->owned) {
		for (size_t i = 0; i < array->count; i++)
			vaccel_arg_release(&array->args[i]);
		free(array->args);
	}
	array->args = NULL;
	array->count = 0;
	array->capacity = 0;
	array->position = 0;
	array->owned = false;
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_arg_array_new, vaccel_arg_array_init,
		  struct vaccel_arg_array, (size_t initial_capacity),
		  (initial_capacity))
VACCEL_DEFINE_DELETE(vaccel_arg_array_delete, vaccel_arg_array_release,
		     struct vaccel_arg_array)

int vaccel_arg_array_wrap(struct vaccel_arg_array *array,
			  struct vaccel_arg *args, size_t count)
{
	if (!array || (!args && count))
		return VACCEL_EINVAL;

	array->args = args;
	array->count = count;
	array->capacity = count;
	array->position = 0;
	array->owned = false;
	return VACCEL_OK;
}

void vaccel_arg_array_clear(struct vaccel_arg_array *array)
{
	if (!array || !array->args)
		return;

	for (size_t i = 0; i < array->count; i++)
		vaccel_arg_release(&array->args[i]);
	array->count = 0;
	array->position = 0;
}

/* Makes room for `extra` more args. A wrapped array has a fixed size. */
static int arg_array_reserve(struct vaccel_arg_array *array, size_t extra)
{
	/* Released, zeroed and never-initialised arrays have no storage
	 * (nor does one wrapped around NULL): not an array to add to. */
	if (!array->args) {
		vaccel_error("arg array: not initialised or released (no "
			     "storage); call vaccel_arg_array_init first");
		return VACCEL_EINVAL;
	}
	if (array->count > array->capacity) {
		vaccel_error("arg array: count %zu above capacity %zu",
			     array->count, array->capacity);
		return VACCEL_EINVAL;
	}
	if (extra <= array->capacity - array->count)
		return VACCEL_OK;
	if (!array->owned) {
		vaccel_error("arg array: cannot grow a wrapped array of %zu",
			     array->capacity);
		return VACCEL_ERANGE;
	}
	if (extra > SIZE_MAX / sizeof(struct vaccel_arg) - array->count)
		return VACCEL_ENOMEM;

	size_t need = array->count + extra;
	size_t capacity = array->capacity ? array->capacity
					  : VACCEL_ARG_ARRAY_DEFAULT_CAPACITY;
	while (capacity < need)
		capacity = capacity > SIZE_MAX / 2 ? need : capacity * 2;
	if (capacity > SIZE_MAX / sizeof(struct vaccel_arg))
		capacity = need;

	struct vaccel_arg *args =
	    realloc(array->args, capacity * sizeof(struct vaccel_arg));
	if (!args)
		return VACCEL_ENOMEM;
	array->args = args;
	array->capacity = capacity;
	return VACCEL_OK;
}

int vaccel_arg_array_append(struct vaccel_arg_array *array, void *buf,
			    size_t size, vaccel_arg_type_t type,
			    uint32_t custom_id, bool owned)
{
	if (!array)
		return VACCEL_EINVAL;
	if (!vaccel_arg_value_valid(type, buf, size)) {
		vaccel_error("arg array: invalid %s value (%zu bytes)",
			     vaccel_arg_type_to_str(type), size);
		return VACCEL_EINVAL;
	}

	int ret = arg_array_reserve(array, 1);
	if (ret)
		return ret;

	struct vaccel_arg *arg = &array->args[array->count++];
	arg->buf = buf;
	arg->size = size;
	arg->type = type;
	arg->custom_type_id = custom_id;
	arg->owned = owned;
	return VACCEL_OK;
}

int vaccel_arg_array_current(struct vaccel_arg_array *array,
			     vaccel_arg_type_t type, const char *who,
			     struct vaccel_arg **arg)
{
	if (!array)
		return VACCEL_EINVAL;
	if (array->position >= array->count || !array->args) {
		vaccel_debug("%s: no arg at position %zu (count %zu)", who,
			     array->position, array->count);
		return VACCEL_ERANGE;
	}

	struct vaccel_arg *a = &array->args[array->position];
	if (a->type != type) {
		vaccel_error("%s: arg %zu has type %s, expected %s", who,
			     array->position, vaccel_arg_type_to_str(a->type),
			     vaccel_arg_type_to_str(type));
		return VACCEL_EINVAL;
	}
	*arg = a;
	return VACCEL_OK;
}

int vaccel_arg_array_current_valid(struct vaccel_arg_array *array,
				   vaccel_arg_type_t type, const char *who,
				   struct vaccel_arg **arg)
{
	int ret = vaccel_arg_array_current(array, type, who, arg);
	if (ret)
		return ret;
	if (!vaccel_arg_value_valid(type, (*arg)->buf, (*arg)->size)) {
		vaccel_error("%s: arg %zu is not a valid %s (%zu bytes)", who,
			     array->position, vaccel_arg_type_to_str(type),
			     (*arg)->size);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

/* dest shares src's buffer, or gets an owned copy of it. */
static int arg_copy(struct vaccel_arg *dest, const struct vaccel_arg *src,
		    bool copy)
{
	*dest = *src;
	dest->owned = false;
	if (!copy || !src->buf || !src->size)
		return VACCEL_OK;

	dest->buf = malloc(src->size);
	if (!dest->buf)
		return VACCEL_ENOMEM;
	memcpy(dest->buf, src->buf, src->size);
	dest->owned = true;
	return VACCEL_OK;
}

int vaccel_arg_array_add_range(struct vaccel_arg_array *dest,
			       const struct vaccel_arg_array *src,
			       size_t start_idx, size_t count, bool copy)
{
	if (!dest || !src)
		return VACCEL_EINVAL;
	if (start_idx >= src->count || count > src->count - start_idx) {
		vaccel_error("arg array: range [%zu, +%zu) outside %zu args",
			     start_idx, count, src->count);
		return VACCEL_ERANGE;
	}
	if (!count)
		return VACCEL_OK;

	int ret = arg_array_reserve(dest, count);
	if (ret)
		return ret;

	/* Indexes, not pointers: dest may be src, and reserving may have
	 * moved its args. */
	size_t first = dest->count;
	for (size_t i = 0; i < count; i++) {
		ret = arg_copy(&dest->args[first + i],
			       &src->args[start_idx + i], copy);
		if (ret) {
			while (i--)
				vaccel_arg_release(&dest->args[first + i]);
			return ret;
		}
	}
	dest->count += count;
	return VACCEL_OK;
}

int vaccel_arg_array_add_remaining(struct vaccel_arg_array *dest,
				   const struct vaccel_arg_array *src,
				   bool copy)
{
	if (!dest || !src)
		return VACCEL_EINVAL;

	size_t remaining = vaccel_arg_array_remaining_count(src);
	if (!remaining)
		return VACCEL_OK;
	return vaccel_arg_array_add_range(dest, src, src->position, remaining,
					  copy);
}

int vaccel_arg_array_add_all(struct vaccel_arg_array *dest,
			     const struct vaccel_arg_array *src, bool copy)
{
	if (!dest || !src)
		return VACCEL_EINVAL;
	if (!src->count)
		return VACCEL_OK;
	return vaccel_arg_array_add_range(dest, src, 0, src->count, copy);
}

int vaccel_arg_array_get_remaining(struct vaccel_arg_array *array,
				   struct vaccel_arg **args, size_t *count)
{
	if (!array || !args || !count)
		return VACCEL_EINVAL;

	size_t remaining = vaccel_arg_array_remaining_count(array);
	*args = remaining ? &array->args[array->position] : NULL;
	*count = remaining;
	return VACCEL_OK;
}

size_t vaccel_arg_array_remaining_count(const struct vaccel_arg_array *array)
{
	if (!array || array->position >= array->count)
		return 0;
	return array->count - array->position;
}

size_t vaccel_arg_array_position(const struct vaccel_arg_array *array)
{
	return array ? array->position : 0;
}

void vaccel_arg_array_set_position(struct vaccel_arg_array *array,
				   size_t position)
{
	if (array)
		array->position =
		    position > array->count ? array->count : position;
}

void vaccel_arg_array_reset_position(struct vaccel_arg_array *array)
{
	if (array)
		array->position = 0;
}

size_t vaccel_arg_array_count(const struct vaccel_arg_array *array)
{
	return array ? array->count : 0;
}

struct vaccel_arg *vaccel_arg_array_raw(struct vaccel_arg_array *array)
{
	return array ? array->args : NULL;
}

/* ==== c/src/arg_array_access.c ==== */
/* Arg arrays: add, get and set of the untyped kinds (raw, string, buffer,
 * custom, serialized). */

#include "vaccel/error.h"
#include "vaccel/log.h"

#include <stdlib.h>
#include <string.h>

int vaccel_arg_array_add_raw(struct vaccel_arg_array *array, void *buf,
			     size_t size)
{
	/* Same rule as vaccel_arg_init_from_buf: both or neither. */
	if (!buf != !size) {
		vaccel_error("arg array: raw buffer %p with size %zu", buf,
			     size);
		return VACCEL_EINVAL;
	}
	return vaccel_arg_array_append(array, buf, size, VACCEL_ARG_RAW, 0,
				       false);
}

int vaccel_arg_array_add_string(struct vaccel_arg_array *array, char *str)
{
	if (!array || !str)
		return VACCEL_EINVAL;
	return vaccel_arg_array_append(array, str, strlen(str) + 1,
				       VACCEL_ARG_STRING, 0, false);
}

int vaccel_arg_array_add_buffer(struct vaccel_arg_array *array, void *buf,
				size_t size)
{
	return vaccel_arg_array_append(array, buf, size, VACCEL_ARG_BUFFER, 0,
				       false);
}

static bool custom_accepted(vaccel_arg_type_validator_fn validator,
			    const void *buf, size_t size, uint32_t custom_id)
{
	if (validator(buf, size, custom_id))
		return true;
	vaccel_error("arg array: validator refused custom type %u (%zu bytes)",
		     custom_id, size);
	return false;
}

int vaccel_arg_array_add_custom(struct vaccel_arg_array *array,
				uint32_t custom_id, void *buf, size_t size,
				vaccel_arg_type_validator_fn validator)
{
	if (!array || !validator)
		return VACCEL_EINVAL;
	if (!custom_accepted(validator, buf, size, custom_id))
		return VACCEL_EINVAL;
	return vaccel_arg_array_append(array, buf, size, VACCEL_ARG_CUSTOM,
				       custom_id, false);
}

int vaccel_arg_array_add_serialized(struct vaccel_arg_array *array,
				    vaccel_arg_type_t type, uint32_t custom_id,
				    const void *data, size_t data_size,
				    vaccel_arg_serializer_fn serializer)
{
	if (!array || !serializer || !vaccel_arg_type_valid(type))
		return VACCEL_EINVAL;

	void *buf = NULL;
	size_t size = 0;
	int ret = serializer(data, data_size, custom_id, &buf, &size);
	if (ret)
		return ret;

	ret = vaccel_arg_array_append(array, buf, size, type, custom_id, true);
	if (ret)
		free(buf);
	return ret;
}

int vaccel_arg_array_get_raw(struct vaccel_arg_array *array, void **buf,
			     size_t *size)
{
	struct vaccel_arg *arg;

	if (!buf || !size)
		return VACCEL_EINVAL;
	int ret =
	    vaccel_arg_array_current(array, VACCEL_ARG_RAW, "get_raw", &arg);
	if (ret)
		return ret;

	*buf = arg->buf;
	*size = arg->size;
	array->position++;
	return VACCEL_OK;
}

int vaccel_arg_array_get_string(struct vaccel_arg_array *array, char **str)
{
	struct vaccel_arg *arg;

	if (!str)
		return VACCEL_EINVAL;
	int ret = vaccel_arg_array_current_valid(array, VACCEL_ARG_STRING,
						 "get_string", &arg);
	if (ret)
		return ret;

	*str = arg->buf;
	array->position++;
	return VACCEL_OK;
}

int vaccel_arg_array_get_buffer(struct vaccel_arg_array *array, void **buf,
				size_t *size)
{
	struct vaccel_arg *arg;

	if (!buf || !size)
		return VACCEL_EINVAL;
	int ret = vaccel_arg_array_current_valid(array, VACCEL_ARG_BUFFER,
						 "get_buffer", &arg);
	if (ret)
		return ret;

	*buf = arg->buf;
	*size = arg->size;
	array->position++;
	return VACCEL_OK;
}

/* The current arg when it is a custom arg of `expected_id`. */
static int current_custom(struct vaccel_arg_array *array, uint32_t expected_id,
			  const char *who, struct vaccel_arg **arg)
{
	int ret = vaccel_arg_array_current(array, VACCEL_ARG_CUSTOM, who, arg);
	if (ret)
		return ret;
	if ((*arg)->custom_type_id != expected_id) {
		vaccel_error("%s: arg %zu has custom type %u, expected %u", who,
			     array->position, (*arg)->custom_type_id,
			     expected_id);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

int vaccel_arg_array_get_custom(struct vaccel_arg_array *array,
				uint32_t expected_id, void **buf, size_t *size,
				vaccel_arg_type_validator_fn validator)
{
	struct vaccel_arg *arg;

	if (!buf || !validator)
		return VACCEL_EINVAL;
	int ret = current_custom(array, expected_id, "get_custom", &arg);
	if (ret)
		return ret;
	if (!custom_accepted(validator, arg->buf, arg->size, expected_id))
		return VACCEL_EINVAL;

	*buf = arg->buf;
	if (size)
		*size = arg->size;
	array->position++;
	return VACCEL_OK;
}

/* The current arg of `type` (and `*custom_id` for CUSTOM; other types
 * must hold a well-formed value and get custom id 0). */
static int current_serialized(struct vaccel_arg_array *array,
			      vaccel_arg_type_t type, uint32_t *custom_id,
			      const char *who, struct vaccel_arg **arg)
{
	if (type == VACCEL_ARG_CUSTOM)
		return current_custom(array, *custom_id, who, arg);
	*custom_id = 0;
	return vaccel_arg_array_current_valid(array, type, who, arg);
}

int vaccel_arg_array_get_serialized(struct vaccel_arg_array *array,
				    vaccel_arg_type_t expected_type,
				    uint32_t expected_custom_id, void *data,
				    size_t expected_size,
				    vaccel_arg_deserializer_fn deserializer)
{
	struct vaccel_arg *arg;

	if (!data || !deserializer)
		return VACCEL_EINVAL;
	int ret = current_serialized(array, expected_type, &expected_custom_id,
				     "get_serialized", &arg);
	if (ret)
		return ret;

	ret = deserializer(arg->buf, arg->size, expected_custom_id,
			   expected_size, data);
	if (ret)
		return ret;
	array->position++;
	return VACCEL_OK;
}

/* Copies `size` bytes into the arg's buffer, which must be large enough. */
static int arg_write(struct vaccel_arg_array *array, struct vaccel_arg *arg,
		     const void *buf, size_t size, const char *who)
{
	if (size && (!arg->buf || arg->size < size)) {
		vaccel_error("%s: %zu bytes do not fit arg %zu (%zu bytes)",
			     who, size, array->position, arg->size);
		return VACCEL_EINVAL;
	}
	if (size)
		memcpy(arg->buf, buf, size);
	array->position++;
	return VACCEL_OK;
}

int vaccel_arg_array_set_raw(struct vaccel_arg_array *array, void *buf,
			     size_t size)
{
	struct vaccel_arg *arg;

	int ret =
	    vaccel_arg_array_current(array, VACCEL_ARG_RAW, "set_raw", &arg);
	if (ret)
		return ret;
	/* Writing nothing is only right for an empty output arg. */
	if ((!buf || !size) && arg->buf && arg->size) {
		vaccel_error("set_raw: no data for arg %zu (%zu bytes)",
			     array->position, arg->size);
		return VACCEL_EINVAL;
	}
	return arg_write(array, arg, buf, buf ? size : 0, "set_raw");
}

int vaccel_arg_array_set_string(struct vaccel_arg_array *array, char *str)
{
	struct vaccel_arg *arg;

	if (!str)
		return VACCEL_EINVAL;
	int ret = vaccel_arg_array_current(array, VACCEL_ARG_STRING,
					   "set_string", &arg);
	if (ret)
		return ret;
	size_t len = strlen(str) + 1;
	if (!arg->buf || arg->size < len) {
		vaccel_error("set_string: %zu bytes do not fit arg %zu (%zu "
			     "bytes)",
			     len, array->position, arg->size);
		return VACCEL_EINVAL;
	}
	/* Zero the tail so no stale bytes follow the string. */
	memset((char *)arg->buf + len, 0, arg->size - len);
	return arg_write(array, arg, str, len, "set_string");
}

int vaccel_arg_array_set_buffer(struct vaccel_arg_array *array, void *buf,
				size_t size)
{
	struct vaccel_arg *arg;

	if (!buf || !size)
		return VACCEL_EINVAL;
	int ret = vaccel_arg_array_current(array, VACCEL_ARG_BUFFER,
					   "set_buffer", &arg);
	if (ret)
		return ret;
	return arg_write(array, arg, buf, size, "set_buffer");
}

int vaccel_arg_array_set_custom(struct vaccel_arg_array *array,
				uint32_t expected_id, void *buf, size_t size,
				vaccel_arg_type_validator_fn validator)
{
	struct vaccel_arg *arg;

	if (!validator || (!buf && size))
		return VACCEL_EINVAL;
	int ret = current_custom(array, expected_id, "set_custom", &arg);
	if (ret)
		return ret;
	if (arg->size != size) {
		vaccel_error("set_custom: %zu bytes for arg %zu of %zu bytes",
			     size, array->position, arg->size);
		return VACCEL_EINVAL;
	}
	if (!custom_accepted(validator, buf, size, expected_id))
		return VACCEL_EINVAL;
	return arg_write(array, arg, buf, size, "set_custom");
}

int vaccel_arg_array_set_serialized(struct vaccel_arg_array *array,
				    vaccel_arg_type_t expected_type,
				    uint32_t expected_custom_id, void *data,
				    size_t data_size,
				    vaccel_arg_serializer_fn serializer)
{
	struct vaccel_arg *arg;

	if (!data || !serializer)
		return VACCEL_EINVAL;
	int ret = current_serialized(array, expected_type, &expected_custom_id,
				     "set_serialized", &arg);
	if (ret)
		return ret;

	void *buf = NULL;
	size_t size = 0;
	ret = serializer(data, data_size, expected_custom_id, &buf, &size);
	if (ret)
		return ret;
	/* The output arg was sized by the caller: it must match exactly. */
	if (size != arg->size) {
		vaccel_error("set_serialized: %zu bytes for arg %zu of %zu "
			     "bytes",
			     size, array->position, arg->size);
		ret = VACCEL_EINVAL;
	} else {
		ret = arg_write(array, arg, buf, size, "set_serialized");
	}
	free(buf);
	return ret;
}

/* ==== c/src/arg_array_typed.c ==== */
/* Arg arrays: the typed families (add/get/set of one value or an array of
 * values per numeric type), all generated from VACCEL_ARG_NUMERIC_TYPES. */

/* Define the real get_T functions, not arg.h's call-site dispatch. */

#include "vaccel/error.h"
#include "vaccel/log.h"

#include <stdint.h>
#include <string.h>

/* add: the arg points at the caller's value(s). */
static int typed_add(struct vaccel_arg_array *array, void *values, size_t count,
		     size_t elem_size, vaccel_arg_type_t type)
{
	if (!array || !values || !count)
		return VACCEL_EINVAL;
	if (count > SIZE_MAX / elem_size)
		return VACCEL_EINVAL;
	return vaccel_arg_array_append(array, values, count * elem_size, type,
				       0, false);
}

/* get: the current arg's buffer and element count. */
static int typed_get(struct vaccel_arg_array *array, void **values,
		     size_t *count, size_t elem_size, vaccel_arg_type_t type)
{
	struct vaccel_arg *arg;

	int ret = vaccel_arg_array_current_valid(
	    array, type, vaccel_arg_type_to_str(type), &arg);
	if (ret)
		return ret;

	*values = arg->buf;
	if (count)
		*count = arg->size / elem_size;
	array->position++;
	return VACCEL_OK;
}

/* set: copies count values into the current arg, which must hold at least
 * that many (exactly one for a scalar). */
static int typed_set(struct vaccel_arg_array *array, const void *values,
		     size_t count, size_t elem_size, vaccel_arg_type_t type)
{
	struct vaccel_arg *arg;

	if (!values || count > SIZE_MAX / elem_size)
		return VACCEL_EINVAL;
	size_t size = count * elem_size;
	if (size && !vaccel_arg_value_valid(type, values, size)) {
		vaccel_error("%s: invalid value to set",
			     vaccel_arg_type_to_str(type));
		return VACCEL_EINVAL;
	}
	int ret = vaccel_arg_array_current_valid(
	    array, type, vaccel_arg_type_to_str(type), &arg);
	if (ret)
		return ret;
	if (arg->size < size) {
		vaccel_error("%s: %zu values do not fit arg %zu (%zu bytes)",
			     vaccel_arg_type_to_str(type), count,
			     array->position, arg->size);
		return VACCEL_EINVAL;
	}

	if (size)
		memcpy(arg->buf, values, size);
	array->position++;
	return VACCEL_OK;
}

#define ARG_ARRAY_DEFINE_TYPED(S, T, ARG_TYPE, ARRAY_TYPE)                     \
	int vaccel_arg_array_add_##S(struct vaccel_arg_array *array, T *value) \
	{                                                                      \
		return typed_add(array, value, 1, sizeof(T), ARG_TYPE);        \
	}                                                                      \
	int vaccel_arg_array_get_##S(struct vaccel_arg_array *array,           \
				     T **value)                                \
	{                                                                      \
		void *buf;                                                     \
		if (!value)                                                    \
			return VACCEL_EINVAL;                                  \
		int ret = typed_get(array, &buf, NULL, sizeof(T), ARG_TYPE);   \
		if (!ret)                                                      \
			*value = buf;                                          \
		return ret;                                                    \
	}                                                                      \
	int vaccel_arg_array_get_##S##_value(struct vaccel_arg_array *array,   \
					     T *value)                         \
	{                                                                      \
		T *p;                                                          \
		if (!value)                                                    \
			return VACCEL_EINVAL;                                  \
		int ret = vaccel_arg_array_get_##S(array, &p);                 \
		if (!ret)                                                      \
			*value = *p;                                           \
		return ret;                                                    \
	}                                                                      \
	int vaccel_arg_array_set_##S(struct vaccel_arg_array *array, T *value) \
	{                                                                      \
		return typed_set(array, value, 1, sizeof(T), ARG_TYPE);        \
	}                                                                      \
	int vaccel_arg_array_add_##S##_array(struct vaccel_arg_array *array,   \
					     T *values, size_t count)          \
	{                                                                      \
		return typed_add(array, values, count, sizeof(T), ARRAY_TYPE); \
	}                                                                      \
	int vaccel_arg_array_get_##S##_array(struct vaccel_arg_array *array,   \
					     T **values, size_t *count)        \
	{                                                                      \
		void *buf;                                                     \
		if (!values)                                                   \
			return VACCEL_EINVAL;                                  \
		int ret =                                                      \
		    typed_get(array, &buf, count, sizeof(T), ARRAY_TYPE);      \
		if (!ret)                                                      \
			*values = buf;                                         \
		return ret;                                                    \
	}                                                                      \
	int vaccel_arg_array_set_##S##_array(struct vaccel_arg_array *array,   \
					     T *values, size_t count)          \
	{                                                                      \
		return typed_set(array, values, count, sizeof(T), ARRAY_TYPE); \
	}

VACCEL_ARG_NUMERIC_TYPES(ARG_ARRAY_DEFINE_TYPED)

/* ==== c/src/arg_list.c ==== */
/* vAccel's deprecated arg-list API (vaccel/arg_list.h) on top of an arg
 * array: the list's `list` is the array's storage, which never grows (the
 * list has a fixed size), so the pointer stays valid. */

#include "vaccel/arg_list.h"
#include "vaccel/error.h"
#include "vaccel/log.h"

#include <stdlib.h>
#include <string.h>

struct arg_list {
	struct vaccel_arg_list pub; /* first: pub's address is the list's */
	struct vaccel_arg_array array;
};

static struct arg_list *impl(struct vaccel_arg_list *args)
{
	return (struct arg_list *)args;
}

struct vaccel_arg_list *vaccel_args_init(uint32_t size)
{
	struct arg_list *l;

	if (size == 0) {
		vaccel_error("vaccel_args_init: size is 0");
		return NULL;
	}
	l = calloc(1, sizeof(*l));
	if (!l)
		return NULL;
	l->pub.idcs_allocated_space = calloc(size, sizeof(int));
	if (!l->pub.idcs_allocated_space ||
	    vaccel_arg_array_init(&l->array, size)) {
		free(l->pub.idcs_allocated_space);
		free(l);
		return NULL;
	}
	l->pub.size = size;
	l->pub.list = l->array.args;
	l->pub.curr_idx = 0;
	return &l->pub;
}

/* Appends one arg at curr_idx; `owned`: the list frees `buf`. */
static int add(const char *who, struct vaccel_arg_list *args, void *buf,
	       size_t size, vaccel_arg_type_t type, uint32_t custom_id,
	       bool owned)
{
	struct arg_list *l = impl(args);
	int ret;

	if (args->curr_idx < 0 || (uint32_t)args->curr_idx >= args->size ||
	    (size_t)args->curr_idx != l->array.count) {
		vaccel_error("%s: the list of %u args is full (index %d)", who,
			     args->size, args->curr_idx);
		return VACCEL_EINVAL;
	}
	ret = vaccel_arg_array_append(&l->array, buf, size, type, custom_id,
				      owned);
	if (ret)
		return ret;
	args->idcs_allocated_space[args->curr_idx++] = owned;
	return VACCEL_OK;
}

int vaccel_add_serial_arg(struct vaccel_arg_list *args, void *buf,
			  uint32_t size)
{
	if (!args || !buf || !size)
		return VACCEL_EINVAL;
	return add("vaccel_add_serial_arg", args, buf, size, VACCEL_ARG_RAW, 0,
		   false);
}

int vaccel_add_nonserial_arg(struct vaccel_arg_list *args, void *buf,
			     uint32_t type,
			     void *(*serializer)(void *, uint32_t *))
{
	uint32_t bytes = 0;
	void *ser;
	int ret;

	if (!args || !buf || !serializer)
		return VACCEL_EINVAL;
	if (args->curr_idx < 0 || (uint32_t)args->curr_idx >= args->size)
		return VACCEL_EINVAL;
	ser = serializer(buf, &bytes);
	if (!ser || !bytes) {
		vaccel_error("vaccel_add_nonserial_arg: the serializer gave "
			     "%u bytes at %p",
			     bytes, ser);
		free(ser);
		return VACCEL_EINVAL;
	}
	ret = add("vaccel_add_nonserial_arg", args, ser, bytes,
		  VACCEL_ARG_CUSTOM, type, true);
	if (ret)
		free(ser);
	return ret;
}

int vaccel_expect_serial_arg(struct vaccel_arg_list *args, void *buf,
			     uint32_t size)
{
	if (!args || !buf || !size)
		return VACCEL_EINVAL;
	return add("vaccel_expect_serial_arg", args, buf, size, VACCEL_ARG_RAW,
		   0, false);
}

int vaccel_expect_nonserial_arg(struct vaccel_arg_list *args,
				uint32_t expected_size)
{
	void *buf;
	int ret;

	if (!args || !expected_size)
		return VACCEL_EINVAL;
	if (args->curr_idx < 0 || (uint32_t)args->curr_idx >= args->size)
		return VACCEL_EINVAL;
	buf = calloc(1, expected_size);
	if (!buf)
		return VACCEL_ENOMEM;
	ret = add("vaccel_expect_nonserial_arg", args, buf, expected_size,
		  VACCEL_ARG_RAW, 0, true);
	if (ret)
		free(buf);
	return ret;
}

void *vaccel_extract_serial_arg(struct vaccel_arg *args, int idx)
{
	if (!args || idx < 0)
		return NULL;
	return args[idx].buf;
}

void *vaccel_extract_nonserial_arg(struct vaccel_arg *args, int idx,
				   void *(*deserializer)(void *, uint32_t))
{
	if (!args || idx < 0 || !deserializer)
		return NULL;
	return deserializer(args[idx].buf, (uint32_t)args[idx].size);
}

int vaccel_write_serial_arg(struct vaccel_arg *args, int idx, void *buf)
{
	if (!args || idx < 0 || !buf)
		return VACCEL_EINVAL;
	if (args[idx].size && !args[idx].buf)
		return VACCEL_EINVAL;
	if (args[idx].size)
		memcpy(args[idx].buf, buf, args[idx].size);
	return VACCEL_OK;
}

int vaccel_write_nonserial_arg(struct vaccel_arg *args, int idx, void *buf,
			       void *(*serializer)(void *, uint32_t *))
{
	uint32_t bytes = 0;
	void *ser;

	if (!args || idx < 0 || !buf || !serializer)
		return VACCEL_EINVAL;
	ser = serializer(buf, &bytes);
	if (!ser || !bytes) {
		free(ser);
		return VACCEL_EINVAL;
	}
	/* vAccel copies without looking; an arg smaller than the output
	 * would be overrun. */
	if (bytes > args[idx].size || !args[idx].buf) {
		vaccel_error("vaccel_write_nonserial_arg: %u serialized bytes "
			     "do not fit arg %d of %zu bytes",
			     bytes, idx, args[idx].size);
		free(ser);
		return VACCEL_EINVAL;
	}
	memcpy(args[idx].buf, ser, bytes);
	free(ser);
	return VACCEL_OK;
}

int vaccel_delete_args(struct vaccel_arg_list *args)
{
	struct arg_list *l = impl(args);

	if (!args || !args->list || !args->size || !args->idcs_allocated_space)
		return VACCEL_EINVAL;
	/* The array frees the buffers it owns (the ones allocated here). */
	vaccel_arg_array_release(&l->array);
	free(args->idcs_allocated_space);
	free(l);
	return VACCEL_OK;
}

/* ==== c/src/blob.c ==== */
/* Blobs: one file or buffer of a resource, and lazy reading of files. */

/* ---- c/src/internal.h (inlined) ---- */

/* Interfaces between the runtime's own files; not installed. */

#include "vaccel/config.h"
#include "vaccel/op_desc.h"
#include "vaccel/plugin.h"
#include "vaccel/session.h"
#include <stdbool.h>
#include <stddef.h>

#define VACCEL_SESSION_MAGIC 0x5e55104eu

/* core.c: the active configuration (defaults before bootstrap). */
const struct vaccel_config *vaccel_config_active(void);
/* core.c: OK when the runtime can serve calls; bootstraps lazily from the
 * environment when it was never started, and returns the recorded error
 * when an automatic bootstrap failed. */
int vaccel_runtime_ready(void);

/* log.c */
void vaccel_log_configure(vaccel_log_level_t level, const char *file);
void vaccel_vlog_from(vaccel_log_level_t level, const char *who,
		      const char *fmt, va_list ap);

/* plugin.c */
int vaccel_plugins_load_list(const char *list, bool version_ignore);
/* Adds the built-in plugins that want to run (builtin_plugin.h); at
 * bootstrap, after the VACCEL_PLUGINS list. */
int vaccel_plugins_builtin_activate(void);
void vaccel_plugins_unload_all(void);
/* Calls op `desc` with `argv` on the plugins that serve `sess`, highest
 * priority first, moving on when one answers VACCEL_ENOTSUP. */
int vaccel_plugins_dispatch(const struct vaccel_op_desc *desc, void **argv,
			    const struct vaccel_session *sess);
/* At session init: whether transports serve it (is_virtio) and its
 * default plugin (sess->plugin). */
void vaccel_plugins_session_route(struct vaccel_session *sess);
int vaccel_plugins_session_hook(struct vaccel_session *sess, bool init);
/* Tells every plugin that `res` leaves `sess` (resource.c calls it on
 * unregister, and on release for each session the resource was in). */
/* Tell plugins a resource was registered (a transport mirrors it); the
 * first error is returned. */
int vaccel_plugins_resource_registered(struct vaccel_resource *res,
				       struct vaccel_session *sess);
void vaccel_plugins_resource_unregistered(struct vaccel_resource *res,
					  struct vaccel_session *sess);
/* shared_buffer.c: a shared buffer from the first plugin serving `sess`
 * that offers one (*owner frees it); VACCEL_ENOTSUP when none does. */
int vaccel_plugins_shared_alloc(struct vaccel_session *sess, size_t size,
				void **out,
				const struct vaccel_plugin_descriptor **owner);
/* Buffers left unfreed: at session release (that session's) and before
 * the plugins unload (all), freed with a warning. */
void vaccel_shared_session_released(struct vaccel_session *sess);
void vaccel_shared_report_leaks(void);

/* host_api.c */
const struct vaccel_host_api *vaccel_host_api_table(void);

/* torch_tensor.c, tf_tensor.c, tflite_tensor.c: the host table's tensor
 * allocators. Unlike the public *_tensor_allocate they accept 0 dims, so a
 * backend can return a 0-dim output (a model that returns a number). */
int vaccel_torch_output_tensor_allocate(struct vaccel_torch_tensor **tensor,
					int64_t nr_dims, const int64_t *dims,
					enum vaccel_torch_data_type type,
					size_t total_size);
int vaccel_tf_output_tensor_allocate(struct vaccel_tf_tensor **tensor,
				     int nr_dims, const int64_t *dims,
				     enum vaccel_tf_data_type type,
				     size_t total_size);
int vaccel_tflite_output_tensor_allocate(struct vaccel_tflite_tensor **tensor,
					 int nr_dims, const int32_t *dims,
					 enum vaccel_tflite_data_type type,
					 size_t total_size);

/* session.c */
bool vaccel_session_valid(const struct vaccel_session *sess);
void vaccel_sessions_report_leaks(void);

/* prof.c */
void vaccel_prof_configure(bool enabled);
void vaccel_prof_print_ops(void);
void vaccel_prof_cleanup(void);

/* op_invoke.c: checks one call's arguments against its descriptor. */
int vaccel_op_check_args(const struct vaccel_op_desc *desc, void **argv);

/* Generated: the descriptor table, indexed by op id. */
extern const struct vaccel_op_desc *const vaccel_op_descs[VACCEL_OP_MAX];

/* blob.c, blob_persist.c */
struct vaccel_blob;
/* Maps the whole non-empty file at `path` read-write: shared (writes reach
 * the file) for files a blob owns, private otherwise. */
int vaccel_blob_map_file(const char *path, bool shared, uint8_t **data,
			 size_t *size);
/* True for a relative path with no empty, "." or ".." part. */
bool vaccel_relative_name_ok(const char *name);
/* Creates the directories of `path` below `stop` (not its last part). */
int vaccel_mkdir_parents(const char *path, const char *stop);

/* Resources (resource*.c). */
#define VACCEL_RESOURCE_MAGIC 0x7e5011ceu
/* How a resource was made; decides what vaccel_resource_directory
 * returns. */
enum vaccel_resource_origin {
	VACCEL_RESOURCE_FROM_FILES = 0,
	VACCEL_RESOURCE_FROM_DIR,
	VACCEL_RESOURCE_FROM_URLS,
	VACCEL_RESOURCE_FROM_BUFFER,
	VACCEL_RESOURCE_FROM_BLOBS,
};
bool vaccel_resource_valid(const struct vaccel_resource *res);
/* True when `res` is initialised and not released (in the live list, not
 * merely carrying the magic number). */
bool vaccel_resource_live(const struct vaccel_resource *res);
/* resource_dir.c: <vaccel_rundir()>/resource.<id>, made once. */
int vaccel_resource_rundir(struct vaccel_resource *res);
void vaccel_resource_rundir_remove(struct vaccel_resource *res);
/* resource_walk.c: one FILE blob per regular file under `dir`, named by
 * its path relative to `dir`. */
int vaccel_resource_add_dir_blobs(struct vaccel_resource *res, const char *dir);
/* resource_fetch.c: downloads `url` to the new file `path` with libcurl,
 * loaded at run time. */
int vaccel_download(const char *url, const char *path);
/* resource_registry.c */
int vaccel_resources_track(struct vaccel_resource *res);
/* Marks `res` dead, forgets it and unregisters it from every session
 * (telling the plugins); VACCEL_EINVAL when it was not live. */
int vaccel_resources_untrack(struct vaccel_resource *res);
bool vaccel_resource_registered(const struct vaccel_resource *res,
				const struct vaccel_session *sess);
/* Checks that `res` (parameter `param` of op function `fn`) is live, of
 * `type` (-1: any) and registered to `sess` (VACCEL_EINVAL, VACCEL_EINVAL,
 * VACCEL_EPERM, logged), and pins that registration for a running op call:
 * unregistering waits for the call to unpin it before the plugins'
 * resource_unregister hooks run. */
struct registration;
int vaccel_resource_pin(const struct vaccel_resource *res,
			const struct vaccel_session *sess, int type,
			const char *fn, const char *param,
			struct registration **out);
void vaccel_resource_unpin(struct registration *reg);
/* Unregisters every resource still registered to `sess`. */
void vaccel_resources_session_released(struct vaccel_session *sess);
void vaccel_resources_report_leaks(void);
/* Finds resources: live ones (sess NULL) or those registered to `sess`,
 * of `type` (-1: any) and `id` (0: any); the first into *one, or all into
 * a malloc'ed *all (count in *nr_found). No match: VACCEL_ENOENT. */
int vaccel_resource_lookup(const char *fn, const struct vaccel_session *sess,
			   int type, vaccel_id_t id,
			   struct vaccel_resource **one,
			   struct vaccel_resource ***all, size_t *nr_found);
/* OK for LIB, DATA, MODEL; else logs "<fn>: <type> is not a resource
 * type" and returns VACCEL_EINVAL. */
int vaccel_resource_check_type(const char *fn, vaccel_resource_type_t type);

/* resource_registry.c: the number of sessions `res` is registered to,
 * without logging; 0 once it is being released (for the host table: the
 * plugins' resource_unregister hook runs during release). */
long int vaccel_resource_sessions(const struct vaccel_resource *res);
/* ---- back in c/src/blob.c ---- */
#include "vaccel/blob.h"
#include "vaccel/log.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

const char *vaccel_blob_type_to_str(vaccel_blob_type_t value)
{
	switch (value) {
	case VACCEL_BLOB_FILE:
		return "VACCEL_BLOB_FILE";
	case VACCEL_BLOB_BUFFER:
		return "VACCEL_BLOB_BUFFER";
	case VACCEL_BLOB_MAPPED:
		return "VACCEL_BLOB_MAPPED";
	default:
		return "unknown";
	}
}

/* Serialises the lazy mapping of file blobs: plugins read a resource's
 * blobs from several threads at once (vaccel_blob_data through the host
 * table), and each blob must be mapped exactly once. Mapping is rare, so
 * one lock for all blobs is enough; readers of a mapped blob take none. */
static pthread_mutex_t map_lock = PTHREAD_MUTEX_INITIALIZER;

/* `type` and `data` change under map_lock while other threads read them. */
static vaccel_blob_type_t load_type(const struct vaccel_blob *blob)
{
	return __atomic_load_n(&blob->type, __ATOMIC_RELAXED);
}

static bool type_ok(const struct vaccel_blob *blob)
{
	return (unsigned)load_type(blob) < VACCEL_BLOB_MAX;
}

int vaccel_blob_map_file(const char *path, bool shared, uint8_t **data,
			 size_t *size)
{
	struct stat st;
	void *ptr;
	/* Non-blocking: a FIFO put where the file was must not block the
	 * open (it is refused below). */
	int fd =
	    open(path, (shared ? O_RDWR : O_RDONLY) | O_CLOEXEC | O_NONBLOCK);
	int ret;

	if (fd < 0) {
		ret = errno;
		vaccel_error("cannot open %s: %s", path, strerror(ret));
		return ret;
	}
	if (fstat(fd, &st)) {
		ret = errno;
		vaccel_error("cannot stat %s: %s", path, strerror(ret));
		close(fd);
		return ret;
	}
	if (!S_ISREG(st.st_mode)) {
		vaccel_error("%s is not a regular file", path);
		close(fd);
		return VACCEL_EINVAL;
	}
	if (st.st_size == 0) {
		/* mmap cannot map zero bytes, and a blob has data or a path */
		vaccel_error("file %s is empty", path);
		close(fd);
		return VACCEL_EINVAL;
	}
	/* Private for files the blob does not own: writes through `data` must
	 * not change the user's file. */
	ptr = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE,
		   shared ? MAP_SHARED : MAP_PRIVATE, fd, 0);
	ret = ptr == MAP_FAILED ? errno : 0;
	close(fd);
	if (ret) {
		vaccel_error("cannot map %s: %s", path, strerror(ret));
		return ret;
	}
	*data = ptr;
	*size = (size_t)st.st_size;
	return VACCEL_OK;
}

int vaccel_blob_init(struct vaccel_blob *blob, const char *path)
{
	struct stat st;
	const char *base;

	if (!blob || !path) {
		vaccel_error("vaccel_blob_init: %s is NULL",
			     blob ? "path" : "blob");
		return VACCEL_EINVAL;
	}
	/* Any path that is not a readable regular file is EINVAL, as in
	 * vAccel; the log says why. */
	if (stat(path, &st)) {
		vaccel_error("vaccel_blob_init: %s: %s", path, strerror(errno));
		return VACCEL_EINVAL;
	}
	if (!S_ISREG(st.st_mode)) {
		vaccel_error("vaccel_blob_init: %s is not a regular file",
			     path);
		return VACCEL_EINVAL;
	}
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	memset(blob, 0, sizeof(*blob));
	blob->path = strdup(path);
	blob->name = strdup(base);
	if (!blob->path || !blob->name) {
		free(blob->path);
		free(blob->name);
		blob->type = VACCEL_BLOB_MAX;
		return VACCEL_ENOMEM;
	}
	blob->type = VACCEL_BLOB_FILE;
	return VACCEL_OK;
}

int vaccel_blob_init_from_buf(struct vaccel_blob *blob, const uint8_t *buf,
			      size_t size, bool own, const char *filename,
			      const char *dir, bool randomize)
{
	int ret;

	if (!blob || !buf || !size || !filename) {
		vaccel_error("vaccel_blob_init_from_buf: %s",
			     !blob   ? "blob is NULL"
			     : !buf  ? "buf is NULL"
			     : !size ? "size is 0"
				     : "filename is NULL");
		return VACCEL_EINVAL;
	}
	memset(blob, 0, sizeof(*blob));
	blob->type = VACCEL_BLOB_BUFFER;
	blob->size = size;
	if (dir) {
		/* persist maps the file back: no copy needed first */
		blob->data = (uint8_t *)buf;
		ret = vaccel_blob_persist(blob, dir, filename, randomize);
		if (ret) {
			memset(blob, 0, sizeof(*blob));
			blob->type = VACCEL_BLOB_MAX;
		}
		return ret;
	}
	blob->name = strdup(filename);
	if (own) {
		blob->data = malloc(size);
		if (blob->data)
			memcpy(blob->data, buf, size);
		blob->data_owned = true;
	} else {
		blob->data = (uint8_t *)buf;
	}
	if (!blob->name || !blob->data) {
		free(blob->name);
		if (own)
			free(blob->data);
		memset(blob, 0, sizeof(*blob));
		blob->type = VACCEL_BLOB_MAX;
		return VACCEL_ENOMEM;
	}
	return VACCEL_OK;
}

int vaccel_blob_release(struct vaccel_blob *blob)
{
	if (!blob) {
		vaccel_error("vaccel_blob_release: blob is NULL");
		return VACCEL_EINVAL;
	}
	if (!type_ok(blob)) {
		vaccel_error("vaccel_blob_release: the blob is not initialised "
			     "or was released");
		return VACCEL_EINVAL;
	}
	if (blob->data && blob->data_owned) {
		if (blob->type == VACCEL_BLOB_MAPPED) {
			if (munmap(blob->data, blob->size))
				vaccel_warn("cannot unmap %s: %s", blob->path,
					    strerror(errno));
		} else {
			free(blob->data);
		}
	}
	if (blob->path && blob->path_owned && unlink(blob->path) &&
	    errno != ENOENT)
		vaccel_warn("cannot remove %s: %s", blob->path,
			    strerror(errno));
	free(blob->path);
	free(blob->name);
	memset(blob, 0, sizeof(*blob));
	blob->type = VACCEL_BLOB_MAX;
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_blob_new, vaccel_blob_init, struct vaccel_blob,
		  (const char *path), (path))
VACCEL_DEFINE_NEW(vaccel_blob_from_buf, vaccel_blob_init_from_buf,
		  struct vaccel_blob,
		  (const uint8_t *buf, size_t size, bool own,
		   const char *filename, const char *dir, bool randomize),
		  (buf, size, own, filename, dir, randomize))
VACCEL_DEFINE_DELETE(vaccel_blob_delete, vaccel_blob_release,
		     struct vaccel_blob)

/* Maps a file blob that has no data yet. Caller holds map_lock. */
static int map_locked(struct vaccel_blob *blob)
{
	uint8_t *data;
	size_t size;
	int ret;

	if (blob->data)
		return VACCEL_OK; /* another thread mapped it meanwhile */
	if (!blob->path) {
		vaccel_error("vaccel_blob_read: blob '%s' has neither data "
			     "nor a file",
			     blob->name ? blob->name : "");
		return VACCEL_EINVAL;
	}
	ret = vaccel_blob_map_file(blob->path, false, &data, &size);
	if (ret)
		return ret;
	blob->size = size;
	blob->data_owned = true;
	__atomic_store_n(&blob->type, VACCEL_BLOB_MAPPED, __ATOMIC_RELAXED);
	__atomic_store_n(&blob->data, data, __ATOMIC_RELEASE);
	return VACCEL_OK;
}

int vaccel_blob_read(struct vaccel_blob *blob)
{
	int ret;

	if (!blob || !type_ok(blob)) {
		vaccel_error("vaccel_blob_read: %s",
			     blob ? "the blob is not initialised or was "
				    "released"
				  : "blob is NULL");
		return VACCEL_EINVAL;
	}
	/* Acquire: a mapped blob's size is written before its data. */
	if (__atomic_load_n(&blob->data, __ATOMIC_ACQUIRE))
		return VACCEL_OK;
	pthread_mutex_lock(&map_lock);
	ret = map_locked(blob);
	pthread_mutex_unlock(&map_lock);
	return ret;
}

uint8_t *vaccel_blob_data(struct vaccel_blob *blob, size_t *size)
{
	if (vaccel_blob_read(blob))
		return NULL;
	if (size)
		*size = blob->size;
	return blob->data;
}

const char *vaccel_blob_path(struct vaccel_blob *blob)
{
	if (!blob || !type_ok(blob) || load_type(blob) == VACCEL_BLOB_BUFFER)
		return NULL;
	return blob->path;
}

bool vaccel_blob_valid(const struct vaccel_blob *blob)
{
	return blob && type_ok(blob) && blob->name &&
	       (blob->path || (blob->data && blob->size));
}

/* ==== c/src/blob_persist.c ==== */
/* Writing an in-memory blob to a file that the blob then owns. */

#include "vaccel/blob.h"
#include "vaccel/helpers/fs.h"
#include "vaccel/log.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool vaccel_relative_name_ok(const char *name)
{
	const char *p = name;

	if (!name || !*name || *name == '/')
		return false;
	/* No ".." or "." component and no empty one: the file must land
	 * inside the directory it is written to. */
	while (*p) {
		size_t len = strcspn(p, "/");

		if (len == 0 || (len == 1 && p[0] == '.') ||
		    (len == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += len;
		if (*p == '/' && !*++p)
			return false;
	}
	return true;
}

int vaccel_mkdir_parents(const char *path, const char *stop)
{
	char buf[PATH_MAX];
	size_t len = strlen(path);
	size_t skip = stop ? strlen(stop) : 0;

	if (len >= sizeof(buf))
		return VACCEL_ENAMETOOLONG;
	memcpy(buf, path, len + 1);
	/* Create each directory of `path` below `stop`, not the last part. */
	for (char *p = buf + skip + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) && errno != EEXIST)
			return errno;
		*p = '/';
	}
	return VACCEL_OK;
}

/* Creates `path` exclusively, or with a random "_XXXXXX" before the file's
 * extension when `randomize` or when `path` exists. `*final` gets the name
 * used (malloc'ed). */
static int create_file(const char *path, bool randomize, char **final, int *fd)
{
	const char *base, *dot;
	size_t ext_len, len;
	char *tmpl;

	if (!randomize) {
		*fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (*fd >= 0) {
			*final = strdup(path);
			if (*final)
				return VACCEL_OK;
			close(*fd);
			unlink(path);
			return VACCEL_ENOMEM;
		}
		if (errno != EEXIST)
			return errno;
		vaccel_warn("%s exists; adding a random suffix", path);
	}
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	ext_len = dot && dot != base ? strlen(dot) : 0;
	len = strlen(path);
	if (len + 8 > PATH_MAX)
		return VACCEL_ENAMETOOLONG;
	tmpl = malloc(len + 8);
	if (!tmpl)
		return VACCEL_ENOMEM;
	memcpy(tmpl, path, len - ext_len);
	memcpy(tmpl + len - ext_len, "_XXXXXX", 7);
	memcpy(tmpl + len - ext_len + 7, path + len - ext_len, ext_len + 1);
	*fd = mkstemps(tmpl, (int)ext_len);
	if (*fd < 0) {
		int err = errno;

		free(tmpl);
		return err;
	}
	*final = tmpl;
	return VACCEL_OK;
}

/* The blob's name for its new file: `filename` with its last part replaced
 * by the file actually created (which may carry a random suffix). */
static char *name_for(const char *filename, const char *path)
{
	const char *slash = strrchr(filename, '/');
	const char *base = strrchr(path, '/') + 1;
	size_t dir_len = slash ? (size_t)(slash - filename) + 1 : 0;
	char *name = malloc(dir_len + strlen(base) + 1);

	if (name) {
		memcpy(name, filename, dir_len);
		strcpy(name + dir_len, base);
	}
	return name;
}

int vaccel_blob_persist(struct vaccel_blob *blob, const char *dir,
			const char *filename, bool randomize)
{
	char path[PATH_MAX];
	char *final = NULL, *name;
	uint8_t *data;
	size_t size;
	struct stat st;
	int fd, ret;

	if (!blob || (unsigned)blob->type >= VACCEL_BLOB_MAX || !blob->data ||
	    !blob->size) {
		vaccel_error("vaccel_blob_persist: %s",
			     blob ? "the blob holds no data" : "blob is NULL");
		return VACCEL_EINVAL;
	}
	if (!vaccel_relative_name_ok(filename)) {
		vaccel_error("vaccel_blob_persist: bad file name '%s' (needs "
			     "a relative path without '.' or '..')",
			     filename ? filename : "(null)");
		return VACCEL_EINVAL;
	}
	if (blob->path) {
		vaccel_error("vaccel_blob_persist: the blob already has the "
			     "file %s",
			     blob->path);
		return VACCEL_EEXIST;
	}
	if (!dir || stat(dir, &st) || !S_ISDIR(st.st_mode)) {
		vaccel_error("vaccel_blob_persist: %s is not a directory",
			     dir ? dir : "(null)");
		return VACCEL_ENOENT;
	}
	if (snprintf(path, sizeof(path), "%s/%s", dir, filename) >=
	    (int)sizeof(path)) {
		vaccel_error("vaccel_blob_persist: %s/%s is too long", dir,
			     filename);
		return VACCEL_ENAMETOOLONG;
	}
	ret = vaccel_mkdir_parents(path, dir);
	if (!ret)
		ret = create_file(path, randomize, &final, &fd);
	if (ret) {
		vaccel_error("vaccel_blob_persist: cannot create %s: %s", path,
			     strerror(ret));
		return ret;
	}
	ret = vaccel_write_all(fd, blob->data, blob->size);
	close(fd);
	name = ret ? NULL : name_for(filename, final);
	if (!ret && !name)
		ret = VACCEL_ENOMEM;
	if (!ret)
		ret = vaccel_blob_map_file(final, true, &data, &size);
	if (ret) {
		vaccel_error("vaccel_blob_persist: cannot write %s: %s", final,
			     strerror(ret));
		unlink(final);
		free(final);
		free(name);
		return ret;
	}
	if (blob->type == VACCEL_BLOB_BUFFER && blob->data_owned)
		free(blob->data);
	free(blob->name);
	blob->name = name;
	blob->path = final;
	blob->path_owned = true;
	blob->data = data;
	blob->data_owned = true;
	blob->size = size;
	blob->type = VACCEL_BLOB_MAPPED;
	vaccel_debug("persisted blob %s to %s", name, final);
	return VACCEL_OK;
}

/* ==== c/src/compat_fs.c ==== */
/* fs_file_read() of vaccel/compat/utils/fs.h: vAccel's examples read their
 * input files with it. */

#include "vaccel/compat/utils/fs.h"
#include "vaccel/error.h"
#include "vaccel/log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int read_all(int fd, const char *path, uint8_t *buf, size_t size)
{
	size_t done = 0;

	while (done < size) {
		ssize_t n = read(fd, buf + done, size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int ret = errno;

			vaccel_error("fs_file_read: cannot read %s: %s", path,
				     strerror(ret));
			return ret;
		}
		if (n == 0) {
			/* The file shrank after fstat(). */
			vaccel_error("fs_file_read: %s ended after %zu of "
				     "%zu bytes",
				     path, done, size);
			return VACCEL_EIO;
		}
		done += (size_t)n;
	}
	return VACCEL_OK;
}

int fs_file_read(const char *path, void **data, size_t *size)
{
	struct stat st;
	uint8_t *buf;
	int fd, ret;

	if (!path || !data) {
		vaccel_error("fs_file_read: %s is NULL",
			     path ? "data" : "path");
		return VACCEL_EINVAL;
	}
	/* Non-blocking: a FIFO must not block the open (refused below). */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		ret = errno;
		vaccel_error("fs_file_read: cannot open %s: %s", path,
			     strerror(ret));
		return ret;
	}
	if (fstat(fd, &st)) {
		ret = errno;
		vaccel_error("fs_file_read: cannot stat %s: %s", path,
			     strerror(ret));
		close(fd);
		return ret;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		vaccel_error("fs_file_read: %s is %s", path,
			     S_ISREG(st.st_mode) ? "empty"
						 : "not a regular file");
		close(fd);
		return VACCEL_EINVAL;
	}
	buf = malloc((size_t)st.st_size);
	if (!buf) {
		vaccel_error("fs_file_read: no memory for the %lld bytes of %s",
			     (long long)st.st_size, path);
		close(fd);
		return VACCEL_ENOMEM;
	}
	ret = read_all(fd, path, buf, (size_t)st.st_size);
	close(fd);
	if (ret) {
		free(buf);
		return ret;
	}
	*data = buf;
	if (size)
		*size = (size_t)st.st_size;
	return VACCEL_OK;
}

/* ==== c/src/config.c ==== */
/* struct vaccel_config: explicit values or the VACCEL_* environment. */

#include "vaccel/config.h"
#include "vaccel/helpers/env.h"
#include "vaccel/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int dup_opt(const char *src, char **dst)
{
	*dst = NULL;
	if (!src)
		return VACCEL_OK;
	*dst = strdup(src);
	return *dst ? VACCEL_OK : VACCEL_ENOMEM;
}

int vaccel_config_init(struct vaccel_config *config, const char *plugins,
		       vaccel_log_level_t log_level, const char *log_file,
		       bool profiling_enabled, bool version_ignore)
{
	if (!config)
		return VACCEL_EINVAL;
	if (log_level < VACCEL_LOG_ERROR || log_level > VACCEL_LOG_DEBUG) {
		vaccel_error("config: log level %d is not 1..4",
			     (int)log_level);
		return VACCEL_EINVAL;
	}
	memset(config, 0, sizeof(*config));
	if (dup_opt(plugins, &config->plugins) ||
	    dup_opt(log_file, &config->log_file)) {
		vaccel_config_release(config);
		return VACCEL_ENOMEM;
	}
	config->log_level = log_level;
	config->profiling_enabled = profiling_enabled;
	config->version_ignore = version_ignore;
	return VACCEL_OK;
}

/* Booleans (vaccel/helpers/env.h); unset or empty gives `def`. */
static int env_bool(const char *name, bool def, bool *out)
{
	if (!vaccel_env_bool(name, def, out))
		return VACCEL_OK;
	vaccel_error("%s='%s' is not a boolean (use %s)", name, getenv(name),
		     VACCEL_BOOL_WORDS);
	return VACCEL_EINVAL;
}

static int env_level(vaccel_log_level_t *out)
{
	const char *v = getenv("VACCEL_LOG_LEVEL");
	char *end;
	long n;

	*out = VACCEL_LOG_ERROR;
	if (!v || !*v)
		return VACCEL_OK;
	n = strtol(v, &end, 10);
	if (*end == '\0' && n >= VACCEL_LOG_ERROR && n <= VACCEL_LOG_DEBUG) {
		*out = (vaccel_log_level_t)n;
		return VACCEL_OK;
	}
	if (vaccel_log_level_from_str(v, out) == VACCEL_OK)
		return VACCEL_OK;
	vaccel_error("VACCEL_LOG_LEVEL='%s' is not a level (1-4 or "
		     "error/warn/info/debug)",
		     v);
	return VACCEL_EINVAL;
}

int vaccel_config_init_from_env(struct vaccel_config *config)
{
	vaccel_log_level_t level;
	bool prof, ignore;
	int ret;

	if (!config)
		return VACCEL_EINVAL;
	ret = env_level(&level);
	if (!ret)
		ret = env_bool("VACCEL_PROFILING_ENABLED", false, &prof);
	if (!ret)
		ret = env_bool("VACCEL_VERSION_IGNORE", false, &ignore);
	if (ret)
		return ret;
	return vaccel_config_init(config, getenv("VACCEL_PLUGINS"), level,
				  getenv("VACCEL_LOG_FILE"), prof, ignore);
}

int vaccel_config_init_from(struct vaccel_config *config,
			    struct vaccel_config *config_src)
{
	if (!config || !config_src)
		return VACCEL_EINVAL;
	return vaccel_config_init(config, config_src->plugins,
				  config_src->log_level, config_src->log_file,
				  config_src->profiling_enabled,
				  config_src->version_ignore);
}

int vaccel_config_release(struct vaccel_config *config)
{
	if (!config)
		return VACCEL_EINVAL;
	free(config->plugins);
	free(config->log_file);
	/* Back to the defaults, as in vAccel (not zeroed: log level 0 is no
	 * level at all). */
	memset(config, 0, sizeof(*config));
	config->log_level = VACCEL_LOG_ERROR;
	return VACCEL_OK;
}

/* Allocates a config and fills it with `init`'s result. */
#define CONFIG_NEW(out, init_call)                                             \
	do {                                                                   \
		struct vaccel_config *c;                                       \
		int r;                                                         \
		if (!(out))                                                    \
			return VACCEL_EINVAL;                                  \
		c = malloc(sizeof(*c));                                        \
		if (!c)                                                        \
			return VACCEL_ENOMEM;                                  \
		r = init_call;                                                 \
		if (r) {                                                       \
			free(c);                                               \
			return r;                                              \
		}                                                              \
		*(out) = c;                                                    \
		return VACCEL_OK;                                              \
	} while (0)

int vaccel_config_new(struct vaccel_config **config, const char *plugins,
		      vaccel_log_level_t log_level, const char *log_file,
		      bool profiling_enabled, bool version_ignore)
{
	CONFIG_NEW(config,
		   vaccel_config_init(c, plugins, log_level, log_file,
				      profiling_enabled, version_ignore));
}

int vaccel_config_from_env(struct vaccel_config **config)
{
	CONFIG_NEW(config, vaccel_config_init_from_env(c));
}

int vaccel_config_from(struct vaccel_config **config,
		       struct vaccel_config *config_src)
{
	CONFIG_NEW(config, vaccel_config_init_from(c, config_src));
}

int vaccel_config_delete(struct vaccel_config *config)
{
	if (!config)
		return VACCEL_EINVAL;
	vaccel_config_release(config);
	free(config);
	return VACCEL_OK;
}

void vaccel_config_print_debug(struct vaccel_config *config)
{
	if (!config)
		return;
	vaccel_debug("config: plugins=%s log_level=%s log_file=%s "
		     "profiling=%d version_ignore=%d",
		     config->plugins ? config->plugins : "(none)",
		     vaccel_log_level_to_str(config->log_level),
		     config->log_file ? config->log_file : "(stderr)",
		     config->profiling_enabled, config->version_ignore);
}

/* ==== c/src/core.c ==== */
/* Bootstrap and cleanup of the runtime, explicit and automatic (at library
 * load and unload). Nothing here ends the host process: failures are
 * returned, logged, and remembered for the next call. */

#include "vaccel/core.h"
#include "vaccel/helpers/env.h"
#include "vaccel/helpers/fs.h"
#include "vaccel/log.h"

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static pthread_mutex_t core_lock = PTHREAD_MUTEX_INITIALIZER;
static struct vaccel_config active_config;
static const struct vaccel_config default_config = {
    .plugins = NULL,
    .log_level = VACCEL_LOG_ERROR,
    .log_file = NULL,
    .profiling_enabled = false,
    .version_ignore = false,
};
/* Written under core_lock; read without it by every thread (op calls, the
 * log, lookups) while another may restart the runtime. */
static atomic_bool initialized;
/* The error of the last failed bootstrap, until one succeeds. */
static int boot_error;
static char rundir[PATH_MAX];

const struct vaccel_config *vaccel_config_active(void)
{
	return initialized ? &active_config : &default_config;
}

const struct vaccel_config *vaccel_config(void)
{
	return initialized ? &active_config : NULL;
}

bool vaccel_is_initialized(void)
{
	return initialized;
}

const char *vaccel_rundir(void)
{
	return initialized && rundir[0] ? rundir : NULL;
}

static int mkdir_p(const char *path)
{
	char buf[PATH_MAX];
	size_t len = strlen(path);

	if (len == 0 || len >= sizeof(buf))
		return VACCEL_ENAMETOOLONG;
	memcpy(buf, path, len + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) && errno != EEXIST)
			return errno;
		*p = '/';
	}
	if (mkdir(buf, 0700) && errno != EEXIST)
		return errno;
	return VACCEL_OK;
}

/* Create <base>/run.XXXXXX, this process's private runtime directory. */
static int make_rundir_in(const char *base)
{
	int ret = mkdir_p(base);

	if (ret)
		return ret;
	if (snprintf(rundir, sizeof(rundir), "%s/run.XXXXXX", base) >=
	    (int)sizeof(rundir))
		return VACCEL_ENAMETOOLONG;
	if (!mkdtemp(rundir)) {
		ret = errno;
		rundir[0] = '\0';
		return ret;
	}
	return VACCEL_OK;
}

static int make_rundir(void)
{
	const char *env = getenv("VACCEL_RUNDIR");
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	const char *tmp = getenv("TMPDIR");
	char base[PATH_MAX];
	int ret;

	if (env && *env) {
		ret = make_rundir_in(env);
		if (ret)
			vaccel_error("VACCEL_RUNDIR='%s' is not usable: %s",
				     env, strerror(ret));
		return ret;
	}
	if (xdg && *xdg) {
		snprintf(base, sizeof(base), "%s/vaccel", xdg);
		if (make_rundir_in(base) == VACCEL_OK)
			return VACCEL_OK;
		vaccel_warn("cannot use %s as runtime directory; trying the "
			    "temporary directory",
			    base);
	}
	snprintf(base, sizeof(base), "%s/vaccel-%u", tmp && *tmp ? tmp : "/tmp",
		 (unsigned)getuid());
	ret = make_rundir_in(base);
	if (ret)
		vaccel_error("cannot create a runtime directory under %s: %s",
			     base, strerror(ret));
	return ret;
}

static void remove_rundir(void)
{
	if (!rundir[0])
		return;
	int err = vaccel_remove_tree(rundir);

	if (err)
		vaccel_warn("cannot remove all of %s: %s", rundir,
			    strerror(err));
	rundir[0] = '\0';
}

/* Undo a (partial) start. Caller holds core_lock. */
static void stop_locked(void)
{
	/* First: calls arriving from now on are told the runtime is down. */
	initialized = false;
	vaccel_prof_print_ops();
	vaccel_shared_report_leaks();
	vaccel_plugins_unload_all();
	vaccel_sessions_report_leaks();
	vaccel_resources_report_leaks();
	remove_rundir();
	vaccel_config_release(&active_config);
	vaccel_prof_configure(false);
}

static int start_locked(struct vaccel_config *config)
{
	int ret;

	if (initialized)
		stop_locked();
	ret = vaccel_config_init_from(&active_config, config);
	if (ret)
		return ret;
	vaccel_log_configure(active_config.log_level, active_config.log_file);
	vaccel_prof_configure(active_config.profiling_enabled);
	vaccel_config_print_debug(&active_config);

	ret = make_rundir();
	if (!ret && active_config.plugins)
		ret = vaccel_plugins_load_list(active_config.plugins,
					       active_config.version_ignore);
	if (!ret)
		ret = vaccel_plugins_builtin_activate();
	if (ret) {
		vaccel_plugins_unload_all();
		remove_rundir();
		vaccel_config_release(&active_config);
		vaccel_prof_configure(false);
		boot_error = ret;
		vaccel_error("bootstrap failed: %s (%s)",
			     vaccel_error_to_str(ret), strerror(ret));
		return ret;
	}
	initialized = true;
	boot_error = VACCEL_OK;
	vaccel_debug("vaccel %s started, runtime directory %s", VACCEL_VERSION,
		     rundir);
	return VACCEL_OK;
}

int vaccel_bootstrap_with_config(struct vaccel_config *config)
{
	int ret;

	if (!config) {
		vaccel_error("vaccel_bootstrap_with_config: config is NULL");
		return VACCEL_EINVAL;
	}
	pthread_mutex_lock(&core_lock);
	ret = start_locked(config);
	pthread_mutex_unlock(&core_lock);
	return ret;
}

int vaccel_bootstrap(void)
{
	struct vaccel_config config;
	int ret = vaccel_config_init_from_env(&config);

	if (ret) {
		/* Like a failed bootstrap_with_config: the restart failed, so
		 * the runtime is left stopped with the error recorded. */
		pthread_mutex_lock(&core_lock);
		if (initialized)
			stop_locked();
		boot_error = ret;
		pthread_mutex_unlock(&core_lock);
		vaccel_error("bootstrap failed: bad environment configuration");
		return ret;
	}
	ret = vaccel_bootstrap_with_config(&config);
	vaccel_config_release(&config);
	return ret;
}

int vaccel_cleanup(void)
{
	pthread_mutex_lock(&core_lock);
	if (initialized)
		stop_locked();
	boot_error = VACCEL_OK;
	pthread_mutex_unlock(&core_lock);
	vaccel_prof_cleanup();
	vaccel_log_shutdown();
	return VACCEL_OK;
}

int vaccel_runtime_ready(void)
{
	int err;

	if (initialized)
		return VACCEL_OK;
	pthread_mutex_lock(&core_lock);
	err = boot_error;
	pthread_mutex_unlock(&core_lock);
	if (err) {
		vaccel_error("vaccel is not initialized: the last bootstrap "
			     "failed with %s; fix the configuration and call "
			     "vaccel_bootstrap()",
			     vaccel_error_to_str(err));
		return err;
	}
	vaccel_debug("vaccel was not bootstrapped; bootstrapping from the "
		     "environment");
	return vaccel_bootstrap();
}

/* A switch that is on unless set to a false word; a value that is no
 * boolean leaves it on, with a warning. */
static bool env_disabled(const char *name)
{
	bool on;

	if (vaccel_env_bool(name, true, &on))
		vaccel_warn("%s='%s' is not a boolean (use %s); taken as 1",
			    name, getenv(name), VACCEL_BOOL_WORDS);
	return !on;
}

__attribute__((constructor)) static void vaccel_auto_bootstrap(void)
{
	if (env_disabled("VACCEL_BOOTSTRAP_ENABLED"))
		return;
	/* A failure is logged and recorded; the host process carries on. */
	(void)vaccel_bootstrap();
}

__attribute__((destructor)) static void vaccel_auto_cleanup(void)
{
	if (env_disabled("VACCEL_CLEANUP_ENABLED"))
		return;
	vaccel_cleanup();
}

/* ==== c/src/genop.c ==== */
/* vaccel_genop: any op called with packed vaccel_arg arguments, unpacked
 * with the op's descriptor (the layout is in docs/genop.md). No op has
 * code of its own here. */

/* ---- c/src/op_invoke.h (inlined) ---- */

#include "vaccel/enums.h"

/* The single entry of every generated op function: validate argv (pointers
 * to the op's parameters, in C order) against the op's descriptor, time it,
 * and dispatch it to a plugin. */
int vaccel_op_invoke(vaccel_op_type_t op, void **argv);
/* ---- back in c/src/genop.c ---- */
/* ---- c/src/param_value.h (inlined) ---- */

/* Writing integer parameters whatever their C type (reading is
 * vaccel_param_int() in vaccel/op_desc.h), and saying why a parameter's
 * count was refused. */

#include "vaccel/op_desc.h"
#include <stdbool.h>

/* Store `v` into `dst` as `type`; false when it does not fit. */
bool vaccel_param_write_int(uint8_t type, void *dst, long long v);

/* Log, prefixed with `who`, why vaccel_param_bytes() refused pointer
 * parameter `i`: the count parameter that is negative, or the product or
 * byte size that overflows. */
void vaccel_param_count_error(const char *who,
			      const struct vaccel_op_desc *desc, unsigned int i,
			      void *const *argv);
/* ---- back in c/src/genop.c ---- */
#include "vaccel/log.h"
#include "vaccel/ops/genop.h"
#include "vaccel/resource.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define GENOP_MAX_PARAMS 32

struct unpacked {
	void *argv[GENOP_MAX_PARAMS];
	void *ptrs[GENOP_MAX_PARAMS];	     /* pointer parameter values */
	int64_t ints[GENOP_MAX_PARAMS];	     /* derived counts (any int type) */
	long long bytes[GENOP_MAX_PARAMS];   /* arg size; -1 if none */
	const char *where[GENOP_MAX_PARAMS]; /* "read" or "write" */
	int index[GENOP_MAX_PARAMS];
};

/* vAccel 0.8 packs a resource as its id (an int64), not the struct. */
static int bind_resource_id(const struct vaccel_op_desc *desc, unsigned int i,
			    const struct vaccel_arg *a, struct unpacked *u)
{
	struct vaccel_resource *res = NULL;
	vaccel_id_t id;
	int ret;

	memcpy(&id, a->buf, sizeof(id));
	ret = vaccel_resource_get_by_id(&res, id);
	if (ret) {
		vaccel_error("vaccel_genop(%s): %s[%d] for '%s': no resource "
			     "with id %lld",
			     desc->name, u->where[i], u->index[i],
			     desc->params[i].name, (long long)id);
		return ret;
	}
	u->ptrs[i] = res;
	u->argv[i] = &u->ptrs[i];
	return VACCEL_OK;
}

/* Bind parameter i to one packed arg. */
static int bind_arg(const struct vaccel_op_desc *desc, unsigned int i,
		    const struct vaccel_arg *a, struct unpacked *u)
{
	const struct vaccel_param_desc *p = &desc->params[i];

	switch (p->kind) {
	case VACCEL_PARAM_SCALAR:
		if (!a->buf || a->size != p->elem_size) {
			vaccel_error(
			    "vaccel_genop(%s): %s[%d] for '%s' holds %zu "
			    "bytes; the parameter takes %u",
			    desc->name, u->where[i], u->index[i], p->name,
			    a->buf ? a->size : 0, p->elem_size);
			return VACCEL_EINVAL;
		}
		u->argv[i] = a->buf;
		return VACCEL_OK;
	case VACCEL_PARAM_STRING:
		if (a->buf && !memchr(a->buf, '\0', a->size)) {
			vaccel_error("vaccel_genop(%s): %s[%d] for '%s' is not "
				     "NUL-terminated within its %zu bytes",
				     desc->name, u->where[i], u->index[i],
				     p->name, a->size);
			return VACCEL_EINVAL;
		}
		break;
	case VACCEL_PARAM_RESOURCE:
		if (a->buf && a->size == sizeof(vaccel_id_t))
			return bind_resource_id(desc, i, a, u);
		if (a->buf && a->size != sizeof(struct vaccel_resource)) {
			vaccel_error("vaccel_genop(%s): %s[%d] for '%s' must "
				     "point at a struct vaccel_resource "
				     "(%zu bytes), not %zu bytes",
				     desc->name, u->where[i], u->index[i],
				     p->name, sizeof(struct vaccel_resource),
				     a->size);
			return VACCEL_EINVAL;
		}
		break;
	default:
		/* No object is larger than PTRDIFF_MAX: a larger size is a
		 * lie that would also wrap the byte counts below. */
		if (a->size > PTRDIFF_MAX) {
			vaccel_error("vaccel_genop(%s): %s[%d] for '%s' claims "
				     "%zu bytes, more than any buffer can be",
				     desc->name, u->where[i], u->index[i],
				     p->name, a->size);
			return VACCEL_EINVAL;
		}
		u->bytes[i] = (long long)a->size;
		break;
	}
	u->ptrs[i] = a->buf;
	u->argv[i] = &u->ptrs[i];
	return VACCEL_OK;
}

/* Give every derived count the element count of the array it counts. */
static int derive_counts(const struct vaccel_op_desc *desc, struct unpacked *u)
{
	for (unsigned int c = 1; c < desc->nr_params; c++) {
		const struct vaccel_param_desc *cp = &desc->params[c];
		bool set = false;

		if (!(cp->flags & VACCEL_PARAM_DERIVED))
			continue;
		for (unsigned int i = 1; i < desc->nr_params && !set; i++) {
			const struct vaccel_param_desc *p = &desc->params[i];
			long long n;

			if (p->count[0] != (int16_t)c || p->count[1] >= 0)
				continue;
			if (u->bytes[i] % p->elem_size) {
				vaccel_error(
				    "vaccel_genop(%s): %s[%d] for '%s' "
				    "holds %lld bytes, not a multiple "
				    "of its %u-byte elements",
				    desc->name, u->where[i], u->index[i],
				    p->name, u->bytes[i], p->elem_size);
				return VACCEL_EINVAL;
			}
			n = u->bytes[i] / p->elem_size;
			if (!vaccel_param_write_int(cp->type, &u->ints[c], n)) {
				vaccel_error(
				    "vaccel_genop(%s): %lld elements in "
				    "'%s' do not fit '%s'",
				    desc->name, n, p->name, cp->name);
				return VACCEL_EINVAL;
			}
			u->argv[c] = &u->ints[c];
			set = true;
		}
	}
	return VACCEL_OK;
}

/* Every packed array must hold as many bytes as its count says. A NULL
 * array is left to vaccel_op_check_args(), which applies the direct call's
 * rule (NULL only with a count of 0, or when nullable), so that genop and
 * the direct call agree on every parameter. */
static int check_sizes(const struct vaccel_op_desc *desc, struct unpacked *u)
{
	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_param_desc *p = &desc->params[i];
		long long need;

		if (u->bytes[i] < 0 || p->kind == VACCEL_PARAM_ARGS)
			continue;
		need = vaccel_param_bytes(desc, i, u->argv);
		if (need < 0) {
			char who[64];

			snprintf(who, sizeof(who), "vaccel_genop(%s)",
				 desc->name);
			vaccel_param_count_error(who, desc, i, u->argv);
			return VACCEL_EINVAL;
		}
		if (u->ptrs[i] && need > u->bytes[i]) {
			vaccel_error("vaccel_genop(%s): %s[%d] for '%s' holds "
				     "%lld bytes; the op needs %lld",
				     desc->name, u->where[i], u->index[i],
				     p->name, u->bytes[i], need);
			return VACCEL_EINVAL;
		}
	}
	return VACCEL_OK;
}

/* vAccel packs some counts we derive (minmax's ndata) as read args in C
 * order. True when exactly that many more read args are given: the packed
 * counts are then used, and checked against their arrays like any count. */
static bool counts_packed(const struct vaccel_op_desc *desc, int nr_read)
{
	int plain = 0, derived = 0;

	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_param_desc *p = &desc->params[i];

		if (p->dir != VACCEL_PARAM_IN)
			continue;
		if (p->kind == VACCEL_PARAM_ARGS)
			return false;
		if (p->flags & VACCEL_PARAM_DERIVED)
			derived++;
		else
			plain++;
	}
	return derived > 0 && nr_read == 1 + plain + derived;
}

static int unpack(const struct vaccel_op_desc *desc, struct vaccel_arg *read,
		  int nr_read, struct vaccel_arg *write, int nr_write,
		  struct unpacked *u)
{
	bool packed = counts_packed(desc, nr_read);
	int ri = 1, wi = 0, ret;

	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_param_desc *p = &desc->params[i];
		bool in = p->dir == VACCEL_PARAM_IN;
		struct vaccel_arg *args = in ? read : write;
		int nr = in ? nr_read : nr_write;
		int *pos = in ? &ri : &wi;

		u->bytes[i] = -1;
		u->where[i] = in ? "read" : "write";
		u->index[i] = *pos;
		if ((p->flags & VACCEL_PARAM_DERIVED) && !packed)
			continue;
		if (p->kind == VACCEL_PARAM_ARGS) {
			/* An arg array takes all the remaining args. */
			u->ptrs[i] = *pos < nr ? &args[*pos] : NULL;
			u->bytes[i] = (long long)(nr - *pos) *
				      (long long)sizeof(struct vaccel_arg);
			u->argv[i] = &u->ptrs[i];
			*pos = nr;
			continue;
		}
		if (*pos >= nr) {
			vaccel_error(
			    "vaccel_genop(%s): no %s[%d] for parameter "
			    "'%s' (%d %s args given)",
			    desc->name, u->where[i], *pos, p->name, nr,
			    u->where[i]);
			return VACCEL_EINVAL;
		}
		ret = bind_arg(desc, i, &args[(*pos)++], u);
		if (ret)
			return ret;
	}
	if (ri < nr_read || wi < nr_write) {
		vaccel_error(
		    "vaccel_genop(%s): %d read and %d write args given; "
		    "the op takes %d and %d",
		    desc->name, nr_read, nr_write, ri, wi);
		return VACCEL_EINVAL;
	}
	ret = packed ? VACCEL_OK : derive_counts(desc, u);
	return ret ? ret : check_sizes(desc, u);
}

/* The op id in read[0], as an unsigned integer of any width: vAccel
 * programs pack it as a uint8_t, others as a vaccel_op_type_t. */
static int read_op_id(const struct vaccel_arg *a, uint64_t *id)
{
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;

	if (!a->buf)
		return VACCEL_EINVAL;
	switch (a->size) {
	case 1:
		memcpy(&u8, a->buf, 1);
		*id = u8;
		return VACCEL_OK;
	case 2:
		memcpy(&u16, a->buf, 2);
		*id = u16;
		return VACCEL_OK;
	case 4:
		memcpy(&u32, a->buf, 4);
		*id = u32;
		return VACCEL_OK;
	case 8:
		memcpy(id, a->buf, 8);
		return VACCEL_OK;
	default:
		return VACCEL_EINVAL;
	}
}

/* vAccel 0.8 packs image_classify's outputs as (out_imgname, out_text),
 * each typed VACCEL_ARG_UCHAR_ARRAY by vaccel_arg_array_add_uchar_array();
 * vAccel 0.7 and docs/genop.md put out_text first, untyped. A pair typed the
 * 0.8 way is taken in 0.8's order (copied into `swapped`, same buffers). */
static struct vaccel_arg *classify_outputs(uint64_t op,
					   struct vaccel_arg *write,
					   int nr_write,
					   struct vaccel_arg swapped[2])
{
	if (op != VACCEL_OP_IMAGE_CLASSIFY || nr_write != 2 ||
	    write[0].type != VACCEL_ARG_UCHAR_ARRAY ||
	    write[1].type != VACCEL_ARG_UCHAR_ARRAY)
		return write;
	swapped[0] = write[1];
	swapped[1] = write[0];
	return swapped;
}

int vaccel_genop(struct vaccel_session *sess, struct vaccel_arg *read,
		 int nr_read, struct vaccel_arg *write, int nr_write)
{
	const struct vaccel_op_desc *desc;
	struct vaccel_arg swapped[2];
	struct unpacked u;
	uint64_t op;
	int ret;

	if (!read || nr_read < 1 || nr_write < 0 || (nr_write > 0 && !write)) {
		vaccel_error("vaccel_genop: read[0] must hold the op id "
			     "(nr_read %d, nr_write %d)",
			     nr_read, nr_write);
		return VACCEL_EINVAL;
	}
	if (read_op_id(&read[0], &op)) {
		vaccel_error("vaccel_genop: read[0] must point at the op id "
			     "as an integer of 1, 2, 4 or 8 bytes, not %zu "
			     "bytes",
			     read[0].buf ? read[0].size : 0);
		return VACCEL_EINVAL;
	}
	desc = op < VACCEL_OP_MAX ? vaccel_op_desc_get((unsigned int)op) : NULL;
	if (!desc) {
		vaccel_error(
		    "vaccel_genop: unknown op id %llu (valid ids: 0..%d)",
		    (unsigned long long)op, VACCEL_OP_MAX - 1);
		return VACCEL_EINVAL;
	}
	if (desc->nr_params > GENOP_MAX_PARAMS)
		return VACCEL_ENOTSUP;
	memset(&u, 0, sizeof(u));
	u.argv[0] = &sess;
	write = classify_outputs(op, write, nr_write, swapped);
	ret = unpack(desc, read, nr_read, write, nr_write, &u);
	if (ret)
		return ret;
	return vaccel_op_invoke((vaccel_op_type_t)op, u.argv);
}

/* ==== c/src/host_api.c ==== */
/* The host function table handed to every plugin at load. Plugins link
 * nothing from vaccel; whatever they need from the runtime is here. */

#include "vaccel/blob.h"
#include "vaccel/prof.h"
#include "vaccel/resource.h"
#include "vaccel/session.h"
#include "vaccel/tf_types.h"
#include "vaccel/tflite_types.h"
#include "vaccel/torch_types.h"

#include <stdlib.h>

static const struct vaccel_host_api host_api = {
    .size = sizeof(struct vaccel_host_api),
    .abi_version = VACCEL_PLUGIN_ABI_VERSION,
    .runtime_version = VACCEL_VERSION,
    .vlog = vaccel_vlog_from,
    .alloc = malloc,
    .zalloc = calloc,
    .free = free,
    .op_desc = vaccel_op_desc_get,
    .session_get_by_id = vaccel_session_get_by_id,
    .resource_directory = vaccel_resource_directory,
    .blob_data = vaccel_blob_data,
    .resource_get_by_id = vaccel_resource_get_by_id,
    .session_has_resource = vaccel_session_has_resource,
    .torch_tensor_allocate = vaccel_torch_output_tensor_allocate,
    .torch_tensor_delete = vaccel_torch_tensor_delete,
    .tf_tensor_allocate = vaccel_tf_output_tensor_allocate,
    .tf_tensor_delete = vaccel_tf_tensor_delete,
    .tf_status_init = vaccel_tf_status_init,
    .tf_status_release = vaccel_tf_status_release,
    .tflite_tensor_allocate = vaccel_tflite_output_tensor_allocate,
    .tflite_tensor_delete = vaccel_tflite_tensor_delete,
    .resource_refcount = vaccel_resource_sessions,
    .session_resources_by_type = vaccel_session_resources_by_type,
    .struct_desc = vaccel_struct_desc_get,
    .prof_enabled = vaccel_prof_enabled,
    .prof_region_get = vaccel_prof_region_get,
    .prof_region_add = vaccel_prof_region_add,
};

const struct vaccel_host_api *vaccel_host_api_table(void)
{
	return &host_api;
}

/* ==== c/src/log.c ==== */
/* Logging: one line per message to stderr or VACCEL_LOG_FILE, filtered by
 * level. Safe to call from any thread, before bootstrap and after cleanup. */

#include "vaccel/log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
/* Read by every log call without the lock, while a restart may set it. */
static _Atomic int log_level = VACCEL_LOG_ERROR;
static FILE *log_out; /* NULL: stderr */

static const char *level_name(vaccel_log_level_t level)
{
	switch (level) {
	case VACCEL_LOG_ERROR:
		return "ERROR";
	case VACCEL_LOG_WARN:
		return "WARN";
	case VACCEL_LOG_INFO:
		return "INFO";
	default:
		return "DEBUG";
	}
}

void vaccel_log_configure(vaccel_log_level_t level, const char *file)
{
	FILE *out = NULL;
	const char *failed = NULL;
	int err = 0;

	if (file && *file) {
		out = fopen(file, "a");
		if (!out) {
			failed = file;
			err = errno;
		} else {
			setvbuf(out, NULL, _IOLBF, 0);
		}
	}
	pthread_mutex_lock(&log_lock);
	if (log_out)
		fclose(log_out);
	log_out = out;
	atomic_store(&log_level, (int)level);
	pthread_mutex_unlock(&log_lock);
	if (failed)
		vaccel_warn("cannot open log file '%s' (%s); logging to stderr",
			    failed, strerror(err));
}

int vaccel_log_init(void)
{
	const struct vaccel_config *c = vaccel_config_active();

	vaccel_log_configure(c->log_level, c->log_file);
	return VACCEL_OK;
}

int vaccel_log_shutdown(void)
{
	pthread_mutex_lock(&log_lock);
	if (log_out)
		fclose(log_out);
	log_out = NULL;
	pthread_mutex_unlock(&log_lock);
	return VACCEL_OK;
}

vaccel_log_level_t vaccel_log_level(void)
{
	return (vaccel_log_level_t)atomic_load(&log_level);
}

void vaccel_vlog_from(vaccel_log_level_t level, const char *who,
		      const char *fmt, va_list ap)
{
	char stamp[32];
	struct timeval tv;
	struct tm tm;
	FILE *out;

	if ((int)level > atomic_load(&log_level))
		return;
	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%H:%M:%S", &tm);

	pthread_mutex_lock(&log_lock);
	out = log_out ? log_out : stderr;
	fprintf(out, "%s.%03ld vaccel[%d] %-5s ", stamp,
		(long)(tv.tv_usec / 1000), (int)getpid(), level_name(level));
	if (who)
		fprintf(out, "[%s] ", who);
	vfprintf(out, fmt, ap);
	fputc('\n', out);
	fflush(out);
	pthread_mutex_unlock(&log_lock);
}

void vaccel_log(vaccel_log_level_t level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vaccel_vlog_from(level, NULL, fmt, ap);
	va_end(ap);
}

/* ==== c/src/op_invoke.c ==== */
/* The path every op call takes: check the arguments against the op's
 * descriptor, time the call, dispatch it to a plugin. */

#include "vaccel/log.h"
#include "vaccel/prof.h"
#include "vaccel/resource.h"

#include <stddef.h>

const struct vaccel_op_desc *vaccel_op_desc_get(unsigned int op)
{
	return op < VACCEL_OP_MAX ? vaccel_op_descs[op] : NULL;
}

static int check_pointer(const struct vaccel_op_desc *desc,
			 const struct vaccel_param_desc *p, void **argv,
			 unsigned int i)
{
	void *ptr = *(void **)argv[i];
	long long n;

	switch (p->kind) {
	case VACCEL_PARAM_RESOURCE:
		/* Checked where it is pinned (pin_resources): the resource
		 * may be released meanwhile, so only under the registry's
		 * lock. */
		if (ptr)
			return VACCEL_OK;
		break;
	case VACCEL_PARAM_STRING:
		if (ptr)
			return VACCEL_OK;
		break;
	default:
		/* Counts are untrusted: refuse any whose byte size overflows,
		 * before a plugin or a transport multiplies it again. */
		if (vaccel_param_bytes(desc, i, argv) < 0) {
			vaccel_param_count_error(desc->fn_name, desc, i, argv);
			return VACCEL_EINVAL;
		}
		n = vaccel_param_count(desc, i, argv);
		if (!ptr) {
			/* NULL is an empty array, or, where the IDL says
			 * nullable, an absent one the backend checks for. */
			if (n == 0 || (p->flags & VACCEL_PARAM_NULLABLE))
				return VACCEL_OK;
			vaccel_error("%s: '%s' is NULL with a count of %lld",
				     desc->fn_name, p->name, n);
			return VACCEL_EINVAL;
		}
		/* Input pointer arrays (tensors) must not hold NULLs. */
		if (p->kind == VACCEL_PARAM_STRUCT_PTRS &&
		    p->dir == VACCEL_PARAM_IN) {
			for (long long k = 0; k < n; k++)
				if (!((void *const *)ptr)[k]) {
					vaccel_error("%s: %s[%lld] is NULL",
						     desc->fn_name, p->name, k);
					return VACCEL_EINVAL;
				}
		}
		return VACCEL_OK;
	}
	if (p->flags & VACCEL_PARAM_NULLABLE)
		return VACCEL_OK;
	vaccel_error("%s: '%s' is NULL", desc->fn_name, p->name);
	return VACCEL_EINVAL;
}

int vaccel_op_check_args(const struct vaccel_op_desc *desc, void **argv)
{
	const struct vaccel_session *sess = *(struct vaccel_session **)argv[0];

	if (!sess) {
		vaccel_error("%s: sess is NULL", desc->fn_name);
		return VACCEL_EINVAL;
	}
	if (!vaccel_session_valid(sess)) {
		vaccel_error("%s: the session is not initialised or was "
			     "released",
			     desc->fn_name);
		return VACCEL_ESESS;
	}
	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_param_desc *p = &desc->params[i];
		int ret;

		if (p->kind == VACCEL_PARAM_SCALAR)
			continue; /* counts are checked where they are used */
		ret = check_pointer(desc, p, argv, i);
		if (ret)
			return ret;
	}
	return VACCEL_OK;
}

#define MAX_PINS 8

/* Checks every resource the call was given (live, of the op's type,
 * registered to the session) and pins its registration for the time the
 * call runs. */
static int pin_resources(const struct vaccel_op_desc *desc, void **argv,
			 struct registration **pins, size_t *nr_pins)
{
	const struct vaccel_session *sess = *(struct vaccel_session **)argv[0];
	int ret;

	*nr_pins = 0;
	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_resource *res;

		if (desc->params[i].kind != VACCEL_PARAM_RESOURCE)
			continue;
		res = *(struct vaccel_resource **)argv[i];
		if (!res)
			continue;
		if (*nr_pins == MAX_PINS) {
			vaccel_error("%s: more than %d resources",
				     desc->fn_name, MAX_PINS);
			return VACCEL_EINVAL;
		}
		ret = vaccel_resource_pin(
		    res, sess, desc->params[i].resource_type, desc->fn_name,
		    desc->params[i].name, &pins[*nr_pins]);
		if (ret)
			return ret;
		(*nr_pins)++;
	}
	return VACCEL_OK;
}

static void unpin_resources(struct registration **pins, size_t nr_pins)
{
	while (nr_pins-- > 0)
		vaccel_resource_unpin(pins[nr_pins]);
}

int vaccel_op_invoke(vaccel_op_type_t op, void **argv)
{
	const struct vaccel_op_desc *desc = vaccel_op_desc_get(op);
	const struct vaccel_prof_region *region = NULL;
	struct registration *pins[MAX_PINS];
	size_t nr_pins = 0;
	int ret;

	if (!desc) {
		vaccel_error("unknown op id %d", (int)op);
		return VACCEL_EINVAL;
	}
	ret = vaccel_op_check_args(desc, argv);
	if (!ret)
		ret = pin_resources(desc, argv, pins, &nr_pins);
	if (ret) {
		unpin_resources(pins, nr_pins);
		return ret;
	}
	if (vaccel_prof_enabled()) {
		region = vaccel_prof_op_region(op);
		vaccel_prof_region_start((struct vaccel_prof_region *)region);
	}
	ret = vaccel_plugins_dispatch(desc, argv,
				      *(struct vaccel_session **)argv[0]);
	if (region)
		vaccel_prof_region_stop(region);
	unpin_resources(pins, nr_pins);
	return ret;
}

/* ==== c/src/param_value.c ==== */
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

/* ==== c/src/plugin.c ==== */
/* The plugin registry: loading and checking plugins, and dispatching op
 * calls to them in priority order with per-op fallback. */

/* ---- c/src/builtin_plugin.h (inlined) ---- */

/*
 * Plugins compiled into the host instead of loaded from a shared object:
 * the rpc transport of the Python and Go bindings registers itself with
 * this at load (c/plugins/rpc/builtin.c). Not part of the vAccel API and
 * not installed; docs/plugins.md "Built-in plugins" has the rules.
 */

#include "vaccel/plugin.h"
#include <stdbool.h>

/* Register descriptor `d` (static storage, living as long as the process)
 * as built in. At every bootstrap, and now if the runtime is up, it joins
 * the registry when `wanted` (NULL: always) returns true and no plugin of
 * its name is loaded; a plugin of that name loaded later from a path
 * replaces it. VACCEL_EINVAL for a NULL or nameless descriptor or one of
 * another ABI, VACCEL_ENOMEM when the (small) table is full; the error of
 * the plugin's init when the runtime is up and it fails. */
int vaccel_plugin_register_builtin(const struct vaccel_plugin_descriptor *d,
				   bool (*wanted)(void));
/* ---- back in c/src/plugin.c ---- */
#include "vaccel/core.h"
#include "vaccel/log.h"
#include "vaccel/plugin.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct plugin {
	const struct vaccel_plugin_descriptor *desc; /* NULL: application */
	const char *name;
	void *dl;
	char *path;
	bool builtin; /* compiled into the host (builtin_plugin.h) */
	struct plugin *retired_next; /* a replaced built-in: see `retired` */
	uint32_t type;
	int32_t priority;
	unsigned int seq; /* load order: breaks priority ties */
	/* Application plugins only: the snapshots listing this one. The
	 * last snapshot to go frees it (register_ops replaces it often). */
	atomic_size_t snaps;
	void *fns[VACCEL_OP_MAX];
	/* What sess->plugin shows of a loaded plugin (vAccel's shape). */
	struct vaccel_plugin_info info;
	struct vaccel_plugin pub;
};

/*
 * The registry is copy-on-write: readers (op calls, hooks) take a reference
 * to the current immutable snapshot and never block; a writer (load,
 * register_ops) builds a new snapshot and swaps it in. So a plugin load is
 * never starved by steady op calls, and an op function may call other
 * vaccel ops (nested dispatch, as the agent and transports do) at any time.
 * Loaded plugins are freed only by vaccel_plugins_unload_all, after the
 * last reader is gone; an application plugin replaced by register_ops goes
 * with the last snapshot that lists it.
 */
struct registry {
	size_t refs; /* one for being current, one per reader */
	size_t nr;
	struct plugin *list[]; /* sorted: priority desc, then seq */
};

/* Serialises writers; held across a plugin's init(). */
static pthread_mutex_t write_lock = PTHREAD_MUTEX_INITIALIZER;
/* Guards `current` and every snapshot's refs (short sections only). */
static pthread_mutex_t snap_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t snap_released = PTHREAD_COND_INITIALIZER;
static struct registry *current;
static unsigned int next_seq;

/* Built-in plugins (builtin_plugin.h), registered once per process; and
 * the active ones a plugin loaded by path replaced: out of the registry,
 * but kept (not fini'd) until unload_all, as sessions made through them
 * may still point at them. Both under write_lock. */
#define MAX_BUILTINS 4
static struct {
	const struct vaccel_plugin_descriptor *desc;
	bool (*wanted)(void);
} builtins[MAX_BUILTINS];
static size_t nr_builtins;
static struct plugin *retired;

#define APP_PLUGIN_NAME "application"

/* sess->plugin for the application's ops: static, because register_ops
 * replaces the application plugin while sessions may point at it. */
static struct vaccel_plugin_info app_info = {
    .name = APP_PLUGIN_NAME,
    .version = VACCEL_VERSION,
    .vaccel_version = VACCEL_VERSION,
    .is_virtio = false,
    .type = (vaccel_plugin_type_t)(VACCEL_PLUGIN_ALL & ~VACCEL_PLUGIN_REMOTE),
};
static struct vaccel_plugin app_pub = {.dl_handle = NULL, .info = &app_info};

static void type_str(uint32_t type, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (uint32_t bit = 1; bit && bit <= VACCEL_PLUGIN_REMOTE; bit <<= 1) {
		const char *name;

		if (!(type & bit))
			continue;
		name = vaccel_plugin_type_to_str((vaccel_plugin_type_t)bit);
		name += strlen("VACCEL_PLUGIN_");
		used +=
		    (size_t)snprintf(buf + used, len > used ? len - used : 0,
				     "%s%s", used ? "|" : "", name);
		if (used >= len)
			break;
	}
}

static bool is_transport(const struct plugin *p)
{
	return (p->type & VACCEL_PLUGIN_REMOTE) != 0;
}

/* Hints are a preference, as in vAccel (docs/plugins.md): a remote
 * session goes to transports only; a local one to the local plugins that
 * match its hint (rank 0), then to the other local plugins (rank 1). -1:
 * the plugin does not serve the session. */
#define NR_RANKS 2
static int rank(const struct plugin *p, const struct vaccel_session *sess)
{
	if (sess->is_virtio)
		return is_transport(p) ? 0 : -1;
	if (is_transport(p))
		return -1;
	return sess->hint == 0 || (p->type & sess->hint) != 0 ? 0 : 1;
}

/* The plugins serving `sess`, best first: by rank, then registry order
 * (priority, then load order). `*rk` and `*i` start at 0. */
static struct plugin *next_serving(const struct registry *r,
				   const struct vaccel_session *sess, int *rk,
				   size_t *i)
{
	for (; r && *rk < NR_RANKS; (*rk)++, *i = 0)
		while (*i < r->nr) {
			struct plugin *p = r->list[(*i)++];

			if (rank(p, sess) == *rk)
				return p;
		}
	return NULL;
}

/* A reference to the current snapshot (NULL when nothing is loaded). */
static struct registry *snapshot_get(void)
{
	struct registry *r;

	pthread_mutex_lock(&snap_lock);
	r = current;
	if (r)
		r->refs++;
	pthread_mutex_unlock(&snap_lock);
	return r;
}

/* Frees a snapshot no reader holds, and the application plugins that no
 * other snapshot lists. */
static void snapshot_free(struct registry *r)
{
	for (size_t i = 0; i < r->nr; i++) {
		struct plugin *p = r->list[i];

		if (!p->desc && atomic_fetch_sub(&p->snaps, 1) == 1)
			free(p);
	}
	free(r);
}

static void snapshot_put(struct registry *r)
{
	bool last;

	if (!r)
		return;
	pthread_mutex_lock(&snap_lock);
	last = --r->refs == 0;
	/* Only vaccel_plugins_unload_all waits, for the last reader of a
	 * snapshot it took away: wake it then, not on every op call. */
	if (r != current && r->refs == 1)
		pthread_cond_broadcast(&snap_released);
	pthread_mutex_unlock(&snap_lock);
	if (last)
		snapshot_free(r);
}

/* Makes `next` current; the old snapshot goes when its readers are done.
 * Caller holds write_lock. */
static void snapshot_publish(struct registry *next)
{
	struct registry *old;

	pthread_mutex_lock(&snap_lock);
	old = current;
	current = next;
	pthread_mutex_unlock(&snap_lock);
	snapshot_put(old);
}

/* A copy of the current list with `add` inserted in order (when non-NULL)
 * and `drop` left out (when non-NULL). Caller holds write_lock. */
static struct registry *snapshot_edit(struct plugin *add, struct plugin *drop)
{
	const struct registry *cur = current;
	size_t n = cur ? cur->nr : 0, k = 0;
	struct registry *r = malloc(sizeof(*r) + (n + 1) * sizeof(r->list[0]));

	if (!r)
		return NULL;
	r->refs = 1;
	for (size_t i = 0; i < n; i++) {
		struct plugin *p = cur->list[i];

		if (p == drop)
			continue;
		if (add &&
		    (p->priority < add->priority ||
		     (p->priority == add->priority && p->seq > add->seq))) {
			r->list[k++] = add;
			add = NULL;
		}
		r->list[k++] = p;
	}
	if (add)
		r->list[k++] = add;
	r->nr = k;
	for (size_t i = 0; i < k; i++)
		if (!r->list[i]->desc)
			atomic_fetch_add(&r->list[i]->snaps, 1);
	return r;
}

/* Caller holds write_lock. */
static struct plugin *plugin_find_locked(const char *name)
{
	for (size_t i = 0; current && i < current->nr; i++)
		if (strcmp(current->list[i]->name, name) == 0)
			return current->list[i];
	return NULL;
}

/* Parse "X.Y..." into major and minor; false if it is not a version. */
/* Whether this runtime has op `type` (ids may have gaps). */
static bool known_op(vaccel_op_type_t type)
{
	return (unsigned)type < VACCEL_OP_MAX && vaccel_op_descs[type];
}

static bool parse_version(const char *v, long *major, long *minor)
{
	char *end;

	if (!v)
		return false;
	*major = strtol(v, &end, 10);
	if (end == v || *end != '.')
		return false;
	v = end + 1;
	*minor = strtol(v, &end, 10);
	return end != v;
}

/* True when [ptr, ptr + len) lies in the shared object `lm` (both ends in
 * its loaded segments). */
static bool in_object(const struct link_map *lm, const void *ptr, size_t len)
{
	const char *p = ptr;
	Dl_info info;
	struct link_map *at = NULL;

	if (!p || (uintptr_t)p + len < (uintptr_t)p)
		return false;
	if (!dladdr1(p, &info, (void **)&at, RTLD_DL_LINKMAP) || at != lm)
		return false;
	at = NULL;
	if (len > 1 &&
	    (!dladdr1(p + len - 1, &info, (void **)&at, RTLD_DL_LINKMAP) ||
	     at != lm))
		return false;
	return true;
}

/* The descriptor is data of an untrusted shared object: before reading a
 * field, check that the exported symbol is large enough to hold it; before
 * following a pointer, check that it points into the plugin. */
static int check_layout(void *dl, const struct vaccel_plugin_descriptor *d,
			const char *path, struct link_map **lm_out)
{
	const size_t need =
	    offsetof(struct vaccel_plugin_descriptor, host) + sizeof(d->host);
	const ElfW(Sym) *sym = NULL;
	struct link_map *lm = NULL;
	Dl_info info;

	if (dlinfo(dl, RTLD_DI_LINKMAP, &lm) || !lm ||
	    !dladdr1(d, &info, (void **)&sym, RTLD_DL_SYMENT) || !sym ||
	    info.dli_saddr != (void *)d) {
		vaccel_error("plugin '%s': cannot find the size of its '%s'",
			     path, VACCEL_PLUGIN_SYMBOL);
		return VACCEL_ELIBBAD;
	}
	if (sym->st_size < need) {
		vaccel_error("plugin '%s' exports '%s' of %zu bytes; a plugin "
			     "descriptor has at least %zu",
			     path, VACCEL_PLUGIN_SYMBOL, (size_t)sym->st_size,
			     need);
		return VACCEL_ELIBBAD;
	}
	if (d->size > sym->st_size) {
		vaccel_error("plugin '%s' declares a descriptor of %u bytes; "
			     "its '%s' has only %zu",
			     path, d->size, VACCEL_PLUGIN_SYMBOL,
			     (size_t)sym->st_size);
		return VACCEL_ELIBBAD;
	}
	*lm_out = lm;
	return VACCEL_OK;
}

/* Pointers of a descriptor whose size is known to be right. */
static int check_pointers(const struct link_map *lm,
			  const struct vaccel_plugin_descriptor *d,
			  const char *path)
{
	if (!in_object(lm, d->name, 1) ||
	    !in_object(lm, d->host, sizeof(*d->host))) {
		vaccel_error("plugin '%s' declares a name or host slot "
			     "outside itself (%p, %p)",
			     path, (const void *)d->name, (void *)d->host);
		return VACCEL_ELIBBAD;
	}
	if (d->nr_ops > 0 &&
	    (d->nr_ops > SIZE_MAX / sizeof(*d->ops) ||
	     !in_object(lm, d->ops, d->nr_ops * sizeof(*d->ops)))) {
		vaccel_error("plugin '%s' lists %zu ops at %p, which is not "
			     "an array of that many inside the plugin",
			     path, d->nr_ops, (const void *)d->ops);
		return VACCEL_ELIBBAD;
	}
	return VACCEL_OK;
}

static int check_descriptor(const struct link_map *lm,
			    const struct vaccel_plugin_descriptor *d,
			    const char *path, bool version_ignore)
{
	long pmaj, pmin, rmaj, rmin;

	if (d->abi_version != VACCEL_PLUGIN_ABI_VERSION) {
		vaccel_error("plugin '%s' was built for plugin ABI %u; this "
			     "runtime provides ABI %u",
			     path, d->abi_version, VACCEL_PLUGIN_ABI_VERSION);
		return VACCEL_ELIBBAD;
	}
	if (!VACCEL_PLUGIN_DESC_HAS(d, host)) {
		vaccel_error("plugin '%s' has a descriptor of %u bytes; ABI %u "
			     "needs %zu",
			     path, d->size, VACCEL_PLUGIN_ABI_VERSION,
			     offsetof(struct vaccel_plugin_descriptor, host) +
				 sizeof(d->host));
		return VACCEL_ELIBBAD;
	}
	if (!d->name || !d->host) {
		vaccel_error("plugin '%s' declares no name or host slot", path);
		return VACCEL_ELIBBAD;
	}
	if (check_pointers(lm, d, path))
		return VACCEL_ELIBBAD;
	if (!*d->name) {
		vaccel_error("plugin '%s' declares an empty name", path);
		return VACCEL_ELIBBAD;
	}
	/* Minor releases only append (descriptor fields, host functions,
	 * ops), so a plugin of an older minor loads; a newer one may need
	 * what this runtime lacks. */
	if (!version_ignore) {
		parse_version(VACCEL_VERSION, &rmaj, &rmin);
		if (!parse_version(d->vaccel_version, &pmaj, &pmin) ||
		    pmaj != rmaj || pmin > rmin) {
			vaccel_error(
			    "plugin '%s' (%s) was built against vaccel "
			    "%s; this runtime is %s and loads plugins of "
			    "%ld.0 to %ld.%ld (set "
			    "VACCEL_VERSION_IGNORE=1 to load it "
			    "anyway)",
			    d->name, path,
			    d->vaccel_version ? d->vaccel_version : "(none)",
			    VACCEL_VERSION, rmaj, rmaj, rmin);
			return VACCEL_ELIBBAD;
		}
	}
	for (size_t i = 0; i < d->nr_ops; i++) {
		if (!d->ops[i].func) {
			vaccel_error("plugin '%s' lists op id %d with a NULL "
				     "function",
				     d->name, (int)d->ops[i].type);
			return VACCEL_ELIBBAD;
		}
		/* An op of a newer runtime: the rest of the plugin works. */
		if (!known_op(d->ops[i].type))
			vaccel_warn("plugin '%s' lists op id %d, which this "
				    "runtime does not know (op ids go up to "
				    "%d); skipping that op",
				    d->name, (int)d->ops[i].type,
				    VACCEL_OP_MAX - 1);
	}
	return VACCEL_OK;
}

static void *open_beside_runtime(const char *lib)
{
	static const char *const subdirs[] = {"", "vaccel/"};
	char path[PATH_MAX];
	Dl_info info;
	char *slash;

	if (!dladdr((void *)vaccel_plugin_load, &info) || !info.dli_fname)
		return NULL;
	snprintf(path, sizeof(path), "%s", info.dli_fname);
	slash = strrchr(path, '/');
	if (!slash)
		return NULL;
	for (size_t i = 0; i < 2; i++) {
		void *dl;

		snprintf(slash + 1, sizeof(path) - (size_t)(slash + 1 - path),
			 "%s%s", subdirs[i], lib);
		dl = dlopen(path, RTLD_NOW | RTLD_LOCAL);
		if (dl)
			return dl;
	}
	return NULL;
}

/* A path must name a regular file: dlopen of a FIFO or a device blocks
 * or reads forever. */
static int check_path(const char *lib)
{
	struct stat st;
	int err;

	if (strlen(lib) >= PATH_MAX) {
		vaccel_error("plugin path of %zu bytes is longer than "
			     "PATH_MAX (%d): '%.64s...'",
			     strlen(lib), PATH_MAX, lib);
		return VACCEL_ENAMETOOLONG;
	}
	if (!strchr(lib, '/'))
		return VACCEL_OK; /* searched by dlopen on the library path */
	if (stat(lib, &st)) {
		err = errno;
		if (err == ENOENT)
			vaccel_error("plugin '%s' does not exist", lib);
		else
			vaccel_error("cannot use plugin '%s': %s", lib,
				     strerror(err));
		return err;
	}
	if (!S_ISREG(st.st_mode)) {
		vaccel_error("plugin '%s' is not a regular file", lib);
		return VACCEL_ELIBBAD;
	}
	return VACCEL_OK;
}

static int open_library(const char *lib, void **dl)
{
	char err[512];
	int ret = check_path(lib);

	if (ret)
		return ret;
	*dl = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
	if (*dl)
		return VACCEL_OK;
	/* Copy: later dlopen calls overwrite dlerror()'s buffer. */
	snprintf(err, sizeof(err), "%s", dlerror());
	if (!strchr(lib, '/')) {
		*dl = open_beside_runtime(lib);
		if (*dl)
			return VACCEL_OK;
		if (strstr(err, "No such file")) {
			vaccel_error(
			    "plugin '%s' not found on the library path "
			    "or beside libvaccel",
			    lib);
			return VACCEL_ENOENT;
		}
	}
	vaccel_error("cannot load plugin '%s': %s", lib, err);
	return VACCEL_ELIBBAD;
}

/* Registers descriptor `d` (checked) from `dl` (NULL: built in), named
 * `path` in summaries, and runs its init. A plugin of the same name is an
 * error, except an active built-in one, which this one replaces. The
 * caller closes `dl` on failure. */
static int add_plugin(const struct vaccel_plugin_descriptor *d, void *dl,
		      const char *path, bool builtin)
{
	struct plugin *p, *same;
	struct registry *next;
	char types[128];
	int ret;

	p = calloc(1, sizeof(*p));
	if (!p || !(p->path = strdup(path))) {
		free(p);
		return VACCEL_ENOMEM;
	}
	p->desc = d;
	p->name = d->name;
	p->dl = dl;
	p->builtin = builtin;
	p->type = d->type;
	p->priority = d->priority;
	p->info.name = d->name;
	p->info.version = d->version;
	p->info.vaccel_version = d->vaccel_version;
	p->info.is_virtio = is_transport(p);
	p->info.type = (vaccel_plugin_type_t)d->type;
	p->pub.dl_handle = dl;
	p->pub.info = &p->info;
	for (size_t i = 0; i < d->nr_ops; i++)
		if (known_op(d->ops[i].type))
			p->fns[d->ops[i].type] = d->ops[i].func;

	pthread_mutex_lock(&write_lock);
	same = plugin_find_locked(d->name);
	if (same && (builtin || !same->builtin)) {
		pthread_mutex_unlock(&write_lock);
		vaccel_error("a plugin named '%s' is already loaded ('%s')",
			     d->name, path);
		ret = VACCEL_EEXIST;
		goto fail;
	}
	*d->host = vaccel_host_api_table();
	if (d->init && (ret = d->init()) != VACCEL_OK) {
		pthread_mutex_unlock(&write_lock);
		vaccel_error("plugin '%s' failed to initialise: %s", d->name,
			     vaccel_error_to_str(ret));
		goto fail;
	}
	p->seq = next_seq++;
	next = snapshot_edit(p, same);
	if (!next) {
		pthread_mutex_unlock(&write_lock);
		if (d->fini)
			d->fini();
		ret = VACCEL_ENOMEM;
		goto fail;
	}
	snapshot_publish(next);
	if (same) {
		/* The built-in one: new sessions go to `p`; the old one lives
		 * on for the sessions that hold it. */
		same->retired_next = retired;
		retired = same;
	}
	pthread_mutex_unlock(&write_lock);
	if (same)
		vaccel_info("plugin %s from %s replaces the built-in one",
			    d->name, path);
	type_str(p->type, types, sizeof(types));
	vaccel_info("loaded plugin %s %s (%s, priority %d) from %s", d->name,
		    d->version ? d->version : "", types, (int)p->priority,
		    path);
	return VACCEL_OK;
fail:
	free(p->path);
	free(p);
	return ret;
}

static int load_one(const char *lib, bool version_ignore)
{
	const struct vaccel_plugin_descriptor *d;
	struct link_map *lm = NULL;
	void *dl;
	int ret;

	if (!lib || !*lib) {
		vaccel_error("vaccel_plugin_load: empty plugin name");
		return VACCEL_EINVAL;
	}
	ret = open_library(lib, &dl);
	if (ret)
		return ret;
	d = dlsym(dl, VACCEL_PLUGIN_SYMBOL);
	if (!d) {
		vaccel_error("'%s' is not a vaccel plugin: it exports no '%s'",
			     lib, VACCEL_PLUGIN_SYMBOL);
		dlclose(dl);
		return VACCEL_ELIBBAD;
	}
	ret = check_layout(dl, d, lib, &lm);
	if (!ret)
		ret = check_descriptor(lm, d, lib, version_ignore);
	if (ret) {
		dlclose(dl);
		return ret;
	}
	ret = add_plugin(d, dl, lib, false);
	if (ret)
		dlclose(dl);
	return ret;
}

/* A built-in descriptor is the host's own code: only what a loaded one's
 * checks would catch as a programming error is checked. */
int vaccel_plugin_register_builtin(const struct vaccel_plugin_descriptor *d,
				   bool (*wanted)(void))
{
	if (!d || !d->name || !*d->name || !d->host ||
	    d->abi_version != VACCEL_PLUGIN_ABI_VERSION ||
	    !VACCEL_PLUGIN_DESC_HAS(d, host)) {
		vaccel_error("vaccel_plugin_register_builtin: descriptor %p "
			     "has no name, no host slot or another ABI",
			     (const void *)d);
		return VACCEL_EINVAL;
	}
	pthread_mutex_lock(&write_lock);
	for (size_t i = 0; i < nr_builtins; i++) {
		if (builtins[i].desc == d) {
			pthread_mutex_unlock(&write_lock);
			return VACCEL_OK;
		}
	}
	if (nr_builtins == MAX_BUILTINS) {
		pthread_mutex_unlock(&write_lock);
		vaccel_error("vaccel_plugin_register_builtin: '%s': already "
			     "%d built-in plugins",
			     d->name, MAX_BUILTINS);
		return VACCEL_ENOMEM;
	}
	builtins[nr_builtins].desc = d;
	builtins[nr_builtins].wanted = wanted;
	nr_builtins++;
	pthread_mutex_unlock(&write_lock);
	/* Registered after the bootstrap (a host's constructor ran after the
	 * runtime's): join now. Before it, the bootstrap adds it. */
	return vaccel_is_initialized() ? vaccel_plugins_builtin_activate()
				       : VACCEL_OK;
}

int vaccel_plugins_builtin_activate(void)
{
	size_t n;
	int ret = VACCEL_OK;

	pthread_mutex_lock(&write_lock);
	n = nr_builtins;
	pthread_mutex_unlock(&write_lock);
	/* Entries are only appended, so the first n stay put unlocked. */
	for (size_t i = 0; !ret && i < n; i++) {
		const struct vaccel_plugin_descriptor *d = builtins[i].desc;
		bool present;

		if (builtins[i].wanted && !builtins[i].wanted())
			continue;
		pthread_mutex_lock(&write_lock);
		present = plugin_find_locked(d->name) != NULL;
		pthread_mutex_unlock(&write_lock);
		if (present) {
			vaccel_debug("built-in plugin %s: one of that name is "
				     "loaded already; not adding it",
				     d->name);
			continue;
		}
		ret = add_plugin(d, NULL, "(built-in)", true);
	}
	return ret;
}

int vaccel_plugins_load_list(const char *list, bool version_ignore)
{
	char *copy, *save = NULL;
	int ret = VACCEL_OK;

	if (!list)
		return VACCEL_EINVAL;
	copy = strdup(list);
	if (!copy)
		return VACCEL_ENOMEM;
	for (char *tok = strtok_r(copy, ":", &save); tok && !ret;
	     tok = strtok_r(NULL, ":", &save))
		ret = load_one(tok, version_ignore);
	free(copy);
	return ret;
}

int vaccel_plugin_load(const char *lib)
{
	int ret = vaccel_runtime_ready();

	if (ret)
		return ret;
	return load_one(lib, vaccel_config_active()->version_ignore);
}

int vaccel_plugin_parse_and_load(const char *lib_str)
{
	int ret = vaccel_runtime_ready();

	if (ret)
		return ret;
	if (!lib_str) {
		vaccel_error("vaccel_plugin_parse_and_load: list is NULL");
		return VACCEL_EINVAL;
	}
	return vaccel_plugins_load_list(lib_str,
					vaccel_config_active()->version_ignore);
}

/* Publishes a new application plugin: the old one's functions plus `ops`.
 * Readers may still use the old one: it goes with the last snapshot that
 * lists it. Caller holds write_lock. */
static int replace_app_locked(const struct vaccel_op *ops, size_t nr_ops)
{
	struct plugin *old = plugin_find_locked(APP_PLUGIN_NAME);
	struct plugin *app = malloc(sizeof(*app));
	struct registry *next;

	if (!app)
		return VACCEL_ENOMEM;
	/* Field by field: readers may be counting old->snaps down. */
	memset(app, 0, sizeof(*app));
	atomic_init(&app->snaps, 0);
	app->name = APP_PLUGIN_NAME;
	app->type = VACCEL_PLUGIN_ALL & ~(uint32_t)VACCEL_PLUGIN_REMOTE;
	app->seq = old ? old->seq : next_seq++;
	if (old)
		memcpy(app->fns, old->fns, sizeof(app->fns));
	for (size_t i = 0; i < nr_ops; i++)
		app->fns[ops[i].type] = ops[i].func;
	next = snapshot_edit(app, old);
	if (!next) {
		free(app);
		return VACCEL_ENOMEM;
	}
	snapshot_publish(next);
	return VACCEL_OK;
}

int vaccel_plugin_register_ops(struct vaccel_op *ops, size_t nr_ops)
{
	int ret = vaccel_runtime_ready();

	if (ret)
		return ret;
	if (!ops || nr_ops == 0) {
		vaccel_error("vaccel_plugin_register_ops: no ops given");
		return VACCEL_EINVAL;
	}
	for (size_t i = 0; i < nr_ops; i++) {
		if ((unsigned)ops[i].type >= VACCEL_OP_MAX ||
		    !vaccel_op_descs[ops[i].type] || !ops[i].func) {
			vaccel_error(
			    "vaccel_plugin_register_ops: entry %zu has "
			    "op id %d and function %p",
			    i, (int)ops[i].type, ops[i].func);
			return VACCEL_EINVAL;
		}
	}
	pthread_mutex_lock(&write_lock);
	ret = replace_app_locked(ops, nr_ops);
	pthread_mutex_unlock(&write_lock);
	return ret;
}

size_t vaccel_plugin_count(void)
{
	struct registry *r = snapshot_get();
	size_t n = r ? r->nr : 0;

	snapshot_put(r);
	return n;
}

int vaccel_plugin_get_summary(size_t index, struct vaccel_plugin_summary *out)
{
	struct registry *r;
	const struct plugin *p;

	if (!out) {
		vaccel_error("vaccel_plugin_get_summary: out is NULL");
		return VACCEL_EINVAL;
	}
	r = snapshot_get();
	if (!r || index >= r->nr) {
		vaccel_error("vaccel_plugin_get_summary: index %zu, but %zu "
			     "plugins are loaded",
			     index, r ? r->nr : (size_t)0);
		snapshot_put(r);
		return VACCEL_EINVAL;
	}
	p = r->list[index];
	memset(out, 0, sizeof(*out));
	out->name = p->name;
	out->version = p->desc ? p->desc->version : VACCEL_VERSION;
	out->path = p->path ? p->path : "";
	out->type = p->type;
	out->priority = p->priority;
	out->generic = p->desc && p->desc->invoke;
	for (size_t op = 0; op < VACCEL_OP_MAX; op++) {
		out->ops[op] = p->fns[op] != NULL;
		out->nr_typed += out->ops[op];
	}
	snapshot_put(r);
	return VACCEL_OK;
}

static void plugin_destroy(struct plugin *p)
{
	if (p->desc && p->desc->fini)
		p->desc->fini();
	if (p->dl) {
		vaccel_debug("unloaded plugin %s", p->name);
		dlclose(p->dl);
	}
	free(p->path);
	free(p);
}

void vaccel_plugins_unload_all(void)
{
	struct registry *old;

	pthread_mutex_lock(&write_lock);
	/* Take the registry away, then wait for the calls still using it. */
	pthread_mutex_lock(&snap_lock);
	old = current;
	current = NULL;
	while (old && old->refs > 1)
		pthread_cond_wait(&snap_released, &snap_lock);
	pthread_mutex_unlock(&snap_lock);
	/* Last loaded first, so later plugins may rely on earlier ones. The
	 * application plugin goes with the snapshot (older snapshots that
	 * readers still hold may list it too). */
	while (old) {
		size_t last = old->nr;

		for (size_t i = 0; i < old->nr; i++)
			if (old->list[i]->desc &&
			    (last == old->nr ||
			     old->list[i]->seq > old->list[last]->seq))
				last = i;
		if (last == old->nr)
			break;
		plugin_destroy(old->list[last]);
		old->list[last] = old->list[--old->nr];
	}
	if (old)
		snapshot_free(old);
	while (retired) {
		struct plugin *next = retired->retired_next;

		plugin_destroy(retired);
		retired = next;
	}
	pthread_mutex_unlock(&write_lock);
}

static void log_unserved(const struct registry *r,
			 const struct vaccel_op_desc *desc,
			 const struct vaccel_session *sess)
{
	char list[512] = "";
	size_t used = 0;
	size_t nr = r ? r->nr : 0;

	for (size_t i = 0; i < nr; i++) {
		char types[128];

		type_str(r->list[i]->type, types, sizeof(types));
		used += (size_t)snprintf(
		    list + used, used < sizeof(list) ? sizeof(list) - used : 0,
		    "%s%s (%s)", i ? ", " : "", r->list[i]->name, types);
		if (used >= sizeof(list))
			break;
	}
	vaccel_error("%s: no plugin implements op '%s' for session %lld "
		     "(hints 0x%x); loaded plugins: %s",
		     desc->fn_name, desc->name, (long long)sess->id, sess->hint,
		     nr ? list : "none");
}

int vaccel_plugins_dispatch(const struct vaccel_op_desc *desc, void **argv,
			    const struct vaccel_session *sess)
{
	struct registry *r = snapshot_get();
	int ret = VACCEL_ENOTSUP;
	bool tried = false;

	/* Between cleanup and the next bootstrap (a restart by another
	 * thread) there are no plugins: say so rather than list none. */
	if (!r && !vaccel_is_initialized()) {
		vaccel_error("%s: vaccel is not initialised (cleaned up, or "
			     "being restarted by another thread)",
			     desc->fn_name);
		return VACCEL_ENOTSUP;
	}

	int rk = 0;
	size_t i = 0;
	struct plugin *p;

	while ((p = next_serving(r, sess, &rk, &i))) {
		void *fn = p->fns[desc->id];

		if (fn)
			ret = desc->call(fn, argv);
		else if (p->desc && p->desc->invoke)
			ret = p->desc->invoke(desc, argv);
		else
			continue;
		tried = true;
		if (ret != VACCEL_ENOTSUP)
			break;
		vaccel_debug("%s: plugin %s declined (ENOTSUP); trying the "
			     "next",
			     desc->fn_name, p->name);
	}
	if (!tried)
		log_unserved(r, desc, sess);
	snapshot_put(r);
	return ret;
}

void vaccel_plugins_session_route(struct vaccel_session *sess)
{
	struct registry *r = snapshot_get();
	bool local = false, transport = false;
	int rk = 0;
	size_t i = 0;
	struct plugin *p;

	for (size_t k = 0; r && k < r->nr; k++) {
		transport |= is_transport(r->list[k]);
		local |= !is_transport(r->list[k]);
	}
	/* A lone transport serves local sessions too, as vAccel's lone
	 * VirtIO plugin does: a guest loads only the transport. */
	sess->is_virtio =
	    (sess->hint & VACCEL_PLUGIN_REMOTE) || (transport && !local);
	if ((sess->hint & VACCEL_PLUGIN_REMOTE) && !transport)
		vaccel_warn("session %lld asks for a transport "
			    "(VACCEL_PLUGIN_REMOTE) and none is loaded; its "
			    "ops fail with ENOTSUP until one is",
			    (long long)sess->id);
	p = next_serving(r, sess, &rk, &i);
	sess->plugin = !p ? NULL : p->desc ? &p->pub : &app_pub;
	snapshot_put(r);
}

int vaccel_plugins_session_hook(struct vaccel_session *sess, bool init)
{
	struct registry *r = snapshot_get();
	int ret = VACCEL_OK;
	int rk = 0;
	size_t i = 0, n = 0;
	struct plugin *p;

	/* Every plugin that may serve the session (any rank). */
	while ((p = next_serving(r, sess, &rk, &i))) {
		const struct vaccel_plugin_descriptor *d = p->desc;

		n++;
		if (!d)
			continue;
		if (init && d->session_init)
			ret = d->session_init(sess, sess->hint);
		else if (!init && d->session_release)
			d->session_release(sess);
		if (ret) {
			vaccel_error("plugin %s refused session %lld: %s",
				     d->name, (long long)sess->id,
				     vaccel_error_to_str(ret));
			break;
		}
	}
	/* Roll back the n - 1 plugins before the one that refused. */
	rk = 0;
	i = 0;
	while (ret && --n > 0 && (p = next_serving(r, sess, &rk, &i)))
		if (p->desc && p->desc->session_release)
			p->desc->session_release(sess);
	snapshot_put(r);
	return ret;
}

int vaccel_plugins_resource_registered(struct vaccel_resource *res,
				       struct vaccel_session *sess)
{
	struct registry *r = snapshot_get();
	int ret = VACCEL_OK;

	for (size_t i = 0; !ret && r && i < r->nr; i++) {
		const struct vaccel_plugin_descriptor *d = r->list[i]->desc;

		if (d && VACCEL_PLUGIN_DESC_HAS(d, resource_register) &&
		    d->resource_register) {
			ret = d->resource_register(res, sess);
			if (ret)
				vaccel_error(
				    "plugin %s refused to register "
				    "resource %lld to session %lld: %s",
				    d->name, (long long)res->id,
				    (long long)sess->id,
				    vaccel_error_to_str(ret));
		}
	}
	snapshot_put(r);
	return ret;
}

void vaccel_plugins_resource_unregistered(struct vaccel_resource *res,
					  struct vaccel_session *sess)
{
	struct registry *r = snapshot_get();

	for (size_t i = 0; r && i < r->nr; i++) {
		const struct vaccel_plugin_descriptor *d = r->list[i]->desc;

		if (d && VACCEL_PLUGIN_DESC_HAS(d, resource_unregister) &&
		    d->resource_unregister)
			d->resource_unregister(res, sess);
	}
	snapshot_put(r);
}

int vaccel_plugins_shared_alloc(struct vaccel_session *sess, size_t size,
				void **out,
				const struct vaccel_plugin_descriptor **owner)
{
	struct registry *r = snapshot_get();
	int ret = VACCEL_ENOTSUP;
	int rk = 0;
	size_t i = 0;
	struct plugin *p;

	/* The first serving plugin that has a region with room. */
	while (ret && (p = next_serving(r, sess, &rk, &i))) {
		const struct vaccel_plugin_descriptor *d = p->desc;

		if (!d || !VACCEL_PLUGIN_DESC_HAS(d, shared_free) ||
		    !d->shared_alloc || !d->shared_free)
			continue;
		ret = d->shared_alloc(sess, size, out);
		if (!ret)
			*owner = d;
	}
	snapshot_put(r);
	return ret;
}

/* ==== c/src/prof.c ==== */
/* Profiling regions: aggregate timings (count, total, min, max) of named
 * code regions, safe under concurrent and nested use. The core times every
 * op in its own region (vaccel_prof_op_region). */

#include "vaccel/log.h"
#include "vaccel/prof.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct vaccel_prof_stats {
	uint64_t count;
	uint64_t total_ns;
	uint64_t min_ns;
	uint64_t max_ns;
};

/* Open regions of this thread, innermost last. */
#define PROF_MAX_DEPTH 32
struct open_region {
	const struct vaccel_prof_region *region;
	uint64_t start_ns;
};
static _Thread_local struct open_region open_stack[PROF_MAX_DEPTH];
static _Thread_local int open_depth;

static atomic_bool prof_on;
static struct vaccel_prof_region op_regions[VACCEL_OP_MAX];
static char op_region_names[VACCEL_OP_MAX][48];
static pthread_once_t op_regions_once = PTHREAD_ONCE_INIT;

/* Regions made by name (vaccel_prof_region_get), in the order they were
 * made; never freed, so the pointers transports cache stay valid. */
struct named_region {
	struct vaccel_prof_region region;
	struct named_region *next;
};
static struct named_region *named_head, **named_tail = &named_head;
static pthread_mutex_t named_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void vaccel_prof_configure(bool enabled)
{
	atomic_store(&prof_on, enabled);
}

bool vaccel_prof_enabled(void)
{
	return atomic_load_explicit(&prof_on, memory_order_relaxed);
}

int vaccel_prof_region_init(struct vaccel_prof_region *region, const char *name)
{
	if (!region || !name)
		return VACCEL_EINVAL;
	region->name = strdup(name);
	if (!region->name)
		return VACCEL_ENOMEM;
	region->name_owned = true;
	region->stats = NULL;
	pthread_mutex_init(&region->lock, NULL);
	return VACCEL_OK;
}

int vaccel_prof_region_release(struct vaccel_prof_region *region)
{
	if (!region)
		return VACCEL_EINVAL;
	pthread_mutex_lock(&region->lock);
	free(region->stats);
	region->stats = NULL;
	pthread_mutex_unlock(&region->lock);
	if (region->name_owned)
		free((char *)region->name);
	region->name = NULL;
	region->name_owned = false;
	return VACCEL_OK;
}

int vaccel_prof_region_start(struct vaccel_prof_region *region)
{
	if (!region)
		return VACCEL_EINVAL;
	if (!vaccel_prof_enabled())
		return VACCEL_OK;
	if (open_depth >= PROF_MAX_DEPTH) {
		vaccel_warn(
		    "prof: region '%s' nested deeper than %d; not timed",
		    region->name, PROF_MAX_DEPTH);
		return VACCEL_ENOSPC;
	}
	open_stack[open_depth].region = region;
	open_stack[open_depth].start_ns = now_ns();
	open_depth++;
	return VACCEL_OK;
}

static void add_sample(struct vaccel_prof_region *r, uint64_t ns)
{
	pthread_mutex_lock(&r->lock);
	if (!r->stats)
		r->stats = calloc(1, sizeof(*r->stats));
	if (r->stats) {
		struct vaccel_prof_stats *s = r->stats;

		if (s->count == 0 || ns < s->min_ns)
			s->min_ns = ns;
		if (ns > s->max_ns)
			s->max_ns = ns;
		s->count++;
		s->total_ns += ns;
	}
	pthread_mutex_unlock(&r->lock);
}

int vaccel_prof_region_stop(const struct vaccel_prof_region *region)
{
	uint64_t end = now_ns();

	if (!region)
		return VACCEL_EINVAL;
	/* The innermost open instance of this region on this thread. */
	for (int i = open_depth - 1; i >= 0; i--) {
		if (open_stack[i].region != region)
			continue;
		/* Samples live behind the region's lock, not in the const
		 * struct itself. */
		add_sample((struct vaccel_prof_region *)region,
			   end - open_stack[i].start_ns);
		memmove(&open_stack[i], &open_stack[i + 1],
			(size_t)(open_depth - i - 1) * sizeof(open_stack[0]));
		open_depth--;
		return VACCEL_OK;
	}
	/* Stop without start: profiling was off at start, or a caller bug. */
	return vaccel_prof_enabled() ? VACCEL_EINVAL : VACCEL_OK;
}

int vaccel_prof_region_stats(const struct vaccel_prof_region *region,
			     uint64_t *count, uint64_t *total_ns,
			     uint64_t *min_ns, uint64_t *max_ns)
{
	struct vaccel_prof_stats s = {0};
	struct vaccel_prof_region *r = (struct vaccel_prof_region *)region;

	if (!region)
		return VACCEL_EINVAL;
	pthread_mutex_lock(&r->lock);
	if (r->stats)
		s = *r->stats;
	pthread_mutex_unlock(&r->lock);
	if (count)
		*count = s.count;
	if (total_ns)
		*total_ns = s.total_ns;
	if (min_ns)
		*min_ns = s.min_ns;
	if (max_ns)
		*max_ns = s.max_ns;
	return VACCEL_OK;
}

static int format_region(char *buf, size_t len,
			 const struct vaccel_prof_region *region)
{
	uint64_t n = 0, total = 0, min = 0, max = 0;

	vaccel_prof_region_stats(region, &n, &total, &min, &max);
	return snprintf(buf, len,
			"[prof] %s: calls %llu total %.3f ms avg %.3f us "
			"min %.3f us max %.3f us",
			region->name ? region->name : "(unnamed)",
			(unsigned long long)n, (double)total / 1e6,
			n ? (double)total / (double)n / 1e3 : 0.0,
			(double)min / 1e3, (double)max / 1e3);
}

int vaccel_prof_region_print(const struct vaccel_prof_region *region)
{
	char line[256];

	if (!region)
		return VACCEL_EINVAL;
	format_region(line, sizeof(line), region);
	vaccel_info("%s", line);
	return VACCEL_OK;
}

static struct vaccel_prof_region *
find_region(struct vaccel_prof_region *regions, int n, const char *name)
{
	for (int i = 0; regions && name && i < n; i++)
		if (regions[i].name && strcmp(regions[i].name, name) == 0)
			return &regions[i];
	return NULL;
}

int vaccel_prof_regions_start_by_name(struct vaccel_prof_region *regions,
				      int nregions, const char *name)
{
	struct vaccel_prof_region *r = find_region(regions, nregions, name);

	return r ? vaccel_prof_region_start(r) : VACCEL_EINVAL;
}

int vaccel_prof_regions_stop_by_name(struct vaccel_prof_region *regions,
				     int nregions, const char *name)
{
	struct vaccel_prof_region *r = find_region(regions, nregions, name);

	return r ? vaccel_prof_region_stop(r) : VACCEL_EINVAL;
}

int vaccel_prof_regions_init(struct vaccel_prof_region *regions, int nregions)
{
	if (!regions || nregions < 0)
		return VACCEL_EINVAL;
	for (int i = 0; i < nregions; i++) {
		regions[i].stats = NULL;
		regions[i].name_owned = false;
		pthread_mutex_init(&regions[i].lock, NULL);
	}
	return VACCEL_OK;
}

int vaccel_prof_regions_release(struct vaccel_prof_region *regions,
				int nregions)
{
	if (!regions || nregions < 0)
		return VACCEL_EINVAL;
	for (int i = 0; i < nregions; i++)
		vaccel_prof_region_release(&regions[i]);
	return VACCEL_OK;
}

int vaccel_prof_regions_print_all(struct vaccel_prof_region *regions,
				  int nregions)
{
	if (!regions || nregions < 0)
		return VACCEL_EINVAL;
	for (int i = 0; i < nregions; i++)
		vaccel_prof_region_print(&regions[i]);
	return VACCEL_OK;
}

int vaccel_prof_regions_print_all_to_buf(char **tbuf, size_t tbuf_len,
					 struct vaccel_prof_region *regions,
					 int size)
{
	size_t used = 0;
	char *buf;

	if (!tbuf || !regions || size < 0)
		return VACCEL_EINVAL;
	buf = *tbuf;
	if (!buf) {
		if (tbuf_len == 0)
			tbuf_len = 256 * (size_t)(size + 1);
		buf = malloc(tbuf_len);
		if (!buf)
			return VACCEL_ENOMEM;
		*tbuf = buf;
	}
	if (tbuf_len == 0)
		return VACCEL_EINVAL;
	buf[0] = '\0';
	for (int i = 0; i < size; i++) {
		int n = format_region(buf + used, tbuf_len - used, &regions[i]);

		if (n < 0 || (size_t)n + 1 >= tbuf_len - used)
			return VACCEL_ENOSPC;
		used += (size_t)n;
		buf[used++] = '\n';
		buf[used] = '\0';
	}
	return VACCEL_OK;
}

static void init_op_regions(void)
{
	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		const struct vaccel_op_desc *d = vaccel_op_descs[op];

		snprintf(op_region_names[op], sizeof(op_region_names[op]),
			 "vaccel_%s_op", d ? d->name : "unknown");
		op_regions[op].name = op_region_names[op];
		op_regions[op].name_owned = false;
		op_regions[op].stats = NULL;
		pthread_mutex_init(&op_regions[op].lock, NULL);
	}
}

const struct vaccel_prof_region *vaccel_prof_op_region(unsigned int op)
{
	if (op >= VACCEL_OP_MAX || !vaccel_op_descs[op])
		return NULL;
	pthread_once(&op_regions_once, init_op_regions);
	return &op_regions[op];
}

int vaccel_prof_region_add(struct vaccel_prof_region *region, uint64_t ns)
{
	if (!region)
		return VACCEL_EINVAL;
	if (vaccel_prof_enabled())
		add_sample(region, ns);
	return VACCEL_OK;
}

static struct named_region *find_named_locked(const char *name)
{
	for (struct named_region *n = named_head; n; n = n->next)
		if (strcmp(n->region.name, name) == 0)
			return n;
	return NULL;
}

struct vaccel_prof_region *vaccel_prof_region_get(const char *name)
{
	struct named_region *n;

	if (!name) {
		vaccel_error("vaccel_prof_region_get: name is NULL");
		return NULL;
	}
	pthread_mutex_lock(&named_lock);
	n = find_named_locked(name);
	if (!n) {
		n = calloc(1, sizeof(*n));
		if (n && vaccel_prof_region_init(&n->region, name)) {
			free(n);
			n = NULL;
		}
		if (n) {
			*named_tail = n;
			named_tail = &n->next;
		}
	}
	pthread_mutex_unlock(&named_lock);
	if (!n)
		vaccel_error("prof: no memory for region '%s'", name);
	return n ? &n->region : NULL;
}

const struct vaccel_prof_region *vaccel_prof_region_find(const char *name)
{
	struct named_region *n;

	if (!name)
		return NULL;
	pthread_mutex_lock(&named_lock);
	n = find_named_locked(name);
	pthread_mutex_unlock(&named_lock);
	return n ? &n->region : NULL;
}

void vaccel_prof_print_ops(void)
{
	if (!vaccel_prof_enabled())
		return;
	pthread_once(&op_regions_once, init_op_regions);
	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++)
		if (op_regions[op].stats)
			vaccel_prof_region_print(&op_regions[op]);
	pthread_mutex_lock(&named_lock);
	for (struct named_region *n = named_head; n; n = n->next)
		if (n->region.stats)
			vaccel_prof_region_print(&n->region);
	pthread_mutex_unlock(&named_lock);
}

void vaccel_prof_cleanup(void)
{
	pthread_once(&op_regions_once, init_op_regions);
	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		pthread_mutex_lock(&op_regions[op].lock);
		free(op_regions[op].stats);
		op_regions[op].stats = NULL;
		pthread_mutex_unlock(&op_regions[op].lock);
	}
	pthread_mutex_lock(&named_lock);
	for (struct named_region *n = named_head; n; n = n->next) {
		pthread_mutex_lock(&n->region.lock);
		free(n->region.stats);
		n->region.stats = NULL;
		pthread_mutex_unlock(&n->region.lock);
	}
	pthread_mutex_unlock(&named_lock);
}

/* ==== c/src/resource.c ==== */
/* Resources: creation from paths, URLs, buffers and blobs, and release. */

#include "vaccel/log.h"
#include "vaccel/resource.h"

#include <errno.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static atomic_llong next_resource_id = 1;

static bool is_url(const char *path)
{
	return strncmp(path, "http://", 7) == 0 ||
	       strncmp(path, "https://", 8) == 0;
}

/* Common start of every init: checks, a fresh id, the runtime up. */
static int begin(const char *fn, struct vaccel_resource *res,
		 vaccel_resource_type_t type)
{
	int ret;

	if (!res) {
		vaccel_error("%s: res is NULL", fn);
		return VACCEL_EINVAL;
	}
	ret = vaccel_resource_check_type(fn, type);
	if (!ret)
		ret = vaccel_runtime_ready();
	if (ret)
		return ret;
	/* Live already: starting over would leak it and list it twice.
	 * EINVAL, as vAccel answers misuse of an object's state. */
	if (vaccel_resource_live(res)) {
		vaccel_error("%s: resource %lld is live; release it before "
			     "initialising it again",
			     fn, (long long)res->id);
		return VACCEL_EINVAL;
	}
	memset(res, 0, sizeof(*res));
	res->type = type;
	res->id = atomic_fetch_add(&next_resource_id, 1);
	return VACCEL_OK;
}

/* Frees what a (partly) made resource holds. */
static void clear(struct vaccel_resource *res)
{
	for (size_t i = 0; i < res->nr_blobs; i++)
		vaccel_blob_delete(res->blobs[i]);
	free(res->blobs);
	for (size_t i = 0; i < res->nr_paths; i++)
		free(res->paths[i]);
	free(res->paths);
	vaccel_resource_rundir_remove(res);
	vaccel_id_t id = res->id;
	memset(res, 0, sizeof(*res));
	res->id = id;
}

/* Ends an init: on success the resource goes live. */
static int finish(struct vaccel_resource *res, int ret)
{
	if (!ret)
		ret = vaccel_resources_track(res);
	if (ret) {
		clear(res);
		return ret;
	}
	vaccel_debug("resource %lld created (%s, %zu file(s))",
		     (long long)res->id, vaccel_resource_type_to_str(res->type),
		     res->nr_blobs);
	return VACCEL_OK;
}

/* `path` without "file://" and trailing slashes, checked: a URL, or an
 * existing file or directory. Sets *kind to its origin. */
static int parse_path(const char *fn, const char *path, char **out,
		      uint32_t *kind)
{
	const char *p = path;
	struct stat st;
	size_t len;

	if (strncmp(p, "file://", 7) == 0)
		p += 7;
	if (is_url(p)) {
		*kind = VACCEL_RESOURCE_FROM_URLS;
		*out = strdup(p);
		return *out ? VACCEL_OK : VACCEL_ENOMEM;
	}
	if (strstr(p, "://")) {
		vaccel_error("%s: %s: unsupported scheme (use a path, file://, "
			     "http:// or https://)",
			     fn, path);
		return VACCEL_EINVAL;
	}
	len = strlen(p);
	while (len > 1 && p[len - 1] == '/')
		len--;
	if (len == 0 || len >= PATH_MAX) {
		vaccel_error("%s: bad path '%s'", fn, path);
		return len ? VACCEL_ENAMETOOLONG : VACCEL_EINVAL;
	}
	*out = strndup(p, len);
	if (!*out)
		return VACCEL_ENOMEM;
	if (stat(*out, &st)) {
		int err = errno;

		vaccel_error("%s: %s: %s", fn, *out, strerror(err));
		free(*out);
		*out = NULL;
		return err;
	}
	if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
		vaccel_error("%s: %s is neither a file nor a directory", fn,
			     *out);
		free(*out);
		*out = NULL;
		return VACCEL_EINVAL;
	}
	*kind = S_ISDIR(st.st_mode) ? VACCEL_RESOURCE_FROM_DIR
				    : VACCEL_RESOURCE_FROM_FILES;
	return VACCEL_OK;
}

/* Downloads `url` (the resource's `idx`-th) into the resource's directory,
 * named by the last part of its path ("<idx>_<name>" when an earlier URL
 * took that name). */
static int download(struct vaccel_resource *res, const char *url, size_t idx,
		    struct vaccel_blob **blob)
{
	const char *start = strstr(url, "://") + 3;
	size_t end = strcspn(start, "?#");
	char name[NAME_MAX + 1], path[PATH_MAX];
	const char *slash = memchr(start, '/', end);
	const char *base = start + end;
	int ret;

	while (slash && base > slash + 1 && base[-1] != '/')
		base--;
	snprintf(name, sizeof(name), "%.*s", (int)(start + end - base), base);
	if (!slash || !vaccel_relative_name_ok(name))
		strcpy(name, "download");
	ret = vaccel_resource_rundir(res);
	if (ret)
		return ret;
	if (snprintf(path, sizeof(path), "%s/%s", res->rundir, name) >=
	    (int)sizeof(path))
		return VACCEL_ENAMETOOLONG;
	if (access(path, F_OK) == 0 &&
	    snprintf(path, sizeof(path), "%s/%zu_%s", res->rundir, idx, name) >=
		(int)sizeof(path))
		return VACCEL_ENAMETOOLONG;
	ret = vaccel_download(url, path);
	if (!ret)
		ret = vaccel_blob_new(blob, path);
	if (!ret)
		(*blob)->path_owned = true; /* removed with the resource */
	return ret;
}

static int add_paths(const char *fn, struct vaccel_resource *res,
		     const char **paths, size_t nr_paths)
{
	int ret;

	res->paths = calloc(nr_paths, sizeof(*res->paths));
	res->blobs = calloc(nr_paths, sizeof(*res->blobs));
	if (!res->paths || !res->blobs)
		return VACCEL_ENOMEM;
	for (size_t i = 0; i < nr_paths; i++) {
		uint32_t kind = 0;

		if (!paths[i]) {
			vaccel_error("%s: paths[%zu] is NULL", fn, i);
			return VACCEL_EINVAL;
		}
		ret = parse_path(fn, paths[i], &res->paths[i], &kind);
		if (ret)
			return ret;
		res->nr_paths++;
		if (kind == VACCEL_RESOURCE_FROM_DIR && nr_paths > 1) {
			vaccel_error("%s: %s is a directory; a resource of "
				     "several paths takes files only",
				     fn, res->paths[i]);
			return VACCEL_ENOTSUP;
		}
		if (i > 0 && kind != res->origin) {
			vaccel_error("%s: %s mixes URLs and local files", fn,
				     paths[i]);
			return VACCEL_EINVAL;
		}
		res->origin = kind;
		if (kind == VACCEL_RESOURCE_FROM_DIR)
			return vaccel_resource_add_dir_blobs(res,
							     res->paths[0]);
		if (kind == VACCEL_RESOURCE_FROM_URLS)
			ret = download(res, res->paths[i], i, &res->blobs[i]);
		else
			ret = vaccel_blob_new(&res->blobs[i], res->paths[i]);
		if (ret)
			return ret;
		res->nr_blobs++;
	}
	return VACCEL_OK;
}

int vaccel_resource_init_multi(struct vaccel_resource *res, const char **paths,
			       size_t nr_paths, vaccel_resource_type_t type)
{
	const char *fn = "vaccel_resource_init_multi";
	int ret;

	if (!paths || !nr_paths) {
		vaccel_error("%s: %s", fn,
			     paths ? "nr_paths is 0" : "paths is NULL");
		return VACCEL_EINVAL;
	}
	ret = begin(fn, res, type);
	if (ret)
		return ret;
	return finish(res, add_paths(fn, res, paths, nr_paths));
}

int vaccel_resource_init(struct vaccel_resource *res, const char *path,
			 vaccel_resource_type_t type)
{
	if (!path) {
		vaccel_error("vaccel_resource_init: path is NULL");
		return VACCEL_EINVAL;
	}
	return vaccel_resource_init_multi(res, &path, 1, type);
}

int vaccel_resource_init_from_buf(struct vaccel_resource *res, const void *buf,
				  size_t nr_bytes, vaccel_resource_type_t type,
				  const char *filename, bool mem_only)
{
	const char *fn = "vaccel_resource_init_from_buf";
	const char *name = filename ? filename : "file";
	int ret;

	if (!buf || !nr_bytes) {
		vaccel_error("%s: %s", fn,
			     buf ? "nr_bytes is 0" : "buf is NULL");
		return VACCEL_EINVAL;
	}
	ret = begin(fn, res, type);
	if (ret)
		return ret;
	res->origin = VACCEL_RESOURCE_FROM_BUFFER;
	res->blobs = calloc(1, sizeof(*res->blobs));
	if (!res->blobs)
		return finish(res, VACCEL_ENOMEM);
	if (!mem_only)
		ret = vaccel_resource_rundir(res);
	/* mem_only points at `buf`: vaccel_resource_sync pushes changes. */
	if (!ret)
		ret = vaccel_blob_from_buf(&res->blobs[0], buf, nr_bytes, false,
					   name, mem_only ? NULL : res->rundir,
					   filename == NULL);
	if (!ret)
		res->nr_blobs = 1;
	return finish(res, ret);
}

/* A copy of `src` for `res`: files are referenced, persisted blobs written
 * again to the resource's directory, buffers copied when owned. */
static int copy_blob(struct vaccel_resource *res, const struct vaccel_blob *src,
		     struct vaccel_blob **dst)
{
	int ret;

	if (src->path && !src->path_owned) {
		ret = vaccel_blob_new(dst, src->path);
		if (!ret) {
			char *name = strdup(src->name);

			if (!name) {
				vaccel_blob_delete(*dst);
				return VACCEL_ENOMEM;
			}
			free((*dst)->name);
			(*dst)->name = name;
		}
		return ret;
	}
	if (!src->path)
		return vaccel_blob_from_buf(dst, src->data, src->size,
					    src->data_owned, src->name, NULL,
					    false);
	/* The source removes its file when released: write our own. */
	uint8_t *data = src->data;
	size_t size = src->size;

	ret = vaccel_resource_rundir(res);
	if (!ret && !data)
		ret = vaccel_blob_map_file(src->path, false, &data, &size);
	if (!ret)
		ret = vaccel_blob_from_buf(dst, data, size, false, src->name,
					   res->rundir, false);
	if (data && !src->data)
		munmap(data, size);
	return ret;
}

int vaccel_resource_init_from_blobs(struct vaccel_resource *res,
				    const struct vaccel_blob **blobs,
				    size_t nr_blobs,
				    vaccel_resource_type_t type)
{
	const char *fn = "vaccel_resource_init_from_blobs";
	int ret;

	if (!blobs || !nr_blobs) {
		vaccel_error("%s: %s", fn,
			     blobs ? "nr_blobs is 0" : "blobs is NULL");
		return VACCEL_EINVAL;
	}
	for (size_t i = 0; i < nr_blobs; i++) {
		if (!vaccel_blob_valid(blobs[i])) {
			vaccel_error("%s: blobs[%zu] is not a valid blob", fn,
				     i);
			return VACCEL_EINVAL;
		}
	}
	ret = begin(fn, res, type);
	if (ret)
		return ret;
	res->origin = VACCEL_RESOURCE_FROM_BLOBS;
	res->blobs = calloc(nr_blobs, sizeof(*res->blobs));
	if (!res->blobs)
		return finish(res, VACCEL_ENOMEM);
	for (size_t i = 0; i < nr_blobs && !ret; i++) {
		ret = copy_blob(res, blobs[i], &res->blobs[i]);
		if (!ret)
			res->nr_blobs++;
	}
	return finish(res, ret);
}

int vaccel_resource_release(struct vaccel_resource *res)
{
	if (!res) {
		vaccel_error("vaccel_resource_release: res is NULL");
		return VACCEL_EINVAL;
	}
	/* Unregisters it everywhere first, so no op can pick it up. */
	if (vaccel_resources_untrack(res)) {
		vaccel_error("vaccel_resource_release: the resource is not "
			     "initialised or was released");
		return VACCEL_EINVAL;
	}
	clear(res);
	vaccel_debug("resource %lld released", (long long)res->id);
	return VACCEL_OK;
}

/* ==== c/src/resource_dir.c ==== */
/* A resource's own run directory, and the one directory that holds all its
 * files (made on demand: buffers are written there, files from several
 * directories are linked there). */

#include "vaccel/core.h"
#include "vaccel/helpers/fs.h"
#include "vaccel/log.h"
#include "vaccel/resource.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Serialises the on-demand writes of vaccel_resource_directory. */
static pthread_mutex_t dir_lock = PTHREAD_MUTEX_INITIALIZER;

int vaccel_resource_rundir(struct vaccel_resource *res)
{
	const char *base = vaccel_rundir();
	char path[PATH_MAX];

	if (res->rundir)
		return VACCEL_OK;
	if (!base) {
		vaccel_error("resource %lld: vaccel has no runtime directory "
			     "(not bootstrapped)",
			     (long long)res->id);
		return VACCEL_EINVAL;
	}
	if (snprintf(path, sizeof(path), "%s/resource.%lld", base,
		     (long long)res->id) >= (int)sizeof(path))
		return VACCEL_ENAMETOOLONG;
	if (mkdir(path, 0700)) {
		int err = errno;

		vaccel_error("resource %lld: cannot create %s: %s",
			     (long long)res->id, path, strerror(err));
		return err;
	}
	res->rundir = strdup(path);
	if (!res->rundir) {
		rmdir(path);
		return VACCEL_ENOMEM;
	}
	vaccel_debug("resource %lld: directory %s", (long long)res->id, path);
	return VACCEL_OK;
}

void vaccel_resource_rundir_remove(struct vaccel_resource *res)
{
	if (!res->rundir)
		return;
	int err = vaccel_remove_tree(res->rundir);

	if (err)
		vaccel_warn("cannot remove all of %s: %s", res->rundir,
			    strerror(err));
	free(res->rundir);
	res->rundir = NULL;
}

/* The directory a blob's file sits in as seen by its name: for
 * "variables/x.index" at /m/variables/x.index that is /m. Malloc'ed. */
static char *blob_root(const struct vaccel_blob *b)
{
	size_t plen = strlen(b->path), nlen = strlen(b->name);

	if (nlen < plen && b->path[plen - nlen - 1] == '/' &&
	    strcmp(b->path + plen - nlen, b->name) == 0)
		return strndup(b->path, plen - nlen - 1);
	if (!strrchr(b->path, '/'))
		return strdup(".");
	return strndup(b->path, (size_t)(strrchr(b->path, '/') - b->path));
}

/* Links `b` into `dir` under its name; an existing link to the same file
 * is fine (the directory was asked for before). */
static int link_blob(const struct vaccel_resource *res, const char *dir,
		     const struct vaccel_blob *b)
{
	char target[PATH_MAX], link[PATH_MAX], seen[PATH_MAX];
	ssize_t n;
	int ret;

	if (!realpath(b->path, target))
		return errno;
	if (!vaccel_relative_name_ok(b->name) ||
	    snprintf(link, sizeof(link), "%s/%s", dir, b->name) >=
		(int)sizeof(link)) {
		vaccel_error("resource %lld: cannot link '%s' into %s",
			     (long long)res->id, b->name, dir);
		return VACCEL_EINVAL;
	}
	ret = vaccel_mkdir_parents(link, dir);
	if (ret)
		return ret;
	if (symlink(target, link) == 0)
		return VACCEL_OK;
	if (errno != EEXIST)
		return errno;
	n = readlink(link, seen, sizeof(seen) - 1);
	if (n >= 0) {
		seen[n] = '\0';
		if (strcmp(seen, target) == 0)
			return VACCEL_OK;
	}
	vaccel_error("resource %lld: two of its files are named '%s'",
		     (long long)res->id, b->name);
	return VACCEL_EEXIST;
}

/* Writes in-memory blobs to the rundir, then finds the common directory
 * of all files, linking them into the rundir when there is none. Caller
 * holds dir_lock. Returns the directory, malloc'ed, or NULL (*err set). */
static char *materialise(struct vaccel_resource *res, int *err)
{
	char *common = NULL;
	bool same = true;

	for (size_t i = 0; i < res->nr_blobs; i++) {
		struct vaccel_blob *b = res->blobs[i];

		if (b->path)
			continue;
		*err = vaccel_resource_rundir(res);
		if (!*err)
			*err =
			    vaccel_blob_persist(b, res->rundir, b->name, false);
		if (*err)
			return NULL;
	}
	for (size_t i = 0; i < res->nr_blobs && same; i++) {
		char *root = blob_root(res->blobs[i]);

		if (!root) {
			*err = VACCEL_ENOMEM;
			free(common);
			return NULL;
		}
		same = !common || strcmp(common, root) == 0;
		if (common)
			free(root);
		else
			common = root;
	}
	if (same && common) {
		char *abs = realpath(common, NULL);

		free(common);
		if (!abs)
			*err = errno;
		return abs;
	}
	free(common);
	*err = vaccel_resource_rundir(res);
	for (size_t i = 0; !*err && i < res->nr_blobs; i++) {
		char *root = blob_root(res->blobs[i]);

		if (!root)
			*err = VACCEL_ENOMEM;
		else if (strcmp(root, res->rundir) != 0)
			*err = link_blob(res, res->rundir, res->blobs[i]);
		free(root);
	}
	return *err ? NULL : strdup(res->rundir);
}

int vaccel_resource_directory(struct vaccel_resource *res, char *out_path,
			      size_t out_path_size, char **alloc_path)
{
	char *dir;
	int ret = VACCEL_OK;

	if (!res || (!out_path && !alloc_path)) {
		vaccel_error("vaccel_resource_directory: %s",
			     res ? "out_path and alloc_path are both NULL"
				 : "res is NULL");
		return VACCEL_EINVAL;
	}
	if (!vaccel_resource_valid(res)) {
		vaccel_error("vaccel_resource_directory: the resource is not "
			     "initialised or was released");
		return VACCEL_EINVAL;
	}
	pthread_mutex_lock(&dir_lock);
	if (res->origin == VACCEL_RESOURCE_FROM_DIR)
		dir = strdup(res->paths[0]);
	else
		dir = materialise(res, &ret);
	pthread_mutex_unlock(&dir_lock);
	if (!dir) {
		ret = ret ? ret : VACCEL_ENOMEM;
		vaccel_error("vaccel_resource_directory: resource %lld: %s",
			     (long long)res->id, vaccel_error_to_str(ret));
		return ret;
	}
	if (out_path) {
		if (strlen(dir) >= out_path_size) {
			vaccel_error(
			    "vaccel_resource_directory: %s does not fit "
			    "in %zu bytes",
			    dir, out_path_size);
			ret = VACCEL_EINVAL;
		} else {
			memcpy(out_path, dir, strlen(dir) + 1);
		}
		free(dir);
		return ret;
	}
	*alloc_path = dir;
	return VACCEL_OK;
}

/* ==== c/src/resource_fetch.c ==== */
/* Downloads of http(s):// resources. libcurl is loaded with dlopen on first
 * use, so libvaccel and the bindings' amalgamation need no libcurl to build
 * or to run; without it a download is VACCEL_ENOTSUP. */

#include "vaccel/log.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<curl/curl.h>)
#include <curl/curl.h>
#define HAVE_CURL_H 1
#endif
#endif

#ifdef HAVE_CURL_H

#define CURL_LIB "libcurl.so.4"

static struct {
	CURLcode (*global_init)(long flags);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
	CURLcode (*easy_perform)(CURL *curl);
	CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
	void (*easy_cleanup)(CURL *curl);
	const char *(*easy_strerror)(CURLcode code);
} curl;
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static const char *curl_missing; /* why libcurl cannot be used, or NULL */

static void load_curl(void)
{
	/* Never closed: libcurl keeps global state (TLS) for the process. */
	void *dl = dlopen(CURL_LIB, RTLD_NOW | RTLD_LOCAL);

	if (!dl) {
		curl_missing = "cannot load " CURL_LIB;
		return;
	}
#define SYM(field, name)                                                       \
	do {                                                                   \
		*(void **)&curl.field = dlsym(dl, name);                       \
		if (!curl.field) {                                             \
			curl_missing = CURL_LIB " lacks " name;                \
			return;                                                \
		}                                                              \
	} while (0)
	SYM(global_init, "curl_global_init");
	SYM(easy_init, "curl_easy_init");
	SYM(easy_setopt, "curl_easy_setopt");
	SYM(easy_perform, "curl_easy_perform");
	SYM(easy_getinfo, "curl_easy_getinfo");
	SYM(easy_cleanup, "curl_easy_cleanup");
	SYM(easy_strerror, "curl_easy_strerror");
#undef SYM
	if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		curl_missing = "curl_global_init failed";
}

/* Limits of one download, from the environment (docs/c-api.md): a server
 * that accepts and never answers must not block resource init forever. */
struct limits {
	long connect_timeout; /* seconds; 0: libcurl's default */
	long stall_timeout;   /* seconds below 1 byte/s; 0: none */
	long timeout;	      /* seconds for the whole transfer; 0: none */
	unsigned long long max_size; /* bytes; 0: none */
};

#define CONNECT_TIMEOUT_ENV "VACCEL_DOWNLOAD_CONNECT_TIMEOUT"
#define STALL_TIMEOUT_ENV "VACCEL_DOWNLOAD_STALL_TIMEOUT"
#define TIMEOUT_ENV "VACCEL_DOWNLOAD_TIMEOUT"
#define MAX_SIZE_ENV "VACCEL_DOWNLOAD_MAX_SIZE"

/* A non-negative integer from `name`, or `def` when it is unset. */
static int env_number(const char *name, unsigned long long def,
		      unsigned long long max, unsigned long long *out)
{
	const char *v = getenv(name);
	unsigned long long n;
	char *end;

	*out = def;
	if (!v || !*v)
		return VACCEL_OK;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno || end == v || *end || *v == '-' || n > max) {
		vaccel_error("%s is '%s'; expected a whole number from 0 to "
			     "%llu",
			     name, v, max);
		return VACCEL_EINVAL;
	}
	*out = n;
	return VACCEL_OK;
}

static int read_limits(struct limits *l)
{
	unsigned long long v[3];
	int ret = env_number(CONNECT_TIMEOUT_ENV, 30, LONG_MAX / 1000, &v[0]);

	if (!ret)
		ret = env_number(STALL_TIMEOUT_ENV, 60, LONG_MAX / 1000, &v[1]);
	if (!ret)
		ret = env_number(TIMEOUT_ENV, 0, LONG_MAX / 1000, &v[2]);
	if (!ret)
		ret = env_number(MAX_SIZE_ENV, 8ULL << 30, LLONG_MAX,
				 &l->max_size);
	l->connect_timeout = (long)v[0];
	l->stall_timeout = (long)v[1];
	l->timeout = (long)v[2];
	return ret;
}

struct sink {
	FILE *out;
	unsigned long long written, max_size;
	bool too_big;
};

static size_t write_cb(char *data, size_t size, size_t nmemb, void *arg)
{
	struct sink *s = arg;
	size_t n = size * nmemb;

	/* Also when the server sent no Content-Length (chunked). */
	if (s->max_size && n > s->max_size - s->written) {
		s->too_big = true;
		return 0; /* aborts the transfer */
	}
	s->written += n;
	return fwrite(data, 1, n, s->out);
}

int vaccel_download(const char *url, const char *path)
{
	struct sink sink = {0};
	struct limits lim;
	CURL *c;
	CURLcode rc;
	long status = 0;
	FILE *out;
	int ret = VACCEL_OK;

	pthread_once(&curl_once, load_curl);
	if (curl_missing) {
		vaccel_error("cannot download %s: %s (install libcurl to use "
			     "http(s) resources)",
			     url, curl_missing);
		return VACCEL_ENOTSUP;
	}
	ret = read_limits(&lim);
	if (ret)
		return ret;
	out = fopen(path, "wbx");
	if (!out) {
		ret = errno;
		vaccel_error("cannot create %s: %s", path, strerror(ret));
		return ret;
	}
	c = curl.easy_init();
	if (!c) {
		fclose(out);
		unlink(path);
		return VACCEL_ENOMEM;
	}
	curl.easy_setopt(c, CURLOPT_URL, url);
	curl.easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
	sink.out = out;
	sink.max_size = lim.max_size;
	curl.easy_setopt(c, CURLOPT_WRITEDATA, &sink);
	curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	/* No SIGALRM for timeouts: the host program owns its signals. */
	curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, lim.connect_timeout);
	curl.easy_setopt(c, CURLOPT_TIMEOUT, lim.timeout);
	if (lim.stall_timeout) {
		curl.easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
		curl.easy_setopt(c, CURLOPT_LOW_SPEED_TIME, lim.stall_timeout);
	}
	if (lim.max_size)
		curl.easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
				 (curl_off_t)lim.max_size);
	vaccel_debug("downloading %s to %s", url, path);
	rc = curl.easy_perform(c);
	if (sink.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		vaccel_error("download of %s failed: larger than %llu bytes "
			     "(%s)",
			     url, lim.max_size, MAX_SIZE_ENV);
		ret = VACCEL_EREMOTEIO;
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		vaccel_error("download of %s failed: %s (limits: %s=%ld, "
			     "%s=%ld, %s=%ld seconds)",
			     url, curl.easy_strerror(rc), CONNECT_TIMEOUT_ENV,
			     lim.connect_timeout, STALL_TIMEOUT_ENV,
			     lim.stall_timeout, TIMEOUT_ENV, lim.timeout);
		ret = VACCEL_EREMOTEIO;
	} else if (rc != CURLE_OK) {
		vaccel_error("download of %s failed: %s", url,
			     curl.easy_strerror(rc));
		ret = VACCEL_EREMOTEIO;
	} else {
		curl.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
		if (status >= 400) {
			vaccel_error("download of %s failed: HTTP status %ld",
				     url, status);
			ret = VACCEL_EREMOTEIO;
		}
	}
	curl.easy_cleanup(c);
	if (fclose(out) && !ret) {
		ret = errno;
		vaccel_error("cannot write %s: %s", path, strerror(ret));
	}
	if (ret)
		unlink(path);
	return ret;
}

#else /* no curl/curl.h at build time */

int vaccel_download(const char *url, const char *path)
{
	(void)path;
	vaccel_error("cannot download %s: vaccel was built without the "
		     "libcurl headers",
		     url);
	return VACCEL_ENOTSUP;
}

#endif

/* ==== c/src/resource_new.c ==== */
/* The heap forms of the resource constructors: new/from_* + delete. */

#include "vaccel/resource.h"

VACCEL_DEFINE_NEW(vaccel_resource_new, vaccel_resource_init,
		  struct vaccel_resource,
		  (const char *path, vaccel_resource_type_t type), (path, type))
VACCEL_DEFINE_NEW(vaccel_resource_multi_new, vaccel_resource_init_multi,
		  struct vaccel_resource,
		  (const char **paths, size_t nr_paths,
		   vaccel_resource_type_t type),
		  (paths, nr_paths, type))
VACCEL_DEFINE_NEW(vaccel_resource_from_buf, vaccel_resource_init_from_buf,
		  struct vaccel_resource,
		  (const void *buf, size_t nr_bytes,
		   vaccel_resource_type_t type, const char *filename,
		   bool mem_only),
		  (buf, nr_bytes, type, filename, mem_only))
VACCEL_DEFINE_NEW(vaccel_resource_from_blobs, vaccel_resource_init_from_blobs,
		  struct vaccel_resource,
		  (const struct vaccel_blob **blobs, size_t nr_blobs,
		   vaccel_resource_type_t type),
		  (blobs, nr_blobs, type))
VACCEL_DEFINE_DELETE(vaccel_resource_delete, vaccel_resource_release,
		     struct vaccel_resource)

/* ==== c/src/resource_registry.c ==== */
/* The live resources and their registrations to sessions. One lock covers
 * both: registrations change rarely, lookups (every op call checks one) take
 * it shared. Plugin hooks run after the lock is dropped.
 *
 * An op call pins the registrations of the resources it was given for as
 * long as it runs. Unregistering (and releasing, which unregisters) takes
 * the registration away at once, so no new call can use it, then waits for
 * the calls still pinning it before the plugins' resource_unregister hooks
 * run. So a running call can never re-populate a plugin's cache for the
 * resource after the hook dropped it, nor see its files go. */

#include "vaccel/log.h"
#include "vaccel/resource.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct registration {
	struct vaccel_resource *res;
	struct vaccel_session *sess;
	unsigned long pins; /* running calls using it; under pin_lock */
	struct registration *next_taken;
};

static pthread_rwlock_t reg_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t pin_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t unpinned = PTHREAD_COND_INITIALIZER;
/* The registrations this thread pins: an op that unregisters its own
 * resource must not wait for itself. Deeper nesting is not tracked. */
#define MAX_HELD 8
static _Thread_local struct registration *held[MAX_HELD];
static _Thread_local size_t nr_held;
/* Both in creation / registration order: "the first of a type" is the
 * oldest. */
static struct live_entry {
	struct vaccel_resource *res;
	/* Copied: the leak report must not read resources the application
	 * freed without releasing them. */
	vaccel_id_t id;
} * live;
static size_t nr_live, cap_live;
static struct registration **regs;
static size_t nr_regs, cap_regs;

bool vaccel_resource_valid(const struct vaccel_resource *res)
{
	return res && res->magic == VACCEL_RESOURCE_MAGIC;
}

int vaccel_resource_check_type(const char *fn, vaccel_resource_type_t type)
{
	if ((unsigned)type < VACCEL_RESOURCE_MAX)
		return VACCEL_OK;
	vaccel_error("%s: %d is not a resource type", fn, (int)type);
	return VACCEL_EINVAL;
}

static int grow(void **arr, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap * 2 : 16;
	void *p;

	if (need <= *cap)
		return VACCEL_OK;
	p = realloc(*arr, n * elem);
	if (!p)
		return VACCEL_ENOMEM;
	*arr = p;
	*cap = n;
	return VACCEL_OK;
}

bool vaccel_resource_live(const struct vaccel_resource *res)
{
	bool found = false;

	pthread_rwlock_rdlock(&reg_lock);
	for (size_t i = 0; i < nr_live && !found; i++)
		found = live[i].res == res;
	pthread_rwlock_unlock(&reg_lock);
	return found;
}

int vaccel_resources_track(struct vaccel_resource *res)
{
	int ret;

	pthread_rwlock_wrlock(&reg_lock);
	ret = grow((void **)&live, &cap_live, nr_live + 1, sizeof(*live));
	if (!ret) {
		live[nr_live].res = res;
		live[nr_live++].id = res->id;
		res->refcount = 0;
		res->magic = VACCEL_RESOURCE_MAGIC;
	}
	pthread_rwlock_unlock(&reg_lock);
	return ret;
}

/* Removes the registrations matching `res` and/or `sess` (NULL: any) and
 * returns them as a list so the caller can tell the plugins. Caller holds
 * the write lock. */
static struct registration *take_locked(const struct vaccel_resource *res,
					const struct vaccel_session *sess)
{
	struct registration *taken = NULL, **tail = &taken;
	size_t kept = 0;

	for (size_t i = 0; i < nr_regs; i++) {
		struct registration *r = regs[i];

		if ((!res || r->res == res) && (!sess || r->sess == sess)) {
			r->res->refcount--;
			r->next_taken = NULL;
			*tail = r;
			tail = &r->next_taken;
		} else {
			regs[kept++] = r;
		}
	}
	nr_regs = kept;
	return taken;
}

static unsigned long held_by_me(const struct registration *r)
{
	unsigned long n = 0;

	for (size_t i = 0; i < nr_held; i++)
		n += held[i] == r;
	return n;
}

/* Waits for the calls pinning each taken registration, tells the plugins,
 * frees it. */
static void tell_plugins(struct registration *taken)
{
	while (taken) {
		struct registration *r = taken;
		unsigned long mine = held_by_me(r);

		taken = r->next_taken;
		pthread_mutex_lock(&pin_lock);
		while (r->pins > mine)
			pthread_cond_wait(&unpinned, &pin_lock);
		pthread_mutex_unlock(&pin_lock);
		vaccel_debug("session %lld: unregistered resource %lld",
			     (long long)r->sess->id, (long long)r->res->id);
		vaccel_plugins_resource_unregistered(r->res, r->sess);
		/* A call of this thread still pinning it unpins it later. */
		if (!mine)
			free(r);
		else
			r->res = NULL;
	}
}

int vaccel_resources_untrack(struct vaccel_resource *res)
{
	struct registration *taken;

	pthread_rwlock_wrlock(&reg_lock);
	if (!vaccel_resource_valid(res)) {
		pthread_rwlock_unlock(&reg_lock);
		return VACCEL_EINVAL;
	}
	res->magic = 0;
	for (size_t i = 0; i < nr_live; i++) {
		if (live[i].res == res) {
			memmove(&live[i], &live[i + 1],
				(nr_live - i - 1) * sizeof(*live));
			nr_live--;
			break;
		}
	}
	taken = take_locked(res, NULL);
	res->refcount = 0;
	pthread_rwlock_unlock(&reg_lock);
	tell_plugins(taken);
	return VACCEL_OK;
}

void vaccel_resources_session_released(struct vaccel_session *sess)
{
	struct registration *taken;

	pthread_rwlock_wrlock(&reg_lock);
	taken = take_locked(NULL, sess);
	pthread_rwlock_unlock(&reg_lock);
	tell_plugins(taken);
}

static struct registration *
registration_find_locked(const struct vaccel_resource *res,
			 const struct vaccel_session *sess)
{
	for (size_t i = 0; i < nr_regs; i++)
		if (regs[i]->res == res && regs[i]->sess == sess)
			return regs[i];
	return NULL;
}

bool vaccel_resource_registered(const struct vaccel_resource *res,
				const struct vaccel_session *sess)
{
	bool found;

	pthread_rwlock_rdlock(&reg_lock);
	found = registration_find_locked(res, sess) != NULL;
	pthread_rwlock_unlock(&reg_lock);
	return found;
}

static bool live_locked(const struct vaccel_resource *res)
{
	for (size_t i = 0; i < nr_live; i++)
		if (live[i].res == res)
			return true;
	return false;
}

/* Checks and pins under the lock, reading the resource only once it is
 * known to be live: a release in another thread clears it (without the
 * lock) only after taking it out of the lists (with it). */
int vaccel_resource_pin(const struct vaccel_resource *res,
			const struct vaccel_session *sess, int type,
			const char *fn, const char *param,
			struct registration **out)
{
	struct registration *r;
	vaccel_resource_type_t have = VACCEL_RESOURCE_MAX;
	vaccel_id_t id = 0;
	int ret = VACCEL_OK;

	pthread_rwlock_rdlock(&reg_lock);
	r = registration_find_locked(res, sess);
	if (!r && !live_locked(res)) {
		ret = VACCEL_EINVAL;
	} else {
		id = res->id;
		have = res->type;
		if (type >= 0 && (int)have != type)
			ret = VACCEL_EINVAL;
		else if (!r)
			ret = VACCEL_EPERM;
	}
	if (!ret) {
		pthread_mutex_lock(&pin_lock);
		r->pins++;
		pthread_mutex_unlock(&pin_lock);
		if (nr_held < MAX_HELD)
			held[nr_held++] = r;
		*out = r;
	}
	pthread_rwlock_unlock(&reg_lock);
	if (ret == VACCEL_EPERM)
		vaccel_error("%s: resource %lld is not registered to session "
			     "%lld",
			     fn, (long long)id, (long long)sess->id);
	else if (ret && have == VACCEL_RESOURCE_MAX)
		vaccel_error("%s: the resource in '%s' is not initialised or "
			     "was released",
			     fn, param);
	else if (ret)
		vaccel_error(
		    "%s: resource %lld in '%s' has type %s; the op "
		    "needs %s",
		    fn, (long long)id, param, vaccel_resource_type_to_str(have),
		    vaccel_resource_type_to_str((vaccel_resource_type_t)type));
	return ret;
}

void vaccel_resource_unpin(struct registration *r)
{
	bool orphan;

	for (size_t i = nr_held; i-- > 0;) {
		if (held[i] == r) {
			held[i] = held[--nr_held];
			break;
		}
	}
	pthread_mutex_lock(&pin_lock);
	orphan = --r->pins == 0 && !r->res;
	pthread_cond_broadcast(&unpinned);
	pthread_mutex_unlock(&pin_lock);
	/* Unregistered by this thread's own op: nobody waits to free it. */
	if (orphan)
		free(r);
}

/* Logs and returns VACCEL_EINVAL unless both objects are live. */
static int check_pair(const char *fn, const struct vaccel_resource *res,
		      const struct vaccel_session *sess)
{
	if (!res || !sess) {
		vaccel_error("%s: %s is NULL", fn, res ? "sess" : "res");
		return VACCEL_EINVAL;
	}
	if (!vaccel_resource_valid(res)) {
		vaccel_error("%s: the resource is not initialised or was "
			     "released",
			     fn);
		return VACCEL_EINVAL;
	}
	if (!vaccel_session_valid(sess)) {
		vaccel_error("%s: the session is not initialised or was "
			     "released",
			     fn);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

int vaccel_resource_register(struct vaccel_resource *res,
			     struct vaccel_session *sess)
{
	struct registration *node = NULL;
	int ret = check_pair("vaccel_resource_register", res, sess);

	if (ret)
		return ret;
	pthread_rwlock_wrlock(&reg_lock);
	/* Re-checked under the lock: a release may have won the race. */
	ret = check_pair("vaccel_resource_register", res, sess);
	if (!ret && registration_find_locked(res, sess)) {
		vaccel_error("vaccel_resource_register: resource %lld is "
			     "already registered to session %lld",
			     (long long)res->id, (long long)sess->id);
		ret = VACCEL_EEXIST;
	}
	if (!ret)
		ret =
		    grow((void **)&regs, &cap_regs, nr_regs + 1, sizeof(*regs));
	if (!ret && !(node = calloc(1, sizeof(*node))))
		ret = VACCEL_ENOMEM;
	if (!ret) {
		node->res = res;
		node->sess = sess;
		regs[nr_regs++] = node;
		res->refcount++;
	}
	pthread_rwlock_unlock(&reg_lock);
	if (ret)
		return ret;
	vaccel_debug("session %lld: registered resource %lld",
		     (long long)sess->id, (long long)res->id);
	ret = vaccel_plugins_resource_registered(res, sess);
	if (ret)
		vaccel_resource_unregister(res, sess);
	return ret;
}

int vaccel_resource_unregister(struct vaccel_resource *res,
			       struct vaccel_session *sess)
{
	struct registration *taken = NULL;
	int ret = check_pair("vaccel_resource_unregister", res, sess);

	if (ret)
		return ret;
	pthread_rwlock_wrlock(&reg_lock);
	if (registration_find_locked(res, sess))
		taken = take_locked(res, sess);
	else
		ret = VACCEL_EINVAL;
	pthread_rwlock_unlock(&reg_lock);
	if (ret) {
		vaccel_error("vaccel_resource_unregister: resource %lld is not "
			     "registered to session %lld",
			     (long long)res->id, (long long)sess->id);
		return ret;
	}
	tell_plugins(taken);
	return VACCEL_OK;
}

int vaccel_resource_sync(struct vaccel_resource *res,
			 struct vaccel_session *sess)
{
	int ret = check_pair("vaccel_resource_sync", res, sess);

	if (ret)
		return ret;
	if (!vaccel_resource_registered(res, sess)) {
		vaccel_error("vaccel_resource_sync: resource %lld is not "
			     "registered to session %lld",
			     (long long)res->id, (long long)sess->id);
		return VACCEL_EPERM;
	}
	/* A local session works on the resource itself: nothing to copy.
	 * The rpc transport re-sends the buffers of remote copies here. */
	return VACCEL_OK;
}

long int vaccel_resource_refcount(const struct vaccel_resource *res)
{
	long n;

	pthread_rwlock_rdlock(&reg_lock);
	n = vaccel_resource_valid(res) ? res->refcount : -VACCEL_EINVAL;
	pthread_rwlock_unlock(&reg_lock);
	if (n < 0)
		vaccel_error("vaccel_resource_refcount: %s",
			     res ? "the resource is not initialised or was "
				   "released"
				 : "res is NULL");
	return n;
}

long int vaccel_resource_sessions(const struct vaccel_resource *res)
{
	long n;

	if (!res)
		return 0;
	pthread_rwlock_rdlock(&reg_lock);
	n = (long)res->refcount;
	pthread_rwlock_unlock(&reg_lock);
	return n;
}

/* Collects the resources matching `sess` (NULL: the live list, else the
 * session's registrations) and `type` (-1: any) and `id` (0: any). With
 * `out` NULL only counts; else stores up to `max`. Caller holds the lock. */
static size_t collect_locked(const struct vaccel_session *sess, int type,
			     vaccel_id_t id, struct vaccel_resource **out,
			     size_t max)
{
	size_t n = 0, total = sess ? nr_regs : nr_live;

	for (size_t i = 0; i < total; i++) {
		struct vaccel_resource *r = sess ? regs[i]->res : live[i].res;

		if (sess && regs[i]->sess != sess)
			continue;
		if ((type >= 0 && (int)r->type != type) || (id && r->id != id))
			continue;
		if (out && n < max)
			out[n] = r;
		n++;
		if (out && n == max)
			break;
	}
	return n;
}

/* The lookups behind the get_* and session_resource* functions. With
 * `all` the matches go to a malloc'ed *all_out (count in *nr_found). */
int vaccel_resource_lookup(const char *fn, const struct vaccel_session *sess,
			   int type, vaccel_id_t id,
			   struct vaccel_resource **one,
			   struct vaccel_resource ***all_out, size_t *nr_found)
{
	int ret = VACCEL_OK;
	size_t n;

	if ((!one && !all_out) || (all_out && !nr_found)) {
		vaccel_error("%s: an output pointer is NULL", fn);
		return VACCEL_EINVAL;
	}
	if (sess && !vaccel_session_valid(sess)) {
		vaccel_error("%s: the session is not initialised or was "
			     "released",
			     fn);
		return VACCEL_EINVAL;
	}
	if (nr_found)
		*nr_found = 0;
	pthread_rwlock_rdlock(&reg_lock);
	if (one) {
		n = collect_locked(sess, type, id, one, 1);
	} else {
		n = collect_locked(sess, type, id, NULL, 0);
		*all_out = n ? malloc(n * sizeof(**all_out)) : NULL;
		if (n && !*all_out)
			ret = VACCEL_ENOMEM;
		else
			*nr_found = collect_locked(sess, type, id, *all_out, n);
	}
	pthread_rwlock_unlock(&reg_lock);
	if (!ret && n == 0)
		ret = VACCEL_ENOENT;
	return ret;
}

void vaccel_resources_report_leaks(void)
{
	char ids[256];
	size_t used = 0, n;

	ids[0] = '\0';
	pthread_rwlock_rdlock(&reg_lock);
	n = nr_live;
	for (size_t i = 0; i < nr_live && used < sizeof(ids); i++)
		used +=
		    (size_t)snprintf(ids + used, sizeof(ids) - used, "%s%lld",
				     i ? ", " : "", (long long)live[i].id);
	pthread_rwlock_unlock(&reg_lock);
	if (n)
		vaccel_debug("cleanup: %zu resource(s) still alive (ids %s%s)",
			     n, ids, used >= sizeof(ids) ? "..." : "");
}

int vaccel_resource_get_by_id(struct vaccel_resource **res, vaccel_id_t id)
{
	int ret;

	if (id <= 0) {
		vaccel_error("vaccel_resource_get_by_id: bad id %lld",
			     (long long)id);
		return VACCEL_EINVAL;
	}
	ret = vaccel_resource_lookup("vaccel_resource_get_by_id", NULL, -1, id,
				     res, NULL, NULL);
	if (ret == VACCEL_ENOENT)
		vaccel_debug("vaccel_resource_get_by_id: no resource %lld",
			     (long long)id);
	return ret;
}

int vaccel_resource_get_by_type(struct vaccel_resource **res,
				vaccel_resource_type_t type)
{
	if (vaccel_resource_check_type("vaccel_resource_get_by_type", type))
		return VACCEL_EINVAL;
	return vaccel_resource_lookup("vaccel_resource_get_by_type", NULL,
				      (int)type, 0, res, NULL, NULL);
}

int vaccel_resource_get_all_by_type(struct vaccel_resource ***res,
				    size_t *nr_found,
				    vaccel_resource_type_t type)
{
	if (vaccel_resource_check_type("vaccel_resource_get_all_by_type", type))
		return VACCEL_EINVAL;
	return vaccel_resource_lookup("vaccel_resource_get_all_by_type", NULL,
				      (int)type, 0, NULL, res, nr_found);
}

/* ==== c/src/resource_walk.c ==== */
/* Directory resources: every regular file below the directory, in a stable
 * (sorted) order, as a FILE blob named by its path relative to it, so that
 * a TensorFlow SavedModel directory is one resource. */

#include "vaccel/log.h"
#include "vaccel/resource.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deeper trees are refused rather than followed into a loop. */
#define MAX_DEPTH 32

struct walk {
	struct vaccel_resource *res;
	const char *top;
	size_t cap;
};

static int add_blob(struct walk *w, const char *path)
{
	struct vaccel_resource *res = w->res;
	struct vaccel_blob *b;
	int ret;

	if (res->nr_blobs == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 8;
		void *p = realloc(res->blobs, cap * sizeof(*res->blobs));

		if (!p)
			return VACCEL_ENOMEM;
		res->blobs = p;
		w->cap = cap;
	}
	ret = vaccel_blob_new(&b, path);
	if (ret)
		return ret;
	free(b->name);
	b->name = strdup(path + strlen(w->top) + 1);
	if (!b->name) {
		vaccel_blob_delete(b);
		return VACCEL_ENOMEM;
	}
	res->blobs[res->nr_blobs++] = b;
	return VACCEL_OK;
}

static int walk_dir(struct walk *w, const char *dir, int depth)
{
	struct dirent **ents;
	int n = scandir(dir, &ents, NULL, alphasort);
	int ret = VACCEL_OK;

	if (n < 0) {
		ret = errno;
		vaccel_error("cannot read directory %s: %s", dir,
			     strerror(ret));
		return ret;
	}
	for (int i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char path[PATH_MAX];
		struct stat st;

		if (ret || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, name) >=
		    (int)sizeof(path)) {
			vaccel_error("path %s/%s is too long", dir, name);
			ret = VACCEL_ENAMETOOLONG;
		} else if (lstat(path, &st)) {
			ret = errno;
		} else if (S_ISDIR(st.st_mode)) {
			if (depth >= MAX_DEPTH) {
				vaccel_error("%s: more than %d directory "
					     "levels",
					     path, MAX_DEPTH);
				ret = VACCEL_ELOOP;
			} else {
				ret = walk_dir(w, path, depth + 1);
			}
		} else if (S_ISREG(st.st_mode) ||
			   (S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
			    S_ISREG(st.st_mode))) {
			/* Linked files count; linked directories are not
			 * followed (they can loop). */
			ret = add_blob(w, path);
		} else {
			vaccel_debug("skipping %s: not a regular file", path);
		}
	}
	for (int i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	return ret;
}

int vaccel_resource_add_dir_blobs(struct vaccel_resource *res, const char *dir)
{
	struct walk w = {.res = res, .top = dir, .cap = 0};
	int ret = walk_dir(&w, dir, 0);

	if (!ret && res->nr_blobs == 0) {
		vaccel_error("directory %s holds no regular files", dir);
		ret = VACCEL_EINVAL;
	}
	return ret;
}

/* ==== c/src/session.c ==== */
/* Sessions: ids, the live-session registry, plugin session hooks, and
 * lookups of the resources registered to a session. */

#include "vaccel/log.h"
#include "vaccel/session.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Live sessions, for lookups by id. Few per process: a list suffices. */
struct session_node {
	struct vaccel_session *sess;
	struct session_node *next;
};

static pthread_mutex_t sessions_lock = PTHREAD_MUTEX_INITIALIZER;
static struct session_node *sessions;
static atomic_llong next_session_id = 1;

bool vaccel_session_valid(const struct vaccel_session *sess)
{
	return sess && sess->magic == VACCEL_SESSION_MAGIC;
}

static int track(struct vaccel_session *sess)
{
	struct session_node *n = malloc(sizeof(*n));

	if (!n)
		return VACCEL_ENOMEM;
	n->sess = sess;
	pthread_mutex_lock(&sessions_lock);
	n->next = sessions;
	sessions = n;
	pthread_mutex_unlock(&sessions_lock);
	return VACCEL_OK;
}

/* True when `sess` is in the live list: initialised and not released. */
static bool tracked(const struct vaccel_session *sess)
{
	bool found = false;

	pthread_mutex_lock(&sessions_lock);
	for (struct session_node *n = sessions; n && !found; n = n->next)
		found = n->sess == sess;
	pthread_mutex_unlock(&sessions_lock);
	return found;
}

static void untrack(struct vaccel_session *sess)
{
	pthread_mutex_lock(&sessions_lock);
	for (struct session_node **p = &sessions; *p; p = &(*p)->next) {
		if ((*p)->sess == sess) {
			struct session_node *dead = *p;

			*p = dead->next;
			free(dead);
			break;
		}
	}
	pthread_mutex_unlock(&sessions_lock);
}

int vaccel_session_init(struct vaccel_session *sess, uint32_t flags)
{
	int ret;

	if (!sess) {
		vaccel_error("vaccel_session_init: sess is NULL");
		return VACCEL_EINVAL;
	}
	if (flags & ~(uint32_t)VACCEL_PLUGIN_ALL) {
		vaccel_error("vaccel_session_init: flags 0x%x has bits outside "
			     "VACCEL_PLUGIN_ALL (0x%x)",
			     flags, (unsigned)VACCEL_PLUGIN_ALL);
		return VACCEL_EINVAL;
	}
	ret = vaccel_runtime_ready();
	if (ret)
		return ret;
	/* Initialising a live session again would list it twice and leave a
	 * dangling entry after release. EINVAL, as vAccel answers misuse of
	 * an object's state. */
	if (tracked(sess)) {
		vaccel_error("vaccel_session_init: session %lld is live; "
			     "release it before initialising it again",
			     (long long)sess->id);
		return VACCEL_EINVAL;
	}

	memset(sess, 0, sizeof(*sess));
	sess->id = atomic_fetch_add(&next_session_id, 1);
	sess->hint = flags;
	vaccel_plugins_session_route(sess);
	ret = vaccel_plugins_session_hook(sess, true);
	if (ret)
		return ret;
	ret = track(sess);
	if (ret) {
		vaccel_plugins_session_hook(sess, false);
		return ret;
	}
	sess->magic = VACCEL_SESSION_MAGIC;
	vaccel_debug("session %lld created (hints 0x%x, plugin %s%s)",
		     (long long)sess->id, flags,
		     sess->plugin ? sess->plugin->info->name : "none",
		     sess->is_virtio ? ", remote" : "");
	return VACCEL_OK;
}

int vaccel_session_release(struct vaccel_session *sess)
{
	if (!vaccel_session_valid(sess)) {
		vaccel_error("vaccel_session_release: %s",
			     sess ? "session is not initialised or already "
				    "released"
				  : "sess is NULL");
		return VACCEL_EINVAL;
	}
	sess->magic = 0;
	untrack(sess);
	/* Plugins drop what they cached for its resources before they see
	 * the session go. */
	vaccel_resources_session_released(sess);
	vaccel_shared_session_released(sess);
	vaccel_plugins_session_hook(sess, false);
	vaccel_debug("session %lld released", (long long)sess->id);
	sess->hint = 0;
	sess->priv = NULL;
	sess->plugin = NULL;
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_session_new, vaccel_session_init,
		  struct vaccel_session, (uint32_t flags), (flags))
VACCEL_DEFINE_DELETE(vaccel_session_delete, vaccel_session_release,
		     struct vaccel_session)

int vaccel_session_get_by_id(struct vaccel_session **sess, vaccel_id_t id)
{
	int ret = VACCEL_ENOENT;

	if (!sess)
		return VACCEL_EINVAL;
	pthread_mutex_lock(&sessions_lock);
	for (struct session_node *n = sessions; n; n = n->next) {
		if (n->sess->id == id) {
			*sess = n->sess;
			ret = VACCEL_OK;
			break;
		}
	}
	pthread_mutex_unlock(&sessions_lock);
	return ret;
}

void vaccel_sessions_report_leaks(void)
{
	size_t n = 0;

	pthread_mutex_lock(&sessions_lock);
	for (struct session_node *s = sessions; s; s = s->next)
		n++;
	pthread_mutex_unlock(&sessions_lock);
	if (n)
		vaccel_debug("cleanup: %zu session(s) still open", n);
}

bool vaccel_session_has_resource(struct vaccel_session *sess,
				 struct vaccel_resource *res)
{
	return vaccel_session_valid(sess) && res &&
	       vaccel_resource_registered(res, sess);
}

/* NULL and released sessions are VACCEL_EINVAL for every lookup. */
static int check_session(const char *fn, const struct vaccel_session *sess)
{
	if (vaccel_session_valid(sess))
		return VACCEL_OK;
	vaccel_error("%s: %s", fn,
		     sess ? "the session is not initialised or was released"
			  : "sess is NULL");
	return VACCEL_EINVAL;
}

int vaccel_session_resource_by_id(struct vaccel_session *sess,
				  struct vaccel_resource **res, vaccel_id_t id)
{
	const char *fn = "vaccel_session_resource_by_id";

	if (check_session(fn, sess))
		return VACCEL_EINVAL;
	if (id <= 0) {
		vaccel_error("%s: bad id %lld", fn, (long long)id);
		return VACCEL_EINVAL;
	}
	return vaccel_resource_lookup(fn, sess, -1, id, res, NULL, NULL);
}

int vaccel_session_resource_by_type(struct vaccel_session *sess,
				    struct vaccel_resource **res,
				    vaccel_resource_type_t type)
{
	const char *fn = "vaccel_session_resource_by_type";

	if (check_session(fn, sess) || vaccel_resource_check_type(fn, type))
		return VACCEL_EINVAL;
	return vaccel_resource_lookup(fn, sess, (int)type, 0, res, NULL, NULL);
}

int vaccel_session_resources_by_type(struct vaccel_session *sess,
				     struct vaccel_resource ***resources,
				     size_t *nr_found,
				     vaccel_resource_type_t type)
{
	const char *fn = "vaccel_session_resources_by_type";

	if (check_session(fn, sess) || vaccel_resource_check_type(fn, type))
		return VACCEL_EINVAL;
	return vaccel_resource_lookup(fn, sess, (int)type, 0, NULL, resources,
				      nr_found);
}

/* ==== c/src/shared_buffer.c ==== */
/* Shared buffers (vaccel/shared_buffer.h): a slot of a transport's region
 * when a plugin serving the session offers one, else the heap. Every
 * buffer handed out is listed here, so freeing a foreign pointer or one
 * twice is refused with a message instead of corrupting an allocator. */

#include "vaccel/shared_buffer.h"
#include "vaccel/error.h"
#include "vaccel/log.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HEAP_ALIGN 64u

struct shared_buf {
	void *ptr;
	size_t size;
	vaccel_id_t sess;
	/* The plugin whose region holds it; NULL: heap. */
	const struct vaccel_plugin_descriptor *owner;
};

static struct {
	pthread_mutex_t lock;
	struct shared_buf *bufs;
	size_t nr, cap;
} tab = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Called locked. */
static bool tab_add(struct shared_buf b)
{
	if (tab.nr == tab.cap) {
		size_t cap = tab.cap ? 2 * tab.cap : 16;
		struct shared_buf *g = realloc(tab.bufs, cap * sizeof(*g));

		if (!g)
			return false;
		tab.bufs = g;
		tab.cap = cap;
	}
	tab.bufs[tab.nr++] = b;
	return true;
}

/* Called locked: the index of `ptr`, or tab.nr. */
static size_t tab_find(const void *ptr)
{
	size_t i = 0;

	while (i < tab.nr && tab.bufs[i].ptr != ptr)
		i++;
	return i;
}

int vaccel_shared_alloc(struct vaccel_session *sess, size_t size, void **out)
{
	struct shared_buf b = {NULL, size, 0, NULL};
	bool listed;

	if (!sess || !out || size == 0) {
		vaccel_error("vaccel_shared_alloc: needs a session, an out "
			     "pointer and a size > 0 (size %zu)",
			     size);
		return VACCEL_EINVAL;
	}
	b.sess = sess->id;
	if (vaccel_plugins_shared_alloc(sess, size, &b.ptr, &b.owner)) {
		size_t rounded =
		    (size + HEAP_ALIGN - 1) & ~(size_t)(HEAP_ALIGN - 1);

		b.owner = NULL;
		b.ptr =
		    rounded >= size ? aligned_alloc(HEAP_ALIGN, rounded) : NULL;
		if (!b.ptr) {
			vaccel_error("vaccel_shared_alloc: out of memory for "
				     "%zu bytes",
				     size);
			return VACCEL_ENOMEM;
		}
	}
	pthread_mutex_lock(&tab.lock);
	listed = tab_add(b);
	pthread_mutex_unlock(&tab.lock);
	if (!listed) {
		if (b.owner)
			b.owner->shared_free(sess, b.ptr);
		else
			free(b.ptr);
		vaccel_error("vaccel_shared_alloc: out of memory");
		return VACCEL_ENOMEM;
	}
	vaccel_debug("session %lld: shared buffer of %zu bytes at %p (%s)",
		     (long long)sess->id, size, b.ptr,
		     b.owner ? b.owner->name : "heap");
	*out = b.ptr;
	return VACCEL_OK;
}

int vaccel_shared_free(struct vaccel_session *sess, void *ptr)
{
	struct shared_buf b = {NULL, 0, 0, NULL};
	vaccel_id_t other = 0;
	size_t i;

	if (!ptr)
		return VACCEL_OK;
	if (!sess) {
		vaccel_error("vaccel_shared_free(%p): no session", ptr);
		return VACCEL_EINVAL;
	}
	pthread_mutex_lock(&tab.lock);
	i = tab_find(ptr);
	if (i < tab.nr && tab.bufs[i].sess == sess->id) {
		b = tab.bufs[i];
		tab.bufs[i] = tab.bufs[--tab.nr];
	} else if (i < tab.nr) {
		other = tab.bufs[i].sess;
	}
	pthread_mutex_unlock(&tab.lock);
	if (!b.ptr) {
		if (other)
			vaccel_error("vaccel_shared_free(%p): the buffer "
				     "belongs to session %lld, not %lld",
				     ptr, (long long)other,
				     (long long)sess->id);
		else
			vaccel_error("vaccel_shared_free(%p): not a shared "
				     "buffer (never allocated, or already "
				     "freed)",
				     ptr);
		return VACCEL_EINVAL;
	}
	if (!b.owner) {
		free(b.ptr);
		return VACCEL_OK;
	}
	return b.owner->shared_free(sess, b.ptr);
}

bool vaccel_shared_is_region(const void *ptr)
{
	bool region;
	size_t i;

	pthread_mutex_lock(&tab.lock);
	i = tab_find(ptr);
	region = i < tab.nr && tab.bufs[i].owner;
	pthread_mutex_unlock(&tab.lock);
	return region;
}

/* Free the buffers of session `id` (0: all) left unfreed, with a warning:
 * afterwards their plugin or its region may be gone. */
static void drop_left(struct vaccel_session *sess, vaccel_id_t id)
{
	for (;;) {
		struct shared_buf b = {NULL, 0, 0, NULL};

		pthread_mutex_lock(&tab.lock);
		for (size_t i = 0; i < tab.nr; i++) {
			if (id && tab.bufs[i].sess != id)
				continue;
			b = tab.bufs[i];
			tab.bufs[i] = tab.bufs[--tab.nr];
			break;
		}
		if (!tab.nr) {
			free(tab.bufs);
			tab.bufs = NULL;
			tab.cap = 0;
		}
		pthread_mutex_unlock(&tab.lock);
		if (!b.ptr)
			return;
		vaccel_warn("session %lld: shared buffer %p (%zu bytes) was "
			    "not freed; freeing it now",
			    (long long)b.sess, b.ptr, b.size);
		if (!b.owner)
			free(b.ptr);
		else
			b.owner->shared_free(sess, b.ptr);
	}
}

void vaccel_shared_session_released(struct vaccel_session *sess)
{
	drop_left(sess, sess->id);
}

void vaccel_shared_report_leaks(void)
{
	drop_left(NULL, 0);
}

/* ==== c/src/str.c ==== */
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

/* ==== c/src/tensor_common.c ==== */
/* Helpers shared by the torch, tf and tflite tensor families. */

/* ---- c/src/tensor_common.h (inlined) ---- */

/* What the torch, tf and tflite tensor and buffer helpers share. Their
 * structs differ only in the types of nr_dims, dims and data_type, so each
 * family is generated from one macro over common helpers. */

#include "vaccel/enum_tables.h"
#include "vaccel/error.h"
#include "vaccel/log.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* A family's data types and element sizes: vaccel_<P>_data_type_elem_size
 * of the generated vaccel/enum_tables.h (the same table plugins use). */
typedef bool (*vaccel_dtype_size_fn)(int type, size_t *size);

/* Checks a tensor's shape (at least `min_dims` dims) and data type for
 * `kind` ("torch", ...), logging the bad value, and copies `nr_dims` dims
 * of `dim_size` bytes into `*out` (NULL for a 0-dim tensor). */
int vaccel_tensor_shape_dup(const char *kind, vaccel_dtype_size_fn elem_size,
			    int type, int64_t nr_dims, const void *dims,
			    size_t dim_size, int64_t min_dims, void **out);

/* The data fields every tensor struct has, by address. */
struct vaccel_tensor_data {
	void **data;
	size_t *size;
	bool *owned;
};

/* Frees the data when owned and empties the fields. */
void vaccel_tensor_data_release(struct vaccel_tensor_data d);
/* Gives the tensor `total_size` zeroed bytes that it owns. */
int vaccel_tensor_data_allocate(struct vaccel_tensor_data d, size_t total_size);
/* Points the tensor at the caller's data (not owned), freeing data it
 * owned before. */
int vaccel_tensor_data_set(const char *kind, struct vaccel_tensor_data d,
			   void *data, size_t size);
/* Hands data and size to the caller, who owns them from now on. */
int vaccel_tensor_data_take(struct vaccel_tensor_data d, void **data,
			    size_t *size);

#define VACCEL_TENSOR_DATA(t)                                                  \
	((struct vaccel_tensor_data){&(t)->data, &(t)->size, &(t)->owned})

/* The tensor family of prefix P (torch, tf, tflite): NR_T is the type of
 * nr_dims, DIM_T of a dim, DTYPE the data type enum (its names and sizes
 * come from the IDL, through vaccel/enum_tables.h). */
#define VACCEL_TENSOR_DEFINE(P, NR_T, DIM_T, DTYPE)                            \
	size_t vaccel_##P##_data_type_size(enum DTYPE type)                    \
	{                                                                      \
		size_t size;                                                   \
		vaccel_##P##_data_type_elem_size((int)type, &size);            \
		return size;                                                   \
	}                                                                      \
                                                                               \
	static int P##_tensor_setup(struct vaccel_##P##_tensor *tensor,        \
				    NR_T nr_dims, const DIM_T *dims,           \
				    enum DTYPE type, int64_t min_dims)         \
	{                                                                      \
		void *copy;                                                    \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		int ret = vaccel_tensor_shape_dup(                             \
		    #P, vaccel_##P##_data_type_elem_size, (int)type, nr_dims,  \
		    dims, sizeof(DIM_T), min_dims, &copy);                     \
		if (ret)                                                       \
			return ret;                                            \
		tensor->data = NULL;                                           \
		tensor->size = 0;                                              \
		tensor->owned = false;                                         \
		tensor->nr_dims = nr_dims;                                     \
		tensor->dims = copy;                                           \
		tensor->data_type = type;                                      \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	/* Applications build tensors of at least one dim, as in vAccel. */    \
	int vaccel_##P##_tensor_init(struct vaccel_##P##_tensor *tensor,       \
				     NR_T nr_dims, const DIM_T *dims,          \
				     enum DTYPE type)                          \
	{                                                                      \
		return P##_tensor_setup(tensor, nr_dims, dims, type, 1);       \
	}                                                                      \
                                                                               \
	int vaccel_##P##_tensor_release(struct vaccel_##P##_tensor *tensor)    \
	{                                                                      \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		vaccel_tensor_data_release(VACCEL_TENSOR_DATA(tensor));        \
		free(tensor->dims);                                            \
		tensor->dims = NULL;                                           \
		tensor->nr_dims = 0;                                           \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	VACCEL_DEFINE_NEW(vaccel_##P##_tensor_new, vaccel_##P##_tensor_init,   \
			  struct vaccel_##P##_tensor,                          \
			  (NR_T nr_dims, const DIM_T *dims, enum DTYPE type),  \
			  (nr_dims, dims, type))                               \
	VACCEL_DEFINE_DELETE(vaccel_##P##_tensor_delete,                       \
			     vaccel_##P##_tensor_release,                      \
			     struct vaccel_##P##_tensor)                       \
                                                                               \
	static int P##_tensor_allocate_min(                                    \
	    struct vaccel_##P##_tensor **tensor, NR_T nr_dims,                 \
	    const DIM_T *dims, enum DTYPE type, size_t total_size,             \
	    int64_t min_dims)                                                  \
	{                                                                      \
		struct vaccel_##P##_tensor *t;                                 \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		t = malloc(sizeof(*t));                                        \
		if (!t)                                                        \
			return VACCEL_ENOMEM;                                  \
		int ret = P##_tensor_setup(t, nr_dims, dims, type, min_dims);  \
		if (ret) {                                                     \
			free(t);                                               \
			return ret;                                            \
		}                                                              \
		ret = vaccel_tensor_data_allocate(VACCEL_TENSOR_DATA(t),       \
						  total_size);                 \
		if (ret) {                                                     \
			vaccel_##P##_tensor_delete(t);                         \
			return ret;                                            \
		}                                                              \
		*tensor = t;                                                   \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	int vaccel_##P##_tensor_allocate(struct vaccel_##P##_tensor **tensor,  \
					 NR_T nr_dims, const DIM_T *dims,      \
					 enum DTYPE type, size_t total_size)   \
	{                                                                      \
		return P##_tensor_allocate_min(tensor, nr_dims, dims, type,    \
					       total_size, 1);                 \
	}                                                                      \
                                                                               \
	/* Backends' outputs may be 0-dim (a model returning a number). */     \
	int vaccel_##P##_output_tensor_allocate(                               \
	    struct vaccel_##P##_tensor **tensor, NR_T nr_dims,                 \
	    const DIM_T *dims, enum DTYPE type, size_t total_size)             \
	{                                                                      \
		return P##_tensor_allocate_min(tensor, nr_dims, dims, type,    \
					       total_size, 0);                 \
	}                                                                      \
                                                                               \
	int vaccel_##P##_tensor_set_data(struct vaccel_##P##_tensor *tensor,   \
					 void *data, size_t size)              \
	{                                                                      \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		return vaccel_tensor_data_set(#P, VACCEL_TENSOR_DATA(tensor),  \
					      data, size);                     \
	}                                                                      \
                                                                               \
	int vaccel_##P##_tensor_take_data(struct vaccel_##P##_tensor *tensor,  \
					  void **data, size_t *size)           \
	{                                                                      \
		if (!tensor)                                                   \
			return VACCEL_EINVAL;                                  \
		return vaccel_tensor_data_take(VACCEL_TENSOR_DATA(tensor),     \
					       data, size);                    \
	}

/* The buffer family of prefix P (torch, tf): DATA_T is the type of its
 * data pointer. The buffer owns the data it is given (vAccel semantics):
 * release frees it, take_data hands it back. */
#define VACCEL_BUFFER_DEFINE(P, DATA_T)                                        \
	int vaccel_##P##_buffer_init(struct vaccel_##P##_buffer *buffer,       \
				     DATA_T data, size_t size)                 \
	{                                                                      \
		if (!buffer)                                                   \
			return VACCEL_EINVAL;                                  \
		buffer->data = data;                                           \
		buffer->size = size;                                           \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	int vaccel_##P##_buffer_release(struct vaccel_##P##_buffer *buffer)    \
	{                                                                      \
		if (!buffer)                                                   \
			return VACCEL_EINVAL;                                  \
		free(buffer->data);                                            \
		buffer->data = NULL;                                           \
		buffer->size = 0;                                              \
		return VACCEL_OK;                                              \
	}                                                                      \
                                                                               \
	VACCEL_DEFINE_NEW(vaccel_##P##_buffer_new, vaccel_##P##_buffer_init,   \
			  struct vaccel_##P##_buffer,                          \
			  (DATA_T data, size_t size), (data, size))            \
	VACCEL_DEFINE_DELETE(vaccel_##P##_buffer_delete,                       \
			     vaccel_##P##_buffer_release,                      \
			     struct vaccel_##P##_buffer)                       \
                                                                               \
	int vaccel_##P##_buffer_take_data(struct vaccel_##P##_buffer *buffer,  \
					  void **data, size_t *size)           \
	{                                                                      \
		if (!buffer || !data || !size)                                 \
			return VACCEL_EINVAL;                                  \
		*data = buffer->data;                                          \
		*size = buffer->size;                                          \
		buffer->data = NULL;                                           \
		buffer->size = 0;                                              \
		return VACCEL_OK;                                              \
	}
/* ---- back in c/src/tensor_common.c ---- */

#include <string.h>

int vaccel_tensor_shape_dup(const char *kind, vaccel_dtype_size_fn elem_size_of,
			    int type, int64_t nr_dims, const void *dims,
			    size_t dim_size, int64_t min_dims, void **out)
{
	size_t elem_size;

	if (!elem_size_of(type, &elem_size)) {
		vaccel_error("%s tensor: invalid data type %d", kind, type);
		return VACCEL_EINVAL;
	}
	if (nr_dims < min_dims) {
		vaccel_error("%s tensor: invalid nr_dims %lld (at least %lld)",
			     kind, (long long)nr_dims, (long long)min_dims);
		return VACCEL_EINVAL;
	}
	if (nr_dims > 0 && !dims) {
		vaccel_error("%s tensor: dims is NULL with nr_dims %lld", kind,
			     (long long)nr_dims);
		return VACCEL_EINVAL;
	}
	if ((uint64_t)nr_dims > SIZE_MAX / dim_size) {
		vaccel_error("%s tensor: nr_dims %lld is too large", kind,
			     (long long)nr_dims);
		return VACCEL_EINVAL;
	}

	*out = NULL;
	if (!nr_dims)
		return VACCEL_OK;

	size_t bytes = (size_t)nr_dims * dim_size;
	*out = malloc(bytes);
	if (!*out)
		return VACCEL_ENOMEM;
	memcpy(*out, dims, bytes);
	return VACCEL_OK;
}

void vaccel_tensor_data_release(struct vaccel_tensor_data d)
{
	if (*d.owned)
		free(*d.data);
	*d.data = NULL;
	*d.size = 0;
	*d.owned = false;
}

int vaccel_tensor_data_allocate(struct vaccel_tensor_data d, size_t total_size)
{
	vaccel_tensor_data_release(d);
	if (!total_size)
		return VACCEL_OK;

	void *data = calloc(1, total_size);
	if (!data)
		return VACCEL_ENOMEM;
	*d.data = data;
	*d.size = total_size;
	*d.owned = true;
	return VACCEL_OK;
}

int vaccel_tensor_data_set(const char *kind, struct vaccel_tensor_data d,
			   void *data, size_t size)
{
	if (!data && size) {
		vaccel_error("%s tensor: NULL data with size %zu", kind, size);
		return VACCEL_EINVAL;
	}
	/* Re-setting the pointer the tensor owns only changes its size. */
	if (*d.owned && *d.data == data) {
		*d.size = size;
		return VACCEL_OK;
	}
	if (*d.owned)
		free(*d.data);
	*d.data = data;
	*d.size = size;
	*d.owned = false;
	return VACCEL_OK;
}

int vaccel_tensor_data_take(struct vaccel_tensor_data d, void **data,
			    size_t *size)
{
	if (!data || !size)
		return VACCEL_EINVAL;

	*data = *d.data;
	*size = *d.size;
	*d.data = NULL;
	*d.size = 0;
	*d.owned = false;
	return VACCEL_OK;
}

/* ==== c/src/tf_tensor.c ==== */
/* TensorFlow tensors, buffers, nodes and statuses (vaccel/tf_types.h). */

#include "vaccel/tf_types.h"

#include <string.h>

VACCEL_TENSOR_DEFINE(tf, int, int64_t, vaccel_tf_data_type)

VACCEL_BUFFER_DEFINE(tf, void *)

/* A copy of `str` in `*out`; NULL is refused, naming `what`. */
static int dup_string(const char *what, const char *str, char **out)
{
	if (!str) {
		vaccel_error("tf %s: NULL string", what);
		return VACCEL_EINVAL;
	}
	*out = strdup(str);
	return *out ? VACCEL_OK : VACCEL_ENOMEM;
}

int vaccel_tf_node_init(struct vaccel_tf_node *node, const char *name, int id)
{
	if (!node)
		return VACCEL_EINVAL;

	int ret = dup_string("node name", name, &node->name);
	if (ret)
		return ret;
	node->id = id;
	return VACCEL_OK;
}

int vaccel_tf_node_release(struct vaccel_tf_node *node)
{
	if (!node)
		return VACCEL_EINVAL;

	free(node->name);
	node->name = NULL;
	node->id = -1;
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_tf_node_new, vaccel_tf_node_init,
		  struct vaccel_tf_node, (const char *name, int id), (name, id))
VACCEL_DEFINE_DELETE(vaccel_tf_node_delete, vaccel_tf_node_release,
		     struct vaccel_tf_node)

int vaccel_tf_status_init(struct vaccel_tf_status *status, uint8_t code,
			  const char *message)
{
	if (!status)
		return VACCEL_EINVAL;

	int ret = dup_string("status message", message, &status->message);
	if (ret)
		return ret;
	status->code = code;
	return VACCEL_OK;
}

int vaccel_tf_status_release(struct vaccel_tf_status *status)
{
	if (!status)
		return VACCEL_EINVAL;

	free(status->message);
	status->message = NULL;
	status->code = 0;
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_tf_status_new, vaccel_tf_status_init,
		  struct vaccel_tf_status, (uint8_t code, const char *message),
		  (code, message))
VACCEL_DEFINE_DELETE(vaccel_tf_status_delete, vaccel_tf_status_release,
		     struct vaccel_tf_status)

/* ==== c/src/tflite_tensor.c ==== */
/* TensorFlow Lite tensors (vaccel/tflite_types.h). */

#include "vaccel/tflite_types.h"

VACCEL_TENSOR_DEFINE(tflite, int, int32_t, vaccel_tflite_data_type)

/* ==== c/src/torch_tensor.c ==== */
/* Torch tensors and buffers (vaccel/torch_types.h). */

#include "vaccel/torch_types.h"

VACCEL_TENSOR_DEFINE(torch, int64_t, int64_t, vaccel_torch_data_type)

VACCEL_BUFFER_DEFINE(torch, char *)

/* ==== c/src/gen/enums.c ==== */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
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
	case VACCEL_ENOMEM:
		return "VACCEL_ENOMEM";
	case VACCEL_ENOTSUP:
		return "VACCEL_ENOTSUP";
	case VACCEL_EINPROGRESS:
		return "VACCEL_EINPROGRESS";
	case VACCEL_EBUSY:
		return "VACCEL_EBUSY";
	case VACCEL_EEXIST:
		return "VACCEL_EEXIST";
	case VACCEL_ENOENT:
		return "VACCEL_ENOENT";
	case VACCEL_ELIBBAD:
		return "VACCEL_ELIBBAD";
	case VACCEL_ENODEV:
		return "VACCEL_ENODEV";
	case VACCEL_EIO:
		return "VACCEL_EIO";
	case VACCEL_ESESS:
		return "VACCEL_ESESS";
	case VACCEL_EBACKEND:
		return "VACCEL_EBACKEND";
	case VACCEL_ENOEXEC:
		return "VACCEL_ENOEXEC";
	case VACCEL_ENAMETOOLONG:
		return "VACCEL_ENAMETOOLONG";
	case VACCEL_EUSERS:
		return "VACCEL_EUSERS";
	case VACCEL_EPERM:
		return "VACCEL_EPERM";
	case VACCEL_ELOOP:
		return "VACCEL_ELOOP";
	case VACCEL_EMLINK:
		return "VACCEL_EMLINK";
	case VACCEL_ENOSPC:
		return "VACCEL_ENOSPC";
	case VACCEL_ENOTDIR:
		return "VACCEL_ENOTDIR";
	case VACCEL_EROFS:
		return "VACCEL_EROFS";
	case VACCEL_EACCES:
		return "VACCEL_EACCES";
	case VACCEL_EBADF:
		return "VACCEL_EBADF";
	case VACCEL_EREMOTEIO:
		return "VACCEL_EREMOTEIO";
	case VACCEL_EFAULT:
		return "VACCEL_EFAULT";
	case VACCEL_ERANGE:
		return "VACCEL_ERANGE";
	case VACCEL_EAGAIN:
		return "VACCEL_EAGAIN";
	case VACCEL_ENOSYS:
		return "VACCEL_ENOSYS";
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
		{ "ENOMEM", VACCEL_ENOMEM },
		{ "ENOTSUP", VACCEL_ENOTSUP },
		{ "EINPROGRESS", VACCEL_EINPROGRESS },
		{ "EBUSY", VACCEL_EBUSY },
		{ "EEXIST", VACCEL_EEXIST },
		{ "ENOENT", VACCEL_ENOENT },
		{ "ELIBBAD", VACCEL_ELIBBAD },
		{ "ENODEV", VACCEL_ENODEV },
		{ "EIO", VACCEL_EIO },
		{ "ESESS", VACCEL_ESESS },
		{ "EBACKEND", VACCEL_EBACKEND },
		{ "ENOEXEC", VACCEL_ENOEXEC },
		{ "ENAMETOOLONG", VACCEL_ENAMETOOLONG },
		{ "EUSERS", VACCEL_EUSERS },
		{ "EPERM", VACCEL_EPERM },
		{ "ELOOP", VACCEL_ELOOP },
		{ "EMLINK", VACCEL_EMLINK },
		{ "ENOSPC", VACCEL_ENOSPC },
		{ "ENOTDIR", VACCEL_ENOTDIR },
		{ "EROFS", VACCEL_EROFS },
		{ "EACCES", VACCEL_EACCES },
		{ "EBADF", VACCEL_EBADF },
		{ "EREMOTEIO", VACCEL_EREMOTEIO },
		{ "EFAULT", VACCEL_EFAULT },
		{ "ERANGE", VACCEL_ERANGE },
		{ "EAGAIN", VACCEL_EAGAIN },
		{ "ENOSYS", VACCEL_ENOSYS },
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
	case VACCEL_RESOURCE_DATA:
		return "VACCEL_RESOURCE_DATA";
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
		{ "DATA", VACCEL_RESOURCE_DATA },
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

const char *vaccel_plugin_type_to_str(vaccel_plugin_type_t value)
{
	switch ((long)value) {
	case VACCEL_PLUGIN_CPU:
		return "VACCEL_PLUGIN_CPU";
	case VACCEL_PLUGIN_GPU:
		return "VACCEL_PLUGIN_GPU";
	case VACCEL_PLUGIN_FPGA:
		return "VACCEL_PLUGIN_FPGA";
	case VACCEL_PLUGIN_SOFTWARE:
		return "VACCEL_PLUGIN_SOFTWARE";
	case VACCEL_PLUGIN_TENSORFLOW:
		return "VACCEL_PLUGIN_TENSORFLOW";
	case VACCEL_PLUGIN_TORCH:
		return "VACCEL_PLUGIN_TORCH";
	case VACCEL_PLUGIN_JETSON:
		return "VACCEL_PLUGIN_JETSON";
	case VACCEL_PLUGIN_GENERIC:
		return "VACCEL_PLUGIN_GENERIC";
	case VACCEL_PLUGIN_DEBUG:
		return "VACCEL_PLUGIN_DEBUG";
	case VACCEL_PLUGIN_REMOTE:
		return "VACCEL_PLUGIN_REMOTE";
	case VACCEL_PLUGIN_ALL:
		return "VACCEL_PLUGIN_ALL";
	default:
		return "unknown";
	}
}

int vaccel_plugin_type_from_str(const char *str, vaccel_plugin_type_t *value)
{
	static const struct {
		const char *name;
		vaccel_plugin_type_t value;
	} table[] = {
		{ "CPU", VACCEL_PLUGIN_CPU },
		{ "GPU", VACCEL_PLUGIN_GPU },
		{ "FPGA", VACCEL_PLUGIN_FPGA },
		{ "SOFTWARE", VACCEL_PLUGIN_SOFTWARE },
		{ "TENSORFLOW", VACCEL_PLUGIN_TENSORFLOW },
		{ "TORCH", VACCEL_PLUGIN_TORCH },
		{ "JETSON", VACCEL_PLUGIN_JETSON },
		{ "GENERIC", VACCEL_PLUGIN_GENERIC },
		{ "DEBUG", VACCEL_PLUGIN_DEBUG },
		{ "REMOTE", VACCEL_PLUGIN_REMOTE },
		{ "ALL", VACCEL_PLUGIN_ALL },
	};
	const size_t prefix_len = 14;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_PLUGIN_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_arg_type_to_str(vaccel_arg_type_t value)
{
	switch ((long)value) {
	case VACCEL_ARG_RAW:
		return "VACCEL_ARG_RAW";
	case VACCEL_ARG_INT8:
		return "VACCEL_ARG_INT8";
	case VACCEL_ARG_INT8_ARRAY:
		return "VACCEL_ARG_INT8_ARRAY";
	case VACCEL_ARG_INT16:
		return "VACCEL_ARG_INT16";
	case VACCEL_ARG_INT16_ARRAY:
		return "VACCEL_ARG_INT16_ARRAY";
	case VACCEL_ARG_INT32:
		return "VACCEL_ARG_INT32";
	case VACCEL_ARG_INT32_ARRAY:
		return "VACCEL_ARG_INT32_ARRAY";
	case VACCEL_ARG_INT64:
		return "VACCEL_ARG_INT64";
	case VACCEL_ARG_INT64_ARRAY:
		return "VACCEL_ARG_INT64_ARRAY";
	case VACCEL_ARG_UINT8:
		return "VACCEL_ARG_UINT8";
	case VACCEL_ARG_UINT8_ARRAY:
		return "VACCEL_ARG_UINT8_ARRAY";
	case VACCEL_ARG_UINT16:
		return "VACCEL_ARG_UINT16";
	case VACCEL_ARG_UINT16_ARRAY:
		return "VACCEL_ARG_UINT16_ARRAY";
	case VACCEL_ARG_UINT32:
		return "VACCEL_ARG_UINT32";
	case VACCEL_ARG_UINT32_ARRAY:
		return "VACCEL_ARG_UINT32_ARRAY";
	case VACCEL_ARG_UINT64:
		return "VACCEL_ARG_UINT64";
	case VACCEL_ARG_UINT64_ARRAY:
		return "VACCEL_ARG_UINT64_ARRAY";
	case VACCEL_ARG_FLOAT32:
		return "VACCEL_ARG_FLOAT32";
	case VACCEL_ARG_FLOAT32_ARRAY:
		return "VACCEL_ARG_FLOAT32_ARRAY";
	case VACCEL_ARG_FLOAT64:
		return "VACCEL_ARG_FLOAT64";
	case VACCEL_ARG_FLOAT64_ARRAY:
		return "VACCEL_ARG_FLOAT64_ARRAY";
	case VACCEL_ARG_BOOL:
		return "VACCEL_ARG_BOOL";
	case VACCEL_ARG_BOOL_ARRAY:
		return "VACCEL_ARG_BOOL_ARRAY";
	case VACCEL_ARG_CHAR:
		return "VACCEL_ARG_CHAR";
	case VACCEL_ARG_CHAR_ARRAY:
		return "VACCEL_ARG_CHAR_ARRAY";
	case VACCEL_ARG_UCHAR:
		return "VACCEL_ARG_UCHAR";
	case VACCEL_ARG_UCHAR_ARRAY:
		return "VACCEL_ARG_UCHAR_ARRAY";
	case VACCEL_ARG_STRING:
		return "VACCEL_ARG_STRING";
	case VACCEL_ARG_BUFFER:
		return "VACCEL_ARG_BUFFER";
	case VACCEL_ARG_CUSTOM:
		return "VACCEL_ARG_CUSTOM";
	default:
		return "unknown";
	}
}

int vaccel_arg_type_from_str(const char *str, vaccel_arg_type_t *value)
{
	static const struct {
		const char *name;
		vaccel_arg_type_t value;
	} table[] = {
		{ "RAW", VACCEL_ARG_RAW },
		{ "INT8", VACCEL_ARG_INT8 },
		{ "INT8_ARRAY", VACCEL_ARG_INT8_ARRAY },
		{ "INT16", VACCEL_ARG_INT16 },
		{ "INT16_ARRAY", VACCEL_ARG_INT16_ARRAY },
		{ "INT32", VACCEL_ARG_INT32 },
		{ "INT32_ARRAY", VACCEL_ARG_INT32_ARRAY },
		{ "INT64", VACCEL_ARG_INT64 },
		{ "INT64_ARRAY", VACCEL_ARG_INT64_ARRAY },
		{ "UINT8", VACCEL_ARG_UINT8 },
		{ "UINT8_ARRAY", VACCEL_ARG_UINT8_ARRAY },
		{ "UINT16", VACCEL_ARG_UINT16 },
		{ "UINT16_ARRAY", VACCEL_ARG_UINT16_ARRAY },
		{ "UINT32", VACCEL_ARG_UINT32 },
		{ "UINT32_ARRAY", VACCEL_ARG_UINT32_ARRAY },
		{ "UINT64", VACCEL_ARG_UINT64 },
		{ "UINT64_ARRAY", VACCEL_ARG_UINT64_ARRAY },
		{ "FLOAT32", VACCEL_ARG_FLOAT32 },
		{ "FLOAT32_ARRAY", VACCEL_ARG_FLOAT32_ARRAY },
		{ "FLOAT64", VACCEL_ARG_FLOAT64 },
		{ "FLOAT64_ARRAY", VACCEL_ARG_FLOAT64_ARRAY },
		{ "BOOL", VACCEL_ARG_BOOL },
		{ "BOOL_ARRAY", VACCEL_ARG_BOOL_ARRAY },
		{ "CHAR", VACCEL_ARG_CHAR },
		{ "CHAR_ARRAY", VACCEL_ARG_CHAR_ARRAY },
		{ "UCHAR", VACCEL_ARG_UCHAR },
		{ "UCHAR_ARRAY", VACCEL_ARG_UCHAR_ARRAY },
		{ "STRING", VACCEL_ARG_STRING },
		{ "BUFFER", VACCEL_ARG_BUFFER },
		{ "CUSTOM", VACCEL_ARG_CUSTOM },
	};
	const size_t prefix_len = 11;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_ARG_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_log_level_to_str(vaccel_log_level_t value)
{
	switch ((long)value) {
	case VACCEL_LOG_ERROR:
		return "VACCEL_LOG_ERROR";
	case VACCEL_LOG_WARN:
		return "VACCEL_LOG_WARN";
	case VACCEL_LOG_INFO:
		return "VACCEL_LOG_INFO";
	case VACCEL_LOG_DEBUG:
		return "VACCEL_LOG_DEBUG";
	default:
		return "unknown";
	}
}

int vaccel_log_level_from_str(const char *str, vaccel_log_level_t *value)
{
	static const struct {
		const char *name;
		vaccel_log_level_t value;
	} table[] = {
		{ "ERROR", VACCEL_LOG_ERROR },
		{ "WARN", VACCEL_LOG_WARN },
		{ "INFO", VACCEL_LOG_INFO },
		{ "DEBUG", VACCEL_LOG_DEBUG },
	};
	const size_t prefix_len = 11;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_LOG_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_torch_data_type_to_str(enum vaccel_torch_data_type value)
{
	switch ((long)value) {
	case VACCEL_TORCH_BYTE:
		return "VACCEL_TORCH_BYTE";
	case VACCEL_TORCH_CHAR:
		return "VACCEL_TORCH_CHAR";
	case VACCEL_TORCH_SHORT:
		return "VACCEL_TORCH_SHORT";
	case VACCEL_TORCH_INT:
		return "VACCEL_TORCH_INT";
	case VACCEL_TORCH_LONG:
		return "VACCEL_TORCH_LONG";
	case VACCEL_TORCH_HALF:
		return "VACCEL_TORCH_HALF";
	case VACCEL_TORCH_FLOAT:
		return "VACCEL_TORCH_FLOAT";
	case VACCEL_TORCH_DOUBLE:
		return "VACCEL_TORCH_DOUBLE";
	case VACCEL_TORCH_BOOL:
		return "VACCEL_TORCH_BOOL";
	case VACCEL_TORCH_BFLOAT16:
		return "VACCEL_TORCH_BFLOAT16";
	default:
		return "unknown";
	}
}

int vaccel_torch_data_type_from_str(const char *str, enum vaccel_torch_data_type *value)
{
	static const struct {
		const char *name;
		enum vaccel_torch_data_type value;
	} table[] = {
		{ "BYTE", VACCEL_TORCH_BYTE },
		{ "CHAR", VACCEL_TORCH_CHAR },
		{ "SHORT", VACCEL_TORCH_SHORT },
		{ "INT", VACCEL_TORCH_INT },
		{ "LONG", VACCEL_TORCH_LONG },
		{ "HALF", VACCEL_TORCH_HALF },
		{ "FLOAT", VACCEL_TORCH_FLOAT },
		{ "DOUBLE", VACCEL_TORCH_DOUBLE },
		{ "BOOL", VACCEL_TORCH_BOOL },
		{ "BFLOAT16", VACCEL_TORCH_BFLOAT16 },
	};
	const size_t prefix_len = 13;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_TORCH_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_tflite_data_type_to_str(enum vaccel_tflite_data_type value)
{
	switch ((long)value) {
	case VACCEL_TFLITE_NOTYPE:
		return "VACCEL_TFLITE_NOTYPE";
	case VACCEL_TFLITE_FLOAT32:
		return "VACCEL_TFLITE_FLOAT32";
	case VACCEL_TFLITE_INT32:
		return "VACCEL_TFLITE_INT32";
	case VACCEL_TFLITE_UINT8:
		return "VACCEL_TFLITE_UINT8";
	case VACCEL_TFLITE_INT64:
		return "VACCEL_TFLITE_INT64";
	case VACCEL_TFLITE_STRING:
		return "VACCEL_TFLITE_STRING";
	case VACCEL_TFLITE_BOOL:
		return "VACCEL_TFLITE_BOOL";
	case VACCEL_TFLITE_INT16:
		return "VACCEL_TFLITE_INT16";
	case VACCEL_TFLITE_COMPLEX64:
		return "VACCEL_TFLITE_COMPLEX64";
	case VACCEL_TFLITE_INT8:
		return "VACCEL_TFLITE_INT8";
	case VACCEL_TFLITE_FLOAT16:
		return "VACCEL_TFLITE_FLOAT16";
	case VACCEL_TFLITE_FLOAT64:
		return "VACCEL_TFLITE_FLOAT64";
	case VACCEL_TFLITE_COMPLEX128:
		return "VACCEL_TFLITE_COMPLEX128";
	case VACCEL_TFLITE_UINT64:
		return "VACCEL_TFLITE_UINT64";
	case VACCEL_TFLITE_RESOURCE:
		return "VACCEL_TFLITE_RESOURCE";
	case VACCEL_TFLITE_VARIANT:
		return "VACCEL_TFLITE_VARIANT";
	case VACCEL_TFLITE_UINT32:
		return "VACCEL_TFLITE_UINT32";
	case VACCEL_TFLITE_UINT16:
		return "VACCEL_TFLITE_UINT16";
	case VACCEL_TFLITE_INT4:
		return "VACCEL_TFLITE_INT4";
	default:
		return "unknown";
	}
}

int vaccel_tflite_data_type_from_str(const char *str, enum vaccel_tflite_data_type *value)
{
	static const struct {
		const char *name;
		enum vaccel_tflite_data_type value;
	} table[] = {
		{ "NOTYPE", VACCEL_TFLITE_NOTYPE },
		{ "FLOAT32", VACCEL_TFLITE_FLOAT32 },
		{ "INT32", VACCEL_TFLITE_INT32 },
		{ "UINT8", VACCEL_TFLITE_UINT8 },
		{ "INT64", VACCEL_TFLITE_INT64 },
		{ "STRING", VACCEL_TFLITE_STRING },
		{ "BOOL", VACCEL_TFLITE_BOOL },
		{ "INT16", VACCEL_TFLITE_INT16 },
		{ "COMPLEX64", VACCEL_TFLITE_COMPLEX64 },
		{ "INT8", VACCEL_TFLITE_INT8 },
		{ "FLOAT16", VACCEL_TFLITE_FLOAT16 },
		{ "FLOAT64", VACCEL_TFLITE_FLOAT64 },
		{ "COMPLEX128", VACCEL_TFLITE_COMPLEX128 },
		{ "UINT64", VACCEL_TFLITE_UINT64 },
		{ "RESOURCE", VACCEL_TFLITE_RESOURCE },
		{ "VARIANT", VACCEL_TFLITE_VARIANT },
		{ "UINT32", VACCEL_TFLITE_UINT32 },
		{ "UINT16", VACCEL_TFLITE_UINT16 },
		{ "INT4", VACCEL_TFLITE_INT4 },
	};
	const size_t prefix_len = 14;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_TFLITE_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_tf_data_type_to_str(enum vaccel_tf_data_type value)
{
	switch ((long)value) {
	case VACCEL_TF_FLOAT:
		return "VACCEL_TF_FLOAT";
	case VACCEL_TF_DOUBLE:
		return "VACCEL_TF_DOUBLE";
	case VACCEL_TF_INT32:
		return "VACCEL_TF_INT32";
	case VACCEL_TF_UINT8:
		return "VACCEL_TF_UINT8";
	case VACCEL_TF_INT16:
		return "VACCEL_TF_INT16";
	case VACCEL_TF_INT8:
		return "VACCEL_TF_INT8";
	case VACCEL_TF_STRING:
		return "VACCEL_TF_STRING";
	case VACCEL_TF_COMPLEX64:
		return "VACCEL_TF_COMPLEX64";
	case VACCEL_TF_INT64:
		return "VACCEL_TF_INT64";
	case VACCEL_TF_BOOL:
		return "VACCEL_TF_BOOL";
	case VACCEL_TF_QINT8:
		return "VACCEL_TF_QINT8";
	case VACCEL_TF_QUINT8:
		return "VACCEL_TF_QUINT8";
	case VACCEL_TF_QINT32:
		return "VACCEL_TF_QINT32";
	case VACCEL_TF_BFLOAT16:
		return "VACCEL_TF_BFLOAT16";
	case VACCEL_TF_QINT16:
		return "VACCEL_TF_QINT16";
	case VACCEL_TF_QUINT16:
		return "VACCEL_TF_QUINT16";
	case VACCEL_TF_UINT16:
		return "VACCEL_TF_UINT16";
	case VACCEL_TF_COMPLEX128:
		return "VACCEL_TF_COMPLEX128";
	case VACCEL_TF_HALF:
		return "VACCEL_TF_HALF";
	case VACCEL_TF_RESOURCE:
		return "VACCEL_TF_RESOURCE";
	case VACCEL_TF_VARIANT:
		return "VACCEL_TF_VARIANT";
	case VACCEL_TF_UINT32:
		return "VACCEL_TF_UINT32";
	case VACCEL_TF_UINT64:
		return "VACCEL_TF_UINT64";
	default:
		return "unknown";
	}
}

int vaccel_tf_data_type_from_str(const char *str, enum vaccel_tf_data_type *value)
{
	static const struct {
		const char *name;
		enum vaccel_tf_data_type value;
	} table[] = {
		{ "FLOAT", VACCEL_TF_FLOAT },
		{ "DOUBLE", VACCEL_TF_DOUBLE },
		{ "INT32", VACCEL_TF_INT32 },
		{ "UINT8", VACCEL_TF_UINT8 },
		{ "INT16", VACCEL_TF_INT16 },
		{ "INT8", VACCEL_TF_INT8 },
		{ "STRING", VACCEL_TF_STRING },
		{ "COMPLEX64", VACCEL_TF_COMPLEX64 },
		{ "COMPLEX", VACCEL_TF_COMPLEX },
		{ "INT64", VACCEL_TF_INT64 },
		{ "BOOL", VACCEL_TF_BOOL },
		{ "QINT8", VACCEL_TF_QINT8 },
		{ "QUINT8", VACCEL_TF_QUINT8 },
		{ "QINT32", VACCEL_TF_QINT32 },
		{ "BFLOAT16", VACCEL_TF_BFLOAT16 },
		{ "QINT16", VACCEL_TF_QINT16 },
		{ "QUINT16", VACCEL_TF_QUINT16 },
		{ "UINT16", VACCEL_TF_UINT16 },
		{ "COMPLEX128", VACCEL_TF_COMPLEX128 },
		{ "HALF", VACCEL_TF_HALF },
		{ "RESOURCE", VACCEL_TF_RESOURCE },
		{ "VARIANT", VACCEL_TF_VARIANT },
		{ "UINT32", VACCEL_TF_UINT32 },
		{ "UINT64", VACCEL_TF_UINT64 },
	};
	const size_t prefix_len = 10;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_TF_", prefix_len) == 0)
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
	case VACCEL_OP_NOOP:
		return "VACCEL_OP_NOOP";
	case VACCEL_OP_EXEC:
		return "VACCEL_OP_EXEC";
	case VACCEL_OP_EXEC_WITH_RESOURCE:
		return "VACCEL_OP_EXEC_WITH_RESOURCE";
	case VACCEL_OP_IMAGE_CLASSIFY:
		return "VACCEL_OP_IMAGE_CLASSIFY";
	case VACCEL_OP_IMAGE_DETECT:
		return "VACCEL_OP_IMAGE_DETECT";
	case VACCEL_OP_IMAGE_SEGMENT:
		return "VACCEL_OP_IMAGE_SEGMENT";
	case VACCEL_OP_IMAGE_POSE:
		return "VACCEL_OP_IMAGE_POSE";
	case VACCEL_OP_IMAGE_DEPTH:
		return "VACCEL_OP_IMAGE_DEPTH";
	case VACCEL_OP_TF_MODEL_LOAD:
		return "VACCEL_OP_TF_MODEL_LOAD";
	case VACCEL_OP_TF_MODEL_UNLOAD:
		return "VACCEL_OP_TF_MODEL_UNLOAD";
	case VACCEL_OP_TF_MODEL_RUN:
		return "VACCEL_OP_TF_MODEL_RUN";
	case VACCEL_OP_TFLITE_MODEL_LOAD:
		return "VACCEL_OP_TFLITE_MODEL_LOAD";
	case VACCEL_OP_TFLITE_MODEL_UNLOAD:
		return "VACCEL_OP_TFLITE_MODEL_UNLOAD";
	case VACCEL_OP_TFLITE_MODEL_RUN:
		return "VACCEL_OP_TFLITE_MODEL_RUN";
	case VACCEL_OP_TORCH_MODEL_LOAD:
		return "VACCEL_OP_TORCH_MODEL_LOAD";
	case VACCEL_OP_TORCH_MODEL_RUN:
		return "VACCEL_OP_TORCH_MODEL_RUN";
	case VACCEL_OP_TORCH_SGEMM:
		return "VACCEL_OP_TORCH_SGEMM";
	case VACCEL_OP_BLAS_SGEMM:
		return "VACCEL_OP_BLAS_SGEMM";
	case VACCEL_OP_FPGA_ARRAYCOPY:
		return "VACCEL_OP_FPGA_ARRAYCOPY";
	case VACCEL_OP_FPGA_MMULT:
		return "VACCEL_OP_FPGA_MMULT";
	case VACCEL_OP_FPGA_PARALLEL:
		return "VACCEL_OP_FPGA_PARALLEL";
	case VACCEL_OP_FPGA_VECTORADD:
		return "VACCEL_OP_FPGA_VECTORADD";
	case VACCEL_OP_MINMAX:
		return "VACCEL_OP_MINMAX";
	case VACCEL_OP_OPENCV:
		return "VACCEL_OP_OPENCV";
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
		{ "NOOP", VACCEL_OP_NOOP },
		{ "EXEC", VACCEL_OP_EXEC },
		{ "EXEC_WITH_RESOURCE", VACCEL_OP_EXEC_WITH_RESOURCE },
		{ "IMAGE_CLASSIFY", VACCEL_OP_IMAGE_CLASSIFY },
		{ "IMAGE_DETECT", VACCEL_OP_IMAGE_DETECT },
		{ "IMAGE_SEGMENT", VACCEL_OP_IMAGE_SEGMENT },
		{ "IMAGE_POSE", VACCEL_OP_IMAGE_POSE },
		{ "IMAGE_DEPTH", VACCEL_OP_IMAGE_DEPTH },
		{ "TF_MODEL_LOAD", VACCEL_OP_TF_MODEL_LOAD },
		{ "TF_MODEL_UNLOAD", VACCEL_OP_TF_MODEL_UNLOAD },
		{ "TF_MODEL_RUN", VACCEL_OP_TF_MODEL_RUN },
		{ "TFLITE_MODEL_LOAD", VACCEL_OP_TFLITE_MODEL_LOAD },
		{ "TFLITE_MODEL_UNLOAD", VACCEL_OP_TFLITE_MODEL_UNLOAD },
		{ "TFLITE_MODEL_RUN", VACCEL_OP_TFLITE_MODEL_RUN },
		{ "TORCH_MODEL_LOAD", VACCEL_OP_TORCH_MODEL_LOAD },
		{ "TORCH_MODEL_RUN", VACCEL_OP_TORCH_MODEL_RUN },
		{ "TORCH_SGEMM", VACCEL_OP_TORCH_SGEMM },
		{ "BLAS_SGEMM", VACCEL_OP_BLAS_SGEMM },
		{ "FPGA_ARRAYCOPY", VACCEL_OP_FPGA_ARRAYCOPY },
		{ "FPGA_MMULT", VACCEL_OP_FPGA_MMULT },
		{ "FPGA_PARALLEL", VACCEL_OP_FPGA_PARALLEL },
		{ "FPGA_VECTORADD", VACCEL_OP_FPGA_VECTORADD },
		{ "MINMAX", VACCEL_OP_MINMAX },
		{ "OPENCV", VACCEL_OP_OPENCV },
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

/* ==== c/src/gen/op_api.c ==== */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
/*
 * The public op functions: each hands pointers to its parameters to
 * vaccel_op_invoke(), which validates them against the op's descriptor
 * and dispatches to a plugin.
 */

#include "vaccel/ops/noop.h"
#include "vaccel/ops/exec.h"
#include "vaccel/ops/image.h"
#include "vaccel/ops/tf.h"
#include "vaccel/ops/tflite.h"
#include "vaccel/ops/torch.h"
#include "vaccel/ops/blas.h"
#include "vaccel/ops/fpga.h"
#include "vaccel/ops/minmax.h"
#include "vaccel/ops/genop.h"
#include "vaccel/ops/opencv.h"

int vaccel_noop(struct vaccel_session *sess)
{
	void *argv[] = { (void *)&sess };

	return vaccel_op_invoke(VACCEL_OP_NOOP, argv);
}

int vaccel_exec(struct vaccel_session *sess, const char *library, const char *fn_symbol, struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write)
{
	void *argv[] = { (void *)&sess, (void *)&library, (void *)&fn_symbol, (void *)&read, (void *)&nr_read, (void *)&write, (void *)&nr_write };

	return vaccel_op_invoke(VACCEL_OP_EXEC, argv);
}

int vaccel_exec_with_resource(struct vaccel_session *sess, struct vaccel_resource *resource, const char *fn_symbol, struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write)
{
	void *argv[] = { (void *)&sess, (void *)&resource, (void *)&fn_symbol, (void *)&read, (void *)&nr_read, (void *)&write, (void *)&nr_write };

	return vaccel_op_invoke(VACCEL_OP_EXEC_WITH_RESOURCE, argv);
}

int vaccel_image_classification(struct vaccel_session *sess, const void *img, unsigned char *out_text, unsigned char *out_imgname, size_t len_img, size_t len_out_text, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_text, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_text, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_CLASSIFY, argv);
}

int vaccel_image_detection(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_DETECT, argv);
}

int vaccel_image_segmentation(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_SEGMENT, argv);
}

int vaccel_image_pose(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_POSE, argv);
}

int vaccel_image_depth(struct vaccel_session *sess, const void *img, unsigned char *out_imgname, size_t len_img, size_t len_out_imgname)
{
	void *argv[] = { (void *)&sess, (void *)&img, (void *)&out_imgname, (void *)&len_img, (void *)&len_out_imgname };

	return vaccel_op_invoke(VACCEL_OP_IMAGE_DEPTH, argv);
}

int vaccel_tf_model_load(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tf_status *status)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&status };

	return vaccel_op_invoke(VACCEL_OP_TF_MODEL_LOAD, argv);
}

int vaccel_tf_model_unload(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tf_status *status)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&status };

	return vaccel_op_invoke(VACCEL_OP_TF_MODEL_UNLOAD, argv);
}

int vaccel_tf_model_run(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_tf_buffer *run_options, const struct vaccel_tf_node *in_nodes, struct vaccel_tf_tensor *const *in_tensors, int nr_inputs, const struct vaccel_tf_node *out_nodes, struct vaccel_tf_tensor **out_tensors, int nr_outputs, struct vaccel_tf_status *status)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&run_options, (void *)&in_nodes, (void *)&in_tensors, (void *)&nr_inputs, (void *)&out_nodes, (void *)&out_tensors, (void *)&nr_outputs, (void *)&status };

	return vaccel_op_invoke(VACCEL_OP_TF_MODEL_RUN, argv);
}

int vaccel_tflite_model_load(struct vaccel_session *sess, struct vaccel_resource *model)
{
	void *argv[] = { (void *)&sess, (void *)&model };

	return vaccel_op_invoke(VACCEL_OP_TFLITE_MODEL_LOAD, argv);
}

int vaccel_tflite_model_unload(struct vaccel_session *sess, struct vaccel_resource *model)
{
	void *argv[] = { (void *)&sess, (void *)&model };

	return vaccel_op_invoke(VACCEL_OP_TFLITE_MODEL_UNLOAD, argv);
}

int vaccel_tflite_model_run(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tflite_tensor *const *inputs, int nr_inputs, struct vaccel_tflite_tensor **outputs, int nr_outputs, uint8_t *status)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&inputs, (void *)&nr_inputs, (void *)&outputs, (void *)&nr_outputs, (void *)&status };

	return vaccel_op_invoke(VACCEL_OP_TFLITE_MODEL_RUN, argv);
}

int vaccel_torch_model_load(struct vaccel_session *sess, struct vaccel_resource *model)
{
	void *argv[] = { (void *)&sess, (void *)&model };

	return vaccel_op_invoke(VACCEL_OP_TORCH_MODEL_LOAD, argv);
}

int vaccel_torch_model_run(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_torch_buffer *run_options, struct vaccel_torch_tensor *const *inputs, int nr_inputs, struct vaccel_torch_tensor **outputs, int nr_outputs)
{
	void *argv[] = { (void *)&sess, (void *)&model, (void *)&run_options, (void *)&inputs, (void *)&nr_inputs, (void *)&outputs, (void *)&nr_outputs };

	return vaccel_op_invoke(VACCEL_OP_TORCH_MODEL_RUN, argv);
}

int vaccel_torch_sgemm(struct vaccel_session *sess, struct vaccel_torch_tensor **in_A, struct vaccel_torch_tensor **in_B, struct vaccel_torch_tensor **in_C, int M, int N, int K, struct vaccel_torch_tensor **out)
{
	void *argv[] = { (void *)&sess, (void *)&in_A, (void *)&in_B, (void *)&in_C, (void *)&M, (void *)&N, (void *)&K, (void *)&out };

	return vaccel_op_invoke(VACCEL_OP_TORCH_SGEMM, argv);
}

int vaccel_sgemm(struct vaccel_session *sess, int64_t m, int64_t n, int64_t k, float alpha, float *a, int64_t lda, float *b, int64_t ldb, float beta, float *c, int64_t ldc)
{
	void *argv[] = { (void *)&sess, (void *)&m, (void *)&n, (void *)&k, (void *)&alpha, (void *)&a, (void *)&lda, (void *)&b, (void *)&ldb, (void *)&beta, (void *)&c, (void *)&ldc };

	return vaccel_op_invoke(VACCEL_OP_BLAS_SGEMM, argv);
}

int vaccel_fpga_arraycopy(struct vaccel_session *sess, int *a, int *out_a, size_t len_a)
{
	void *argv[] = { (void *)&sess, (void *)&a, (void *)&out_a, (void *)&len_a };

	return vaccel_op_invoke(VACCEL_OP_FPGA_ARRAYCOPY, argv);
}

int vaccel_fpga_mmult(struct vaccel_session *sess, float *a, float *b, float *c, size_t len_a)
{
	void *argv[] = { (void *)&sess, (void *)&a, (void *)&b, (void *)&c, (void *)&len_a };

	return vaccel_op_invoke(VACCEL_OP_FPGA_MMULT, argv);
}

int vaccel_fpga_parallel(struct vaccel_session *sess, float *a, float *b, float *add_output, float *mult_output, size_t len_a)
{
	void *argv[] = { (void *)&sess, (void *)&a, (void *)&b, (void *)&add_output, (void *)&mult_output, (void *)&len_a };

	return vaccel_op_invoke(VACCEL_OP_FPGA_PARALLEL, argv);
}

int vaccel_fpga_vadd(struct vaccel_session *sess, float *a, float *b, float *c, size_t len_a, size_t len_b)
{
	void *argv[] = { (void *)&sess, (void *)&a, (void *)&b, (void *)&c, (void *)&len_a, (void *)&len_b };

	return vaccel_op_invoke(VACCEL_OP_FPGA_VECTORADD, argv);
}

int vaccel_minmax(struct vaccel_session *sess, const double *indata, int ndata, int low_threshold, int high_threshold, double *outdata, double *min, double *max)
{
	void *argv[] = { (void *)&sess, (void *)&indata, (void *)&ndata, (void *)&low_threshold, (void *)&high_threshold, (void *)&outdata, (void *)&min, (void *)&max };

	return vaccel_op_invoke(VACCEL_OP_MINMAX, argv);
}

int vaccel_opencv_unpack(struct vaccel_session *sess, struct vaccel_arg *read, int nr_read, struct vaccel_arg *write, int nr_write)
{
	void *argv[] = { (void *)&sess, (void *)&read, (void *)&nr_read, (void *)&write, (void *)&nr_write };

	return vaccel_op_invoke(VACCEL_OP_OPENCV, argv);
}

int vaccel_torch_jitload_forward(struct vaccel_session *sess, const struct vaccel_resource *model, const struct vaccel_torch_buffer *run_options, struct vaccel_torch_tensor **in_tensor, int nr_read, struct vaccel_torch_tensor **out_tensor, int nr_write)
{
	return vaccel_torch_model_run(sess, (struct vaccel_resource *)model, run_options, (struct vaccel_torch_tensor *const *)in_tensor, nr_read, out_tensor, nr_write);
}

/* ==== c/src/gen/op_descriptors.c ==== */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
/*
 * One descriptor per op: its parameters in C order with kind, direction,
 * element type and size, and which parameters count which arrays. The
 * core validates and dispatches from these, genop unpacks with them and
 * transports marshal with them. call_<op> is the only typed code.
 */

#include "vaccel/op_desc.h"
#include "vaccel/plugin_ops.h"

#include <stddef.h>

static int call_noop(void *fn, void **argv)
{
	return ((vaccel_op_noop_fn)fn)(
		*(struct vaccel_session **)argv[0]);
}

static const struct vaccel_param_desc params_noop[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_noop = {
	.id = VACCEL_OP_NOOP,
	.name = "noop",
	.fn_name = "vaccel_noop",
	.nr_params = sizeof(params_noop) / sizeof(params_noop[0]),
	.params = params_noop,
	.call = call_noop,
	.since = "0.1",
	.sig_hash = 0x9c809981u,
};

static int call_exec(void *fn, void **argv)
{
	return ((vaccel_op_exec_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const char **)argv[1],
		*(const char **)argv[2],
		*(struct vaccel_arg **)argv[3],
		*(size_t *)argv[4],
		*(struct vaccel_arg **)argv[5],
		*(size_t *)argv[6]);
}

static const struct vaccel_param_desc params_exec[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "library", .kind = VACCEL_PARAM_STRING, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "fn_symbol", .kind = VACCEL_PARAM_STRING, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "read", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_read", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "write", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_INOUT, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_write", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_exec = {
	.id = VACCEL_OP_EXEC,
	.name = "exec",
	.fn_name = "vaccel_exec",
	.nr_params = sizeof(params_exec) / sizeof(params_exec[0]),
	.params = params_exec,
	.call = call_exec,
	.since = "0.1",
	.sig_hash = 0x74bb3ffbu,
};

static int call_exec_with_resource(void *fn, void **argv)
{
	return ((vaccel_op_exec_with_resource_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(const char **)argv[2],
		*(struct vaccel_arg **)argv[3],
		*(size_t *)argv[4],
		*(struct vaccel_arg **)argv[5],
		*(size_t *)argv[6]);
}

static const struct vaccel_param_desc params_exec_with_resource[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "resource", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_LIB },
	{ .name = "fn_symbol", .kind = VACCEL_PARAM_STRING, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "read", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_read", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "write", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_INOUT, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_write", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_exec_with_resource = {
	.id = VACCEL_OP_EXEC_WITH_RESOURCE,
	.name = "exec_with_resource",
	.fn_name = "vaccel_exec_with_resource",
	.nr_params = sizeof(params_exec_with_resource) / sizeof(params_exec_with_resource[0]),
	.params = params_exec_with_resource,
	.call = call_exec_with_resource,
	.since = "0.1",
	.sig_hash = 0x3a8251b6u,
};

static int call_image_classify(void *fn, void **argv)
{
	return ((vaccel_op_image_classify_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(unsigned char **)argv[3],
		*(size_t *)argv[4],
		*(size_t *)argv[5],
		*(size_t *)argv[6]);
}

static const struct vaccel_param_desc params_image_classify[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_text", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_text", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_classify = {
	.id = VACCEL_OP_IMAGE_CLASSIFY,
	.name = "image_classify",
	.fn_name = "vaccel_image_classification",
	.nr_params = sizeof(params_image_classify) / sizeof(params_image_classify[0]),
	.params = params_image_classify,
	.call = call_image_classify,
	.since = "0.1",
	.sig_hash = 0xca6f2eceu,
};

static int call_image_detect(void *fn, void **argv)
{
	return ((vaccel_op_image_detect_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(size_t *)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_image_detect[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_detect = {
	.id = VACCEL_OP_IMAGE_DETECT,
	.name = "image_detect",
	.fn_name = "vaccel_image_detection",
	.nr_params = sizeof(params_image_detect) / sizeof(params_image_detect[0]),
	.params = params_image_detect,
	.call = call_image_detect,
	.since = "0.1",
	.sig_hash = 0xca983a3fu,
};

static int call_image_segment(void *fn, void **argv)
{
	return ((vaccel_op_image_segment_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(size_t *)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_image_segment[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_segment = {
	.id = VACCEL_OP_IMAGE_SEGMENT,
	.name = "image_segment",
	.fn_name = "vaccel_image_segmentation",
	.nr_params = sizeof(params_image_segment) / sizeof(params_image_segment[0]),
	.params = params_image_segment,
	.call = call_image_segment,
	.since = "0.1",
	.sig_hash = 0xaea1489cu,
};

static int call_image_pose(void *fn, void **argv)
{
	return ((vaccel_op_image_pose_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(size_t *)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_image_pose[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_pose = {
	.id = VACCEL_OP_IMAGE_POSE,
	.name = "image_pose",
	.fn_name = "vaccel_image_pose",
	.nr_params = sizeof(params_image_pose) / sizeof(params_image_pose[0]),
	.params = params_image_pose,
	.call = call_image_pose,
	.since = "0.1",
	.sig_hash = 0x6ad9c6d7u,
};

static int call_image_depth(void *fn, void **argv)
{
	return ((vaccel_op_image_depth_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const void **)argv[1],
		*(unsigned char **)argv[2],
		*(size_t *)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_image_depth[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "img", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_PARAM_CONST, .elem_size = 1, .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_imgname", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_UCHAR, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_TEXT, .elem_size = sizeof(unsigned char), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_img", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_out_imgname", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_image_depth = {
	.id = VACCEL_OP_IMAGE_DEPTH,
	.name = "image_depth",
	.fn_name = "vaccel_image_depth",
	.nr_params = sizeof(params_image_depth) / sizeof(params_image_depth[0]),
	.params = params_image_depth,
	.call = call_image_depth,
	.since = "0.1",
	.sig_hash = 0x5b3543aeu,
};

static int call_tf_model_load(void *fn, void **argv)
{
	return ((vaccel_op_tf_model_load_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(struct vaccel_tf_status **)argv[2]);
}

static const struct vaccel_param_desc params_tf_model_load[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "status", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_STATUS, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(struct vaccel_tf_status), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_tf_model_load = {
	.id = VACCEL_OP_TF_MODEL_LOAD,
	.name = "tf_model_load",
	.fn_name = "vaccel_tf_model_load",
	.nr_params = sizeof(params_tf_model_load) / sizeof(params_tf_model_load[0]),
	.params = params_tf_model_load,
	.call = call_tf_model_load,
	.since = "0.1",
	.sig_hash = 0x2ee5535au,
};

static int call_tf_model_unload(void *fn, void **argv)
{
	return ((vaccel_op_tf_model_unload_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(struct vaccel_tf_status **)argv[2]);
}

static const struct vaccel_param_desc params_tf_model_unload[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "status", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_STATUS, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(struct vaccel_tf_status), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_tf_model_unload = {
	.id = VACCEL_OP_TF_MODEL_UNLOAD,
	.name = "tf_model_unload",
	.fn_name = "vaccel_tf_model_unload",
	.nr_params = sizeof(params_tf_model_unload) / sizeof(params_tf_model_unload[0]),
	.params = params_tf_model_unload,
	.call = call_tf_model_unload,
	.since = "0.1",
	.sig_hash = 0x98a2f0f2u,
};

static int call_tf_model_run(void *fn, void **argv)
{
	return ((vaccel_op_tf_model_run_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(const struct vaccel_tf_buffer **)argv[2],
		*(const struct vaccel_tf_node **)argv[3],
		*(struct vaccel_tf_tensor *const **)argv[4],
		*(int *)argv[5],
		*(const struct vaccel_tf_node **)argv[6],
		*(struct vaccel_tf_tensor ***)argv[7],
		*(int *)argv[8],
		*(struct vaccel_tf_status **)argv[9]);
}

static const struct vaccel_param_desc params_tf_model_run[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "run_options", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_BUFFER, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_CONST, .elem_size = sizeof(struct vaccel_tf_buffer), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "in_nodes", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_NODE, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(struct vaccel_tf_node), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "in_tensors", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_TENSOR, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(void *), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_inputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_nodes", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TF_NODE, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(struct vaccel_tf_node), .count = { 8, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_tensors", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_TENSOR, .flags = VACCEL_PARAM_CALLEE_OWNED, .elem_size = sizeof(void *), .count = { 8, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_outputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "status", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TF_STATUS, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(struct vaccel_tf_status), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_tf_model_run = {
	.id = VACCEL_OP_TF_MODEL_RUN,
	.name = "tf_model_run",
	.fn_name = "vaccel_tf_model_run",
	.nr_params = sizeof(params_tf_model_run) / sizeof(params_tf_model_run[0]),
	.params = params_tf_model_run,
	.call = call_tf_model_run,
	.since = "0.1",
	.sig_hash = 0xdab48633u,
};

static int call_tflite_model_load(void *fn, void **argv)
{
	return ((vaccel_op_tflite_model_load_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1]);
}

static const struct vaccel_param_desc params_tflite_model_load[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
};

static const struct vaccel_op_desc desc_tflite_model_load = {
	.id = VACCEL_OP_TFLITE_MODEL_LOAD,
	.name = "tflite_model_load",
	.fn_name = "vaccel_tflite_model_load",
	.nr_params = sizeof(params_tflite_model_load) / sizeof(params_tflite_model_load[0]),
	.params = params_tflite_model_load,
	.call = call_tflite_model_load,
	.since = "0.1",
	.sig_hash = 0x6aa02855u,
};

static int call_tflite_model_unload(void *fn, void **argv)
{
	return ((vaccel_op_tflite_model_unload_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1]);
}

static const struct vaccel_param_desc params_tflite_model_unload[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
};

static const struct vaccel_op_desc desc_tflite_model_unload = {
	.id = VACCEL_OP_TFLITE_MODEL_UNLOAD,
	.name = "tflite_model_unload",
	.fn_name = "vaccel_tflite_model_unload",
	.nr_params = sizeof(params_tflite_model_unload) / sizeof(params_tflite_model_unload[0]),
	.params = params_tflite_model_unload,
	.call = call_tflite_model_unload,
	.since = "0.1",
	.sig_hash = 0xa8728afbu,
};

static int call_tflite_model_run(void *fn, void **argv)
{
	return ((vaccel_op_tflite_model_run_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(struct vaccel_tflite_tensor *const **)argv[2],
		*(int *)argv[3],
		*(struct vaccel_tflite_tensor ***)argv[4],
		*(int *)argv[5],
		*(uint8_t **)argv[6]);
}

static const struct vaccel_param_desc params_tflite_model_run[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "inputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TFLITE_TENSOR, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(void *), .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_inputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "outputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TFLITE_TENSOR, .flags = VACCEL_PARAM_CALLEE_OWNED, .elem_size = sizeof(void *), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_outputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "status", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_U8, .flags = VACCEL_PARAM_NULLABLE, .elem_size = sizeof(uint8_t), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_tflite_model_run = {
	.id = VACCEL_OP_TFLITE_MODEL_RUN,
	.name = "tflite_model_run",
	.fn_name = "vaccel_tflite_model_run",
	.nr_params = sizeof(params_tflite_model_run) / sizeof(params_tflite_model_run[0]),
	.params = params_tflite_model_run,
	.call = call_tflite_model_run,
	.since = "0.1",
	.sig_hash = 0x683d7e08u,
};

static int call_torch_model_load(void *fn, void **argv)
{
	return ((vaccel_op_torch_model_load_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1]);
}

static const struct vaccel_param_desc params_torch_model_load[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
};

static const struct vaccel_op_desc desc_torch_model_load = {
	.id = VACCEL_OP_TORCH_MODEL_LOAD,
	.name = "torch_model_load",
	.fn_name = "vaccel_torch_model_load",
	.nr_params = sizeof(params_torch_model_load) / sizeof(params_torch_model_load[0]),
	.params = params_torch_model_load,
	.call = call_torch_model_load,
	.since = "0.1",
	.sig_hash = 0x17c01084u,
};

static int call_torch_model_run(void *fn, void **argv)
{
	return ((vaccel_op_torch_model_run_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_resource **)argv[1],
		*(const struct vaccel_torch_buffer **)argv[2],
		*(struct vaccel_torch_tensor *const **)argv[3],
		*(int *)argv[4],
		*(struct vaccel_torch_tensor ***)argv[5],
		*(int *)argv[6]);
}

static const struct vaccel_param_desc params_torch_model_run[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "model", .kind = VACCEL_PARAM_RESOURCE, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_RESOURCE, .flags = 0, .elem_size = sizeof(struct vaccel_resource), .count = { -1, -1 }, .count_const = 0, .resource_type = VACCEL_RESOURCE_MODEL },
	{ .name = "run_options", .kind = VACCEL_PARAM_STRUCT, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_BUFFER, .flags = VACCEL_PARAM_NULLABLE | VACCEL_PARAM_CONST, .elem_size = sizeof(struct vaccel_torch_buffer), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "inputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(void *), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_inputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "outputs", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = VACCEL_PARAM_CALLEE_OWNED, .elem_size = sizeof(void *), .count = { 6, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_outputs", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_torch_model_run = {
	.id = VACCEL_OP_TORCH_MODEL_RUN,
	.name = "torch_model_run",
	.fn_name = "vaccel_torch_model_run",
	.nr_params = sizeof(params_torch_model_run) / sizeof(params_torch_model_run[0]),
	.params = params_torch_model_run,
	.call = call_torch_model_run,
	.since = "0.1",
	.sig_hash = 0x81c065dfu,
};

static int call_torch_sgemm(void *fn, void **argv)
{
	return ((vaccel_op_torch_sgemm_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_torch_tensor ***)argv[1],
		*(struct vaccel_torch_tensor ***)argv[2],
		*(struct vaccel_torch_tensor ***)argv[3],
		*(int *)argv[4],
		*(int *)argv[5],
		*(int *)argv[6],
		*(struct vaccel_torch_tensor ***)argv[7]);
}

static const struct vaccel_param_desc params_torch_sgemm[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "in_A", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = 0, .elem_size = sizeof(void *), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "in_B", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = 0, .elem_size = sizeof(void *), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "in_C", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = 0, .elem_size = sizeof(void *), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "M", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "N", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "K", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out", .kind = VACCEL_PARAM_STRUCT_PTRS, .dir = VACCEL_PARAM_OUT, .type = VACCEL_STRUCT_TORCH_TENSOR, .flags = VACCEL_PARAM_CALLEE_OWNED, .elem_size = sizeof(void *), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_torch_sgemm = {
	.id = VACCEL_OP_TORCH_SGEMM,
	.name = "torch_sgemm",
	.fn_name = "vaccel_torch_sgemm",
	.nr_params = sizeof(params_torch_sgemm) / sizeof(params_torch_sgemm[0]),
	.params = params_torch_sgemm,
	.call = call_torch_sgemm,
	.since = "0.1",
	.sig_hash = 0xc842b191u,
};

static int call_blas_sgemm(void *fn, void **argv)
{
	return ((vaccel_op_blas_sgemm_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(int64_t *)argv[1],
		*(int64_t *)argv[2],
		*(int64_t *)argv[3],
		*(float *)argv[4],
		*(float **)argv[5],
		*(int64_t *)argv[6],
		*(float **)argv[7],
		*(int64_t *)argv[8],
		*(float *)argv[9],
		*(float **)argv[10],
		*(int64_t *)argv[11]);
}

static const struct vaccel_param_desc params_blas_sgemm[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "m", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "n", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "k", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "alpha", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 6, 3 }, .count_const = 0, .resource_type = -1 },
	{ .name = "lda", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "b", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 8, 2 }, .count_const = 0, .resource_type = -1 },
	{ .name = "ldb", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "beta", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "c", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_INOUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 11, 2 }, .count_const = 0, .resource_type = -1 },
	{ .name = "ldc", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(int64_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_blas_sgemm = {
	.id = VACCEL_OP_BLAS_SGEMM,
	.name = "blas_sgemm",
	.fn_name = "vaccel_sgemm",
	.nr_params = sizeof(params_blas_sgemm) / sizeof(params_blas_sgemm[0]),
	.params = params_blas_sgemm,
	.call = call_blas_sgemm,
	.since = "0.1",
	.sig_hash = 0x78005d79u,
};

static int call_fpga_arraycopy(void *fn, void **argv)
{
	return ((vaccel_op_fpga_arraycopy_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(int **)argv[1],
		*(int **)argv[2],
		*(size_t *)argv[3]);
}

static const struct vaccel_param_desc params_fpga_arraycopy[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "out_a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { 3, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_a", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_fpga_arraycopy = {
	.id = VACCEL_OP_FPGA_ARRAYCOPY,
	.name = "fpga_arraycopy",
	.fn_name = "vaccel_fpga_arraycopy",
	.nr_params = sizeof(params_fpga_arraycopy) / sizeof(params_fpga_arraycopy[0]),
	.params = params_fpga_arraycopy,
	.call = call_fpga_arraycopy,
	.since = "0.1",
	.sig_hash = 0x981c295du,
};

static int call_fpga_mmult(void *fn, void **argv)
{
	return ((vaccel_op_fpga_mmult_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(float **)argv[1],
		*(float **)argv[2],
		*(float **)argv[3],
		*(size_t *)argv[4]);
}

static const struct vaccel_param_desc params_fpga_mmult[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "b", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "c", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_a", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_fpga_mmult = {
	.id = VACCEL_OP_FPGA_MMULT,
	.name = "fpga_mmult",
	.fn_name = "vaccel_fpga_mmult",
	.nr_params = sizeof(params_fpga_mmult) / sizeof(params_fpga_mmult[0]),
	.params = params_fpga_mmult,
	.call = call_fpga_mmult,
	.since = "0.1",
	.sig_hash = 0x8357c5cdu,
};

static int call_fpga_parallel(void *fn, void **argv)
{
	return ((vaccel_op_fpga_parallel_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(float **)argv[1],
		*(float **)argv[2],
		*(float **)argv[3],
		*(float **)argv[4],
		*(size_t *)argv[5]);
}

static const struct vaccel_param_desc params_fpga_parallel[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "b", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "add_output", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "mult_output", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_a", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_fpga_parallel = {
	.id = VACCEL_OP_FPGA_PARALLEL,
	.name = "fpga_parallel",
	.fn_name = "vaccel_fpga_parallel",
	.nr_params = sizeof(params_fpga_parallel) / sizeof(params_fpga_parallel[0]),
	.params = params_fpga_parallel,
	.call = call_fpga_parallel,
	.since = "0.1",
	.sig_hash = 0x1b6a9528u,
};

static int call_fpga_vectoradd(void *fn, void **argv)
{
	return ((vaccel_op_fpga_vectoradd_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(float **)argv[1],
		*(float **)argv[2],
		*(float **)argv[3],
		*(size_t *)argv[4],
		*(size_t *)argv[5]);
}

static const struct vaccel_param_desc params_fpga_vectoradd[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "a", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "b", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 5, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "c", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F32, .flags = 0, .elem_size = sizeof(float), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_a", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "len_b", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_SIZE, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(size_t), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_fpga_vectoradd = {
	.id = VACCEL_OP_FPGA_VECTORADD,
	.name = "fpga_vectoradd",
	.fn_name = "vaccel_fpga_vadd",
	.nr_params = sizeof(params_fpga_vectoradd) / sizeof(params_fpga_vectoradd[0]),
	.params = params_fpga_vectoradd,
	.call = call_fpga_vectoradd,
	.since = "0.1",
	.sig_hash = 0x66425401u,
};

static int call_minmax(void *fn, void **argv)
{
	return ((vaccel_op_minmax_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(const double **)argv[1],
		*(int *)argv[2],
		*(int *)argv[3],
		*(int *)argv[4],
		*(double **)argv[5],
		*(double **)argv[6],
		*(double **)argv[7]);
}

static const struct vaccel_param_desc params_minmax[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "indata", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_F64, .flags = VACCEL_PARAM_CONST, .elem_size = sizeof(double), .count = { 2, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "ndata", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "low_threshold", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "high_threshold", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "outdata", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F64, .flags = 0, .elem_size = sizeof(double), .count = { 2, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "min", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F64, .flags = 0, .elem_size = sizeof(double), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
	{ .name = "max", .kind = VACCEL_PARAM_BUFFER, .dir = VACCEL_PARAM_OUT, .type = VACCEL_SCALAR_F64, .flags = 0, .elem_size = sizeof(double), .count = { -1, -1 }, .count_const = 1, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_minmax = {
	.id = VACCEL_OP_MINMAX,
	.name = "minmax",
	.fn_name = "vaccel_minmax",
	.nr_params = sizeof(params_minmax) / sizeof(params_minmax[0]),
	.params = params_minmax,
	.call = call_minmax,
	.since = "0.1",
	.sig_hash = 0xed74fd76u,
};

static int call_opencv(void *fn, void **argv)
{
	return ((vaccel_op_opencv_fn)fn)(
		*(struct vaccel_session **)argv[0],
		*(struct vaccel_arg **)argv[1],
		*(int *)argv[2],
		*(struct vaccel_arg **)argv[3],
		*(int *)argv[4]);
}

static const struct vaccel_param_desc params_opencv[] = {
	{ .name = "sess", .kind = VACCEL_PARAM_SESSION, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_SESSION, .flags = 0, .elem_size = sizeof(struct vaccel_session), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "read", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_IN, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 2, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_read", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "write", .kind = VACCEL_PARAM_ARGS, .dir = VACCEL_PARAM_INOUT, .type = VACCEL_STRUCT_ARG, .flags = 0, .elem_size = sizeof(struct vaccel_arg), .count = { 4, -1 }, .count_const = 0, .resource_type = -1 },
	{ .name = "nr_write", .kind = VACCEL_PARAM_SCALAR, .dir = VACCEL_PARAM_IN, .type = VACCEL_SCALAR_INT, .flags = VACCEL_PARAM_DERIVED, .elem_size = sizeof(int), .count = { -1, -1 }, .count_const = 0, .resource_type = -1 },
};

static const struct vaccel_op_desc desc_opencv = {
	.id = VACCEL_OP_OPENCV,
	.name = "opencv",
	.fn_name = "vaccel_opencv_unpack",
	.nr_params = sizeof(params_opencv) / sizeof(params_opencv[0]),
	.params = params_opencv,
	.call = call_opencv,
	.since = "0.1",
	.sig_hash = 0x4b35f6bbu,
};

const struct vaccel_op_desc *const vaccel_op_descs[VACCEL_OP_MAX] = {
	[VACCEL_OP_NOOP] = &desc_noop,
	[VACCEL_OP_EXEC] = &desc_exec,
	[VACCEL_OP_EXEC_WITH_RESOURCE] = &desc_exec_with_resource,
	[VACCEL_OP_IMAGE_CLASSIFY] = &desc_image_classify,
	[VACCEL_OP_IMAGE_DETECT] = &desc_image_detect,
	[VACCEL_OP_IMAGE_SEGMENT] = &desc_image_segment,
	[VACCEL_OP_IMAGE_POSE] = &desc_image_pose,
	[VACCEL_OP_IMAGE_DEPTH] = &desc_image_depth,
	[VACCEL_OP_TF_MODEL_LOAD] = &desc_tf_model_load,
	[VACCEL_OP_TF_MODEL_UNLOAD] = &desc_tf_model_unload,
	[VACCEL_OP_TF_MODEL_RUN] = &desc_tf_model_run,
	[VACCEL_OP_TFLITE_MODEL_LOAD] = &desc_tflite_model_load,
	[VACCEL_OP_TFLITE_MODEL_UNLOAD] = &desc_tflite_model_unload,
	[VACCEL_OP_TFLITE_MODEL_RUN] = &desc_tflite_model_run,
	[VACCEL_OP_TORCH_MODEL_LOAD] = &desc_torch_model_load,
	[VACCEL_OP_TORCH_MODEL_RUN] = &desc_torch_model_run,
	[VACCEL_OP_TORCH_SGEMM] = &desc_torch_sgemm,
	[VACCEL_OP_BLAS_SGEMM] = &desc_blas_sgemm,
	[VACCEL_OP_FPGA_ARRAYCOPY] = &desc_fpga_arraycopy,
	[VACCEL_OP_FPGA_MMULT] = &desc_fpga_mmult,
	[VACCEL_OP_FPGA_PARALLEL] = &desc_fpga_parallel,
	[VACCEL_OP_FPGA_VECTORADD] = &desc_fpga_vectoradd,
	[VACCEL_OP_MINMAX] = &desc_minmax,
	[VACCEL_OP_OPENCV] = &desc_opencv,
};

/* ==== c/src/gen/struct_descriptors.c ==== */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
/*
 * One descriptor per struct that ops take: each field's offset, kind,
 * element type and size, the field counting it and what owns it. The
 * wire marshaller walks these; nothing hand-codes a struct.
 */

#include "vaccel/op_desc.h"
#include "vaccel/arg.h"
#include "vaccel/structs.h"
#include "vaccel/tf_types.h"
#include "vaccel/tflite_types.h"
#include "vaccel/torch_types.h"

#include <stddef.h>

static const struct vaccel_field_desc fields_arg[] = {
	{ .name = "buf", .offset = offsetof(struct vaccel_arg, buf), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = 4 },
	{ .name = "size", .offset = offsetof(struct vaccel_arg, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_arg *)0)->size), .count_field = -1, .owner_field = -1 },
	{ .name = "type", .offset = offsetof(struct vaccel_arg, type), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_ENUM, .flags = 0, .elem_size = sizeof(((struct vaccel_arg *)0)->type), .count_field = -1, .owner_field = -1 },
	{ .name = "custom_type_id", .offset = offsetof(struct vaccel_arg, custom_type_id), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_U32, .flags = 0, .elem_size = sizeof(((struct vaccel_arg *)0)->custom_type_id), .count_field = -1, .owner_field = -1 },
	{ .name = "owned", .offset = offsetof(struct vaccel_arg, owned), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_BOOL, .flags = VACCEL_FIELD_LOCAL, .elem_size = sizeof(((struct vaccel_arg *)0)->owned), .count_field = -1, .owner_field = -1 },
};

static int release_arg(void *obj)
{
	return vaccel_arg_release(obj);
}

static int delete_arg(void *obj)
{
	return vaccel_arg_delete(obj);
}

static const struct vaccel_struct_desc desc_arg = {
	.type = VACCEL_STRUCT_ARG,
	.name = "arg",
	.size = sizeof(struct vaccel_arg),
	.nr_fields = sizeof(fields_arg) / sizeof(fields_arg[0]),
	.fields = fields_arg,
	.release = release_arg,
	.destroy = delete_arg,
};

static const struct vaccel_field_desc fields_torch_tensor[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_torch_tensor, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = 2 },
	{ .name = "size", .offset = offsetof(struct vaccel_torch_tensor, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_torch_tensor *)0)->size), .count_field = -1, .owner_field = -1 },
	{ .name = "owned", .offset = offsetof(struct vaccel_torch_tensor, owned), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_BOOL, .flags = VACCEL_FIELD_LOCAL, .elem_size = sizeof(((struct vaccel_torch_tensor *)0)->owned), .count_field = -1, .owner_field = -1 },
	{ .name = "nr_dims", .offset = offsetof(struct vaccel_torch_tensor, nr_dims), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_I64, .flags = 0, .elem_size = sizeof(((struct vaccel_torch_tensor *)0)->nr_dims), .count_field = -1, .owner_field = -1 },
	{ .name = "dims", .offset = offsetof(struct vaccel_torch_tensor, dims), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_I64, .flags = VACCEL_FIELD_OWNED, .elem_size = sizeof(*((struct vaccel_torch_tensor *)0)->dims), .count_field = 3, .owner_field = -1 },
	{ .name = "data_type", .offset = offsetof(struct vaccel_torch_tensor, data_type), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_ENUM, .flags = 0, .elem_size = sizeof(((struct vaccel_torch_tensor *)0)->data_type), .count_field = -1, .owner_field = -1 },
};

static int release_torch_tensor(void *obj)
{
	return vaccel_torch_tensor_release(obj);
}

static int delete_torch_tensor(void *obj)
{
	return vaccel_torch_tensor_delete(obj);
}

static const struct vaccel_struct_desc desc_torch_tensor = {
	.type = VACCEL_STRUCT_TORCH_TENSOR,
	.name = "torch_tensor",
	.size = sizeof(struct vaccel_torch_tensor),
	.nr_fields = sizeof(fields_torch_tensor) / sizeof(fields_torch_tensor[0]),
	.fields = fields_torch_tensor,
	.release = release_torch_tensor,
	.destroy = delete_torch_tensor,
};

static const struct vaccel_field_desc fields_torch_buffer[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_torch_buffer, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_FIELD_OWNED, .elem_size = sizeof(*((struct vaccel_torch_buffer *)0)->data), .count_field = 1, .owner_field = -1 },
	{ .name = "size", .offset = offsetof(struct vaccel_torch_buffer, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_torch_buffer *)0)->size), .count_field = -1, .owner_field = -1 },
};

static int release_torch_buffer(void *obj)
{
	return vaccel_torch_buffer_release(obj);
}

static int delete_torch_buffer(void *obj)
{
	return vaccel_torch_buffer_delete(obj);
}

static const struct vaccel_struct_desc desc_torch_buffer = {
	.type = VACCEL_STRUCT_TORCH_BUFFER,
	.name = "torch_buffer",
	.size = sizeof(struct vaccel_torch_buffer),
	.nr_fields = sizeof(fields_torch_buffer) / sizeof(fields_torch_buffer[0]),
	.fields = fields_torch_buffer,
	.release = release_torch_buffer,
	.destroy = delete_torch_buffer,
};

static const struct vaccel_field_desc fields_tf_tensor[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_tf_tensor, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = 2 },
	{ .name = "size", .offset = offsetof(struct vaccel_tf_tensor, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->size), .count_field = -1, .owner_field = -1 },
	{ .name = "owned", .offset = offsetof(struct vaccel_tf_tensor, owned), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_BOOL, .flags = VACCEL_FIELD_LOCAL, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->owned), .count_field = -1, .owner_field = -1 },
	{ .name = "nr_dims", .offset = offsetof(struct vaccel_tf_tensor, nr_dims), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->nr_dims), .count_field = -1, .owner_field = -1 },
	{ .name = "dims", .offset = offsetof(struct vaccel_tf_tensor, dims), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_I64, .flags = VACCEL_FIELD_OWNED, .elem_size = sizeof(*((struct vaccel_tf_tensor *)0)->dims), .count_field = 3, .owner_field = -1 },
	{ .name = "data_type", .offset = offsetof(struct vaccel_tf_tensor, data_type), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_ENUM, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_tensor *)0)->data_type), .count_field = -1, .owner_field = -1 },
};

static int release_tf_tensor(void *obj)
{
	return vaccel_tf_tensor_release(obj);
}

static int delete_tf_tensor(void *obj)
{
	return vaccel_tf_tensor_delete(obj);
}

static const struct vaccel_struct_desc desc_tf_tensor = {
	.type = VACCEL_STRUCT_TF_TENSOR,
	.name = "tf_tensor",
	.size = sizeof(struct vaccel_tf_tensor),
	.nr_fields = sizeof(fields_tf_tensor) / sizeof(fields_tf_tensor[0]),
	.fields = fields_tf_tensor,
	.release = release_tf_tensor,
	.destroy = delete_tf_tensor,
};

static const struct vaccel_field_desc fields_tf_buffer[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_tf_buffer, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = -1 },
	{ .name = "size", .offset = offsetof(struct vaccel_tf_buffer, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_buffer *)0)->size), .count_field = -1, .owner_field = -1 },
};

static int release_tf_buffer(void *obj)
{
	return vaccel_tf_buffer_release(obj);
}

static int delete_tf_buffer(void *obj)
{
	return vaccel_tf_buffer_delete(obj);
}

static const struct vaccel_struct_desc desc_tf_buffer = {
	.type = VACCEL_STRUCT_TF_BUFFER,
	.name = "tf_buffer",
	.size = sizeof(struct vaccel_tf_buffer),
	.nr_fields = sizeof(fields_tf_buffer) / sizeof(fields_tf_buffer[0]),
	.fields = fields_tf_buffer,
	.release = release_tf_buffer,
	.destroy = delete_tf_buffer,
};

static const struct vaccel_field_desc fields_tf_node[] = {
	{ .name = "name", .offset = offsetof(struct vaccel_tf_node, name), .kind = VACCEL_FIELD_STRING, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = -1, .owner_field = -1 },
	{ .name = "id", .offset = offsetof(struct vaccel_tf_node, id), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_node *)0)->id), .count_field = -1, .owner_field = -1 },
};

static int release_tf_node(void *obj)
{
	return vaccel_tf_node_release(obj);
}

static int delete_tf_node(void *obj)
{
	return vaccel_tf_node_delete(obj);
}

static const struct vaccel_struct_desc desc_tf_node = {
	.type = VACCEL_STRUCT_TF_NODE,
	.name = "tf_node",
	.size = sizeof(struct vaccel_tf_node),
	.nr_fields = sizeof(fields_tf_node) / sizeof(fields_tf_node[0]),
	.fields = fields_tf_node,
	.release = release_tf_node,
	.destroy = delete_tf_node,
};

static const struct vaccel_field_desc fields_tf_status[] = {
	{ .name = "code", .offset = offsetof(struct vaccel_tf_status, code), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_U8, .flags = 0, .elem_size = sizeof(((struct vaccel_tf_status *)0)->code), .count_field = -1, .owner_field = -1 },
	{ .name = "message", .offset = offsetof(struct vaccel_tf_status, message), .kind = VACCEL_FIELD_STRING, .type = VACCEL_SCALAR_CHAR, .flags = VACCEL_FIELD_OWNED | VACCEL_FIELD_NULLABLE, .elem_size = 1, .count_field = -1, .owner_field = -1 },
};

static int release_tf_status(void *obj)
{
	return vaccel_tf_status_release(obj);
}

static int delete_tf_status(void *obj)
{
	return vaccel_tf_status_delete(obj);
}

static const struct vaccel_struct_desc desc_tf_status = {
	.type = VACCEL_STRUCT_TF_STATUS,
	.name = "tf_status",
	.size = sizeof(struct vaccel_tf_status),
	.nr_fields = sizeof(fields_tf_status) / sizeof(fields_tf_status[0]),
	.fields = fields_tf_status,
	.release = release_tf_status,
	.destroy = delete_tf_status,
};

static const struct vaccel_field_desc fields_tflite_tensor[] = {
	{ .name = "data", .offset = offsetof(struct vaccel_tflite_tensor, data), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_BYTE, .flags = VACCEL_FIELD_OWNED, .elem_size = 1, .count_field = 1, .owner_field = 2 },
	{ .name = "size", .offset = offsetof(struct vaccel_tflite_tensor, size), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_SIZE, .flags = 0, .elem_size = sizeof(((struct vaccel_tflite_tensor *)0)->size), .count_field = -1, .owner_field = -1 },
	{ .name = "owned", .offset = offsetof(struct vaccel_tflite_tensor, owned), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_BOOL, .flags = VACCEL_FIELD_LOCAL, .elem_size = sizeof(((struct vaccel_tflite_tensor *)0)->owned), .count_field = -1, .owner_field = -1 },
	{ .name = "nr_dims", .offset = offsetof(struct vaccel_tflite_tensor, nr_dims), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_INT, .flags = 0, .elem_size = sizeof(((struct vaccel_tflite_tensor *)0)->nr_dims), .count_field = -1, .owner_field = -1 },
	{ .name = "dims", .offset = offsetof(struct vaccel_tflite_tensor, dims), .kind = VACCEL_FIELD_ARRAY, .type = VACCEL_SCALAR_I32, .flags = VACCEL_FIELD_OWNED, .elem_size = sizeof(*((struct vaccel_tflite_tensor *)0)->dims), .count_field = 3, .owner_field = -1 },
	{ .name = "data_type", .offset = offsetof(struct vaccel_tflite_tensor, data_type), .kind = VACCEL_FIELD_SCALAR, .type = VACCEL_SCALAR_ENUM, .flags = 0, .elem_size = sizeof(((struct vaccel_tflite_tensor *)0)->data_type), .count_field = -1, .owner_field = -1 },
};

static int release_tflite_tensor(void *obj)
{
	return vaccel_tflite_tensor_release(obj);
}

static int delete_tflite_tensor(void *obj)
{
	return vaccel_tflite_tensor_delete(obj);
}

static const struct vaccel_struct_desc desc_tflite_tensor = {
	.type = VACCEL_STRUCT_TFLITE_TENSOR,
	.name = "tflite_tensor",
	.size = sizeof(struct vaccel_tflite_tensor),
	.nr_fields = sizeof(fields_tflite_tensor) / sizeof(fields_tflite_tensor[0]),
	.fields = fields_tflite_tensor,
	.release = release_tflite_tensor,
	.destroy = delete_tflite_tensor,
};

const struct vaccel_struct_desc *vaccel_struct_desc_get(unsigned int type)
{
	switch (type) {
	case VACCEL_STRUCT_ARG:
		return &desc_arg;
	case VACCEL_STRUCT_TORCH_TENSOR:
		return &desc_torch_tensor;
	case VACCEL_STRUCT_TORCH_BUFFER:
		return &desc_torch_buffer;
	case VACCEL_STRUCT_TF_TENSOR:
		return &desc_tf_tensor;
	case VACCEL_STRUCT_TF_BUFFER:
		return &desc_tf_buffer;
	case VACCEL_STRUCT_TF_NODE:
		return &desc_tf_node;
	case VACCEL_STRUCT_TF_STATUS:
		return &desc_tf_status;
	case VACCEL_STRUCT_TFLITE_TENSOR:
		return &desc_tflite_tensor;
	default:
		return NULL;
	}
}

/* Arg arrays: storage, growth, the read/write cursor and copying ranges
 * between arrays. */

#include "arg_internal.h"
#include "new_delete.h"
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

/* vAccel's deprecated arg-list API (vaccel/arg_list.h) on top of an arg
 * array: the list's `list` is the array's storage, which never grows (the
 * list has a fixed size), so the pointer stays valid. */

#include "arg_internal.h"
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

/* Arg arrays: add, get and set of the untyped kinds (raw, string, buffer,
 * custom, serialized). */

#include "arg_internal.h"
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

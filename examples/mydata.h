#pragma once

/* An application's own struct, passed to an exec library serialized into
 * one arg: [count, array[0], ..., array[count-1]] as uint32 values. Used by
 * exec_serialized.c and by mytestlib.c, which links nothing from vaccel. */

#include <stddef.h>
#include <stdint.h>

struct mydata {
	uint32_t count;
	uint32_t *array;
};

/* The custom arg type id of serialized mydata. */
enum { MYDATA_TYPE_ID = 100 };

/* vaccel_arg_serializer_fn: *buf is malloc'd. */
int mydata_serialize(const void *data, size_t data_size, uint32_t custom_id,
		     void **buf, size_t *size);
/* vaccel_arg_deserializer_fn: data->array is malloc'd (free it). */
int mydata_deserialize(const void *buf, size_t size, uint32_t custom_id,
		       size_t data_size, void *data);

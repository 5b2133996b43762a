#pragma once

#include "vaccel/enums.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One argument of exec, genop and opencv: a typed buffer. Field order is
 * the vAccel order (positional initialisation must keep working). */
struct vaccel_arg {
	void *buf;
	size_t size;
	vaccel_arg_type_t type;
	uint32_t custom_type_id;
	/* The arg owns `buf` (freed on release). */
	bool owned;
};

struct vaccel_arg_array {
	struct vaccel_arg *args;
	size_t count;
	size_t capacity;
	size_t position;
	bool owned;
};

typedef int (*vaccel_arg_type_validator_fn)(const void *buf, size_t size,
					    uint32_t custom_id);
typedef int (*vaccel_arg_serializer_fn)(const void *data, size_t data_size,
					void **buf, size_t *size);
typedef int (*vaccel_arg_deserializer_fn)(const void *buf, size_t size,
					  void *data, size_t data_size);

#ifdef __cplusplus
}
#endif

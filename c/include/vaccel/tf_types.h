#pragma once

#include "vaccel/enums.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vaccel_tf_tensor {
	void *data;
	size_t size;
	bool owned;
	int nr_dims;
	int64_t *dims;
	enum vaccel_tf_data_type data_type;
};

struct vaccel_tf_buffer {
	void *data;
	size_t size;
};

struct vaccel_tf_node {
	char *name;
	int id;
};

/* TensorFlow's status: vAccel 0.8 calls the code `code`, 0.7 `error_code`;
 * both names work. */
struct vaccel_tf_status {
	union {
		uint8_t code;
		uint8_t error_code;
	};
	char *message;
};

#ifdef __cplusplus
}
#endif

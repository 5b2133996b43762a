#pragma once

#include "vaccel/enums.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vaccel_torch_tensor {
	void *data;
	size_t size;
	/* The tensor owns `data`. */
	bool owned;
	int64_t nr_dims;
	int64_t *dims;
	enum vaccel_torch_data_type data_type;
};

struct vaccel_torch_buffer {
	char *data;
	size_t size;
};

#ifdef __cplusplus
}
#endif

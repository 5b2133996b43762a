#pragma once

#include "vaccel/enums.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vaccel_tflite_tensor {
	void *data;
	size_t size;
	bool owned;
	int nr_dims;
	int32_t *dims;
	enum vaccel_tflite_data_type data_type;
};

#ifdef __cplusplus
}
#endif

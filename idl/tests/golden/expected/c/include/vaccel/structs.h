/* Generated from idl/tests/golden/sample.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* The structs that ops take, declared field by field in idl/vaccel.idl. */

#include "vaccel/enums.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The sample group.
 * A status: a code (also called `error_code`) and an owned message.
 */
struct vaccel_tf_status {
	union {
		uint8_t code;
		uint8_t error_code;
	};
	char *message;
};

/** A tensor whose data is owned only when `owned` says so. */
struct vaccel_tf_tensor {
	void *data;
	size_t size;
	bool owned;
	int nr_dims;
	int64_t *dims;
	vaccel_resource_type_t data_type;
};

#ifdef __cplusplus
}
#endif

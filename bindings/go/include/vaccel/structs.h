/* Copied from c/include/vaccel/structs.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
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
 * One argument of exec, genop and opencv: a typed buffer. Field order is
 * the vAccel order (positional initialisation must keep working).
 */
struct vaccel_arg {
	/** The value's bytes, `size` of them; freed on release when `owned`. */
	void *buf;
	size_t size;
	vaccel_arg_type_t type;
	/** Meaningful only for VACCEL_ARG_CUSTOM. */
	uint32_t custom_type_id;
	/** The arg owns `buf` (this process only: not marshalled). */
	bool owned;
};

/** A torch tensor: shape, element type and bytes. */
struct vaccel_torch_tensor {
	/** The element bytes, `size` of them; freed on release when `owned`. */
	void *data;
	size_t size;
	/** The tensor owns `data` (this process only: not marshalled). */
	bool owned;
	int64_t nr_dims;
	/** The dimensions, `nr_dims` of them. */
	int64_t *dims;
	enum vaccel_torch_data_type data_type;
};

/** Serialized run options for a torch model (owned by the buffer). */
struct vaccel_torch_buffer {
	char *data;
	size_t size;
};

/** A TensorFlow tensor: shape, element type and bytes. */
struct vaccel_tf_tensor {
	/** The element bytes, `size` of them; freed on release when `owned`. */
	void *data;
	size_t size;
	/** The tensor owns `data` (this process only: not marshalled). */
	bool owned;
	int nr_dims;
	/** The dimensions, `nr_dims` of them. */
	int64_t *dims;
	enum vaccel_tf_data_type data_type;
};

/** A TensorFlow buffer (serialized options); it owns `data`. */
struct vaccel_tf_buffer {
	void *data;
	size_t size;
};

/** A graph node: operation name and output index. */
struct vaccel_tf_node {
	char *name;
	int id;
};

/**
 * TensorFlow's status: vAccel 0.8 calls the code `code`, 0.7 `error_code`;
 * both names work.
 */
struct vaccel_tf_status {
	union {
		uint8_t code;
		uint8_t error_code;
	};
	char *message;
};

/** A LiteRT tensor: shape, element type and bytes. */
struct vaccel_tflite_tensor {
	/** The element bytes, `size` of them; freed on release when `owned`. */
	void *data;
	size_t size;
	/** The tensor owns `data` (this process only: not marshalled). */
	bool owned;
	int nr_dims;
	/** The dimensions, `nr_dims` of them. */
	int32_t *dims;
	enum vaccel_tflite_data_type data_type;
};

#ifdef __cplusplus
}
#endif

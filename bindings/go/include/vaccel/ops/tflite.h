/* Copied from c/include/vaccel/ops/tflite.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"
#include "vaccel/session.h"
#include "vaccel/resource.h"
#include "vaccel/arg.h"
#include "vaccel/tflite_types.h"
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** TensorFlow Lite (LiteRT) inference. */

/**
 * Load the .tflite model of a MODEL resource registered to the session.
 * @param model (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_tflite_model_load(struct vaccel_session *sess, struct vaccel_resource *model);

/**
 * Free the loaded model.
 * @param model (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_tflite_model_unload(struct vaccel_session *sess, struct vaccel_resource *model);

/**
 * Run the model; `outputs` are allocated by the backend and freed by
 * the caller with vaccel_tflite_tensor_delete.
 * @param model (in)
 * @param inputs (in)
 * @param nr_inputs (in)
 * @param outputs (out, allocated by the backend, freed by the caller)
 * @param nr_outputs (in)
 * @param status (out, may be NULL) Receives the interpreter status byte.
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_tflite_model_run(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tflite_tensor *const *inputs, int nr_inputs, struct vaccel_tflite_tensor **outputs, int nr_outputs, uint8_t *status);

#ifdef __cplusplus
}
#endif

/* Copied from c/include/vaccel/ops/tf.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"
#include "vaccel/session.h"
#include "vaccel/resource.h"
#include "vaccel/arg.h"
#include "vaccel/tf_types.h"
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** TensorFlow SavedModel inference. */

/**
 * Load the SavedModel of a MODEL resource registered to the session.
 * @param model (in)
 * @param status (out, may be NULL) Receives TensorFlow's status code and message.
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_tf_model_load(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tf_status *status);

/**
 * Free the loaded model.
 * @param model (in)
 * @param status (out, may be NULL)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_tf_model_unload(struct vaccel_session *sess, struct vaccel_resource *model, struct vaccel_tf_status *status);

/**
 * Feed `in_tensors` to `in_nodes` and fetch `out_nodes` into newly
 * allocated `out_tensors` (freed by the caller with vaccel_tf_tensor_delete).
 * @param model (in)
 * @param run_options (in, may be NULL)
 * @param in_nodes (in)
 * @param in_tensors (in)
 * @param nr_inputs (in)
 * @param out_nodes (in)
 * @param out_tensors (out, allocated by the backend, freed by the caller)
 * @param nr_outputs (in)
 * @param status (out, may be NULL)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_tf_model_run(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_tf_buffer *run_options, const struct vaccel_tf_node *in_nodes, struct vaccel_tf_tensor *const *in_tensors, int nr_inputs, const struct vaccel_tf_node *out_nodes, struct vaccel_tf_tensor **out_tensors, int nr_outputs, struct vaccel_tf_status *status);

#ifdef __cplusplus
}
#endif

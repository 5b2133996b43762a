/* Copied from c/include/vaccel/ops/torch.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"
#include "vaccel/session.h"
#include "vaccel/resource.h"
#include "vaccel/arg.h"
#include "vaccel/torch_types.h"
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** PyTorch (TorchScript) inference. */

/**
 * Load the TorchScript model of a MODEL resource registered to the session.
 * @param model (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_torch_model_load(struct vaccel_session *sess, struct vaccel_resource *model);

/**
 * Run a TorchScript model on input tensors (loading it first if
 * needed); outputs are allocated by the backend and freed by the caller
 * with vaccel_torch_tensor_delete.
 * @param model (in)
 * @param run_options (in, may be NULL)
 * @param inputs (in)
 * @param nr_inputs (in)
 * @param outputs (out, allocated by the backend, freed by the caller)
 * @param nr_outputs (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_torch_model_run(struct vaccel_session *sess, struct vaccel_resource *model, const struct vaccel_torch_buffer *run_options, struct vaccel_torch_tensor *const *inputs, int nr_inputs, struct vaccel_torch_tensor **outputs, int nr_outputs);

/**
 * out = A x B + C computed by the torch backend (M x K times K x N).
 * @param in_A (in)
 * @param in_B (in)
 * @param in_C (in)
 * @param M (in)
 * @param N (in)
 * @param K (in)
 * @param out (out, allocated by the backend, freed by the caller)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_torch_sgemm(struct vaccel_session *sess, struct vaccel_torch_tensor **in_A, struct vaccel_torch_tensor **in_B, struct vaccel_torch_tensor **in_C, int M, int N, int K, struct vaccel_torch_tensor **out);

/**
 * Load-and-run in one call, kept for older vAccel applications, with
 * vAccel's own prototype (a const model, non-const tensor arrays).
 */
int vaccel_torch_jitload_forward(struct vaccel_session *sess, const struct vaccel_resource *model, const struct vaccel_torch_buffer *run_options, struct vaccel_torch_tensor **in_tensor, int nr_read, struct vaccel_torch_tensor **out_tensor, int nr_write);

#ifdef __cplusplus
}
#endif

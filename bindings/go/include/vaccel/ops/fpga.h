/* Copied from c/include/vaccel/ops/fpga.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"
#include "vaccel/session.h"
#include "vaccel/resource.h"
#include "vaccel/arg.h"
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Demo operations of the original FPGA examples. */

/**
 * Copy `a` into `out_a`.
 * @param a (in)
 * @param out_a (out)
 * @param len_a (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP
 */
int vaccel_fpga_arraycopy(struct vaccel_session *sess, int *a, int *out_a, size_t len_a);

/**
 * Multiply the square row-major matrices `a` and `b` into `c`.
 * Each holds len_a elements: sqrt(len_a) rows and columns.
 * @param a (in)
 * @param b (in)
 * @param c (out)
 * @param len_a (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOMEM, VACCEL_ENOTSUP
 */
int vaccel_fpga_mmult(struct vaccel_session *sess, float *a, float *b, float *c, size_t len_a);

/**
 * Element-wise sum and product of `a` and `b`.
 * @param a (in)
 * @param b (in)
 * @param add_output (out)
 * @param mult_output (out)
 * @param len_a (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP
 */
int vaccel_fpga_parallel(struct vaccel_session *sess, float *a, float *b, float *add_output, float *mult_output, size_t len_a);

/**
 * Element-wise sum of `a` and `b` into `c`.
 * @param a (in)
 * @param b (in)
 * @param c (out)
 * @param len_a (in)
 * @param len_b (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP
 */
int vaccel_fpga_vadd(struct vaccel_session *sess, float *a, float *b, float *c, size_t len_a, size_t len_b);

#ifdef __cplusplus
}
#endif

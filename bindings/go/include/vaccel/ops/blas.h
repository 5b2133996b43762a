/* Copied from c/include/vaccel/ops/blas.h by idl/gen/vaccelgen.py for the Go
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

/** Dense linear algebra. */

/**
 * C = alpha * A x B + beta * C in single precision, column-major:
 * A is m x k (leading dimension lda), B is k x n (ldb), C is m x n (ldc).
 * @param m (in)
 * @param n (in)
 * @param k (in)
 * @param alpha (in)
 * @param a (in)
 * @param lda (in)
 * @param b (in)
 * @param ldb (in)
 * @param beta (in)
 * @param c (inout)
 * @param ldc (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_sgemm(struct vaccel_session *sess, int64_t m, int64_t n, int64_t k, float alpha, float *a, int64_t lda, float *b, int64_t ldb, float beta, float *c, int64_t ldc);

#ifdef __cplusplus
}
#endif

/* Copied from c/include/vaccel/ops/minmax.h by idl/gen/vaccelgen.py for the Go
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

/** The minmax demo operation. */

/**
 * Clamp `indata` to [low_threshold, high_threshold] into `outdata` and
 * report the minimum and maximum of the input.
 * @param indata (in)
 * @param ndata (in)
 * @param low_threshold (in)
 * @param high_threshold (in)
 * @param outdata (out)
 * @param min (out)
 * @param max (out)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP
 */
int vaccel_minmax(struct vaccel_session *sess, const double *indata, int ndata, int low_threshold, int high_threshold, double *outdata, double *min, double *max);

#ifdef __cplusplus
}
#endif

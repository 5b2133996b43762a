/* Copied from c/include/vaccel/ops/noop.h by idl/gen/vaccelgen.py for the Go
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

/** The no-op operation: checks the session and the dispatch path. */

/**
 * Do nothing on the selected backend; useful to measure dispatch cost.
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ESESS, VACCEL_ENOTSUP
 */
int vaccel_noop(struct vaccel_session *sess);

#ifdef __cplusplus
}
#endif

/* Copied from c/include/vaccel/ops/opencv.h by idl/gen/vaccelgen.py for the Go
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

/** OpenCV operations, called with packed arguments. */

/**
 * Run an OpenCV operation described by the packed `read` arguments.
 * @param read (in)
 * @param nr_read (in)
 * @param write (inout)
 * @param nr_write (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_opencv_unpack(struct vaccel_session *sess, struct vaccel_arg *read, int nr_read, struct vaccel_arg *write, int nr_write);

#ifdef __cplusplus
}
#endif

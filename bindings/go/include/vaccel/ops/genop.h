/* Copied from c/include/vaccel/ops/genop.h by idl/gen/vaccelgen.py for the Go
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

/** Calling any operation with packed arguments. */

/**
 * Call the op whose id `read[0].buf` points at (a vaccel_op_type_t),
 * with its other parameters packed in `read` and `write` as
 * docs/genop.md says. Implemented by the runtime from the op
 * descriptors; plugins never see genop itself.
 * @param read (in) read[0]: the op id; then the op's input parameters.
 * @param nr_read (in)
 * @param write (inout) The op's output parameters.
 * @param nr_write (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ESESS, VACCEL_ENOTSUP
 */
int vaccel_genop(struct vaccel_session *sess, struct vaccel_arg *read, int nr_read, struct vaccel_arg *write, int nr_write);

#ifdef __cplusplus
}
#endif

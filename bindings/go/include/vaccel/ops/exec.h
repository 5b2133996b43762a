/* Copied from c/include/vaccel/ops/exec.h by idl/gen/vaccelgen.py for the Go
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

/** Calling functions of shared libraries. */

/**
 * Load `library` and call `fn_symbol` as
 * `int fn(struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write)`.
 * @param library (in) Path or name of the shared library.
 * @param fn_symbol (in) Name of the function to call.
 * @param read (in) Arguments the function reads.
 * @param nr_read (in)
 * @param write (inout) Arguments the function writes into.
 * @param nr_write (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_ENOSYS, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_exec(struct vaccel_session *sess, const char *library, const char *fn_symbol, struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write);

/**
 * Like exec, with the library taken from a LIB resource registered to
 * the session.
 * @param resource (in)
 * @param fn_symbol (in)
 * @param read (in)
 * @param nr_read (in)
 * @param write (inout)
 * @param nr_write (in)
 * @return VACCEL_OK or one of: VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOSYS, VACCEL_ENOTSUP, VACCEL_EBACKEND
 */
int vaccel_exec_with_resource(struct vaccel_session *sess, struct vaccel_resource *resource, const char *fn_symbol, struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write);

#ifdef __cplusplus
}
#endif

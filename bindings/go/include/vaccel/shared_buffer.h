/* Copied from c/include/vaccel/shared_buffer.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * Shared buffers: memory a program fills and hands to op calls without the
 * transport copying it (a vaccel addition, not part of vAccel's API;
 * include this header explicitly).
 *
 * On a session served by a transport with a shared region (the rpc plugin
 * over a UNIX socket, or through an ivshmem device in a VM guest;
 * docs/protocol.md "Shared memory") the buffer is a slot of that region:
 * an array that lies inside it travels as a reference, so the agent's
 * backend reads the caller's bytes in place and writes outputs straight
 * into it. Everywhere else (an in-process session, no region, the region
 * full) it is ordinary heap memory and calls copy as usual: a program
 * works the same either way, only faster with a region.
 *
 * Rules:
 * - A buffer stays valid until vaccel_shared_free, even if the transport
 *   reconnects; arrays in a buffer the current connection cannot name are
 *   copied as any other array.
 * - Free every buffer before releasing its session: buffers left then
 *   (or at vaccel_cleanup) are freed by the runtime with a warning, and
 *   the pointer is no longer valid.
 * - An array goes by reference when it lies whole inside one buffer and
 *   starts 8-byte aligned (buffers start 64-byte aligned); two arrays of
 *   one call that overlap (the same buffer as input and output) are
 *   copied instead, as the agent never hands a backend aliased arrays.
 *
 * Thread-safe. Functions return VACCEL_OK or an error code (vaccel/error.h)
 * and log a line naming the bad value.
 */

#include "vaccel/session.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Allocate `size` (> 0) bytes for calls on `sess` into *out (64-byte
 * aligned, contents unspecified). VACCEL_EINVAL for a NULL session or out
 * pointer or a zero size, VACCEL_ENOMEM when not even the heap has room. */
int vaccel_shared_alloc(struct vaccel_session *sess, size_t size, void **out);

/* Free a buffer from vaccel_shared_alloc on the same session. VACCEL_EINVAL
 * (and nothing freed) for a pointer it did not give, one already freed, or
 * another session's buffer. NULL is a no-op. */
int vaccel_shared_free(struct vaccel_session *sess, void *ptr);

/* Whether `ptr` (from vaccel_shared_alloc) is a slot of a transport's
 * shared region rather than heap memory. */
bool vaccel_shared_is_region(const void *ptr);

#ifdef __cplusplus
}
#endif

/* Copied from c/rpc/error.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Error codes of the transport library.
 *
 * Functions return 0 (or a non-negative value such as an fd) on success and
 * a negative code on failure: either a negated errno value (-ECONNREFUSED,
 * -ETIMEDOUT, ...) or one of the VRPC_E* codes below, which lie outside the
 * errno range so the two never collide. */
#ifndef VRPC_ERROR_H
#define VRPC_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

/* The peer closed the connection cleanly, before the first byte of a frame. */
#define VRPC_ECLOSED (-1001)
/* The peer closed the connection in the middle of a header or payload. */
#define VRPC_EEOF (-1002)
/* Frame header: magic is not VRPC_MAGIC. */
#define VRPC_EMAGIC (-1003)
/* Frame header: protocol version is not VRPC_VERSION. */
#define VRPC_EVERSION (-1004)
/* Frame header: payload length above the receiver's limit. */
#define VRPC_ETOOBIG (-1005)
/* Received file descriptors were rejected: more than the caller accepts, or
 * the control data was truncated. The header itself was read completely. */
#define VRPC_EFDS (-1006)

/* A static description of `code` (a VRPC_E* code or a negated errno). */
const char *vrpc_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif /* VRPC_ERROR_H */

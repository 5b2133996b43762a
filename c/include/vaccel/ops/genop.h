#pragma once

#include "vaccel/arg.h"
#include "vaccel/session.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Call any op with packed arguments: read[0].buf points at the op id
 * (a vaccel_op_type_t); the other parameters follow as docs/genop.md and
 * docs/ops.md say. */
int vaccel_genop(struct vaccel_session *sess, struct vaccel_arg *read,
		 int nr_read, struct vaccel_arg *write, int nr_write);

#ifdef __cplusplus
}
#endif

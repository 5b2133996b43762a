#pragma once

/* Writing integer parameters whatever their C type (reading is
 * vaccel_param_int() in vaccel/op_desc.h), and saying why a parameter's
 * count was refused. */

#include "vaccel/op_desc.h"
#include <stdbool.h>

/* Store `v` into `dst` as `type`; false when it does not fit. */
bool vaccel_param_write_int(uint8_t type, void *dst, long long v);

/* Log, prefixed with `who`, why vaccel_param_bytes() refused pointer
 * parameter `i`: the count parameter that is negative, or the product or
 * byte size that overflows. */
void vaccel_param_count_error(const char *who,
			      const struct vaccel_op_desc *desc, unsigned int i,
			      void *const *argv);

#pragma once

/* Writing integer parameters whatever their C type (reading is
 * vaccel_param_int() in vaccel/op_desc.h). */

#include "vaccel/op_desc.h"
#include <stdbool.h>

/* Store `v` into `dst` as `type`; false when it does not fit. */
bool vaccel_param_write_int(uint8_t type, void *dst, long long v);

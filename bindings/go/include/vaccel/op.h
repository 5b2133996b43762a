/* Copied from c/include/vaccel/op.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* vAccel installs vaccel/op.h for the op type enum (VACCEL_OP_*, used to
 * pack genop's read[0]) and vaccel_op_type_to_str(); programs that include
 * it directly build unchanged. Plugins register ops through vaccel/plugin.h
 * (docs/plugins.md), not vAccel's struct vaccel_op. */

#include "vaccel/enums.h"

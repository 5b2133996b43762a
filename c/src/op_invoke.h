#pragma once

#include "vaccel/enums.h"

/* The single entry of every generated op function: validate argv (pointers
 * to the op's parameters, in C order) against the op's descriptor, time it,
 * and dispatch it to a plugin. */
int vaccel_op_invoke(vaccel_op_type_t op, void **argv);

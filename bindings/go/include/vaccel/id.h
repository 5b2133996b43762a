/* Copied from c/include/vaccel/id.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* vAccel installs vaccel/id.h for vaccel_id_t; programs that include it
 * directly build unchanged. */

#include "vaccel/types.h"

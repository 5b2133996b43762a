/* Copied from c/include/vaccel/types.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include <stdint.h>

/* Object ids: int64, never reused within a process. */
typedef int64_t vaccel_id_t;

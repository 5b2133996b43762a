#pragma once

#include <stdint.h>

/* Object ids: int64, never reused within a process. */
typedef int64_t vaccel_id_t;

#pragma once

/* vAccel installs vaccel/id.h for vaccel_id_t; programs that include it
 * directly build unchanged. */

#include "vaccel/types.h"

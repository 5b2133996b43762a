#pragma once

/* The VACCEL_E* codes (each equal to the errno of the same name) and
 * vaccel_error_to_str() are generated from idl/vaccel.idl. */
#include "vaccel/enums.h"

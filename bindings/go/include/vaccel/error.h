/* Copied from c/include/vaccel/error.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* The VACCEL_E* codes (each equal to the errno of the same name) and
 * vaccel_error_to_str() are generated from idl/vaccel.idl. */
#include "vaccel/enums.h"

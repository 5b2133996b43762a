/* Copied from c/include/vaccel/version.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#define VACCEL_VERSION_MAJOR 0
#define VACCEL_VERSION_MINOR 1
#define VACCEL_VERSION_PATCH 0
#define VACCEL_VERSION "0.1.0"

//go:build !vaccel_system

/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
/* The rpc transport's c/wire/op_prof.c, compiled into the Go binding as
 * its own translation unit (idl/gen/emit_amalgamation.py). */

/* Before any system header: c/wire uses the BSD/POSIX extras. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
/* A built-in plugin keeps its descriptor to itself. */
#define VACCEL_PLUGIN_VISIBILITY "hidden"
#include "csrc/wire/op_prof.c"

#pragma once

/* Shared by arg.c, arg_array*.c: checks and cursor handling of args. */

#include "vaccel/arg.h"
#include <stdbool.h>
#include <stddef.h>

/* Capacity of an array initialised with capacity 0. */
#define VACCEL_ARG_ARRAY_DEFAULT_CAPACITY 8

/* True for the values of vaccel_arg_type_t. */
bool vaccel_arg_type_valid(vaccel_arg_type_t type);

/* Whether `buf`/`size` is a well-formed value of a built-in type: scalars
 * have their C size, arrays a whole number of elements, strings end in a
 * NUL, bools hold 0 or 1. RAW and CUSTOM are always accepted. */
bool vaccel_arg_value_valid(vaccel_arg_type_t type, const void *buf,
			    size_t size);

/* Appends an arg (growing an owned array); refuses a malformed built-in
 * value. `owned` says whether the array frees `buf`. */
int vaccel_arg_array_append(struct vaccel_arg_array *array, void *buf,
			    size_t size, vaccel_arg_type_t type,
			    uint32_t custom_id, bool owned);

/* The arg at the array's position when it has type `type`: VACCEL_ERANGE
 * past the end, VACCEL_EINVAL on a type mismatch (logged as `who`). */
int vaccel_arg_array_current(struct vaccel_arg_array *array,
			     vaccel_arg_type_t type, const char *who,
			     struct vaccel_arg **arg);

/* vaccel_arg_array_current, then also checks the arg's value is a
 * well-formed `type` (vaccel_arg_value_valid). */
int vaccel_arg_array_current_valid(struct vaccel_arg_array *array,
				   vaccel_arg_type_t type, const char *who,
				   struct vaccel_arg **arg);

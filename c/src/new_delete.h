#pragma once

/* Defines the heap pair of an object from its init/release pair:
 *   NEW(out, params...)  allocates, calls INIT(obj, args...), frees on error
 *   DELETE(obj)          calls RELEASE(obj), then frees it
 * PARAMS and ARGS are parenthesised lists, e.g. (const char *name, int id)
 * and (name, id). */

#include "vaccel/error.h"
#include "vaccel/log.h"
#include <stdlib.h>

#define VACCEL_UNPAREN_(...) __VA_ARGS__
#define VACCEL_UNPAREN(list) VACCEL_UNPAREN_ list

#define VACCEL_DEFINE_NEW(NEW, INIT, TYPE, PARAMS, ARGS)                       \
	int NEW(TYPE **out, VACCEL_UNPAREN(PARAMS))                            \
	{                                                                      \
		if (!out) {                                                    \
			vaccel_error("%s: the output pointer is NULL", #NEW);  \
			return VACCEL_EINVAL;                                  \
		}                                                              \
		TYPE *obj = malloc(sizeof(*obj));                              \
		if (!obj)                                                      \
			return VACCEL_ENOMEM;                                  \
		int ret = INIT(obj, VACCEL_UNPAREN(ARGS));                     \
		if (ret) {                                                     \
			free(obj);                                             \
			return ret;                                            \
		}                                                              \
		*out = obj;                                                    \
		return VACCEL_OK;                                              \
	}

#define VACCEL_DEFINE_DELETE(DELETE, RELEASE, TYPE)                            \
	int DELETE(TYPE *obj)                                                  \
	{                                                                      \
		int ret = RELEASE(obj);                                        \
		if (ret)                                                       \
			return ret;                                            \
		free(obj);                                                     \
		return VACCEL_OK;                                              \
	}

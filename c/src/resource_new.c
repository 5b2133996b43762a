/* The heap forms of the resource constructors: new/from_* + delete. */

#include "internal.h"
#include "vaccel/log.h"
#include "vaccel/resource.h"

#include <stdlib.h>

/* Allocates *res, and frees it again when `init` fails. */
#define NEW_RESOURCE(fn, res, init_call)                                       \
	do {                                                                   \
		struct vaccel_resource *r;                                     \
		int ret;                                                       \
		if (!(res)) {                                                  \
			vaccel_error("%s: res is NULL", fn);                   \
			return VACCEL_EINVAL;                                  \
		}                                                              \
		r = malloc(sizeof(*r));                                        \
		if (!r)                                                        \
			return VACCEL_ENOMEM;                                  \
		ret = init_call;                                               \
		if (ret) {                                                     \
			free(r);                                               \
			return ret;                                            \
		}                                                              \
		*(res) = r;                                                    \
		return VACCEL_OK;                                              \
	} while (0)

int vaccel_resource_new(struct vaccel_resource **res, const char *path,
			vaccel_resource_type_t type)
{
	NEW_RESOURCE("vaccel_resource_new", res,
		     vaccel_resource_init(r, path, type));
}

int vaccel_resource_multi_new(struct vaccel_resource **res, const char **paths,
			      size_t nr_paths, vaccel_resource_type_t type)
{
	NEW_RESOURCE("vaccel_resource_multi_new", res,
		     vaccel_resource_init_multi(r, paths, nr_paths, type));
}

int vaccel_resource_from_buf(struct vaccel_resource **res, const void *buf,
			     size_t nr_bytes, vaccel_resource_type_t type,
			     const char *filename, bool mem_only)
{
	NEW_RESOURCE("vaccel_resource_from_buf", res,
		     vaccel_resource_init_from_buf(r, buf, nr_bytes, type,
						   filename, mem_only));
}

int vaccel_resource_from_blobs(struct vaccel_resource **res,
			       const struct vaccel_blob **blobs,
			       size_t nr_blobs, vaccel_resource_type_t type)
{
	NEW_RESOURCE("vaccel_resource_from_blobs", res,
		     vaccel_resource_init_from_blobs(r, blobs, nr_blobs, type));
}

int vaccel_resource_delete(struct vaccel_resource *res)
{
	int ret = vaccel_resource_release(res);

	if (ret)
		return ret;
	free(res);
	return VACCEL_OK;
}

/* The heap forms of the resource constructors: new/from_* + delete. */

#include "internal.h"
#include "new_delete.h"
#include "vaccel/resource.h"

VACCEL_DEFINE_NEW(vaccel_resource_new, vaccel_resource_init,
		  struct vaccel_resource,
		  (const char *path, vaccel_resource_type_t type), (path, type))
VACCEL_DEFINE_NEW(vaccel_resource_multi_new, vaccel_resource_init_multi,
		  struct vaccel_resource,
		  (const char **paths, size_t nr_paths,
		   vaccel_resource_type_t type),
		  (paths, nr_paths, type))
VACCEL_DEFINE_NEW(vaccel_resource_from_buf, vaccel_resource_init_from_buf,
		  struct vaccel_resource,
		  (const void *buf, size_t nr_bytes,
		   vaccel_resource_type_t type, const char *filename,
		   bool mem_only),
		  (buf, nr_bytes, type, filename, mem_only))
VACCEL_DEFINE_NEW(vaccel_resource_from_blobs, vaccel_resource_init_from_blobs,
		  struct vaccel_resource,
		  (const struct vaccel_blob **blobs, size_t nr_blobs,
		   vaccel_resource_type_t type),
		  (blobs, nr_blobs, type))
VACCEL_DEFINE_DELETE(vaccel_resource_delete, vaccel_resource_release,
		     struct vaccel_resource)

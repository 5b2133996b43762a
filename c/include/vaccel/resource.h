#pragma once

#include "vaccel/enums.h"
#include "vaccel/types.h"
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vaccel_blob;

/* A resource: files (a model, a library, data) an op works on. */
struct vaccel_resource {
	vaccel_id_t id;
	vaccel_id_t remote_id;
	vaccel_resource_type_t type;
	char **paths;
	size_t nr_paths;
	struct vaccel_blob **blobs;
	size_t nr_blobs;
	/* For the plugin that uses the resource (e.g. a loaded model). */
	void *plugin_priv;
};

#ifdef __cplusplus
}
#endif

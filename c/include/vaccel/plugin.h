#pragma once

/*
 * Plugins: the application-facing calls, and the plugin SDK.
 *
 * The SDK is header-only: a plugin includes this header and links nothing
 * from vaccel. At load the runtime hands it a table of host functions
 * (struct vaccel_host_api), so one plugin binary works under every host: a
 * program linked with libvaccel, the Python extension, a Go binary, the
 * agent. A plugin exports exactly one symbol, made by VACCEL_PLUGIN(...).
 * See docs/plugins.md.
 */

#include "vaccel/enum_tables.h"
#include "vaccel/enums.h"
#include "vaccel/op_desc.h"
#include "vaccel/plugin_ops.h"
#include "vaccel/resource.h"
#include "vaccel/tf_types.h"
#include "vaccel/tflite_types.h"
#include "vaccel/torch_types.h"
#include "vaccel/session.h"
#include "vaccel/version.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vaccel_plugin_descriptor;

/* One (op, function) pair. Build entries with VACCEL_PLUGIN_OP(name, fn),
 * which checks fn against the op's signature at compile time. */
struct vaccel_op {
	vaccel_op_type_t type;
	void *func;
	const struct vaccel_plugin_descriptor *owner;
};

/* ---- application-facing ------------------------------------------- */

/* What vAccel programs read of a plugin, e.g. through a session's default
 * plugin: sess.plugin->info->name, ->version, ->type (vAccel's struct
 * names and fields). Made and owned by the runtime; read only. */
struct vaccel_plugin_info {
	const char *name;
	const char *version;
	/* VACCEL_VERSION the plugin was built against. */
	const char *vaccel_version;
	/* True for a transport (type VACCEL_PLUGIN_REMOTE). */
	bool is_virtio;
	vaccel_plugin_type_t type;
};

struct vaccel_plugin {
	/* The plugin's shared object (NULL for the application's ops). */
	void *dl_handle;
	struct vaccel_plugin_info *info;
};

/* Load the plugin at `lib` (a path, or a file name searched on the library
 * path and then beside libvaccel). */
int vaccel_plugin_load(const char *lib);
/* Load each plugin of a ':'-separated list. */
int vaccel_plugin_parse_and_load(const char *lib_str);
/* Register op functions of the application itself; they serve every
 * session, at priority 0. */
int vaccel_plugin_register_ops(struct vaccel_op *ops, size_t nr_ops);
/* vaccel addition: the number of loaded plugins. */
size_t vaccel_plugin_count(void);

/* vaccel addition: what a loaded plugin offers (the `vaccel info` tool
 * prints it). The strings belong to the plugin and stay valid until
 * vaccel_cleanup. */
struct vaccel_plugin_summary {
	const char *name;
	const char *version;
	/* The path or file name it was loaded from. */
	const char *path;
	uint32_t type; /* VACCEL_PLUGIN_* flags */
	int32_t priority;
	/* True when it has a generic entry (invoke): it serves every op. */
	bool generic;
	/* Number of typed op entries; ops[op] is true for each. */
	size_t nr_typed;
	bool ops[VACCEL_OP_MAX];
};
/* Fill `out` for loaded plugin `index` (0 .. vaccel_plugin_count() - 1,
 * in dispatch order: priority, then load order). The application's own
 * ops (vaccel_plugin_register_ops) appear as a plugin named
 * "application". VACCEL_EINVAL when `index` is out of range or `out` is
 * NULL. */
int vaccel_plugin_get_summary(size_t index, struct vaccel_plugin_summary *out);

/* ---- plugin SDK ----------------------------------------------------- */

/* Plugin ABI: a plugin built for another major version is refused. Minor
 * additions append fields to the structs below (check `size`). */
#define VACCEL_PLUGIN_ABI_VERSION 1u
#define VACCEL_PLUGIN_SYMBOL "vaccel_plugin_descriptor"

struct vaccel_prof_region;

/* Functions the runtime provides to plugins. Append-only. */
struct vaccel_host_api {
	uint32_t size;
	uint32_t abi_version;
	const char *runtime_version;
	void (*vlog)(vaccel_log_level_t level, const char *plugin,
		     const char *fmt, va_list ap);
	void *(*alloc)(size_t size);
	void *(*zalloc)(size_t nmemb, size_t size);
	void (*free)(void *ptr);
	const struct vaccel_op_desc *(*op_desc)(unsigned int op);
	int (*session_get_by_id)(struct vaccel_session **sess, vaccel_id_t id);
	/* ---- appended in ABI 1.1: check with VACCEL_HOST_HAS() ---- */
	/* Resources: the one directory holding a resource's files (persisting
	 * in-memory blobs first), its blobs' bytes, and lookups. */
	int (*resource_directory)(struct vaccel_resource *res, char *out_path,
				  size_t out_path_size, char **alloc_path);
	uint8_t *(*blob_data)(struct vaccel_blob *blob, size_t *size);
	int (*resource_get_by_id)(struct vaccel_resource **res, vaccel_id_t id);
	bool (*session_has_resource)(struct vaccel_session *sess,
				     struct vaccel_resource *res);
	/* Output tensors and statuses the caller frees with the public
	 * *_delete / *_release functions must come from these. */
	int (*torch_tensor_allocate)(struct vaccel_torch_tensor **tensor,
				     int64_t nr_dims, const int64_t *dims,
				     enum vaccel_torch_data_type type,
				     size_t total_size);
	int (*torch_tensor_delete)(struct vaccel_torch_tensor *tensor);
	int (*tf_tensor_allocate)(struct vaccel_tf_tensor **tensor, int nr_dims,
				  const int64_t *dims,
				  enum vaccel_tf_data_type type,
				  size_t total_size);
	int (*tf_tensor_delete)(struct vaccel_tf_tensor *tensor);
	int (*tf_status_init)(struct vaccel_tf_status *status, uint8_t code,
			      const char *message);
	int (*tf_status_release)(struct vaccel_tf_status *status);
	int (*tflite_tensor_allocate)(struct vaccel_tflite_tensor **tensor,
				      int nr_dims, const int32_t *dims,
				      enum vaccel_tflite_data_type type,
				      size_t total_size);
	int (*tflite_tensor_delete)(struct vaccel_tflite_tensor *tensor);
	/* The number of sessions `res` is registered to; in the
	 * resource_unregister hook it already excludes the session being left,
	 * so 0 means the resource is in no session any more. */
	long int (*resource_refcount)(const struct vaccel_resource *res);
	/* The resources of `type` registered to `sess`, in a malloc'd array
	 * (free it with host->free). VACCEL_ENOENT when there are none. */
	int (*session_resources_by_type)(struct vaccel_session *sess,
					 struct vaccel_resource ***resources,
					 size_t *nr_found,
					 vaccel_resource_type_t type);
	/* ---- appended in ABI 1.2 ---- */
	/* The layout of struct type `type` (VACCEL_STRUCT_*), for plugins
	 * that walk op arguments generically (transports). */
	const struct vaccel_struct_desc *(*struct_desc)(unsigned int type);
	/* ---- appended in ABI 1.3 ---- */
	/* Profiling (vaccel/prof.h): whether it is on, a region by name
	 * (made on first use, valid until exit), one sample added to it. */
	bool (*prof_enabled)(void);
	struct vaccel_prof_region *(*prof_region_get)(const char *name);
	int (*prof_region_add)(struct vaccel_prof_region *region, uint64_t ns);
};

/* True when the runtime's host table has `field` (a runtime older than
 * the plugin's headers hands over a shorter table). */
#define VACCEL_HOST_HAS(host, field)                                           \
	((host)->size >=                                                       \
	 offsetof(struct vaccel_host_api, field) + sizeof((host)->field))

/* What a plugin declares; exported under VACCEL_PLUGIN_SYMBOL. */
struct vaccel_plugin_descriptor {
	uint32_t size;
	uint32_t abi_version;
	const char *name;
	const char *version;
	/* VACCEL_VERSION the plugin was built against. */
	const char *vaccel_version;
	/* VACCEL_PLUGIN_* flags, matched against session hints. */
	uint32_t type;
	/* Higher serves first when several plugins implement an op. */
	int32_t priority;
	/* Typed op functions. */
	const struct vaccel_op *ops;
	size_t nr_ops;
	/* Optional generic entry: serves every op not in `ops`, with argv[i]
	 * pointing at parameter i of desc (used by transports, noop). */
	int (*invoke)(const struct vaccel_op_desc *desc, void **argv);
	/* Optional hooks. */
	int (*init)(void);
	int (*fini)(void);
	int (*session_init)(struct vaccel_session *sess, uint32_t flags);
	int (*session_release)(struct vaccel_session *sess);
	/* Where the runtime stores the host table before init() runs. */
	const struct vaccel_host_api **host;
	/* ---- appended in ABI 1.1; read only when `size` covers them ---- */
	/* Optional: `res` is being unregistered from `sess` (also when it is
	 * released, once per session). Free what was cached for it there,
	 * e.g. a loaded model in res->plugin_priv. */
	void (*resource_unregister)(struct vaccel_resource *res,
				    struct vaccel_session *sess);
	/* ---- appended in ABI 1.2 ---- */
	/* Optional: `res` was just registered to `sess`. A transport mirrors
	 * the registration on its agent (ops such as image classification
	 * find their model through the session, not a parameter). An error
	 * undoes the registration: vaccel_resource_register returns it. */
	int (*resource_register)(struct vaccel_resource *res,
				 struct vaccel_session *sess);
	/* ---- appended in ABI 1.3 ---- */
	/* Optional (vaccel/shared_buffer.h): `size` bytes for `sess` that
	 * calls pass without copying (a transport's shared region), in *out;
	 * an error (VACCEL_ENOTSUP: none here) lets the runtime use the heap.
	 * shared_free gets back exactly what shared_alloc gave; its `sess`
	 * is NULL for buffers the runtime frees at vaccel_cleanup. */
	int (*shared_alloc)(struct vaccel_session *sess, size_t size,
			    void **out);
	int (*shared_free)(struct vaccel_session *sess, void *ptr);
};

/* True when descriptor `d` is large enough to hold `field` (plugins built
 * before the field was appended have a smaller `size`). */
#define VACCEL_PLUGIN_DESC_HAS(d, field)                                       \
	((d)->size >= offsetof(struct vaccel_plugin_descriptor, field) +       \
			  sizeof((d)->field))

/* Set by the runtime at load; one per plugin shared object. */
extern const struct vaccel_host_api *vaccel_plugin_host;
extern const struct vaccel_plugin_descriptor vaccel_plugin_descriptor;

/* The descriptor's visibility: exported from a plugin's shared object.
 * A plugin compiled into its host (the rpc transport built into the
 * Python and Go bindings) defines it as "hidden", so its descriptor cannot
 * interpose on the one of a plugin the host loads. */
#ifndef VACCEL_PLUGIN_VISIBILITY
#define VACCEL_PLUGIN_VISIBILITY "default"
#endif

/* Declare the plugin: VACCEL_PLUGIN(.name = "x", .version = "1.0",
 * .type = VACCEL_PLUGIN_CPU, .ops = ops, .nr_ops = N, ...). Use once per
 * plugin, in a C file. */
#define VACCEL_PLUGIN(...)                                                     \
	__attribute__((visibility("hidden")))                                  \
	const struct vaccel_host_api *vaccel_plugin_host;                      \
	__attribute__((visibility(VACCEL_PLUGIN_VISIBILITY)))                  \
	const struct vaccel_plugin_descriptor vaccel_plugin_descriptor = {     \
	    .size = sizeof(struct vaccel_plugin_descriptor),                   \
	    .abi_version = VACCEL_PLUGIN_ABI_VERSION,                          \
	    .vaccel_version = VACCEL_VERSION,                                  \
	    .host = &vaccel_plugin_host,                                       \
	    __VA_ARGS__}

static inline __attribute__((format(printf, 2, 3))) void
vaccel_plugin_log(vaccel_log_level_t level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vaccel_plugin_host->vlog(level, vaccel_plugin_descriptor.name, fmt, ap);
	va_end(ap);
}

#define vaccel_plugin_error(...)                                               \
	vaccel_plugin_log(VACCEL_LOG_ERROR, __VA_ARGS__)
#define vaccel_plugin_warn(...) vaccel_plugin_log(VACCEL_LOG_WARN, __VA_ARGS__)
#define vaccel_plugin_info(...) vaccel_plugin_log(VACCEL_LOG_INFO, __VA_ARGS__)
#define vaccel_plugin_debug(...)                                               \
	vaccel_plugin_log(VACCEL_LOG_DEBUG, __VA_ARGS__)

#ifdef __cplusplus
}
#endif

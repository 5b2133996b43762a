/* The struct field orders the spec fixes, checked at compile time:
 * applications initialise these structs positionally, exactly as below. */

#include <vaccel.h>

#include <stddef.h>

#define ORDERED(type, a, b)                                                    \
	_Static_assert(offsetof(type, a) < offsetof(type, b),                  \
		       #type ": field " #a " must come before " #b)

ORDERED(struct vaccel_arg, buf, size);
ORDERED(struct vaccel_arg, size, type);
ORDERED(struct vaccel_arg, type, custom_type_id);
ORDERED(struct vaccel_arg, custom_type_id, owned);

ORDERED(struct vaccel_arg_array, args, count);
ORDERED(struct vaccel_arg_array, count, capacity);
ORDERED(struct vaccel_arg_array, capacity, position);
ORDERED(struct vaccel_arg_array, position, owned);

ORDERED(struct vaccel_torch_tensor, data, size);
ORDERED(struct vaccel_torch_tensor, size, owned);
ORDERED(struct vaccel_torch_tensor, owned, nr_dims);
ORDERED(struct vaccel_torch_tensor, nr_dims, dims);
ORDERED(struct vaccel_torch_tensor, dims, data_type);

ORDERED(struct vaccel_tf_tensor, data, size);
ORDERED(struct vaccel_tf_tensor, size, owned);
ORDERED(struct vaccel_tf_tensor, owned, nr_dims);
ORDERED(struct vaccel_tf_tensor, nr_dims, dims);
ORDERED(struct vaccel_tf_tensor, dims, data_type);

ORDERED(struct vaccel_tflite_tensor, data, size);
ORDERED(struct vaccel_tflite_tensor, size, owned);
ORDERED(struct vaccel_tflite_tensor, owned, nr_dims);
ORDERED(struct vaccel_tflite_tensor, nr_dims, dims);
ORDERED(struct vaccel_tflite_tensor, dims, data_type);

ORDERED(struct vaccel_torch_buffer, data, size);
ORDERED(struct vaccel_tf_buffer, data, size);
ORDERED(struct vaccel_tf_node, name, id);
ORDERED(struct vaccel_tf_status, code, message);
_Static_assert(offsetof(struct vaccel_tf_status, code) ==
		   offsetof(struct vaccel_tf_status, error_code),
	       "vaccel_tf_status: 0.7's error_code must alias 0.8's code");

ORDERED(struct vaccel_config, plugins, log_level);
ORDERED(struct vaccel_config, log_level, log_file);
ORDERED(struct vaccel_config, log_file, profiling_enabled);
ORDERED(struct vaccel_config, profiling_enabled, version_ignore);

/* The spec's types for the listed fields (a wrong type fails to compile:
 * the pointer assignments below need exact types). */
#define FIELD_TYPE(type, field, ftype)                                         \
	_Static_assert(_Generic(((type *)0)->field, ftype : 1, default : 0),   \
		       #type "." #field " must be " #ftype)

FIELD_TYPE(struct vaccel_session, id, vaccel_id_t);
FIELD_TYPE(struct vaccel_session, remote_id, vaccel_id_t);
FIELD_TYPE(struct vaccel_session, hint, uint32_t);
FIELD_TYPE(struct vaccel_session, is_virtio, bool);
FIELD_TYPE(struct vaccel_session, priv, void *);
FIELD_TYPE(struct vaccel_resource, id, vaccel_id_t);
FIELD_TYPE(struct vaccel_resource, remote_id, vaccel_id_t);
FIELD_TYPE(struct vaccel_resource, type, vaccel_resource_type_t);
FIELD_TYPE(struct vaccel_resource, paths, char **);
FIELD_TYPE(struct vaccel_resource, nr_paths, size_t);
FIELD_TYPE(struct vaccel_resource, blobs, struct vaccel_blob **);
FIELD_TYPE(struct vaccel_resource, nr_blobs, size_t);
FIELD_TYPE(struct vaccel_resource, plugin_priv, void *);
FIELD_TYPE(struct vaccel_blob, name, char *);
FIELD_TYPE(struct vaccel_blob, path, char *);
FIELD_TYPE(struct vaccel_blob, data, uint8_t *);
FIELD_TYPE(struct vaccel_blob, size, size_t);
FIELD_TYPE(struct vaccel_torch_tensor, nr_dims, int64_t);
FIELD_TYPE(struct vaccel_torch_tensor, dims, int64_t *);
FIELD_TYPE(struct vaccel_tf_tensor, dims, int64_t *);
FIELD_TYPE(struct vaccel_tflite_tensor, dims, int32_t *);
FIELD_TYPE(struct vaccel_tf_status, code, uint8_t);
FIELD_TYPE(struct vaccel_tf_node, name, char *);
FIELD_TYPE(struct vaccel_tf_node, id, int);

/* Positional initialisation as applications write it; the test reads
 * these back to check each value landed in the named field. */
static char name_buf[] = "serving_default_x";
static int32_t arg_value = 42;

struct vaccel_tf_node layout_node = {name_buf, 7};
struct vaccel_arg layout_arg = {&arg_value, sizeof(arg_value), VACCEL_ARG_INT32,
				3, false};
struct vaccel_arg_array layout_array = {&layout_arg, 1, 1, 0, false};
struct vaccel_torch_buffer layout_torch_buffer = {name_buf, 5};
struct vaccel_tf_status layout_status = {{9}, name_buf};
struct vaccel_config layout_config = {name_buf, VACCEL_LOG_WARN, NULL, true,
				      true};

/* vAccel programs read sess.plugin->info->name, ->version and ->type. */
FIELD_TYPE(struct vaccel_session, plugin, struct vaccel_plugin *);
FIELD_TYPE(struct vaccel_plugin, info, struct vaccel_plugin_info *);
FIELD_TYPE(struct vaccel_plugin_info, name, const char *);
FIELD_TYPE(struct vaccel_plugin_info, version, const char *);
FIELD_TYPE(struct vaccel_plugin_info, type, vaccel_plugin_type_t);

/* TensorFlow tensors, buffers, nodes and statuses (vaccel/tf_types.h). */

#include "tensor_common.h"
#include "vaccel/tf_types.h"

#include <string.h>

VACCEL_TENSOR_DEFINE(tf, int, int64_t, vaccel_tf_data_type)

VACCEL_BUFFER_DEFINE(tf, void *)

/* A copy of `str` in `*out`; NULL is refused, naming `what`. */
static int dup_string(const char *what, const char *str, char **out)
{
	if (!str) {
		vaccel_error("tf %s: NULL string", what);
		return VACCEL_EINVAL;
	}
	*out = strdup(str);
	return *out ? VACCEL_OK : VACCEL_ENOMEM;
}

int vaccel_tf_node_init(struct vaccel_tf_node *node, const char *name, int id)
{
	if (!node)
		return VACCEL_EINVAL;

	int ret = dup_string("node name", name, &node->name);
	if (ret)
		return ret;
	node->id = id;
	return VACCEL_OK;
}

int vaccel_tf_node_release(struct vaccel_tf_node *node)
{
	if (!node)
		return VACCEL_EINVAL;

	free(node->name);
	node->name = NULL;
	node->id = -1;
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_tf_node_new, vaccel_tf_node_init,
		  struct vaccel_tf_node, (const char *name, int id), (name, id))
VACCEL_DEFINE_DELETE(vaccel_tf_node_delete, vaccel_tf_node_release,
		     struct vaccel_tf_node)

int vaccel_tf_status_init(struct vaccel_tf_status *status, uint8_t code,
			  const char *message)
{
	if (!status)
		return VACCEL_EINVAL;

	int ret = dup_string("status message", message, &status->message);
	if (ret)
		return ret;
	status->code = code;
	return VACCEL_OK;
}

int vaccel_tf_status_release(struct vaccel_tf_status *status)
{
	if (!status)
		return VACCEL_EINVAL;

	free(status->message);
	status->message = NULL;
	status->code = 0;
	return VACCEL_OK;
}

VACCEL_DEFINE_NEW(vaccel_tf_status_new, vaccel_tf_status_init,
		  struct vaccel_tf_status, (uint8_t code, const char *message),
		  (code, message))
VACCEL_DEFINE_DELETE(vaccel_tf_status_delete, vaccel_tf_status_release,
		     struct vaccel_tf_status)

/* Test plugin "remote": a stand-in transport (type REMOTE) that serves every
 * op through the generic entry and gives sessions a remote id. */

#include <vaccel/plugin.h>

static int remote_session_init(struct vaccel_session *sess, uint32_t flags)
{
	(void)flags;
	sess->remote_id = 1000 + sess->id;
	return VACCEL_OK;
}

static int remote_session_release(struct vaccel_session *sess)
{
	sess->remote_id = 0;
	return VACCEL_OK;
}

/* Answers every op with VACCEL_EREMOTEIO so tests see who served it. */
static int remote_invoke(const struct vaccel_op_desc *desc, void **argv)
{
	(void)argv;
	vaccel_plugin_info("would forward %s", desc->name);
	return VACCEL_EREMOTEIO;
}

VACCEL_PLUGIN(.name = "remote", .version = "1.0", .type = VACCEL_PLUGIN_REMOTE,
	      .invoke = remote_invoke, .session_init = remote_session_init,
	      .session_release = remote_session_release);

#pragma once

#include "vaccel/types.h"
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A session: the context ops run in. `hint` holds VACCEL_PLUGIN_* bits that
 * pick the plugins serving it (0: any local plugin; VACCEL_PLUGIN_REMOTE: a
 * transport). Many threads may call ops on one session at once. */
struct vaccel_session {
	vaccel_id_t id;
	/* The agent's id for this session when served remotely. */
	vaccel_id_t remote_id;
	uint32_t hint;
	/* True when the session is served remotely. */
	bool is_virtio;
	/* For the plugin that serves the session. */
	void *priv;
	/* Internal: marks an initialised, not yet released session. */
	uint32_t magic;
};

int vaccel_session_init(struct vaccel_session *sess, uint32_t flags);
int vaccel_session_release(struct vaccel_session *sess);
int vaccel_session_new(struct vaccel_session **sess, uint32_t flags);
int vaccel_session_delete(struct vaccel_session *sess);
int vaccel_session_get_by_id(struct vaccel_session **sess, vaccel_id_t id);

#ifdef __cplusplus
}
#endif

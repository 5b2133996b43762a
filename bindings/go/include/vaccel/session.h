/* Copied from c/include/vaccel/session.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

#include "vaccel/enums.h"
#include "vaccel/types.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct vaccel_resource;
struct vaccel_plugin;

/* A session: the context ops run in. `hint` holds VACCEL_PLUGIN_* bits that
 * say which plugins it prefers (0: any local plugin; VACCEL_PLUGIN_REMOTE:
 * a transport); docs/plugins.md says how a call finds its plugin. Many
 * threads may call ops on one session at once. */
struct vaccel_session {
	vaccel_id_t id;
	/* The agent's id for this session when served remotely. */
	vaccel_id_t remote_id;
	uint32_t hint;
	/* True when the session is served remotely (by transports). */
	bool is_virtio;
	/* The plugin that serves the session by default, the first an op call
	 * tries (vAccel's sess->plugin; include vaccel/plugin.h to read
	 * plugin->info). Ops it lacks or declines go on to the next plugin.
	 * NULL when no plugin could serve it at init. Read only. */
	struct vaccel_plugin *plugin;
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

/* The resources registered to the session (vaccel_resource_register). No
 * match is VACCEL_ENOENT; by_type gives the first registered of `type`;
 * resources_by_type a malloc'ed array the caller frees with free(). */
bool vaccel_session_has_resource(struct vaccel_session *sess,
				 struct vaccel_resource *res);
int vaccel_session_resource_by_id(struct vaccel_session *sess,
				  struct vaccel_resource **res, vaccel_id_t id);
int vaccel_session_resource_by_type(struct vaccel_session *sess,
				    struct vaccel_resource **res,
				    vaccel_resource_type_t type);
int vaccel_session_resources_by_type(struct vaccel_session *sess,
				     struct vaccel_resource ***resources,
				     size_t *nr_found,
				     vaccel_resource_type_t type);

#ifdef __cplusplus
}
#endif

/* Copied from c/plugins/rpc/remote.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/* The agent's ids for this process's sessions and resources, per
 * connection: made on first use, resources uploaded once by content hash. */

#include "vaccel/plugin.h"

#include <stdint.h>

int rpc_session_remote(struct vaccel_session *sess, uint64_t gen,
		       int64_t *remote);
void rpc_session_forget(struct vaccel_session *sess);
/* The agent's id for `res`, uploaded (unless the agent holds its content)
 * and registered to the agent's session `remote_sess`. */
int rpc_resource_remote(struct vaccel_resource *res, int64_t remote_sess,
			uint64_t gen, int64_t *remote);
void rpc_resource_unregistered(struct vaccel_resource *res,
			       struct vaccel_session *sess);
void rpc_remote_fini(void);

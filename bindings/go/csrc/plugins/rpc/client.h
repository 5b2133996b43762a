/* Copied from c/plugins/rpc/client.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * The rpc plugin's connection to vaccel-agent: one per process, made on
 * first use, multiplexing the calls of every thread by request id (the
 * calling threads take turns reading and hand each reply to the thread
 * waiting for it; client.c).
 */

#include "msg.h"
#include "vaccel/plugin.h"

#include <stdbool.h>
#include <stdint.h>

struct rpc_reply {
	int status; /* the agent's VACCEL_* code */
	char message[512];
	struct wire_msg msg;
	struct wire_in in; /* positioned after status and message */
};

/* Settings read at plugin init (VACCEL_RPC_ADDRESS, VACCEL_RPC_TIMEOUT_MS). */
int rpc_client_init(void);
void rpc_client_fini(void);

/* Connect when not connected. *generation identifies the connection; ids
 * the agent gave out under another generation are void. */
int rpc_client_connect(uint64_t *generation);
/* Whether a connection is up (no attempt to make one), and its generation. */
bool rpc_client_current(uint64_t *generation);
/* Whether the agent speaks op `id` with the same signature. */
bool rpc_client_has_op(unsigned int id, uint32_t sig_hash);

/* Send `o` (begun with wire_msg_begin) and wait for the reply. VACCEL_OK
 * with the reply read (the caller frees reply->msg), or VACCEL_EIO/ESESS
 * for a transport failure (logged, naming the address). */
int rpc_client_request(uint8_t type, uint32_t op, struct wire_out *o,
		       struct rpc_reply *reply);
/* The same, with file descriptors attached (SCM_RIGHTS, UNIX only). */
int rpc_client_request_fds(uint8_t type, uint32_t op, struct wire_out *o,
			   const int *fds, int nfds, struct rpc_reply *reply);
const char *rpc_client_address(void);

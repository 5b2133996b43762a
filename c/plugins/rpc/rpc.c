/*
 * The rpc transport plugin: every op, forwarded to vaccel-agent.
 *
 * It has no op code of its own: the generic entry point hands each call's
 * descriptor and argv to the marshaller (c/wire), which walks the
 * descriptors generated from idl/vaccel.idl. A new IDL op therefore works
 * remotely with no change here. Address: VACCEL_RPC_ADDRESS
 * (docs/agent.md).
 */

#include "client.h"
#include "marshal.h"
#include "protocol.h"
#include "remote.h"
#include "rpc_prof.h"
#include "shm.h"
#include "vaccel/plugin.h"

#include <stdlib.h>

static const struct vaccel_struct_desc *struct_desc(unsigned int type)
{
	return VACCEL_HOST_HAS(vaccel_plugin_host, struct_desc)
		   ? vaccel_plugin_host->struct_desc(type)
		   : NULL;
}

/* Ops such as image_classify name no resource: the backend finds the
 * model among the session's registered resources. So before an op without
 * resource parameters, the session's resources go to the agent too
 * (uploaded once by content hash, registered once per session). */
static int sync_session_resources(const struct vaccel_op_desc *d,
				  struct vaccel_session *sess, int64_t remote,
				  uint64_t gen)
{
	int ret = VACCEL_OK;

	for (unsigned int i = 1; i < d->nr_params; i++)
		if (d->params[i].kind == VACCEL_PARAM_RESOURCE)
			return VACCEL_OK;
	for (int t = 0; !ret && t < VACCEL_RESOURCE_MAX; t++) {
		struct vaccel_resource **list = NULL;
		size_t n = 0;
		int64_t id;

		if (vaccel_plugin_host->session_resources_by_type(
			sess, &list, &n, (vaccel_resource_type_t)t))
			continue;
		for (size_t k = 0; !ret && k < n; k++)
			ret = rpc_resource_remote(list[k], remote, gen, &id);
		vaccel_plugin_host->free(list);
	}
	return ret;
}

static int rpc_invoke(const struct vaccel_op_desc *d, void **argv)
{
	struct vaccel_session *sess = *(struct vaccel_session **)argv[0];
	int64_t handles[64] = {0};
	struct rpc_reply reply;
	struct wire_shm shm;
	struct wire_out o;
	uint64_t gen, t;
	char err[256] = "";
	int ret;

	if (d->nr_params > 64)
		return VACCEL_ENOTSUP;
	ret = rpc_client_connect(&gen);
	if (ret)
		return ret;
	if (!rpc_client_has_op(d->id, d->sig_hash)) {
		vaccel_plugin_error("%s: the agent at %s does not speak op "
				    "'%s' with this signature",
				    d->fn_name, rpc_client_address(), d->name);
		return VACCEL_ENOTSUP;
	}
	ret = rpc_session_remote(sess, gen, &handles[0]);
	if (!ret)
		ret = sync_session_resources(d, sess, handles[0], gen);
	if (ret)
		return ret;
	for (unsigned int i = 1; i < d->nr_params; i++) {
		struct vaccel_resource *res;

		if (d->params[i].kind != VACCEL_PARAM_RESOURCE)
			continue;
		res = *(struct vaccel_resource **)argv[i];
		if (!res)
			continue;
		ret = rpc_resource_remote(res, handles[0], gen, &handles[i]);
		if (ret)
			return ret;
	}
	/* Large arrays go through the shared region when there is one. */
	t = rpc_prof_now();
	rpc_shm_begin(&shm, gen);
	wire_out_init(&o);
	wire_msg_begin(&o);
	ret = wire_encode_request(&o, d, argv, handles, struct_desc, &shm, err,
				  sizeof(err));
	if (ret) {
		vaccel_plugin_error("%s", err);
		wire_out_free(&o);
		wire_shm_release(&shm);
		return ret;
	}
	t = rpc_prof_add(d->id, RPC_PROF_ENCODE, t);
	ret = rpc_client_request(WIRE_CALL, d->id, &o, &reply);
	t = rpc_prof_add(d->id, RPC_PROF_WAIT, t);
	wire_out_free(&o);
	if (ret) {
		/* No reply (timeout, lost connection): the agent may still be
		 * running the call and write into its slots later, so they
		 * stay reserved rather than be handed to another call. */
		return ret;
	}
	if (reply.status)
		vaccel_plugin_error("%s: agent: %s", d->fn_name, reply.message);
	ret = wire_decode_reply(&reply.in, d, argv, struct_desc, &shm);
	rpc_prof_add(d->id, RPC_PROF_DECODE, t);
	if (ret)
		vaccel_plugin_error("%s: bad reply from the agent: %s",
				    d->fn_name, reply.in.err);
	wire_msg_free(&reply.msg);
	wire_shm_release(&shm);
	return reply.status ? reply.status : ret;
}

static int rpc_init(void)
{
	if (!VACCEL_HOST_HAS(vaccel_plugin_host, struct_desc)) {
		vaccel_plugin_error("this runtime is too old for the rpc "
				    "plugin (no struct layouts)");
		return VACCEL_ELIBBAD;
	}
	rpc_shm_init();
	return rpc_client_init();
}

static int rpc_fini(void)
{
	rpc_client_fini();
	rpc_shm_fini();
	rpc_remote_fini();
	return VACCEL_OK;
}

/* A session hinted REMOTE is made on the agent now, so an unreachable
 * agent fails vaccel_session_init with an error naming its address. */
static int rpc_session_init(struct vaccel_session *sess, uint32_t flags)
{
	uint64_t gen;
	int64_t remote;
	int ret;

	(void)flags;
	ret = rpc_client_connect(&gen);
	if (ret)
		return ret;
	return rpc_session_remote(sess, gen, &remote);
}

static int rpc_session_release(struct vaccel_session *sess)
{
	rpc_session_forget(sess);
	return VACCEL_OK;
}

/* Mirror a registration to a remote session on the agent now: some ops
 * find their resources through the session (image classification). */
static int rpc_resource_register(struct vaccel_resource *res,
				 struct vaccel_session *sess)
{
	uint64_t gen;
	int64_t remote_sess, remote_res;
	int ret;

	if (!sess->is_virtio)
		return VACCEL_OK;
	ret = rpc_client_connect(&gen);
	if (!ret)
		ret = rpc_session_remote(sess, gen, &remote_sess);
	if (!ret)
		ret = rpc_resource_remote(res, remote_sess, gen, &remote_res);
	return ret;
}

static void rpc_resource_unregister(struct vaccel_resource *res,
				    struct vaccel_session *sess)
{
	rpc_resource_unregistered(res, sess);
}

/* vaccel/shared_buffer.h: slots of the shared region, for the sessions
 * this transport serves. */
static int rpc_shared_alloc(struct vaccel_session *sess, size_t size,
			    void **out)
{
	if (!sess->is_virtio)
		return VACCEL_ENOTSUP;
	return rpc_shm_shared_alloc(size, out);
}

static int rpc_shared_free(struct vaccel_session *sess, void *ptr)
{
	(void)sess;
	return rpc_shm_shared_free(ptr);
}

VACCEL_PLUGIN(.name = "rpc", .version = VACCEL_VERSION,
	      .type = VACCEL_PLUGIN_REMOTE, .priority = 0, .ops = NULL,
	      .nr_ops = 0, .invoke = rpc_invoke, .init = rpc_init,
	      .fini = rpc_fini, .session_init = rpc_session_init,
	      .session_release = rpc_session_release,
	      .resource_unregister = rpc_resource_unregister,
	      .resource_register = rpc_resource_register,
	      .shared_alloc = rpc_shared_alloc, .shared_free = rpc_shared_free);

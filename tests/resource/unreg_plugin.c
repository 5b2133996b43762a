/* Test plugin "unreg": serves no op; logs every resource_unregister call so
 * tests can check that the runtime tells plugins when a resource leaves a
 * session. */

#include <vaccel/plugin.h>

static void unreg_resource_unregister(struct vaccel_resource *res,
				      struct vaccel_session *sess)
{
	vaccel_plugin_info("unregister resource %lld session %lld refcount "
			   "%ld",
			   (long long)res->id, (long long)sess->id,
			   res->refcount);
}

VACCEL_PLUGIN(.name = "unreg", .version = "1.0", .type = VACCEL_PLUGIN_CPU,
	      .resource_unregister = unreg_resource_unregister);

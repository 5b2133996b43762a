/* Test plugin built against a newer runtime: besides noop it lists an op
 * id this runtime does not know, which the runtime skips with a warning
 * instead of refusing the plugin. */

#include <vaccel/plugin.h>

static int future_fn(void)
{
	return 0;
}

static int future_noop(struct vaccel_session *sess)
{
	vaccel_plugin_info("noop from future_op (session %lld)",
			   (long long)sess->id);
	return VACCEL_OK;
}

static const struct vaccel_op ops[] = {
    {(vaccel_op_type_t)(VACCEL_OP_MAX + 5), (void *)future_fn, NULL},
    VACCEL_PLUGIN_OP(noop, future_noop),
};

VACCEL_PLUGIN(.name = "future_op", .version = "1.0", .type = VACCEL_PLUGIN_CPU,
	      .ops = ops, .nr_ops = 2);

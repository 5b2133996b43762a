/* Test plugin whose op count runs far past its op array. */

#include <vaccel/plugin.h>

static int some_fn(void)
{
	return 0;
}

static const struct vaccel_op ops[] = {
    {VACCEL_OP_NOOP, (void *)some_fn, NULL},
};

VACCEL_PLUGIN(.name = "desc_many_ops", .version = "1.0",
	      .type = VACCEL_PLUGIN_CPU, .ops = ops, .nr_ops = 1u << 30);

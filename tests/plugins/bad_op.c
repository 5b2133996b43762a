/* Test plugin that lists an op id no IDL declares. */

#include <vaccel/plugin.h>

static int some_fn(void)
{
	return 0;
}

static const struct vaccel_op ops[] = {
    {(vaccel_op_type_t)99, (void *)some_fn, NULL},
};

VACCEL_PLUGIN(.name = "bad_op", .version = "1.0", .type = VACCEL_PLUGIN_CPU,
	      .ops = ops, .nr_ops = 1);

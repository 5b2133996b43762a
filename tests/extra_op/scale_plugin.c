/* Test plugin serving the test-only op vector_scale through the typed entry
 * generated from extra.idl. */

#include <vaccel/plugin.h>

static int scale(struct vaccel_session *sess, const float *x, float *y,
		 size_t n, float factor)
{
	(void)sess;
	for (size_t i = 0; i < n; i++)
		y[i] = x[i] * factor;
	return VACCEL_OK;
}

static const struct vaccel_op ops[] = {
    VACCEL_PLUGIN_OP(vector_scale, scale),
};

VACCEL_PLUGIN(.name = "scale", .version = "1.0", .type = VACCEL_PLUGIN_CPU,
	      .ops = ops, .nr_ops = 1);

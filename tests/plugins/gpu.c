/* Test plugin "gpu": type GPU only; fpga_arraycopy doubles each element so
 * a test can tell which plugin served the call. */

#include <vaccel/plugin.h>

static int gpu_arraycopy(struct vaccel_session *sess, int *a, int *out_a,
			 size_t len_a)
{
	(void)sess;
	for (size_t i = 0; i < len_a; i++)
		out_a[i] = 2 * a[i];
	return VACCEL_OK;
}

static const struct vaccel_op ops[] = {
    VACCEL_PLUGIN_OP(fpga_arraycopy, gpu_arraycopy),
};

VACCEL_PLUGIN(.name = "gpu", .version = "1.0", .type = VACCEL_PLUGIN_GPU,
	      .priority = 5, .ops = ops,
	      .nr_ops = sizeof(ops) / sizeof(ops[0]));

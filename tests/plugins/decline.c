/* Test plugin "decline": highest priority, implements minmax and noop but
 * declines every call with VACCEL_ENOTSUP, so dispatch must fall back. */

#include <vaccel/plugin.h>

#include <stdatomic.h>

static atomic_int declined;

static int decline_noop(struct vaccel_session *sess)
{
	(void)sess;
	atomic_fetch_add(&declined, 1);
	return VACCEL_ENOTSUP;
}

static int decline_minmax(struct vaccel_session *sess, const double *indata,
			  int ndata, int low_threshold, int high_threshold,
			  double *outdata, double *min, double *max)
{
	(void)sess;
	(void)indata;
	(void)ndata;
	(void)low_threshold;
	(void)high_threshold;
	(void)outdata;
	(void)min;
	(void)max;
	atomic_fetch_add(&declined, 1);
	return VACCEL_ENOTSUP;
}

/* Lets a test read how often the plugin declined. */
__attribute__((visibility("default"))) int decline_count(void)
{
	return atomic_load(&declined);
}

static const struct vaccel_op ops[] = {
    VACCEL_PLUGIN_OP(noop, decline_noop),
    VACCEL_PLUGIN_OP(minmax, decline_minmax),
};

VACCEL_PLUGIN(.name = "decline", .version = "1.0",
	      .type = VACCEL_PLUGIN_CPU | VACCEL_PLUGIN_DEBUG, .priority = 100,
	      .ops = ops, .nr_ops = sizeof(ops) / sizeof(ops[0]));

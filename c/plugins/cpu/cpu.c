/* The cpu plugin: the reference backend of the demo ops (minmax and the
 * fpga_* ops) in plain C. Its results are the ones an accelerated backend
 * must reproduce; see docs/cpu.md for the exact semantics. */

#include <vaccel/plugin.h>

#include <stdlib.h>
#include <string.h>

static int cpu_minmax(struct vaccel_session *sess, const double *indata,
		      int ndata, int low_threshold, int high_threshold,
		      double *outdata, double *min, double *max)
{
	(void)sess;
	/* min and max of no data are undefined: refuse rather than invent. */
	if (ndata <= 0) {
		vaccel_plugin_error("minmax: ndata is %d; need at least 1",
				    ndata);
		return VACCEL_EINVAL;
	}
	if (low_threshold > high_threshold) {
		vaccel_plugin_error("minmax: low_threshold %d is above "
				    "high_threshold %d",
				    low_threshold, high_threshold);
		return VACCEL_EINVAL;
	}
	if (!indata || !outdata || !min || !max)
		return VACCEL_EINVAL;

	double lo = indata[0], hi = indata[0];

	for (int i = 0; i < ndata; i++) {
		double v = indata[i];

		if (v < lo)
			lo = v;
		if (v > hi)
			hi = v;
		if (v < low_threshold)
			v = low_threshold;
		else if (v > high_threshold)
			v = high_threshold;
		/* indata may alias outdata: read before writing. */
		outdata[i] = v;
	}
	*min = lo;
	*max = hi;
	return VACCEL_OK;
}

static int cpu_arraycopy(struct vaccel_session *sess, int *a, int *out_a,
			 size_t len_a)
{
	(void)sess;
	if (len_a && (!a || !out_a))
		return VACCEL_EINVAL;
	if (len_a)
		memmove(out_a, a, len_a * sizeof(*a));
	return VACCEL_OK;
}

/* The integer square root of n, or 0 with *exact false. */
static size_t isqrt(size_t n, int *exact)
{
	size_t lo = 0, hi = n < 2 ? n : n / 2 + 1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;

		if (mid <= n / mid)
			lo = mid;
		else
			hi = mid - 1;
	}
	*exact = lo * lo == n;
	return lo;
}

static int cpu_mmult(struct vaccel_session *sess, float *a, float *b, float *c,
		     size_t len_a)
{
	int exact;
	size_t side = isqrt(len_a, &exact);
	float *out;

	(void)sess;
	if (!exact) {
		vaccel_plugin_error("fpga_mmult: len_a %zu is not the size of "
				    "a square matrix",
				    len_a);
		return VACCEL_EINVAL;
	}
	if (!len_a)
		return VACCEL_OK;
	if (!a || !b || !c)
		return VACCEL_EINVAL;
	/* c may alias a or b: compute into a scratch matrix first. */
	out = malloc(len_a * sizeof(*out));
	if (!out)
		return VACCEL_ENOMEM;
	for (size_t i = 0; i < side; i++)
		for (size_t j = 0; j < side; j++) {
			float sum = 0;

			for (size_t k = 0; k < side; k++)
				sum += a[i * side + k] * b[k * side + j];
			out[i * side + j] = sum;
		}
	memcpy(c, out, len_a * sizeof(*out));
	free(out);
	return VACCEL_OK;
}

static int cpu_parallel(struct vaccel_session *sess, float *a, float *b,
			float *add_output, float *mult_output, size_t len_a)
{
	(void)sess;
	if (len_a && (!a || !b || !add_output || !mult_output))
		return VACCEL_EINVAL;
	for (size_t i = 0; i < len_a; i++) {
		float x = a[i], y = b[i];

		add_output[i] = x + y;
		mult_output[i] = x * y;
	}
	return VACCEL_OK;
}

static int cpu_vectoradd(struct vaccel_session *sess, float *a, float *b,
			 float *c, size_t len_a, size_t len_b)
{
	(void)sess;
	/* c holds len_a sums; a shorter b would be read past its end. */
	if (len_b < len_a) {
		vaccel_plugin_error("fpga_vectoradd: len_b %zu is less than "
				    "len_a %zu",
				    len_b, len_a);
		return VACCEL_EINVAL;
	}
	if (len_a && (!a || !b || !c))
		return VACCEL_EINVAL;
	for (size_t i = 0; i < len_a; i++)
		c[i] = a[i] + b[i];
	return VACCEL_OK;
}

static const struct vaccel_op cpu_ops[] = {
    VACCEL_PLUGIN_OP(minmax, cpu_minmax),
    VACCEL_PLUGIN_OP(fpga_arraycopy, cpu_arraycopy),
    VACCEL_PLUGIN_OP(fpga_mmult, cpu_mmult),
    VACCEL_PLUGIN_OP(fpga_parallel, cpu_parallel),
    VACCEL_PLUGIN_OP(fpga_vectoradd, cpu_vectoradd),
};

VACCEL_PLUGIN(.name = "cpu", .version = VACCEL_VERSION,
	      .type = VACCEL_PLUGIN_CPU, .ops = cpu_ops,
	      .nr_ops = sizeof(cpu_ops) / sizeof(cpu_ops[0]));

/* Test plugin "typed": real computations behind typed entries, priority 10,
 * serving CPU sessions. */

#include <vaccel/plugin.h>

static int typed_minmax(struct vaccel_session *sess, const double *indata,
			int ndata, int low_threshold, int high_threshold,
			double *outdata, double *min, double *max)
{
	(void)sess;
	*min = indata[0];
	*max = indata[0];
	for (int i = 0; i < ndata; i++) {
		double v = indata[i];

		if (v < *min)
			*min = v;
		if (v > *max)
			*max = v;
		if (v < low_threshold)
			v = low_threshold;
		if (v > high_threshold)
			v = high_threshold;
		outdata[i] = v;
	}
	return VACCEL_OK;
}

static int typed_vadd(struct vaccel_session *sess, float *a, float *b, float *c,
		      size_t len_a, size_t len_b)
{
	(void)sess;
	if (len_a != len_b) {
		vaccel_plugin_error("fpga_vadd: lengths %zu and %zu differ",
				    len_a, len_b);
		return VACCEL_EINVAL;
	}
	for (size_t i = 0; i < len_a; i++)
		c[i] = a[i] + b[i];
	return VACCEL_OK;
}

/* Column-major C = alpha * A x B + beta * C. */
static int typed_sgemm(struct vaccel_session *sess, int64_t m, int64_t n,
		       int64_t k, float alpha, float *a, int64_t lda, float *b,
		       int64_t ldb, float beta, float *c, int64_t ldc)
{
	(void)sess;
	for (int64_t j = 0; j < n; j++)
		for (int64_t i = 0; i < m; i++) {
			float acc = 0;

			for (int64_t p = 0; p < k; p++)
				acc += a[p * lda + i] * b[j * ldb + p];
			c[j * ldc + i] = alpha * acc + beta * c[j * ldc + i];
		}
	return VACCEL_OK;
}

/* exec: sums the int32 read args into the first write arg. */
static int typed_exec(struct vaccel_session *sess, const char *library,
		      const char *fn_symbol, struct vaccel_arg *read,
		      size_t nr_read, struct vaccel_arg *write, size_t nr_write)
{
	int32_t sum = 0;

	(void)sess;
	vaccel_plugin_debug("exec %s:%s with %zu read, %zu write", library,
			    fn_symbol, nr_read, nr_write);
	if (nr_write < 1 || write[0].size != sizeof(int32_t))
		return VACCEL_EINVAL;
	for (size_t i = 0; i < nr_read; i++)
		sum += *(int32_t *)read[i].buf;
	*(int32_t *)write[0].buf = sum;
	return VACCEL_OK;
}

static const struct vaccel_op ops[] = {
    VACCEL_PLUGIN_OP(minmax, typed_minmax),
    VACCEL_PLUGIN_OP(fpga_vadd, typed_vadd),
    VACCEL_PLUGIN_OP(sgemm, typed_sgemm),
    VACCEL_PLUGIN_OP(exec, typed_exec),
};

VACCEL_PLUGIN(.name = "typed", .version = "1.0", .type = VACCEL_PLUGIN_CPU,
	      .priority = 10, .ops = ops,
	      .nr_ops = sizeof(ops) / sizeof(ops[0]));

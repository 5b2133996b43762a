/* The blas plugin: sgemm on OpenBLAS. Column-major, no transposes, as the
 * IDL declares: C = alpha * A x B + beta * C with A m x k (lda), B k x n
 * (ldb), C m x n (ldc). See docs/blas.md. */

#include <vaccel/plugin.h>

#include <cblas.h>
#include <limits.h>

/* OpenBLAS takes 32-bit dimensions (blasint is int in Debian's build). */
static int check_dim(const char *name, int64_t value, int64_t least)
{
	if (value < least) {
		vaccel_plugin_error("sgemm: %s is %lld; it must be at least "
				    "%lld",
				    name, (long long)value, (long long)least);
		return VACCEL_EINVAL;
	}
	if (value > INT_MAX) {
		vaccel_plugin_error("sgemm: %s is %lld; OpenBLAS takes at "
				    "most %d",
				    name, (long long)value, INT_MAX);
		return VACCEL_EINVAL;
	}
	return VACCEL_OK;
}

static int64_t at_least_1(int64_t v)
{
	return v > 1 ? v : 1;
}

static int blas_sgemm(struct vaccel_session *sess, int64_t m, int64_t n,
		      int64_t k, float alpha, float *a, int64_t lda, float *b,
		      int64_t ldb, float beta, float *c, int64_t ldc)
{
	int ret;

	if ((ret = check_dim("m", m, 0)) || (ret = check_dim("n", n, 0)) ||
	    (ret = check_dim("k", k, 0)) ||
	    (ret = check_dim("lda", lda, at_least_1(m))) ||
	    (ret = check_dim("ldb", ldb, at_least_1(k))) ||
	    (ret = check_dim("ldc", ldc, at_least_1(m))))
		return ret;
	/* Nothing to write: C is empty. */
	if (m == 0 || n == 0)
		return VACCEL_OK;
	if (!c || (k > 0 && (!a || !b))) {
		vaccel_plugin_error("sgemm: a matrix is NULL");
		return VACCEL_EINVAL;
	}
	vaccel_plugin_debug("sgemm(session %lld, m=%lld, n=%lld, k=%lld)",
			    (long long)sess->id, (long long)m, (long long)n,
			    (long long)k);
	cblas_sgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, (int)m, (int)n,
		    (int)k, alpha, a, (int)lda, b, (int)ldb, beta, c, (int)ldc);
	return VACCEL_OK;
}

static const struct vaccel_op blas_ops[] = {
    VACCEL_PLUGIN_OP(blas_sgemm, blas_sgemm),
};

VACCEL_PLUGIN(.name = "blas", .version = VACCEL_VERSION,
	      .type = VACCEL_PLUGIN_CPU, .ops = blas_ops,
	      .nr_ops = sizeof(blas_ops) / sizeof(blas_ops[0]));

/* vaccel_genop: sgemm called with packed arguments, the same product as
 * sgemm.c. Every scalar is packed (sgemm's counts are products, so none is
 * derived): read = [op, m, n, k, alpha, a, lda, b, ldb, beta, ldc],
 * write = [c] (docs/genop.md).
 *
 *   bazel run //examples:sgemm_generic
 *   VACCEL_PLUGINS=libvaccel-blas.so ./sgemm_generic
 */

#include <vaccel.h>

#include <stdio.h>

#define ARG(p, s)                                                              \
	{                                                                      \
		(void *)(p), (s), VACCEL_ARG_RAW, 0, false                     \
	}

int main(void)
{
	struct vaccel_session sess;
	vaccel_op_type_t op = VACCEL_OP_BLAS_SGEMM;
	int64_t m = 2, n = 2, k = 3, lda = 2, ldb = 3, ldc = 2;
	float alpha = 1.0f, beta = 0.0f;
	/* Column-major A = [1 2 3; 4 5 6], B = [7 8; 9 10; 11 12]. */
	float a[] = {1, 4, 2, 5, 3, 6};
	float b[] = {7, 9, 11, 8, 10, 12};
	float c[4] = {0};
	struct vaccel_arg read[] = {
	    ARG(&op, sizeof(op)),	ARG(&m, sizeof(m)),
	    ARG(&n, sizeof(n)),		ARG(&k, sizeof(k)),
	    ARG(&alpha, sizeof(alpha)), ARG(a, sizeof(a)),
	    ARG(&lda, sizeof(lda)),	ARG(b, sizeof(b)),
	    ARG(&ldb, sizeof(ldb)),	ARG(&beta, sizeof(beta)),
	    ARG(&ldc, sizeof(ldc))};
	struct vaccel_arg write[] = {ARG(c, sizeof(c))};
	int ret;

	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	ret = vaccel_genop(&sess, read, 11, write, 1);
	printf("vaccel_genop(VACCEL_OP_BLAS_SGEMM): %s\n",
	       vaccel_error_to_str(ret));
	if (!ret) {
		printf("C = A x B:\n");
		printf("  %g %g\n", c[0], c[2]);
		printf("  %g %g\n", c[1], c[3]);
	}
	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

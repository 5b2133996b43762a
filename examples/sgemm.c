/* sgemm with the blas plugin: C = alpha * A x B + beta * C on small
 * column-major matrices, printed row by row.
 *
 *   bazel run //examples:sgemm
 *   VACCEL_PLUGINS=libvaccel-blas.so ./sgemm
 */

#include <vaccel.h>

#include <stdio.h>

/* Prints the m x n column-major matrix c (leading dimension ldc). */
static void print_matrix(const char *title, const float *c, int m, int n,
			 int ldc)
{
	printf("%s\n", title);
	for (int i = 0; i < m; i++) {
		for (int j = 0; j < n; j++)
			printf("%s%g", j ? " " : "  ", c[i + j * ldc]);
		printf("\n");
	}
}

int main(void)
{
	struct vaccel_session sess;
	/* A = [1 2 3; 4 5 6] (2 x 3) and B = [7 8; 9 10; 11 12] (3 x 2),
	 * stored column by column. */
	float a[] = {1, 4, 2, 5, 3, 6};
	float b[] = {7, 9, 11, 8, 10, 12};
	float c[4] = {0};
	int ret;

	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}

	/* C = A x B: m = 2, n = 2, k = 3, lda = 2, ldb = 3, ldc = 2. */
	ret = vaccel_sgemm(&sess, 2, 2, 3, 1.0f, a, 2, b, 3, 0.0f, c, 2);
	printf("vaccel_sgemm: %s\n", vaccel_error_to_str(ret));
	if (ret)
		goto out;
	print_matrix("C = A x B:", c, 2, 2, 2);

	/* C = 2 * A x B + 1 * C, reusing the result. */
	ret = vaccel_sgemm(&sess, 2, 2, 3, 2.0f, a, 2, b, 3, 1.0f, c, 2);
	printf("vaccel_sgemm: %s\n", vaccel_error_to_str(ret));
	if (ret)
		goto out;
	print_matrix("C = 2 * A x B + C:", c, 2, 2, 2);
out:
	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

/* The four fpga demo ops with the cpu plugin, their reference backend.
 *
 *   bazel run //examples:fpga
 *   VACCEL_PLUGINS=libvaccel-cpu.so ./fpga
 */

#include <vaccel.h>

#include <stdio.h>

static void print_floats(const char *title, const float *v, size_t n)
{
	printf("%s:", title);
	for (size_t i = 0; i < n; i++)
		printf(" %g", v[i]);
	printf("\n");
}

int main(void)
{
	struct vaccel_session sess;
	int ret;

	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}

	/* arraycopy: out = a. */
	int a[] = {1, 2, 3, 4, 5}, copy[5] = {0};
	ret = vaccel_fpga_arraycopy(&sess, a, copy, 5);
	printf("vaccel_fpga_arraycopy: %s\n", vaccel_error_to_str(ret));
	if (ret)
		goto out;
	printf("copy:");
	for (int i = 0; i < 5; i++)
		printf(" %d", copy[i]);
	printf("\n");

	/* mmult: two 2 x 2 row-major matrices, 4 elements each. */
	float m1[] = {1, 2, 3, 4}, m2[] = {5, 6, 7, 8}, prod[4];
	ret = vaccel_fpga_mmult(&sess, m1, m2, prod, 4);
	printf("vaccel_fpga_mmult: %s\n", vaccel_error_to_str(ret));
	if (ret)
		goto out;
	print_floats("[1 2; 3 4] x [5 6; 7 8]", prod, 4);

	/* parallel: element-wise sum and product. */
	float x[] = {1, 2, 3}, y[] = {4, 5, 6}, sum[3], mul[3];
	ret = vaccel_fpga_parallel(&sess, x, y, sum, mul, 3);
	printf("vaccel_fpga_parallel: %s\n", vaccel_error_to_str(ret));
	if (ret)
		goto out;
	print_floats("sum", sum, 3);
	print_floats("product", mul, 3);

	/* vadd: element-wise sum. */
	float va[] = {1, 2, 3, 4, 5}, vb[] = {1, 2, 6, 4, 5}, vc[5];
	ret = vaccel_fpga_vadd(&sess, va, vb, vc, 5, 5);
	printf("vaccel_fpga_vadd: %s\n", vaccel_error_to_str(ret));
	if (ret)
		goto out;
	print_floats("vadd", vc, 5);
out:
	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

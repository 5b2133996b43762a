/* minmax with the cpu plugin: clamp data to [low, high] and get the
 * minimum and maximum of the input.
 *
 *   bazel run //examples:minmax
 *   VACCEL_PLUGINS=libvaccel-cpu.so ./minmax
 */

#include <vaccel.h>

#include <stdio.h>

int main(void)
{
	struct vaccel_session sess;
	const double data[] = {4.5, -3, 12, 7, 0.25, 9};
	const int n = sizeof(data) / sizeof(data[0]);
	double clamped[sizeof(data) / sizeof(data[0])];
	double min = 0, max = 0;
	int ret;

	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}

	ret = vaccel_minmax(&sess, data, n, 0, 8, clamped, &min, &max);
	printf("vaccel_minmax: %s\n", vaccel_error_to_str(ret));
	if (!ret) {
		printf("min %g\n", min);
		printf("max %g\n", max);
		printf("clamped to [0, 8]:");
		for (int i = 0; i < n; i++)
			printf(" %g", clamped[i]);
		printf("\n");
	}
	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

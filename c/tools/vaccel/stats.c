/* Timing helpers of the vaccel tool. */

#include "tool.h"

#include <stdlib.h>
#include <time.h>

double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double percentile(double *t, int n, int p)
{
	long i;

	qsort(t, (size_t)n, sizeof(*t), cmp);
	i = (long)n * p / 100;
	return t[i < n ? i : n - 1];
}

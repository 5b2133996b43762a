/* Remote vs in-process torch_model_run in one process (docs/performance.md
 * "Remote execution"): a local session runs the model on the torch plugin
 * loaded here, a remote session (VACCEL_PLUGIN_REMOTE) through the rpc
 * plugin on vaccel-agent; runs alternate so both see the same machine.
 *
 *   VACCEL_PLUGINS=libvaccel-torch.so:libvaccel-rpc.so \
 *   VACCEL_RPC_ADDRESS=unix:///tmp/a.sock \
 *   remote_torch_bench [--runs N] NAME:MODEL.pt:D0,D1,... ...
 *
 * Per model: p50 of each path, the ratio, and whether the outputs agree.
 * Exits 1 on any failure or disagreement. Not a test: timings assert
 * nothing. */

#define _POSIX_C_SOURCE 200809L
#include <vaccel.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void)
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

struct side {
	struct vaccel_session sess;
	double *t;
	struct vaccel_torch_tensor *out;
};

static int run(struct side *s, struct vaccel_resource *m,
	       struct vaccel_torch_tensor *in, double *us)
{
	double t0 = now_us();
	int ret;

	if (s->out) {
		vaccel_torch_tensor_delete(s->out);
		s->out = NULL;
	}
	ret = vaccel_torch_model_run(&s->sess, m, NULL, &in, 1, &s->out, 1);
	*us = now_us() - t0;
	return ret;
}

static int bench_model(struct side *l, struct side *r, char *spec, int runs)
{
	char *name = strtok(spec, ":"), *path = strtok(NULL, ":"),
	     *dims_s = strtok(NULL, ":");
	int64_t dims[8];
	int nr = 0, ret;
	size_t n = 1;
	struct vaccel_resource model;
	struct vaccel_torch_tensor *in = NULL;
	float *data;
	double w;

	for (char *d = dims_s ? strtok(dims_s, ",") : NULL; d && nr < 8;
	     d = strtok(NULL, ","))
		n *= (size_t)(dims[nr++] = atoll(d));
	if (!name || !path || !nr) {
		fprintf(stderr, "bad model spec (NAME:PATH:D0,D1,...)\n");
		return 1;
	}
	data = malloc(n * sizeof(float));
	if (!data)
		return 1;
	for (size_t i = 0; i < n; i++) /* fixed pseudo-random input */
		data[i] = (float)((i * 2654435761u) % 1000) / 1000.0f - 0.5f;
	ret = vaccel_resource_init(&model, path, VACCEL_RESOURCE_MODEL);
	if (ret) {
		fprintf(stderr, "%s: %s\n", path, vaccel_error_to_str(ret));
		free(data);
		return 1;
	}
	ret = vaccel_resource_register(&model, &l->sess);
	if (!ret)
		ret = vaccel_resource_register(&model, &r->sess);
	if (!ret)
		ret = vaccel_torch_model_load(&l->sess, &model);
	if (!ret)
		ret = vaccel_torch_model_load(&r->sess, &model);
	if (!ret)
		ret =
		    vaccel_torch_tensor_new(&in, nr, dims, VACCEL_TORCH_FLOAT);
	if (!ret)
		ret = vaccel_torch_tensor_set_data(in, data, n * sizeof(float));
	/* Warm-up: first runs of a TorchScript model optimise it. */
	for (int k = 0; !ret && k < 3; k++) {
		ret = run(l, &model, in, &w);
		if (!ret)
			ret = run(r, &model, in, &w);
	}
	for (int k = 0; !ret && k < runs; k++) {
		ret = run(l, &model, in, &l->t[k]);
		if (!ret)
			ret = run(r, &model, in, &r->t[k]);
	}
	if (ret) {
		fprintf(stderr, "%s: %s\n", name, vaccel_error_to_str(ret));
	} else {
		double diff = 0;
		size_t m = l->out->size / sizeof(float);
		const float *a = l->out->data, *b = r->out->data;

		if (r->out->size != l->out->size)
			diff = INFINITY;
		else
			for (size_t i = 0; i < m; i++)
				diff = fmax(diff, fabs((double)a[i] - b[i]));
		qsort(l->t, (size_t)runs, sizeof(double), cmp);
		qsort(r->t, (size_t)runs, sizeof(double), cmp);
		printf("%-10s in %9zu B  in-process p50 %9.0f us  remote p50 "
		       "%9.0f us  remote/in-process %.3f  (p99 %.0f / %.0f "
		       "us; outputs %s)\n",
		       name, n * sizeof(float), l->t[runs / 2], r->t[runs / 2],
		       r->t[runs / 2] / l->t[runs / 2], l->t[runs * 99 / 100],
		       r->t[runs * 99 / 100], diff < 1e-5 ? "equal" : "DIFFER");
		ret = diff < 1e-5 ? 0 : 1;
	}
	if (in)
		vaccel_torch_tensor_delete(in);
	vaccel_resource_release(&model);
	free(data);
	return ret ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct side l = {0}, r = {0};
	int runs = 50, first = 1, failed = 0;

	if (argc > 2 && !strcmp(argv[1], "--runs")) {
		runs = atoi(argv[2]);
		first = 3;
	}
	if (first >= argc || runs < 1 || runs > 1000000) {
		fprintf(stderr, "usage: %s [--runs N] NAME:MODEL.pt:DIMS ...\n",
			argv[0]);
		return 2;
	}
	l.t = malloc(sizeof(double) * (size_t)runs);
	r.t = malloc(sizeof(double) * (size_t)runs);
	if (!l.t || !r.t || vaccel_session_init(&l.sess, 0) ||
	    vaccel_session_init(&r.sess, VACCEL_PLUGIN_REMOTE)) {
		fprintf(stderr, "cannot open the two sessions\n");
		return 1;
	}
	printf("torch_model_run, %d alternating runs per path\n", runs);
	for (int i = first; i < argc; i++)
		failed |= bench_model(&l, &r, argv[i], runs);
	if (l.out)
		vaccel_torch_tensor_delete(l.out);
	if (r.out)
		vaccel_torch_tensor_delete(r.out);
	vaccel_session_release(&r.sess);
	vaccel_session_release(&l.sess);
	free(l.t);
	free(r.t);
	return failed;
}

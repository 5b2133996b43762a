/* The same classification in-process and through vaccel-agent, side by
 * side, in one process: a local session runs it on the torch plugin loaded
 * here, a remote session (VACCEL_PLUGIN_REMOTE) sends it through the rpc
 * plugin to the agent. Both runs alternate, so they see the same machine.
 *
 *   VACCEL_PLUGINS=libvaccel-torch.so:libvaccel-rpc.so \
 *   VACCEL_RPC_ADDRESS=unix:///tmp/agent.sock \
 *   ./classify_compare [-n RUNS] MODEL_DIR IMAGE...
 *
 * Prints per image the label of each path and the median latency of each
 * (RUNS runs, default 20); exits 1 if the two paths disagree.
 */

#define _POSIX_C_SOURCE 200809L
#include <vaccel.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (data = malloc(n ? n : 1)) &&
	    fread(data, 1, n, f) == (size_t)n) {
		*size = (size_t)n;
	} else {
		free(data);
		data = NULL;
	}
	fclose(f);
	return data;
}

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

/* One session with the model registered. */
static int open_session(struct vaccel_session *s, struct vaccel_resource *m,
			uint32_t flags, const char *what)
{
	int ret = vaccel_session_init(s, flags);

	if (ret) {
		fprintf(stderr, "%s session: %s\n", what,
			vaccel_error_to_str(ret));
		return ret;
	}
	ret = vaccel_resource_register(m, s);
	if (ret) {
		fprintf(stderr, "%s register: %s\n", what,
			vaccel_error_to_str(ret));
		vaccel_session_release(s);
	}
	return ret;
}

static int classify(struct vaccel_session *s, const char *img, size_t size,
		    char *text, size_t len, double *us)
{
	unsigned char index[16];
	double t0 = now_us();
	int ret = vaccel_image_classification(s, img, (unsigned char *)text,
					      index, size, len, sizeof(index));

	*us = now_us() - t0;
	return ret;
}

int main(int argc, char **argv)
{
	struct vaccel_session local, remote;
	struct vaccel_resource model;
	int runs = 20, first = 1, failed = 0, ret;
	double sum_l = 0, sum_r = 0;

	if (argc > 2 && !strcmp(argv[1], "-n")) {
		runs = atoi(argv[2]);
		first = 3;
	}
	if (argc - first < 2 || runs < 1 || runs > 100000) {
		fprintf(stderr, "usage: %s [-n RUNS] MODEL_DIR IMAGE...\n",
			argv[0]);
		return 2;
	}
	ret = vaccel_resource_init(&model, argv[first], VACCEL_RESOURCE_MODEL);
	if (ret) {
		fprintf(stderr, "%s: %s\n", argv[first],
			vaccel_error_to_str(ret));
		return 1;
	}
	if (open_session(&local, &model, 0, "in-process")) {
		vaccel_resource_release(&model);
		return 1;
	}
	if (open_session(&remote, &model, VACCEL_PLUGIN_REMOTE, "remote")) {
		vaccel_session_release(&local);
		vaccel_resource_release(&model);
		return 1;
	}
	double *tl = malloc(sizeof(double) * (size_t)runs);
	double *tr = malloc(sizeof(double) * (size_t)runs);

	printf("%-14s %-22s %-22s %13s %13s\n", "image", "in-process", "remote",
	       "in-proc p50", "remote p50");
	for (int i = first + 1; tl && tr && i < argc; i++) {
		char lt[256] = "", rt[256] = "";
		size_t size;
		char *img = read_file(argv[i], &size);
		const char *base = strrchr(argv[i], '/');
		int r = 0;

		if (!img) {
			perror(argv[i]);
			failed = 1;
			continue;
		}
		/* Warm-up of each path, then alternate. */
		r = classify(&local, img, size, lt, sizeof(lt), &tl[0]);
		if (!r)
			r = classify(&remote, img, size, rt, sizeof(rt),
				     &tr[0]);
		for (int k = 0; !r && k < runs; k++) {
			r = classify(&local, img, size, lt, sizeof(lt), &tl[k]);
			if (!r)
				r = classify(&remote, img, size, rt, sizeof(rt),
					     &tr[k]);
		}
		free(img);
		if (r) {
			printf("%s: %s\n", argv[i], vaccel_error_to_str(r));
			failed = 1;
			continue;
		}
		qsort(tl, (size_t)runs, sizeof(double), cmp);
		qsort(tr, (size_t)runs, sizeof(double), cmp);
		sum_l += tl[runs / 2];
		sum_r += tr[runs / 2];
		printf("%-14s %-22s %-22s %10.0f us %10.0f us\n",
		       base ? base + 1 : argv[i], lt, rt, tl[runs / 2],
		       tr[runs / 2]);
		if (strcmp(lt, rt)) {
			printf("  the two paths disagree\n");
			failed = 1;
		}
	}
	if (sum_l > 0)
		printf("total of the medians: in-process %.0f us, remote %.0f "
		       "us (remote/in-process %.2fx, %d runs per image)\n",
		       sum_l, sum_r, sum_r / sum_l, runs);
	free(tl);
	free(tr);
	vaccel_session_release(&remote);
	vaccel_session_release(&local);
	vaccel_resource_release(&model);
	return failed ? 1 : 0;
}

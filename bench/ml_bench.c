/* The harness of the TensorFlow and LiteRT benchmarks: see ml_bench.h. */

#define _POSIX_C_SOURCE 200809L
#include "bench/ml_bench.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *prog = "ml_bench";

void mlb_die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

double mlb_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

void mlb_keep(struct mlb_buf *b, const void *p, size_t n)
{
	void *d = realloc(b->data, n ? n : 1);

	if (!d)
		mlb_die("out of memory");
	memcpy(d, p, n);
	b->data = d;
	b->size = n;
}

void *mlb_read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET))
		mlb_die("cannot read %s", path);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
		mlb_die("cannot read %s", path);
	fclose(f);
	*size = (size_t)n;
	return buf;
}

void mlb_split_model(const char *spec, const char **name, const char **path)
{
	static char buf[4096];
	char *colon;

	if (strlen(spec) >= sizeof(buf) || !(colon = strchr(spec, ':')))
		mlb_die("--model wants NAME:PATH, got %s", spec);
	strcpy(buf, spec);
	colon = buf + (colon - spec);
	*colon = '\0';
	*name = buf;
	*path = colon + 1;
}

static void usage(void)
{
	printf("usage: %s --plugin SO --model NAME:PATH ...\n"
	       "  --budget SECONDS (per model)  --iters N (timed per path)\n"
	       "  --warmup N  --quick  --vaccel-first (load order)\n"
	       "env: <NAME>_BENCH_QUICK=1, _ITERS, _BUDGET\n",
	       prog);
}

static void quick(struct mlb_opts *o)
{
	o->budget_s = 0.5;
	o->warmup = 2;
	o->min_iters = 3;
	o->max_iters = 200;
}

static const char *env(const char *name, const char *suffix)
{
	char var[64];
	size_t i;

	for (i = 0; name[i] && i < 40; i++)
		var[i] = (char)toupper((unsigned char)name[i]);
	snprintf(var + i, sizeof(var) - i, "_BENCH_%s", suffix);
	return getenv(var);
}

void mlb_parse_args(struct mlb_opts *o, const char *name, int argc, char **argv)
{
	const char *e;

	prog = name;
	memset(o, 0, sizeof(*o));
	o->budget_s = 20;
	o->warmup = 5;
	o->min_iters = 20;
	o->max_iters = 50000;
	if ((e = env(name, "QUICK")) && *e == '1')
		quick(o);
	if ((e = env(name, "BUDGET")))
		o->budget_s = atof(e);
	if ((e = env(name, "ITERS")))
		o->iters = atol(e);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool has_val = i + 1 < argc;

		if (!strcmp(a, "--quick")) {
			quick(o);
		} else if (!strcmp(a, "--vaccel-first")) {
			o->vaccel_first = true;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage();
			exit(0);
		} else if (!has_val) {
			mlb_die("%s needs a value (or is unknown)", a);
		} else if (!strcmp(a, "--plugin")) {
			o->plugin = argv[++i];
		} else if (!strcmp(a, "--model")) {
			if (o->nr_models == MLB_MAX_MODELS)
				mlb_die("at most %d models", MLB_MAX_MODELS);
			o->models[o->nr_models++] = argv[++i];
		} else if (!strcmp(a, "--budget")) {
			o->budget_s = atof(argv[++i]);
		} else if (!strcmp(a, "--iters")) {
			o->iters = atol(argv[++i]);
		} else if (!strcmp(a, "--warmup")) {
			o->warmup = atol(argv[++i]);
		} else {
			mlb_die("unknown argument %s", a);
		}
	}
	if (!o->nr_models || !o->plugin) {
		usage();
		exit(2);
	}
}

void mlb_print_head(const char *title)
{
	printf("%s, times in microseconds\n\n", title);
	printf("| model     |  iters | direct med | direct p99 | vaccel med "
	       "| vaccel p99 | overhead  | overhead us | output    |\n"
	       "|-----------|--------|------------|------------|------------"
	       "|------------|-----------|-------------|-----------|\n");
	fflush(stdout);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Nearest rank on sorted `v` (the maximum when n < 1/(1-p)). */
static double percentile(const double *v, long n, double p)
{
	long rank = (long)ceil(p * (double)n);

	return v[(rank < 1 ? 1 : rank) - 1];
}

/* Both outputs byte for byte: same runtime library, same data. */
static void check_equal(const char *model, const struct mlb_buf *a,
			const struct mlb_buf *b)
{
	const float *x = a->data, *y = b->data;
	double worst = 0;

	if (a->size != b->size)
		mlb_die("%s: output sizes differ (%zu vs %zu bytes)", model,
			a->size, b->size);
	if (!memcmp(a->data, b->data, a->size))
		return;
	for (size_t i = 0; i < a->size / sizeof(float); i++)
		worst = fmax(worst, fabs((double)x[i] - (double)y[i]));
	mlb_die("%s: outputs differ (max abs diff %g as float32)", model,
		worst);
}

static long clampl(long v, long lo, long hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void mlb_row(const struct mlb_opts *o, const char *model, mlb_run_fn direct,
	     mlb_run_fn vaccel, void *ctx, const struct mlb_buf *direct_out,
	     const struct mlb_buf *vaccel_out)
{
	double warm = 0, *ta, *tb, ma, mb;
	long n = o->iters, na = 0, nb = 0, len;

	/* Warm-up (first runs allocate and pack weights); it also sizes the
	 * timed loop. */
	for (long i = 0; i < o->warmup; i++)
		warm = direct(ctx, false) + vaccel(ctx, false);
	direct(ctx, true);
	vaccel(ctx, true);
	check_equal(model, direct_out, vaccel_out);

	if (n <= 0)
		n = clampl((long)(o->budget_s * 1e6 / fmax(warm, 1.0)),
			   o->min_iters, o->max_iters);
	ta = malloc((size_t)n * sizeof(*ta));
	tb = malloc((size_t)n * sizeof(*tb));
	if (!ta || !tb)
		mlb_die("out of memory");
	/* Blocks alternate ABBA so drift (other load, frequency) hits both;
	 * about 20 ms each, so slow models alternate every call. */
	len = clampl((long)(2e4 / fmax(warm / 2, 0.1)), 1,
		     n / 10 > 1 ? n / 10 : 1);
	for (long blk = 0; na < n; blk++) {
		if (len > n - na)
			len = n - na;
		for (int half = 0; half < 2; half++) {
			bool a_first = blk % 2 == 0;
			bool is_direct = a_first == (half == 0);

			for (long i = 0; i < len; i++) {
				if (is_direct)
					ta[na++] = direct(ctx, false);
				else
					tb[nb++] = vaccel(ctx, false);
			}
		}
	}
	qsort(ta, (size_t)n, sizeof(*ta), cmp_double);
	qsort(tb, (size_t)n, sizeof(*tb), cmp_double);
	ma = percentile(ta, n, 0.5);
	mb = percentile(tb, n, 0.5);
	printf("| %-9s | %6ld | %10.2f | %10.2f | %10.2f | %10.2f | %+8.2f%% "
	       "| %+11.2f | identical |\n",
	       model, n, ma, percentile(ta, n, 0.99), mb,
	       percentile(tb, n, 0.99), 100.0 * (mb - ma) / ma, mb - ma);
	fflush(stdout);
	free(ta);
	free(tb);
}

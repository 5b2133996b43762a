#pragma once

/* The timing harness shared by the TensorFlow and LiteRT benchmarks
 * (tf_bench.c, tflite_bench.c): options, the warm-up, the interleaved
 * ABBA loop, the output check and the table. The method is the torch
 * benchmark's (docs/performance.md). */

#include <stdbool.h>
#include <stddef.h>

#define MLB_MAX_MODELS 8

struct mlb_opts {
	const char *plugin;
	const char *models[MLB_MAX_MODELS]; /* NAME:PATH */
	int nr_models;
	double budget_s; /* per model, both paths together */
	long iters;	 /* fixed timed calls per path (0: budget) */
	long warmup;
	long min_iters;
	long max_iters;
	/* Load the model into the plugin before the direct path's copy
	 * (--vaccel-first): which runtime instance is made first can
	 * matter (docs/performance.md). */
	bool vaccel_first;
};

/* A path's last output, kept for the equality check. */
struct mlb_buf {
	void *data;
	size_t size;
};

/* One call of a path: runs the model once, returns its microseconds;
 * with `keep`, copies the output into the path's mlb_buf. Exits with
 * status 2 on any error. */
typedef double (*mlb_run_fn)(void *ctx, bool keep);

/* Parses the command line (and the NAME_BENCH_* environment variables,
 * NAME in capitals); prints usage and exits on errors. */
void mlb_parse_args(struct mlb_opts *o, const char *name, int argc,
		    char **argv);

/* Splits "NAME:PATH" into its parts (static storage, overwritten by the
 * next call). */
void mlb_split_model(const char *spec, const char **name, const char **path);

/* Prints the table head (after `title`, a line about the setup). */
void mlb_print_head(const char *title);

/* Warm-up, output check, timed ABBA loop and one table row. */
void mlb_row(const struct mlb_opts *o, const char *model, mlb_run_fn direct,
	     mlb_run_fn vaccel, void *ctx, const struct mlb_buf *direct_out,
	     const struct mlb_buf *vaccel_out);

/* Microseconds of the monotonic clock. */
double mlb_now_us(void);

/* Keeps a buffer's copy from being optimised away. */
static inline void mlb_escape(void *p)
{
	__asm__ volatile("" : : "g"(p) : "memory");
}

/* Stores `n` bytes at `p` into `b` (grown as needed). */
void mlb_keep(struct mlb_buf *b, const void *p, size_t n);

/* Reads a whole file; exits on failure. */
void *mlb_read_file(const char *path, size_t *size);

__attribute__((noreturn, format(printf, 1, 2))) void mlb_die(const char *fmt,
							     ...);

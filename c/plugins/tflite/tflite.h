#pragma once

/* Internals of the tflite plugin, shared by its C files. */

#include "litert_api.h"

#include <vaccel/plugin.h>
#include <vaccel/plugin_cache.h>

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

/* One input or output of the model's first signature. */
struct tfl_io {
	const char *name; /* owned by the LiteRT model */
	LiteRtRankedTensorType type;
	size_t bytes;
};

/* A compiled instance of a model with its tensor buffers. A run takes one
 * for itself, so runs of one model proceed in parallel, each on its own
 * instance (a LiteRT compiled model is not safe to run concurrently). */
struct tfl_runner {
	struct tfl_runner *next;
	LiteRtCompiledModel compiled;
	LiteRtTensorBuffer *in, *out;
};

/* A loaded model, kept in the plugin's table by resource id. */
struct tfl_model {
	/* Its place in the plugin's table (vaccel/plugin_cache.h): the
	 * resource id and the references (one for the table, one per run
	 * in progress; the last one frees). */
	struct vaccel_plugin_cache_entry entry;
	void *bytes; /* the .tflite bytes; LiteRT reads them in place */
	size_t size;
	LiteRtModel model;
	size_t nr_in, nr_out;
	struct tfl_io *in, *out;
	/* Guards the runner pool below. */
	pthread_mutex_t lock;
	pthread_cond_t idle_cond;
	struct tfl_runner *idle;
	size_t nr_runners;
};

extern LiteRtEnvironment tfl_env;
/* At most this many compiled instances per model (VACCEL_TFLITE_RUNNERS,
 * default the number of online CPUs); more concurrent runs wait. */
extern size_t tfl_max_runners;

/* Bytes per element for dtypes LiteRT host buffers carry; 0 otherwise. */
static inline size_t tfl_dtype_size(int dtype)
{
	size_t size;

	vaccel_tflite_data_type_elem_size(dtype, &size);
	return size;
}

/* Builds a model from .tflite bytes (copied) and compiles one instance. */
int tfl_model_create(struct tfl_model **out, vaccel_id_t res_id,
		     const void *bytes, size_t size);
void tfl_model_put(struct tfl_model *m);

/* The table: add (VACCEL_EEXIST if present), get (+1 ref, NULL if
 * absent), remove (drops the table's ref; VACCEL_ENOENT if absent). */
int tfl_table_add(struct tfl_model *m);
struct tfl_model *tfl_table_get(vaccel_id_t res_id);
int tfl_table_remove(vaccel_id_t res_id);
void tfl_table_clear(void);

/* Takes an instance (compiling a new one if allowed, else waiting for
 * one), gives it back. */
int tfl_runner_take(struct tfl_model *m, struct tfl_runner **out);
void tfl_runner_give(struct tfl_model *m, struct tfl_runner *r);

/* The plugin's version check of libLiteRt.so (version.c). */
int tfl_check_version(void);

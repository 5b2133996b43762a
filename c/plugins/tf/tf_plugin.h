#pragma once

/* Internals of the tf plugin, shared by its C files. */

#include <tensorflow/c/c_api.h>
#include <vaccel/plugin.h>
#include <vaccel/plugin_cache.h>

#include <stdarg.h>

/* The TensorFlow release the plugin is built and tested against (the
 * pinned tensorflow-cpu wheel of scripts/ml_runtimes.sh). */
#define TF_PINNED_VERSION "2.21.0"

/* A loaded SavedModel, kept in the plugin's table by resource id. */
struct tfp_model {
	/* Its place in the plugin's table (vaccel/plugin_cache.h): the
	 * resource id and the references (one for the table, one per run
	 * in progress; the last one frees). */
	struct vaccel_plugin_cache_entry entry;
	TF_Graph *graph;
	TF_Session *session; /* TF_SessionRun is thread-safe */
};

/* TensorFlow's status codes (TF_Code) the plugin sets itself. */
enum {
	TFP_INVALID_ARGUMENT = 3,
	TFP_NOT_FOUND = 5,
	TFP_FAILED_PRECONDITION = 9,
	TFP_UNIMPLEMENTED = 12,
	TFP_INTERNAL = 13,
};

/* Logs the message as an error, puts it into `status` with TensorFlow
 * code `tf_code`, and returns `ret`. */
int tfp_fail(struct vaccel_tf_status *status, int ret, int tf_code,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The same for a TensorFlow status that is not OK: its code and message,
 * after `what`; returns the vaccel code for TF's code. */
int tfp_fail_tf(struct vaccel_tf_status *status, const TF_Status *s,
		const char *what);
/* Success: code 0, no message. */
void tfp_ok(struct vaccel_tf_status *status);

/* The SavedModel in directory `dir` (tag "serve") as a new model. */
int tfp_model_create(struct tfp_model **out, vaccel_id_t res_id,
		     const char *dir, struct vaccel_tf_status *status);
void tfp_model_put(struct tfp_model *m);

/* The table: add (VACCEL_EEXIST if present), get (+1 ref, NULL if
 * absent), remove (drops the table's ref; VACCEL_ENOENT if absent). */
int tfp_table_add(struct tfp_model *m);
struct tfp_model *tfp_table_get(vaccel_id_t res_id);
int tfp_table_remove(vaccel_id_t res_id);
void tfp_table_clear(void);

/* The directory to load `res` from: the resource's own directory, or a
 * staged copy (links) that restores variables/ for files given by base
 * name; *staged says whether to tfp_unstage it after loading. */
int tfp_model_dir(struct vaccel_resource *res, char **dir, int *staged);
void tfp_unstage(char *dir);

/* The run op (run.c). */
int tfp_run(struct vaccel_session *sess, struct vaccel_resource *res,
	    const struct vaccel_tf_buffer *run_options,
	    const struct vaccel_tf_node *in_nodes,
	    struct vaccel_tf_tensor *const *in_tensors, int nr_inputs,
	    const struct vaccel_tf_node *out_nodes,
	    struct vaccel_tf_tensor **out_tensors, int nr_outputs,
	    struct vaccel_tf_status *status);

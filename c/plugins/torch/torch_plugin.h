#pragma once

/*
 * The torch plugin's internal interfaces.
 *
 * engine.cc is the only translation unit that includes libtorch (each one
 * costs 15-25 s to compile); everything else is C and talks to it through
 * the extern "C" functions below, which never throw.
 *
 *   plugin.c      the descriptor, the op table, start and stop
 *   model_ops.c   torch_model_load / torch_model_run / jitload_forward
 *   model_cache.c loaded models per resource, freed on unregister
 *   engine.cc     libtorch: load a module from bytes, run forward
 *   classify.c    image_classification on a TorchScript model
 *   classify_assets.c  the session's model, metadata and labels for it
 *   image.c       image decoding (stb_image) and preprocessing
 *   meta.c        the model metadata (JSON, read with Jansson) and the
 *                 labels file
 */

#include <vaccel/plugin.h>

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A loaded TorchScript module on the plugin's device (engine.cc). */
struct torch_module;

/* ---- engine.cc -------------------------------------------------------- */

/* Picks the device from VACCEL_TORCH_DEVICE (cpu|cuda; default cuda when
 * libtorch sees a GPU, else cpu). VACCEL_EINVAL for any other value,
 * VACCEL_ENODEV for cuda without a GPU. */
int torch_engine_init(void);
/* "cpu" or "cuda". */
const char *torch_engine_device(void);

/* Loads a TorchScript module from `size` bytes at `data` (a model file's
 * content; never a path, so the bytes can come from anywhere). `name`
 * names it in log lines. VACCEL_EBACKEND with the libtorch message logged
 * when the bytes are not a TorchScript archive. */
int torch_module_load(const void *data, size_t size, const char *name,
		      struct torch_module **out);
void torch_module_free(struct torch_module *m);

/* Runs forward on `nr_in` inputs and writes the flattened outputs (tuples
 * and lists in order) into out[0..nr_out), each allocated with the host's
 * torch_tensor_allocate (the caller frees them with
 * vaccel_torch_tensor_delete). Slots past the produced outputs are set to
 * NULL. VACCEL_EINVAL for bad tensors (unknown dtype, data size not
 * matching dims), a wrong shape or dtype for the model, or too few output
 * slots; VACCEL_EBACKEND for other libtorch errors (message logged). On
 * error no output is left allocated. Safe to call from many threads on one
 * module. */
int torch_module_forward(struct torch_module *m,
			 struct vaccel_torch_tensor *const *in, int nr_in,
			 struct vaccel_torch_tensor **out, int nr_out);

/* ---- model_cache.c ---------------------------------------------------- */

/* A cached model: the module plus a reference count, so an unregister
 * never frees a module under a running call. */
struct torch_model;

/* The model loaded from MODEL resource `res` (loading it on first use from
 * the resource's model file; see model_cache.c for which blob that is).
 * Takes a reference: release it with torch_model_put. */
int torch_model_get(struct vaccel_resource *res, struct torch_model **out);
void torch_model_put(struct torch_model *model);
struct torch_module *torch_model_module(struct torch_model *model);
/* Drops the cached model of `res` (the resource_unregister hook, and
 * torch_model_unload when there is one). */
void torch_model_forget(struct vaccel_resource *res);
void torch_model_cache_clear(void);

/* ---- model_ops.c ------------------------------------------------------ */

/* The ops (signatures of vaccel/plugin_ops.h). */
int torch_model_load(struct vaccel_session *sess,
		     struct vaccel_resource *model);
int torch_model_run(struct vaccel_session *sess, struct vaccel_resource *model,
		    const struct vaccel_torch_buffer *run_options,
		    struct vaccel_torch_tensor *const *inputs, int nr_inputs,
		    struct vaccel_torch_tensor **outputs, int nr_outputs);
/* The resource_unregister hook: drops the model of `res` once no session
 * holds the resource any more. */
void torch_resource_unregister(struct vaccel_resource *res,
			       struct vaccel_session *sess);
/* False (with a debug line) for a session that asked for GPU plugins only
 * while the plugin runs on the cpu: ops then return VACCEL_ENOTSUP so the
 * call passes on to the next plugin. */
bool torch_session_served(struct vaccel_session *sess);

/* ---- classify.c ------------------------------------------------------ */

/* The image_classification op: see classify.c and docs/torch.md. */
int torch_image_classify(struct vaccel_session *sess, const void *img,
			 unsigned char *out_text, unsigned char *out_imgname,
			 size_t len_img, size_t len_out_text,
			 size_t len_out_imgname);

#ifdef __cplusplus
}
#endif

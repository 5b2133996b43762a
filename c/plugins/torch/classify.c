/*
 * image_classification on a TorchScript model (docs/torch.md, "Image
 * classification"): the session's one MODEL resource, its metadata and
 * labels (from the model resource's *.json / labels file, or from the
 * session's DATA resources), the image decoded and preprocessed as the
 * metadata says, one forward, softmax when the model gives logits, top-1.
 *
 * out_text receives "<label> (<score>)", the score with 3 decimals;
 * out_imgname receives the class index in decimal (vAccel names an output
 * image there, which classification does not produce).
 */

#include "classify_assets.h"
#include "image.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes and preprocesses the image into a malloc'd float32 tensor
 * body (*out, *size bytes). */
static int make_input(const void *img, size_t len, const struct torch_meta *m,
		      float **out, size_t *size)
{
	struct torch_image image;
	char err[256];

	if (torch_image_decode(img, len, &image, err, sizeof(err))) {
		vaccel_plugin_error(LOG_PREFIX "%s", err);
		return VACCEL_EINVAL;
	}
	*size = (size_t)m->width * m->height * m->channels * sizeof(float);
	*out = malloc(*size);
	if (!*out) {
		torch_image_free(&image);
		return VACCEL_ENOMEM;
	}
	torch_image_preprocess(&image, m, *out);
	torch_image_free(&image);
	return VACCEL_OK;
}

/* Runs the model on the input and leaves its one output in *out. */
static int forward(struct assets *a, float *input, size_t size,
		   struct vaccel_torch_tensor **out)
{
	const struct torch_meta *m = &a->meta;
	int64_t dims[4] = {1, m->channels, m->height, m->width};
	struct torch_model *model;
	int ret;

	if (m->layout == TORCH_META_NHWC) {
		dims[1] = m->height;
		dims[2] = m->width;
		dims[3] = m->channels;
	}
	struct vaccel_torch_tensor in = {
	    .data = input,
	    .size = size,
	    .owned = false,
	    .nr_dims = 4,
	    .dims = dims,
	    .data_type = VACCEL_TORCH_FLOAT,
	};
	struct vaccel_torch_tensor *inputs[1] = {&in};

	ret = torch_model_get(a->model, &model);
	if (ret)
		return ret;
	ret =
	    torch_module_forward(torch_model_module(model), inputs, 1, out, 1);
	torch_model_put(model);
	return ret;
}

/* The top-1 class of output `t` (float32 [1, K] or [K]) and its score:
 * softmax of the logits, or the probability as given. */
static int top1(const struct vaccel_torch_tensor *t, bool logits, size_t *cls,
		size_t *nr_classes, double *score)
{
	size_t k = t->size / sizeof(float);
	const float *v = t->data;

	if (t->data_type != VACCEL_TORCH_FLOAT || k == 0 || !v ||
	    !((t->nr_dims == 1 && t->dims[0] == (int64_t)k) ||
	      (t->nr_dims == 2 && t->dims[0] == 1 &&
	       t->dims[1] == (int64_t)k))) {
		vaccel_plugin_error(LOG_PREFIX "the model's output is not a "
					       "float32 [1, classes] tensor "
					       "(%lld dims, type %d)",
				    (long long)t->nr_dims, (int)t->data_type);
		return VACCEL_EINVAL;
	}
	*cls = 0;
	for (size_t i = 0; i < k; i++) {
		if (!isfinite(v[i])) {
			vaccel_plugin_error(LOG_PREFIX "the model's output "
						       "%zu is not finite",
					    i);
			return VACCEL_EBACKEND;
		}
		if (v[i] > v[*cls])
			*cls = i;
	}
	*nr_classes = k;
	if (!logits) {
		*score = v[*cls];
		if (!(*score > 0 && *score <= 1.0 + 1e-6)) {
			vaccel_plugin_error(LOG_PREFIX "output: the metadata "
						       "says probabilities, "
						       "but the top one is %g",
					    *score);
			return VACCEL_EINVAL;
		}
		if (*score > 1)
			*score = 1;
		return VACCEL_OK;
	}
	/* softmax at the top class: 1 / sum(exp(v[i] - max)) */
	double sum = 0;
	for (size_t i = 0; i < k; i++)
		sum += exp((double)v[i] - v[*cls]);
	*score = 1.0 / sum;
	return VACCEL_OK;
}

/* Writes the result. The score goes out without printf's %f, which
 * follows the host program's locale (a ',' decimal separator). */
static void write_result(struct assets *a, size_t cls, double score,
			 unsigned char *out_text, size_t len_out_text,
			 unsigned char *out_imgname, size_t len_out_imgname)
{
	size_t nr_labels;
	char **labels = torch_assets_labels(a, &nr_labels);
	unsigned int milli = (unsigned int)(score * 1000 + 0.5);
	char index[32];

	snprintf(index, sizeof(index), "%zu", cls);
	if (out_text && len_out_text)
		snprintf((char *)out_text, len_out_text, "%s (%u.%03u)",
			 labels && cls < nr_labels ? labels[cls] : index,
			 milli / 1000, milli % 1000);
	if (out_imgname && len_out_imgname)
		snprintf((char *)out_imgname, len_out_imgname, "%s", index);
}

int torch_image_classify(struct vaccel_session *sess, const void *img,
			 unsigned char *out_text, unsigned char *out_imgname,
			 size_t len_img, size_t len_out_text,
			 size_t len_out_imgname)
{
	const struct vaccel_host_api *h = vaccel_plugin_host;
	struct assets a = {0};
	struct vaccel_torch_tensor *out = NULL;
	float *input = NULL;
	size_t size, cls, nr_classes, nr_labels;
	double score;
	int ret;

	if (!VACCEL_HOST_HAS(h, session_resources_by_type) ||
	    !h->session_resources_by_type) {
		vaccel_plugin_error(LOG_PREFIX "the host runtime lacks "
					       "session_resources_by_type");
		return VACCEL_ENOTSUP;
	}
	if (!sess || !img || !len_img) {
		vaccel_plugin_error(LOG_PREFIX "no %s",
				    sess ? "image (0 bytes)" : "session");
		return VACCEL_EINVAL;
	}
	if ((ret = torch_assets_find_model(sess, &a)) ||
	    (ret = torch_assets_load_meta(&a)) ||
	    (ret = torch_assets_load_labels(&a)) ||
	    (ret = make_input(img, len_img, &a.meta, &input, &size)) ||
	    (ret = forward(&a, input, size, &out)))
		goto out;
	if ((ret = top1(out, a.meta.logits, &cls, &nr_classes, &score)))
		goto out;
	torch_assets_labels(&a, &nr_labels);
	if (nr_labels && nr_labels != nr_classes) {
		vaccel_plugin_error(LOG_PREFIX "labels: %zu of them for a "
					       "model with %zu classes",
				    nr_labels, nr_classes);
		ret = VACCEL_EINVAL;
		goto out;
	}
	write_result(&a, cls, score, out_text, len_out_text, out_imgname,
		     len_out_imgname);
	vaccel_plugin_debug(LOG_PREFIX "class %zu of %zu, score %.4f", cls,
			    nr_classes, score);
out:
	if (out)
		h->torch_tensor_delete(out);
	free(input);
	torch_assets_release(&a);
	return ret;
}

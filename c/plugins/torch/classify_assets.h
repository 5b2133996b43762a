#pragma once

/*
 * What image classification needs from the session besides the image: the
 * one MODEL resource, the metadata and the labels (docs/torch.md, "Image
 * classification"). Errors are logged, naming what is missing or wrong.
 */

#include "meta.h"
#include "torch_plugin.h"

#define LOG_PREFIX "image_classification: "

/* What one classification needs besides the image. */
struct assets {
	struct vaccel_resource *model;
	/* The session's DATA resources (host-allocated array). */
	struct vaccel_resource **data;
	size_t nr_data;
	struct torch_meta meta;
	/* Labels from a file; meta.labels when inline; none: the index. */
	char **file_labels;
	size_t nr_file_labels;
};

/* The session's one MODEL resource (VACCEL_ENOENT when none, VACCEL_EINVAL
 * when several) and its DATA resources. */
int torch_assets_find_model(struct vaccel_session *sess, struct assets *a);
/* The metadata: the model resource's *.json, else the one among the DATA
 * resources (VACCEL_EINVAL when none, several or bad). */
int torch_assets_load_meta(struct assets *a);
/* The labels file the metadata names, looked for the same way. */
int torch_assets_load_labels(struct assets *a);
/* The labels to use (NULL: the class index) and their number. */
char **torch_assets_labels(const struct assets *a, size_t *nr);
void torch_assets_release(struct assets *a);

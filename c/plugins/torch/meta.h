#pragma once

/*
 * The metadata of an image classification model: what the input tensor
 * looks like, how pixels are normalised, where the labels are and what the
 * output means. It travels as a small JSON document (docs/torch.md, "Image
 * classification"):
 *
 *   {"input": {"width": 8, "height": 8, "channels": 1,
 *              "layout": "NCHW", "dtype": "float32"},
 *    "normalize": {"scale": 0.00392156862745098,
 *                  "mean": [0.3054], "std": [0.3759]},
 *    "labels": "digits_labels.txt",       (or ["zero", "one", ...])
 *    "output": "logits"}                  (or "probabilities")
 *
 * Pure C, no vaccel calls: the tests compile it in directly.
 */

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Limits that keep a hostile document from asking for absurd work. */
#define TORCH_META_MAX_BYTES (64 * 1024)
#define TORCH_META_MAX_SIDE 4096
#define TORCH_META_MAX_LABELS 100000

enum torch_meta_layout { TORCH_META_NCHW, TORCH_META_NHWC };

struct torch_meta {
	int width, height;
	/* 1 (gray) or 3 (RGB). */
	int channels;
	enum torch_meta_layout layout;
	/* value = (pixel * scale - mean[c]) / std[c], pixel in 0..255. */
	float scale;
	float mean[3], std[3];
	/* The output is logits (softmax applied) or probabilities. */
	bool logits;
	/* "labels" as an inline list (nr_labels of them) ... */
	char **labels;
	size_t nr_labels;
	/* ... or as the name of a labels file; both NULL when absent. */
	char *labels_file;
};

/* Parses and checks a metadata document. On error returns -1 and writes
 * the reason into err, naming the key ("input.width: expected an integer
 * in 1..4096") or the byte offset of a syntax error. */
int torch_meta_parse(const char *text, size_t len, struct torch_meta *meta,
		     char *err, size_t err_size);
void torch_meta_release(struct torch_meta *meta);

/* Splits a labels file: one label per line ("\n" or "\r\n"), surrounding
 * blanks trimmed, a trailing empty line ignored. An empty label (a blank
 * line), a NUL byte or more than TORCH_META_MAX_LABELS lines is an error
 * (-1, reason in err). */
int torch_labels_parse(const char *text, size_t len, char ***labels,
		       size_t *nr_labels, char *err, size_t err_size);
void torch_labels_free(char **labels, size_t nr_labels);

#ifdef __cplusplus
}
#endif

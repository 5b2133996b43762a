/* vaccel_tf_model_load/run/unload: classify a synthetic 16x16 RGB image
 * with a small TensorFlow SavedModel CNN (images [N,H,W,3] float in, [N,5]
 * scores out; tests/tf/make_models.py makes it). The model directory is
 * one MODEL resource. Plugin: tf (VACCEL_PLUGINS).
 *
 * The node names are the SavedModel signature's, as saved_model_cli (or
 * tests/tf/conv.nodes) shows them: serving_default_image:0 in,
 * StatefulPartitionedCall:0 out (docs/tf.md).
 *
 * Usage: tf_inference <saved_model_dir> [iterations] */

#include <vaccel.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#define H 16
#define W 16
#define C 3
#define CLASSES 5

/* A deterministic test pattern in [0, 1]. */
static void fill_image(float *img)
{
	for (int i = 0; i < H * W * C; i++)
		img[i] = (float)(i % 17) / 16.0f;
}

/* Prints the status and forgets its message. */
static void show(const char *what, int ret, struct vaccel_tf_status *st)
{
	printf("%s: %s, status %" PRIu8 "%s%s\n", what,
	       ret ? "failed" : "VACCEL_OK", st->code, st->message ? ": " : "",
	       st->message ? st->message : "");
	vaccel_tf_status_release(st);
}

static int classify(struct vaccel_session *sess, struct vaccel_resource *model,
		    struct vaccel_tf_tensor *in)
{
	struct vaccel_tf_node in_node = {"serving_default_image", 0};
	struct vaccel_tf_node out_node = {"StatefulPartitionedCall", 0};
	struct vaccel_tf_status st = {0};
	struct vaccel_tf_tensor *out = NULL;
	const float *scores;
	int ret, best = 0;

	ret = vaccel_tf_model_run(sess, model, NULL, &in_node, &in, 1,
				  &out_node, &out, 1, &st);
	show("vaccel_tf_model_run", ret, &st);
	if (ret)
		return ret;
	if (out->data_type != VACCEL_TF_FLOAT || out->nr_dims != 2 ||
	    out->size != CLASSES * sizeof(float)) {
		fprintf(stderr, "unexpected output: dtype %d, %zu bytes\n",
			(int)out->data_type, out->size);
		vaccel_tf_tensor_delete(out);
		return VACCEL_EINVAL;
	}
	scores = out->data;
	printf("scores:");
	for (int i = 0; i < CLASSES; i++) {
		printf(" %.6f", scores[i]);
		if (scores[i] > scores[best])
			best = i;
	}
	printf("\nclass %d\n", best);
	return vaccel_tf_tensor_delete(out);
}

int main(int argc, char **argv)
{
	static float img[H * W * C];
	const int64_t dims[] = {1, H, W, C};
	struct vaccel_tf_tensor *in = NULL;
	struct vaccel_tf_status st = {0};
	struct vaccel_resource model;
	struct vaccel_session sess;
	int ret, iters = argc > 2 ? atoi(argv[2]) : 1;

	if (argc < 2 || argc > 3 || iters < 1) {
		fprintf(stderr, "usage: %s <saved_model_dir> [iterations]\n",
			argv[0]);
		return 1;
	}
	/* A directory resource: every file of the SavedModel, by its path
	 * inside it (saved_model.pb, variables/variables.index, ...). */
	ret = vaccel_resource_init(&model, argv[1], VACCEL_RESOURCE_MODEL);
	if (ret) {
		fprintf(stderr, "cannot make a resource of %s: %d\n", argv[1],
			ret);
		return 1;
	}
	ret = vaccel_session_init(&sess, 0);
	if (ret)
		goto release_model;
	ret = vaccel_resource_register(&model, &sess);
	if (ret)
		goto release_session;

	ret = vaccel_tf_model_load(&sess, &model, &st);
	show("vaccel_tf_model_load", ret, &st);
	if (ret)
		goto release_session;

	fill_image(img);
	ret = vaccel_tf_tensor_new(&in, 4, dims, VACCEL_TF_FLOAT);
	if (!ret)
		ret = vaccel_tf_tensor_set_data(in, img, sizeof(img));
	for (int i = 0; !ret && i < iters; i++)
		ret = classify(&sess, &model, in);
	if (in)
		vaccel_tf_tensor_delete(in);

	if (vaccel_tf_model_unload(&sess, &model, &st))
		fprintf(stderr, "unload failed\n");
	vaccel_tf_status_release(&st);
release_session:
	vaccel_session_release(&sess);
release_model:
	vaccel_resource_release(&model);
	return ret ? 1 : 0;
}

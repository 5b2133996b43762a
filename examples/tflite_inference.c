/* vaccel_tflite_model_load/run/unload: classify a synthetic 16x16 RGB
 * image with a small .tflite CNN (1x16x16x3 float32 in, 1x5 scores out;
 * tests/tflite/make_models.py makes it). Plugin: tflite (VACCEL_PLUGINS).
 *
 * Usage: tflite_inference <model.tflite> [iterations] */

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

static int classify(struct vaccel_session *sess, struct vaccel_resource *model,
		    struct vaccel_tflite_tensor *in)
{
	struct vaccel_tflite_tensor *out = NULL;
	uint8_t status = 0;
	const float *scores;
	int ret, best = 0;

	ret = vaccel_tflite_model_run(sess, model, &in, 1, &out, 1, &status);
	printf("vaccel_tflite_model_run: %s, status %" PRIu8 "\n",
	       ret ? "failed" : "VACCEL_OK", status);
	if (ret)
		return ret;
	if (out->data_type != VACCEL_TFLITE_FLOAT32 ||
	    out->size != CLASSES * sizeof(float)) {
		fprintf(stderr, "unexpected output: dtype %d, %zu bytes\n",
			(int)out->data_type, out->size);
		vaccel_tflite_tensor_delete(out);
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
	return vaccel_tflite_tensor_delete(out);
}

int main(int argc, char **argv)
{
	static float img[H * W * C];
	const int32_t dims[] = {1, H, W, C};
	struct vaccel_tflite_tensor *in = NULL;
	struct vaccel_resource model;
	struct vaccel_session sess;
	int ret, iters = argc > 2 ? atoi(argv[2]) : 1;

	if (argc < 2 || argc > 3 || iters < 1) {
		fprintf(stderr, "usage: %s <model.tflite> [iterations]\n",
			argv[0]);
		return 1;
	}
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

	ret = vaccel_tflite_model_load(&sess, &model);
	printf("vaccel_tflite_model_load: %s\n", ret ? "failed" : "VACCEL_OK");
	if (ret)
		goto release_session;

	fill_image(img);
	ret = vaccel_tflite_tensor_new(&in, 4, dims, VACCEL_TFLITE_FLOAT32);
	if (!ret)
		ret = vaccel_tflite_tensor_set_data(in, img, sizeof(img));
	for (int i = 0; !ret && i < iters; i++)
		ret = classify(&sess, &model, in);
	if (in)
		vaccel_tflite_tensor_delete(in);

	if (vaccel_tflite_model_unload(&sess, &model))
		fprintf(stderr, "unload failed\n");
release_session:
	vaccel_session_release(&sess);
release_model:
	vaccel_resource_release(&model);
	return ret ? 1 : 0;
}

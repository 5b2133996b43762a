/* Tensors in, tensors out with the torch plugin: loads a TorchScript model
 * as a MODEL resource and runs it on input tensors read from files, then
 * prints the output tensor and its largest element's index.
 *
 *   bazel run //examples:torch_inference
 *   VACCEL_PLUGINS=libvaccel-torch.so ./torch_inference MODEL.pt TENSOR...
 *
 * With the demo model (examples/models: a digits classifier) each TENSOR
 * file is one digit as the model's input: 64 float32, shape [1, 1, 8, 8],
 * already normalised; the output is the 10 classes' logits.
 */

#include <vaccel.h>

#include <stdio.h>
#include <string.h>

#define SIDE 8

/* Reads exactly SIDE * SIDE floats from `path`. */
static int read_tensor(const char *path, float *data)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		perror(path);
		return -1;
	}
	n = fread(data, sizeof(float), SIDE * SIDE, f);
	if (n != SIDE * SIDE || fgetc(f) != EOF) {
		fprintf(stderr, "%s: expected %d float32 values\n", path,
			SIDE * SIDE);
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Runs the model on one tensor file and prints the outputs. */
static int run_one(struct vaccel_session *sess, struct vaccel_resource *model,
		   const char *path)
{
	const int64_t dims[] = {1, 1, SIDE, SIDE};
	float data[SIDE * SIDE];
	struct vaccel_torch_tensor *in = NULL, *out = NULL;
	int ret;

	if (read_tensor(path, data))
		return VACCEL_EINVAL;
	/* The tensor points at our buffer; it does not own it. */
	ret = vaccel_torch_tensor_new(&in, 4, dims, VACCEL_TORCH_FLOAT);
	if (!ret)
		ret = vaccel_torch_tensor_set_data(in, data, sizeof(data));
	if (!ret)
		ret =
		    vaccel_torch_model_run(sess, model, NULL, &in, 1, &out, 1);
	if (ret) {
		printf("%s: vaccel_torch_model_run: %s\n", base_name(path),
		       vaccel_error_to_str(ret));
		goto out;
	}

	const float *y = out->data;
	size_t n = out->size / sizeof(float), best = 0;
	printf("%s: output [", base_name(path));
	for (int64_t d = 0; d < out->nr_dims; d++)
		printf("%s%lld", d ? ", " : "", (long long)out->dims[d]);
	printf("]:");
	for (size_t i = 0; i < n; i++) {
		printf(" %.3f", y[i]);
		if (y[i] > y[best])
			best = i;
	}
	printf("\n%s: argmax %zu\n", base_name(path), best);
out:
	/* Outputs come from the backend; the caller frees them. */
	if (out)
		vaccel_torch_tensor_delete(out);
	if (in)
		vaccel_torch_tensor_delete(in);
	return ret;
}

int main(int argc, char **argv)
{
	struct vaccel_session sess;
	struct vaccel_resource model;
	int ret, failed = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: %s MODEL.pt TENSOR...\n", argv[0]);
		return 2;
	}
	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	/* The model travels as a resource: the plugin gets its bytes, never
	 * needs the path (the session may be remote). */
	ret = vaccel_resource_init(&model, argv[1], VACCEL_RESOURCE_MODEL);
	if (ret) {
		fprintf(stderr, "%s: %s\n", argv[1], vaccel_error_to_str(ret));
		vaccel_session_release(&sess);
		return 1;
	}
	ret = vaccel_resource_register(&model, &sess);
	if (!ret)
		ret = vaccel_torch_model_load(&sess, &model);
	printf("vaccel_torch_model_load: %s\n", vaccel_error_to_str(ret));
	if (!ret)
		for (int i = 2; i < argc; i++)
			failed |= run_one(&sess, &model, argv[i]) != 0;
	vaccel_resource_release(&model);
	vaccel_session_release(&sess);
	return ret || failed ? 1 : 0;
}

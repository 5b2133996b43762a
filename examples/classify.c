/* Image in, label out with the torch plugin: registers a model directory
 * (TorchScript model, metadata, labels: docs/torch.md, "Image
 * classification") and classifies each image given.
 *
 *   bazel run //examples:classify
 *   VACCEL_PLUGINS=libvaccel-torch.so ./classify MODEL_DIR IMAGE...
 *
 * Prints "<image file>: <label> (<score>)" per image.
 */

#include <vaccel.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole file in a malloc'd buffer. */
static char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (data = malloc(n ? n : 1)) &&
	    fread(data, 1, n, f) == (size_t)n) {
		*size = (size_t)n;
	} else {
		free(data);
		data = NULL;
	}
	fclose(f);
	return data;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int main(int argc, char **argv)
{
	struct vaccel_session sess;
	struct vaccel_resource model;
	int ret, failed = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: %s MODEL_DIR IMAGE...\n", argv[0]);
		return 2;
	}
	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	/* One MODEL resource from the directory: the model file, the
	 * metadata (*.json) and the labels file it names travel together. */
	ret = vaccel_resource_init(&model, argv[1], VACCEL_RESOURCE_MODEL);
	if (ret) {
		fprintf(stderr, "%s: %s\n", argv[1], vaccel_error_to_str(ret));
		vaccel_session_release(&sess);
		return 1;
	}
	ret = vaccel_resource_register(&model, &sess);
	if (ret) {
		fprintf(stderr, "register: %s\n", vaccel_error_to_str(ret));
		failed = 1;
	}
	for (int i = 2; !ret && i < argc; i++) {
		unsigned char text[256], index[16];
		size_t size;
		char *img = read_file(argv[i], &size);

		if (!img) {
			perror(argv[i]);
			failed = 1;
			continue;
		}
		/* out_text: "<label> (<score>)"; out_imgname: the class
		 * index (the torch plugin makes no output image). */
		int r = vaccel_image_classification(
		    &sess, img, text, index, size, sizeof(text), sizeof(index));
		if (r) {
			printf("%s: %s\n", base_name(argv[i]),
			       vaccel_error_to_str(r));
			failed = 1;
		} else {
			printf("%s: %s\n", base_name(argv[i]), text);
		}
		free(img);
	}
	vaccel_resource_release(&model);
	vaccel_session_release(&sess);
	return failed ? 1 : 0;
}

/* Per-call cost of vaccel_noop and of vaccel_torch_model_run on the digits
 * model, from C: the baseline bindings/python/bench.py prints next to the
 * same calls from Python. Plugins from VACCEL_PLUGINS (noop and torch).
 *
 *     call_cost MODEL.pt TENSOR.f32 CALLS
 * prints "c noop_ns N" and "c torch_model_run_us N". */

#define _POSIX_C_SOURCE 200809L

#include <vaccel.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct vaccel_session sess;
	struct vaccel_resource model;
	struct vaccel_torch_tensor *in = NULL, *out = NULL;
	static const int64_t dims[] = {1, 1, 8, 8};
	float data[64];
	FILE *f;
	long calls;
	double t0;
	int ret;

	if (argc != 4 || (calls = atol(argv[3])) <= 0) {
		fprintf(stderr, "usage: %s MODEL.pt TENSOR.f32 CALLS\n",
			argv[0]);
		return 2;
	}
	f = fopen(argv[2], "rb");
	if (!f || fread(data, sizeof(data), 1, f) != 1) {
		fprintf(stderr, "cannot read 64 floats from %s\n", argv[2]);
		if (f)
			fclose(f);
		return 1;
	}
	fclose(f);
	if ((ret = vaccel_session_init(&sess, 0)) ||
	    (ret = vaccel_resource_init(&model, argv[1],
					VACCEL_RESOURCE_MODEL)) ||
	    (ret = vaccel_resource_register(&model, &sess)) ||
	    (ret = vaccel_torch_tensor_new(&in, 4, dims, VACCEL_TORCH_FLOAT)) ||
	    (ret = vaccel_torch_tensor_set_data(in, data, sizeof(data)))) {
		fprintf(stderr, "setup: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	t0 = now();
	for (long i = 0; i < calls * 100; i++)
		if ((ret = vaccel_noop(&sess))) {
			fprintf(stderr, "noop: %s\n", vaccel_error_to_str(ret));
			return 1;
		}
	printf("c noop_ns %.0f\n", (now() - t0) / (double)(calls * 100) * 1e9);
	for (long i = -10; i < calls; i++) {
		if (i == 0)
			t0 = now();
		ret = vaccel_torch_model_run(&sess, &model, NULL, &in, 1, &out,
					     1);
		if (ret) {
			fprintf(stderr, "torch_model_run: %s\n",
				vaccel_error_to_str(ret));
			return 1;
		}
		vaccel_torch_tensor_delete(out);
	}
	printf("c torch_model_run_us %.1f\n",
	       (now() - t0) / (double)calls * 1e6);
	vaccel_torch_tensor_delete(in);
	vaccel_resource_unregister(&model, &sess);
	vaccel_resource_release(&model);
	vaccel_session_release(&sess);
	return 0;
}

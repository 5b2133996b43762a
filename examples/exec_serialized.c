/* exec with a struct of our own: struct mydata is serialized into one arg
 * with vaccel_arg_array_add_serialized, the library (mytestlib.c) returns
 * it with the array reversed, and vaccel_arg_array_get_serialized turns
 * the output arg back into a struct.
 *
 *   bazel run //examples:exec_serialized
 *   VACCEL_PLUGINS=libvaccel-exec.so ./exec_serialized ./libmytestlib.so
 */

#include "mydata.h"

#include <vaccel.h>

#include <stdio.h>
#include <stdlib.h>

static void print_data(const char *title, const struct mydata *d)
{
	printf("%s:", title);
	for (uint32_t i = 0; i < d->count; i++)
		printf(" %u", (unsigned)d->array[i]);
	printf("\n");
}

int main(int argc, char *argv[])
{
	struct vaccel_session sess;
	struct vaccel_arg_array read, write;
	uint32_t numbers[] = {1, 2, 3, 4, 5, 6};
	struct mydata in = {6, numbers}, out = {0, NULL};
	int ret;

	if (argc != 2) {
		fprintf(stderr, "usage: %s LIBRARY\n", argv[0]);
		return 2;
	}
	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	vaccel_arg_array_init(&read, 1);
	vaccel_arg_array_init(&write, 1);

	/* The input, and an output arg of the same size for the result. */
	ret = vaccel_arg_array_add_serialized(&read, VACCEL_ARG_CUSTOM,
					      MYDATA_TYPE_ID, &in, sizeof(in),
					      mydata_serialize);
	if (!ret)
		ret = vaccel_arg_array_add_serialized(
		    &write, VACCEL_ARG_CUSTOM, MYDATA_TYPE_ID, &in, sizeof(in),
		    mydata_serialize);
	if (ret) {
		fprintf(stderr, "packing: %s\n", vaccel_error_to_str(ret));
		goto out;
	}
	print_data("input", &in);

	ret = vaccel_exec(
	    &sess, argv[1], "mytestfunc_serialized",
	    vaccel_arg_array_raw(&read), vaccel_arg_array_count(&read),
	    vaccel_arg_array_raw(&write), vaccel_arg_array_count(&write));
	printf("vaccel_exec: %s\n", vaccel_error_to_str(ret));
	if (ret)
		goto out;

	ret = vaccel_arg_array_get_serialized(&write, VACCEL_ARG_CUSTOM,
					      MYDATA_TYPE_ID, &out, sizeof(out),
					      mydata_deserialize);
	if (ret) {
		fprintf(stderr, "unpacking: %s\n", vaccel_error_to_str(ret));
		goto out;
	}
	print_data("reversed", &out);
	free(out.array);
out:
	vaccel_arg_array_release(&write);
	vaccel_arg_array_release(&read);
	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

/* exec with the exec plugin: call mytestfunc() of a shared library of our
 * own (mytestlib.c), which doubles an int32.
 *
 *   bazel run //examples:exec
 *   VACCEL_PLUGINS=libvaccel-exec.so ./exec ./libmytestlib.so
 */

#include <vaccel.h>

#include <stdint.h>
#include <stdio.h>

int main(int argc, char *argv[])
{
	struct vaccel_session sess;
	int32_t input = 10, output = 0;
	/* Arguments are (buf, size, type, custom id, owned). */
	struct vaccel_arg read[] = {
	    {&input, sizeof(input), VACCEL_ARG_INT32, 0, false}};
	struct vaccel_arg write[] = {
	    {&output, sizeof(output), VACCEL_ARG_INT32, 0, false}};
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

	ret = vaccel_exec(&sess, argv[1], "mytestfunc", read, 1, write, 1);
	printf("vaccel_exec: %s\n", vaccel_error_to_str(ret));
	if (!ret)
		printf("mytestfunc(%d) = %d\n", (int)input, (int)output);

	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

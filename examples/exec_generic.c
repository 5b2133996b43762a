/* vaccel_genop: exec called with packed arguments. read = [op, library,
 * function, the function's own read args...], write = [the function's
 * write args...]: exec's arg arrays take all remaining args on their side
 * (docs/genop.md).
 *
 *   bazel run //examples:exec_generic
 *   VACCEL_PLUGINS=libvaccel-exec.so ./exec_generic ./libmytestlib.so
 */

#include <vaccel.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[])
{
	struct vaccel_session sess;
	vaccel_op_type_t op = VACCEL_OP_EXEC;
	char fn[] = "mytestfunc";
	int32_t input = 21, output = 0;
	int ret;

	if (argc != 2) {
		fprintf(stderr, "usage: %s LIBRARY\n", argv[0]);
		return 2;
	}
	struct vaccel_arg read[] = {
	    {&op, sizeof(op), VACCEL_ARG_RAW, 0, false},
	    /* Strings are packed with their NUL. */
	    {argv[1], strlen(argv[1]) + 1, VACCEL_ARG_STRING, 0, false},
	    {fn, sizeof(fn), VACCEL_ARG_STRING, 0, false},
	    {&input, sizeof(input), VACCEL_ARG_INT32, 0, false}};
	struct vaccel_arg write[] = {
	    {&output, sizeof(output), VACCEL_ARG_INT32, 0, false}};

	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	ret = vaccel_genop(&sess, read, 4, write, 1);
	printf("vaccel_genop(VACCEL_OP_EXEC): %s\n", vaccel_error_to_str(ret));
	if (!ret)
		printf("mytestfunc(%d) = %d\n", (int)input, (int)output);
	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

/* vaccel_genop: the noop op called with packed arguments. read[0] holds the
 * op id; noop has no other parameters (docs/genop.md).
 *
 *   bazel run //examples:noop_generic
 *   VACCEL_PLUGINS=libvaccel-noop.so ./noop_generic
 */

#include <vaccel.h>

#include <stdio.h>

int main(void)
{
	struct vaccel_session sess;
	vaccel_op_type_t op = VACCEL_OP_NOOP;
	struct vaccel_arg read[] = {
	    {&op, sizeof(op), VACCEL_ARG_RAW, 0, false}};
	int ret;

	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	ret = vaccel_genop(&sess, read, 1, NULL, 0);
	printf("vaccel_genop(VACCEL_OP_NOOP): %s\n", vaccel_error_to_str(ret));
	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

/* The smallest vaccel program: open a session, call the noop op directly
 * and through genop, and an image op whose text the noop plugin fills in.
 *
 *   VACCEL_PLUGINS=libvaccel-noop.so ./noop
 */

#include <vaccel.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
	struct vaccel_session sess;
	unsigned char text[64] = {0}, imgname[64] = {0};
	const char img[] = "not really an image";
	vaccel_op_type_t op = VACCEL_OP_NOOP;
	struct vaccel_arg read[] = {
	    {&op, sizeof(op), VACCEL_ARG_RAW, 0, false}};
	int ret;

	ret = vaccel_session_init(&sess, 0);
	if (ret) {
		fprintf(stderr, "session: %s\n", vaccel_error_to_str(ret));
		return 1;
	}
	printf("session %lld\n", (long long)sess.id);

	ret = vaccel_noop(&sess);
	printf("vaccel_noop: %s\n", vaccel_error_to_str(ret));
	if (ret)
		goto out;

	ret = vaccel_genop(&sess, read, 1, NULL, 0);
	printf("vaccel_genop(VACCEL_OP_NOOP): %s\n", vaccel_error_to_str(ret));
	if (ret)
		goto out;

	ret =
	    vaccel_image_classification(&sess, img, text, imgname, sizeof(img),
					sizeof(text), sizeof(imgname));
	printf("vaccel_image_classification: %s, text \"%s\"\n",
	       vaccel_error_to_str(ret), (char *)text);
out:
	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

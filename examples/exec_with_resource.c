/* exec_with_resource: the library comes from a LIB resource registered to
 * the session, first made from its file, then from its bytes in memory
 * (mem_only: nothing is written to disk; the exec plugin loads it from a
 * memfd).
 *
 *   bazel run //examples:exec_with_resource
 *   VACCEL_PLUGINS=libvaccel-exec.so ./exec_with_resource ./libmytestlib.so
 */

#include <vaccel.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Registers `res` to `sess`, calls mytestfunc(10) from it, unregisters. */
static int call(struct vaccel_session *sess, struct vaccel_resource *res,
		const char *how)
{
	int32_t input = 10, output = 0;
	struct vaccel_arg read[] = {
	    {&input, sizeof(input), VACCEL_ARG_INT32, 0, false}};
	struct vaccel_arg write[] = {
	    {&output, sizeof(output), VACCEL_ARG_INT32, 0, false}};
	int ret;

	ret = vaccel_resource_register(res, sess);
	if (ret) {
		fprintf(stderr, "register: %s\n", vaccel_error_to_str(ret));
		return ret;
	}
	ret = vaccel_exec_with_resource(sess, res, "mytestfunc", read, 1, write,
					1);
	printf("vaccel_exec_with_resource (%s): %s\n", how,
	       vaccel_error_to_str(ret));
	if (!ret)
		printf("%s: mytestfunc(%d) = %d\n", how, (int)input,
		       (int)output);
	vaccel_resource_unregister(res, sess);
	return ret;
}

/* The whole file, malloc'd. */
static void *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	void *buf = NULL;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)len)) &&
	    fread(buf, 1, (size_t)len, f) == (size_t)len) {
		*size = (size_t)len;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

int main(int argc, char *argv[])
{
	struct vaccel_session sess;
	struct vaccel_resource *res;
	size_t size = 0;
	void *bytes;
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

	/* 1. From the library's file. */
	ret = vaccel_resource_new(&res, argv[1], VACCEL_RESOURCE_LIB);
	if (ret) {
		fprintf(stderr, "resource: %s\n", vaccel_error_to_str(ret));
		goto out;
	}
	ret = call(&sess, res, "file");
	vaccel_resource_delete(res);
	if (ret)
		goto out;

	/* 2. From its bytes in memory. */
	bytes = read_file(argv[1], &size);
	if (!bytes) {
		fprintf(stderr, "cannot read %s\n", argv[1]);
		ret = VACCEL_EIO;
		goto out;
	}
	ret = vaccel_resource_from_buf(&res, bytes, size, VACCEL_RESOURCE_LIB,
				       "libmytestlib.so", true);
	if (ret) {
		fprintf(stderr, "resource: %s\n", vaccel_error_to_str(ret));
		free(bytes);
		goto out;
	}
	ret = call(&sess, res, "memory");
	vaccel_resource_delete(res);
	/* A mem_only resource points at the bytes: free them after it. */
	free(bytes);
out:
	vaccel_session_release(&sess);
	return ret ? 1 : 0;
}

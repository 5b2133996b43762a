/* Functions the exec tests call through libvaccel-exec.so. Each has the
 * exec signature and checks its arguments, so a test sees a wrong call. */

#include <vaccel/arg.h>

#include <stdint.h>

/* write[0] = read[0] + read[1] (int32). */
int add_int32(struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write,
	      size_t nr_write)
{
	if (nr_read != 2 || nr_write != 1 || read[0].size != 4 ||
	    read[1].size != 4 || write[0].size != 4)
		return 1;
	*(int32_t *)write[0].buf =
	    *(int32_t *)read[0].buf + *(int32_t *)read[1].buf;
	return 0;
}

/* write[0] = the read string reversed, write[1] = its length (uint64). */
int reverse(struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write,
	    size_t nr_write)
{
	const char *in;
	char *out;
	size_t len;

	if (nr_read != 1 || nr_write != 2 || write[1].size != 8)
		return 1;
	in = read[0].buf;
	for (len = 0; len < read[0].size && in[len]; len++)
		;
	if (write[0].size < len + 1)
		return 2;
	out = write[0].buf;
	for (size_t i = 0; i < len; i++)
		out[i] = in[len - 1 - i];
	out[len] = '\0';
	*(uint64_t *)write[1].buf = len;
	return 0;
}

/* Fails with 7, writing nothing. */
int fail_7(struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write,
	   size_t nr_write)
{
	(void)read;
	(void)nr_read;
	(void)write;
	(void)nr_write;
	return 7;
}

/* write[0] = how many times this copy of the library was called: the
 * count starts again when the library is unloaded and loaded again. */
int count_calls(struct vaccel_arg *read, size_t nr_read,
		struct vaccel_arg *write, size_t nr_write)
{
	static int32_t calls;

	(void)read;
	if (nr_read != 0 || nr_write != 1 || write[0].size != 4)
		return 1;
	*(int32_t *)write[0].buf = ++calls;
	return 0;
}

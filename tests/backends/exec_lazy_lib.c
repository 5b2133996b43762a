/* A library with an unresolved function: it loads with RTLD_LAZY (and is
 * linked with -z lazy) but not with RTLD_NOW. */

#include <vaccel/arg.h>

#include <stdint.h>

int exec_test_missing_function(void);

int calls_missing(struct vaccel_arg *read, size_t nr_read,
		  struct vaccel_arg *write, size_t nr_write)
{
	(void)read;
	(void)nr_read;
	(void)write;
	(void)nr_write;
	return exec_test_missing_function();
}

/* write[0] = 42 (int32). */
int answer(struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write,
	   size_t nr_write)
{
	(void)read;
	(void)nr_read;
	if (nr_write != 1 || write[0].size != 4)
		return 1;
	*(int32_t *)write[0].buf = 42;
	return 0;
}

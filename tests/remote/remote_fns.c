/* Functions the remote tests call through exec on the agent (the agent
 * allows exec only from this library's directory). Exec signature; each
 * checks its arguments so a wrong call shows. */

#define _POSIX_C_SOURCE 200809L

#include <vaccel/arg.h>

#include <stdint.h>
#include <time.h>

/* Sleeps read[0] (u32) milliseconds: a slow op to kill things during. */
int sleep_ms(struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write,
	     size_t nr_write)
{
	struct timespec ts;
	uint32_t ms;

	(void)write;
	(void)nr_write;
	if (nr_read != 1 || read[0].size != 4)
		return 1;
	ms = *(uint32_t *)read[0].buf;
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) != 0)
		;
	return 0;
}

/* write[0] = read[0] + read[1], write[1] = read[0] * read[1] (int32). */
int add_mul_int32(struct vaccel_arg *read, size_t nr_read,
		  struct vaccel_arg *write, size_t nr_write)
{
	int32_t a, b;

	if (nr_read != 2 || nr_write != 2 || read[0].size != 4 ||
	    read[1].size != 4 || write[0].size != 4 || write[1].size != 4)
		return 1;
	a = *(int32_t *)read[0].buf;
	b = *(int32_t *)read[1].buf;
	*(int32_t *)write[0].buf = a + b;
	*(int32_t *)write[1].buf = a * b;
	return 0;
}

/* The library the exec examples call into. Its functions have the exec
 * signature; it needs only the vaccel headers and links nothing from
 * vaccel, so any program (or the agent) can load it. */

#include "mydata.h"

#include <vaccel/arg.h>

#include <stdlib.h>

/* write[0] = 2 * read[0] (int32). Returns non-zero on wrong arguments,
 * which the caller sees as VACCEL_EBACKEND. */
int mytestfunc(struct vaccel_arg *read, size_t nr_read,
	       struct vaccel_arg *write, size_t nr_write)
{
	if (nr_read != 1 || nr_write != 1 || read[0].size != sizeof(int32_t) ||
	    write[0].size != sizeof(int32_t))
		return 1;
	*(int32_t *)write[0].buf = 2 * *(int32_t *)read[0].buf;
	return 0;
}

/* read[0]: a serialized struct mydata; write[0]: receives it serialized
 * with the array reversed (same size). */
int mytestfunc_serialized(struct vaccel_arg *read, size_t nr_read,
			  struct vaccel_arg *write, size_t nr_write)
{
	struct mydata d;
	uint32_t *out;

	if (nr_read != 1 || nr_write != 1 ||
	    mydata_deserialize(read[0].buf, read[0].size, MYDATA_TYPE_ID,
			       sizeof(d), &d))
		return 1;
	if (write[0].size < ((size_t)d.count + 1) * sizeof(uint32_t)) {
		free(d.array);
		return 2;
	}
	out = write[0].buf;
	out[0] = d.count;
	for (uint32_t i = 0; i < d.count; i++)
		out[1 + i] = d.array[d.count - 1 - i];
	free(d.array);
	return 0;
}

/* (De)serializing struct mydata; plain C, no vaccel calls, so both the
 * application and the exec library can use it. */

#include "mydata.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int mydata_serialize(const void *data, size_t data_size, uint32_t custom_id,
		     void **buf, size_t *size)
{
	const struct mydata *d = data;
	uint32_t *out;

	if (!d || data_size != sizeof(*d) || custom_id != MYDATA_TYPE_ID ||
	    !buf || !size || (d->count && !d->array))
		return EINVAL;
	out = malloc(((size_t)d->count + 1) * sizeof(uint32_t));
	if (!out)
		return ENOMEM;
	out[0] = d->count;
	if (d->count)
		memcpy(out + 1, d->array, d->count * sizeof(uint32_t));
	*buf = out;
	*size = ((size_t)d->count + 1) * sizeof(uint32_t);
	return 0;
}

int mydata_deserialize(const void *buf, size_t size, uint32_t custom_id,
		       size_t data_size, void *data)
{
	const uint32_t *in = buf;
	struct mydata *d = data;

	if (!in || size < sizeof(uint32_t) || custom_id != MYDATA_TYPE_ID ||
	    !d || data_size != sizeof(*d))
		return EINVAL;
	/* The count must match the bytes actually there. */
	if ((size_t)in[0] > size / sizeof(uint32_t) - 1)
		return EINVAL;
	d->count = in[0];
	d->array = malloc((d->count ? d->count : 1) * sizeof(uint32_t));
	if (!d->array)
		return ENOMEM;
	if (d->count)
		memcpy(d->array, in + 1, d->count * sizeof(uint32_t));
	return 0;
}

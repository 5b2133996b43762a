/* vAccel programs include these installed vAccel headers directly; each
 * must compile on its own and give what it gives in vAccel. */

#include <vaccel/id.h>
#include <vaccel/op.h>

#include <string.h>

int vaccel_headers_check(void);

int vaccel_headers_check(void)
{
	vaccel_id_t id = (vaccel_id_t)1 << 40; /* 64 bits, as in vAccel */
	vaccel_op_type_t op = VACCEL_OP_MINMAX;

	return id > 0 && op == 22 &&
	       strcmp(vaccel_op_type_to_str(VACCEL_OP_NOOP),
		      "VACCEL_OP_NOOP") == 0;
}

/* Stands in for the rpc plugin: a shared object built with the transport
 * library linked in statically. Its only exported symbol is this probe. */
#include <stddef.h>

#include "rpc/address.h"

__attribute__((visibility("default"))) int transport_probe(void)
{
	struct vrpc_address a;
	char err[256];

	return vrpc_address_parse("tcp://127.0.0.1:7", &a, err, sizeof(err)) ==
		   0 &&
	       a.port == 7;
}

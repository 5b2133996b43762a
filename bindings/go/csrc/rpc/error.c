/* Copied from c/rpc/error.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Descriptions of the transport error codes. */
#include <string.h>

#include "rpc/error.h"

const char *vrpc_strerror(int code)
{
	switch (code) {
	case VRPC_ECLOSED:
		return "connection closed by peer";
	case VRPC_EEOF:
		return "connection closed by peer in the middle of a frame";
	case VRPC_EMAGIC:
		return "bad frame magic";
	case VRPC_EVERSION:
		return "unsupported protocol version";
	case VRPC_ETOOBIG:
		return "frame payload over the limit";
	case VRPC_EFDS:
		return "received file descriptors rejected";
	default:
		break;
	}
	if (code < 0 && code > -4096)
		return strerror(-code);
	return "unknown error";
}

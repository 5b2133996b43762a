/* Copied from c/rpc/endian.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Little-endian load/store helpers for the wire format.
 *
 * Byte-wise shifts instead of casts or memcpy of host integers: correct on
 * any host byte order and any alignment, and compilers turn them into single
 * loads/stores on little-endian machines. */
#ifndef VRPC_ENDIAN_H
#define VRPC_ENDIAN_H

#include <stdint.h>

static inline void vrpc_put_u16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void vrpc_put_u32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static inline void vrpc_put_u64(uint8_t *p, uint64_t v)
{
	vrpc_put_u32(p, (uint32_t)v);
	vrpc_put_u32(p + 4, (uint32_t)(v >> 32));
}

static inline uint16_t vrpc_get_u16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t vrpc_get_u32(const uint8_t *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
	       ((uint32_t)p[3] << 24);
}

static inline uint64_t vrpc_get_u64(const uint8_t *p)
{
	return (uint64_t)vrpc_get_u32(p) |
	       ((uint64_t)vrpc_get_u32(p + 4) << 32);
}

#endif /* VRPC_ENDIAN_H */

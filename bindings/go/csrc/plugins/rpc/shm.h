/* Copied from c/plugins/rpc/shm.h by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * The rpc plugin's shared region for large parameters (docs/protocol.md
 * "Shared memory"): over a UNIX socket a sealed memfd sent to the agent
 * once per connection; elsewhere (a VM guest over VSOCK or TCP) the
 * ivshmem-plain device's BAR, of which the agent leases this connection a
 * slice. Without either, calls use the socket path.
 *
 * Settings (read at plugin init): VACCEL_RPC_SHM_BYTES (memfd size, or the
 * ivshmem lease to ask for; 0 disables), VACCEL_RPC_SHM_MIN_BYTES (arrays
 * at least this large go through the region), VACCEL_RPC_SHM_SYSFS (where
 * to look for the PCI device, default /sys/bus/pci/devices).
 */

#include "marshal.h"

#include <stddef.h>
#include <stdint.h>

void rpc_shm_init(void);
void rpc_shm_fini(void);
/* Set up `s` for one call on connection `gen`: s->region is the region
 * when one is attached to that connection (attaching it on first use),
 * else NULL. Release with wire_shm_release. */
void rpc_shm_begin(struct wire_shm *s, uint64_t gen);
/* vaccel/shared_buffer.h: a slot of the region held until freed (the
 * connection made and the region attached first); VACCEL_ENOTSUP without a
 * region, VACCEL_ENOMEM when it has no room (the runtime then uses the
 * heap). */
int rpc_shm_shared_alloc(size_t size, void **out);
int rpc_shm_shared_free(void *ptr);

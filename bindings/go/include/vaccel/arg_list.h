/* Copied from c/include/vaccel/arg_list.h by idl/gen/vaccelgen.py for the Go
 * binding. Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
#pragma once

/*
 * vAccel's deprecated arg-list API, kept so that older vAccel programs
 * build and run unchanged (vAccel marks it deprecated the same way). New
 * code uses struct vaccel_arg_array. A list is built on an arg array of
 * `size` args: `list` is that array's storage, so it can be passed
 * straight to vaccel_exec / vaccel_genop as (args->list, args->size).
 */

#include "vaccel/arg.h"
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VACCEL_ARG_LIST_DEPRECATED                                             \
	__attribute__((                                                        \
	    deprecated("The function will be removed in a future release")))

struct vaccel_arg_list {
	/* How many args the list holds (fixed at vaccel_args_init). */
	uint32_t size;
	/* The args; entries not added yet are empty (NULL buf, size 0). */
	struct vaccel_arg *list;
	/* Where the next add/expect goes. */
	int curr_idx;
	/* 1 where the list allocated the arg's buffer (it frees those). */
	int *idcs_allocated_space;
};

/* A list of `size` args (NULL when size is 0 or memory runs out). */
VACCEL_ARG_LIST_DEPRECATED struct vaccel_arg_list *
vaccel_args_init(uint32_t size);
/* Adds an input arg pointing at the caller's `buf` (no copy). */
VACCEL_ARG_LIST_DEPRECATED int
vaccel_add_serial_arg(struct vaccel_arg_list *args, void *buf, uint32_t size);
/* Adds an input arg holding serializer(buf)'s malloc'd output, of
 * VACCEL_ARG_CUSTOM type `type`; the list frees it. */
VACCEL_ARG_LIST_DEPRECATED int
vaccel_add_nonserial_arg(struct vaccel_arg_list *args, void *buf, uint32_t type,
			 void *(*serializer)(void *, uint32_t *));
/* Adds an output arg pointing at the caller's `buf` of `size` bytes. */
VACCEL_ARG_LIST_DEPRECATED int
vaccel_expect_serial_arg(struct vaccel_arg_list *args, void *buf,
			 uint32_t size);
/* Adds an output arg of `expected_size` zeroed bytes the list owns. */
VACCEL_ARG_LIST_DEPRECATED int
vaccel_expect_nonserial_arg(struct vaccel_arg_list *args,
			    uint32_t expected_size);
/* args[idx].buf (NULL for a NULL `args` or a negative `idx`). */
VACCEL_ARG_LIST_DEPRECATED void *
vaccel_extract_serial_arg(struct vaccel_arg *args, int idx);
/* deserializer(args[idx].buf, args[idx].size). */
VACCEL_ARG_LIST_DEPRECATED void *
vaccel_extract_nonserial_arg(struct vaccel_arg *args, int idx,
			     void *(*deserializer)(void *, uint32_t));
/* Copies args[idx].size bytes of `buf` into args[idx].buf. */
VACCEL_ARG_LIST_DEPRECATED int vaccel_write_serial_arg(struct vaccel_arg *args,
						       int idx, void *buf);
/* Copies serializer(buf)'s output into args[idx].buf (VACCEL_EINVAL when
 * it is larger than the arg) and frees it. */
VACCEL_ARG_LIST_DEPRECATED int
vaccel_write_nonserial_arg(struct vaccel_arg *args, int idx, void *buf,
			   void *(*serializer)(void *, uint32_t *));
/* Frees the list, its args and the buffers it allocated. */
VACCEL_ARG_LIST_DEPRECATED int vaccel_delete_args(struct vaccel_arg_list *args);

#ifdef __cplusplus
}
#endif

/* vaccel_genop: any op called with packed vaccel_arg arguments, unpacked
 * with the op's descriptor (the layout is in docs/genop.md). No op has
 * code of its own here. */

#include "internal.h"
#include "op_invoke.h"
#include "param_value.h"
#include "vaccel/log.h"
#include "vaccel/ops/genop.h"
#include "vaccel/resource.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define GENOP_MAX_PARAMS 32

struct unpacked {
	void *argv[GENOP_MAX_PARAMS];
	void *ptrs[GENOP_MAX_PARAMS];	     /* pointer parameter values */
	int64_t ints[GENOP_MAX_PARAMS];	     /* derived counts (any int type) */
	long long bytes[GENOP_MAX_PARAMS];   /* arg size; -1 if none */
	const char *where[GENOP_MAX_PARAMS]; /* "read" or "write" */
	int index[GENOP_MAX_PARAMS];
};

/* vAccel 0.8 packs a resource as its id (an int64), not the struct. */
static int bind_resource_id(const struct vaccel_op_desc *desc, unsigned int i,
			    const struct vaccel_arg *a, struct unpacked *u)
{
	struct vaccel_resource *res = NULL;
	vaccel_id_t id;
	int ret;

	memcpy(&id, a->buf, sizeof(id));
	ret = vaccel_resource_get_by_id(&res, id);
	if (ret) {
		vaccel_error("vaccel_genop(%s): %s[%d] for '%s': no resource "
			     "with id %lld",
			     desc->name, u->where[i], u->index[i],
			     desc->params[i].name, (long long)id);
		return ret;
	}
	u->ptrs[i] = res;
	u->argv[i] = &u->ptrs[i];
	return VACCEL_OK;
}

/* Bind parameter i to one packed arg. */
static int bind_arg(const struct vaccel_op_desc *desc, unsigned int i,
		    const struct vaccel_arg *a, struct unpacked *u)
{
	const struct vaccel_param_desc *p = &desc->params[i];

	switch (p->kind) {
	case VACCEL_PARAM_SCALAR:
		if (!a->buf || a->size != p->elem_size) {
			vaccel_error(
			    "vaccel_genop(%s): %s[%d] for '%s' holds %zu "
			    "bytes; the parameter takes %u",
			    desc->name, u->where[i], u->index[i], p->name,
			    a->buf ? a->size : 0, p->elem_size);
			return VACCEL_EINVAL;
		}
		u->argv[i] = a->buf;
		return VACCEL_OK;
	case VACCEL_PARAM_STRING:
		if (a->buf && !memchr(a->buf, '\0', a->size)) {
			vaccel_error("vaccel_genop(%s): %s[%d] for '%s' is not "
				     "NUL-terminated within its %zu bytes",
				     desc->name, u->where[i], u->index[i],
				     p->name, a->size);
			return VACCEL_EINVAL;
		}
		break;
	case VACCEL_PARAM_RESOURCE:
		if (a->buf && a->size == sizeof(vaccel_id_t))
			return bind_resource_id(desc, i, a, u);
		if (a->buf && a->size != sizeof(struct vaccel_resource)) {
			vaccel_error("vaccel_genop(%s): %s[%d] for '%s' must "
				     "point at a struct vaccel_resource "
				     "(%zu bytes), not %zu bytes",
				     desc->name, u->where[i], u->index[i],
				     p->name, sizeof(struct vaccel_resource),
				     a->size);
			return VACCEL_EINVAL;
		}
		break;
	default:
		/* No object is larger than PTRDIFF_MAX: a larger size is a
		 * lie that would also wrap the byte counts below. */
		if (a->size > PTRDIFF_MAX) {
			vaccel_error("vaccel_genop(%s): %s[%d] for '%s' claims "
				     "%zu bytes, more than any buffer can be",
				     desc->name, u->where[i], u->index[i],
				     p->name, a->size);
			return VACCEL_EINVAL;
		}
		u->bytes[i] = (long long)a->size;
		break;
	}
	u->ptrs[i] = a->buf;
	u->argv[i] = &u->ptrs[i];
	return VACCEL_OK;
}

/* Give every derived count the element count of the array it counts. */
static int derive_counts(const struct vaccel_op_desc *desc, struct unpacked *u)
{
	for (unsigned int c = 1; c < desc->nr_params; c++) {
		const struct vaccel_param_desc *cp = &desc->params[c];
		bool set = false;

		if (!(cp->flags & VACCEL_PARAM_DERIVED))
			continue;
		for (unsigned int i = 1; i < desc->nr_params && !set; i++) {
			const struct vaccel_param_desc *p = &desc->params[i];
			long long n;

			if (p->count[0] != (int16_t)c || p->count[1] >= 0)
				continue;
			if (u->bytes[i] % p->elem_size) {
				vaccel_error(
				    "vaccel_genop(%s): %s[%d] for '%s' "
				    "holds %lld bytes, not a multiple "
				    "of its %u-byte elements",
				    desc->name, u->where[i], u->index[i],
				    p->name, u->bytes[i], p->elem_size);
				return VACCEL_EINVAL;
			}
			n = u->bytes[i] / p->elem_size;
			if (!vaccel_param_write_int(cp->type, &u->ints[c], n)) {
				vaccel_error(
				    "vaccel_genop(%s): %lld elements in "
				    "'%s' do not fit '%s'",
				    desc->name, n, p->name, cp->name);
				return VACCEL_EINVAL;
			}
			u->argv[c] = &u->ints[c];
			set = true;
		}
	}
	return VACCEL_OK;
}

/* Every packed array must hold as many bytes as its count says. A NULL
 * array is left to vaccel_op_check_args(), which applies the direct call's
 * rule (NULL only with a count of 0, or when nullable), so that genop and
 * the direct call agree on every parameter. */
static int check_sizes(const struct vaccel_op_desc *desc, struct unpacked *u)
{
	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_param_desc *p = &desc->params[i];
		long long need;

		if (u->bytes[i] < 0 || p->kind == VACCEL_PARAM_ARGS)
			continue;
		need = vaccel_param_bytes(desc, i, u->argv);
		if (need < 0) {
			char who[64];

			snprintf(who, sizeof(who), "vaccel_genop(%s)",
				 desc->name);
			vaccel_param_count_error(who, desc, i, u->argv);
			return VACCEL_EINVAL;
		}
		if (u->ptrs[i] && need > u->bytes[i]) {
			vaccel_error("vaccel_genop(%s): %s[%d] for '%s' holds "
				     "%lld bytes; the op needs %lld",
				     desc->name, u->where[i], u->index[i],
				     p->name, u->bytes[i], need);
			return VACCEL_EINVAL;
		}
	}
	return VACCEL_OK;
}

/* vAccel packs some counts we derive (minmax's ndata) as read args in C
 * order. True when exactly that many more read args are given: the packed
 * counts are then used, and checked against their arrays like any count. */
static bool counts_packed(const struct vaccel_op_desc *desc, int nr_read)
{
	int plain = 0, derived = 0;

	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_param_desc *p = &desc->params[i];

		if (p->dir != VACCEL_PARAM_IN)
			continue;
		if (p->kind == VACCEL_PARAM_ARGS)
			return false;
		if (p->flags & VACCEL_PARAM_DERIVED)
			derived++;
		else
			plain++;
	}
	return derived > 0 && nr_read == 1 + plain + derived;
}

static int unpack(const struct vaccel_op_desc *desc, struct vaccel_arg *read,
		  int nr_read, struct vaccel_arg *write, int nr_write,
		  struct unpacked *u)
{
	bool packed = counts_packed(desc, nr_read);
	int ri = 1, wi = 0, ret;

	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_param_desc *p = &desc->params[i];
		bool in = p->dir == VACCEL_PARAM_IN;
		struct vaccel_arg *args = in ? read : write;
		int nr = in ? nr_read : nr_write;
		int *pos = in ? &ri : &wi;

		u->bytes[i] = -1;
		u->where[i] = in ? "read" : "write";
		u->index[i] = *pos;
		if ((p->flags & VACCEL_PARAM_DERIVED) && !packed)
			continue;
		if (p->kind == VACCEL_PARAM_ARGS) {
			/* An arg array takes all the remaining args. */
			u->ptrs[i] = *pos < nr ? &args[*pos] : NULL;
			u->bytes[i] = (long long)(nr - *pos) *
				      (long long)sizeof(struct vaccel_arg);
			u->argv[i] = &u->ptrs[i];
			*pos = nr;
			continue;
		}
		if (*pos >= nr) {
			vaccel_error(
			    "vaccel_genop(%s): no %s[%d] for parameter "
			    "'%s' (%d %s args given)",
			    desc->name, u->where[i], *pos, p->name, nr,
			    u->where[i]);
			return VACCEL_EINVAL;
		}
		ret = bind_arg(desc, i, &args[(*pos)++], u);
		if (ret)
			return ret;
	}
	if (ri < nr_read || wi < nr_write) {
		vaccel_error(
		    "vaccel_genop(%s): %d read and %d write args given; "
		    "the op takes %d and %d",
		    desc->name, nr_read, nr_write, ri, wi);
		return VACCEL_EINVAL;
	}
	ret = packed ? VACCEL_OK : derive_counts(desc, u);
	return ret ? ret : check_sizes(desc, u);
}

/* The op id in read[0], as an unsigned integer of any width: vAccel
 * programs pack it as a uint8_t, others as a vaccel_op_type_t. */
static int read_op_id(const struct vaccel_arg *a, uint64_t *id)
{
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;

	if (!a->buf)
		return VACCEL_EINVAL;
	switch (a->size) {
	case 1:
		memcpy(&u8, a->buf, 1);
		*id = u8;
		return VACCEL_OK;
	case 2:
		memcpy(&u16, a->buf, 2);
		*id = u16;
		return VACCEL_OK;
	case 4:
		memcpy(&u32, a->buf, 4);
		*id = u32;
		return VACCEL_OK;
	case 8:
		memcpy(id, a->buf, 8);
		return VACCEL_OK;
	default:
		return VACCEL_EINVAL;
	}
}

/* vAccel 0.8 packs image_classify's outputs as (out_imgname, out_text),
 * each typed VACCEL_ARG_UCHAR_ARRAY by vaccel_arg_array_add_uchar_array();
 * vAccel 0.7 and docs/genop.md put out_text first, untyped. A pair typed the
 * 0.8 way is taken in 0.8's order (copied into `swapped`, same buffers). */
static struct vaccel_arg *classify_outputs(uint64_t op,
					   struct vaccel_arg *write,
					   int nr_write,
					   struct vaccel_arg swapped[2])
{
	if (op != VACCEL_OP_IMAGE_CLASSIFY || nr_write != 2 ||
	    write[0].type != VACCEL_ARG_UCHAR_ARRAY ||
	    write[1].type != VACCEL_ARG_UCHAR_ARRAY)
		return write;
	swapped[0] = write[1];
	swapped[1] = write[0];
	return swapped;
}

int vaccel_genop(struct vaccel_session *sess, struct vaccel_arg *read,
		 int nr_read, struct vaccel_arg *write, int nr_write)
{
	const struct vaccel_op_desc *desc;
	struct vaccel_arg swapped[2];
	struct unpacked u;
	uint64_t op;
	int ret;

	if (!read || nr_read < 1 || nr_write < 0 || (nr_write > 0 && !write)) {
		vaccel_error("vaccel_genop: read[0] must hold the op id "
			     "(nr_read %d, nr_write %d)",
			     nr_read, nr_write);
		return VACCEL_EINVAL;
	}
	if (read_op_id(&read[0], &op)) {
		vaccel_error("vaccel_genop: read[0] must point at the op id "
			     "as an integer of 1, 2, 4 or 8 bytes, not %zu "
			     "bytes",
			     read[0].buf ? read[0].size : 0);
		return VACCEL_EINVAL;
	}
	desc = op < VACCEL_OP_MAX ? vaccel_op_desc_get((unsigned int)op) : NULL;
	if (!desc) {
		vaccel_error(
		    "vaccel_genop: unknown op id %llu (valid ids: 0..%d)",
		    (unsigned long long)op, VACCEL_OP_MAX - 1);
		return VACCEL_EINVAL;
	}
	if (desc->nr_params > GENOP_MAX_PARAMS)
		return VACCEL_ENOTSUP;
	memset(&u, 0, sizeof(u));
	u.argv[0] = &sess;
	write = classify_outputs(op, write, nr_write, swapped);
	ret = unpack(desc, read, nr_read, write, nr_write, &u);
	if (ret)
		return ret;
	return vaccel_op_invoke((vaccel_op_type_t)op, u.argv);
}

/* The path every op call takes: check the arguments against the op's
 * descriptor, time the call, dispatch it to a plugin. */

#include "op_invoke.h"
#include "internal.h"
#include "param_value.h"
#include "vaccel/log.h"
#include "vaccel/prof.h"
#include "vaccel/resource.h"

#include <stddef.h>

const struct vaccel_op_desc *vaccel_op_desc_get(unsigned int op)
{
	return op < VACCEL_OP_MAX ? vaccel_op_descs[op] : NULL;
}

static int check_pointer(const struct vaccel_op_desc *desc,
			 const struct vaccel_param_desc *p, void **argv,
			 unsigned int i)
{
	void *ptr = *(void **)argv[i];
	long long n;

	switch (p->kind) {
	case VACCEL_PARAM_RESOURCE:
		/* Checked where it is pinned (pin_resources): the resource
		 * may be released meanwhile, so only under the registry's
		 * lock. */
		if (ptr)
			return VACCEL_OK;
		break;
	case VACCEL_PARAM_STRING:
		if (ptr)
			return VACCEL_OK;
		break;
	default:
		/* Counts are untrusted: refuse any whose byte size overflows,
		 * before a plugin or a transport multiplies it again. */
		if (vaccel_param_bytes(desc, i, argv) < 0) {
			vaccel_param_count_error(desc->fn_name, desc, i, argv);
			return VACCEL_EINVAL;
		}
		n = vaccel_param_count(desc, i, argv);
		if (!ptr) {
			/* NULL is an empty array, or, where the IDL says
			 * nullable, an absent one the backend checks for. */
			if (n == 0 || (p->flags & VACCEL_PARAM_NULLABLE))
				return VACCEL_OK;
			vaccel_error("%s: '%s' is NULL with a count of %lld",
				     desc->fn_name, p->name, n);
			return VACCEL_EINVAL;
		}
		/* Input pointer arrays (tensors) must not hold NULLs. */
		if (p->kind == VACCEL_PARAM_STRUCT_PTRS &&
		    p->dir == VACCEL_PARAM_IN) {
			for (long long k = 0; k < n; k++)
				if (!((void *const *)ptr)[k]) {
					vaccel_error("%s: %s[%lld] is NULL",
						     desc->fn_name, p->name, k);
					return VACCEL_EINVAL;
				}
		}
		return VACCEL_OK;
	}
	if (p->flags & VACCEL_PARAM_NULLABLE)
		return VACCEL_OK;
	vaccel_error("%s: '%s' is NULL", desc->fn_name, p->name);
	return VACCEL_EINVAL;
}

int vaccel_op_check_args(const struct vaccel_op_desc *desc, void **argv)
{
	const struct vaccel_session *sess = *(struct vaccel_session **)argv[0];

	if (!sess) {
		vaccel_error("%s: sess is NULL", desc->fn_name);
		return VACCEL_EINVAL;
	}
	if (!vaccel_session_valid(sess)) {
		vaccel_error("%s: the session is not initialised or was "
			     "released",
			     desc->fn_name);
		return VACCEL_ESESS;
	}
	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_param_desc *p = &desc->params[i];
		int ret;

		if (p->kind == VACCEL_PARAM_SCALAR)
			continue; /* counts are checked where they are used */
		ret = check_pointer(desc, p, argv, i);
		if (ret)
			return ret;
	}
	return VACCEL_OK;
}

#define MAX_PINS 8

/* Checks every resource the call was given (live, of the op's type,
 * registered to the session) and pins its registration for the time the
 * call runs. */
static int pin_resources(const struct vaccel_op_desc *desc, void **argv,
			 struct registration **pins, size_t *nr_pins)
{
	const struct vaccel_session *sess = *(struct vaccel_session **)argv[0];
	int ret;

	*nr_pins = 0;
	for (unsigned int i = 1; i < desc->nr_params; i++) {
		const struct vaccel_resource *res;

		if (desc->params[i].kind != VACCEL_PARAM_RESOURCE)
			continue;
		res = *(struct vaccel_resource **)argv[i];
		if (!res)
			continue;
		if (*nr_pins == MAX_PINS) {
			vaccel_error("%s: more than %d resources",
				     desc->fn_name, MAX_PINS);
			return VACCEL_EINVAL;
		}
		ret = vaccel_resource_pin(
		    res, sess, desc->params[i].resource_type, desc->fn_name,
		    desc->params[i].name, &pins[*nr_pins]);
		if (ret)
			return ret;
		(*nr_pins)++;
	}
	return VACCEL_OK;
}

static void unpin_resources(struct registration **pins, size_t nr_pins)
{
	while (nr_pins-- > 0)
		vaccel_resource_unpin(pins[nr_pins]);
}

int vaccel_op_invoke(vaccel_op_type_t op, void **argv)
{
	const struct vaccel_op_desc *desc = vaccel_op_desc_get(op);
	const struct vaccel_prof_region *region = NULL;
	struct registration *pins[MAX_PINS];
	size_t nr_pins = 0;
	int ret;

	if (!desc) {
		vaccel_error("unknown op id %d", (int)op);
		return VACCEL_EINVAL;
	}
	ret = vaccel_op_check_args(desc, argv);
	if (!ret)
		ret = pin_resources(desc, argv, pins, &nr_pins);
	if (ret) {
		unpin_resources(pins, nr_pins);
		return ret;
	}
	if (vaccel_prof_enabled()) {
		region = vaccel_prof_op_region(op);
		vaccel_prof_region_start((struct vaccel_prof_region *)region);
	}
	ret = vaccel_plugins_dispatch(desc, argv,
				      *(struct vaccel_session **)argv[0]);
	if (region)
		vaccel_prof_region_stop(region);
	unpin_resources(pins, nr_pins);
	return ret;
}

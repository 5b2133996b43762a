/* The noop plugin: implements every op, logs each call with its arguments
 * and writes fixed outputs (docs/noop.md), so that applications, genop and
 * transports can be tested without a backend. The ops vAccel's noop gives
 * particular outputs have typed entries (tensors.c, dummy.c); every other
 * op is served by the generic entry, driven by the op descriptors, so an
 * op added to the IDL is served with no change here. */

#include "noop.h"

#include <stdio.h>
#include <string.h>

/* Describe the arguments of one call in `buf`. */
static void describe(const struct vaccel_op_desc *desc, void **argv, char *buf,
		     size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned int i = 1; i < desc->nr_params && used < len; i++) {
		const struct vaccel_param_desc *p = &desc->params[i];
		long long v;
		int n;

		if (p->kind == VACCEL_PARAM_SCALAR) {
			v = vaccel_param_int(p->type, argv[i]);
			if (p->type == VACCEL_SCALAR_F32)
				n = snprintf(buf + used, len - used, "%s%s=%g",
					     used ? ", " : "", p->name,
					     (double)*(float *)argv[i]);
			else if (p->type == VACCEL_SCALAR_F64)
				n = snprintf(buf + used, len - used, "%s%s=%g",
					     used ? ", " : "", p->name,
					     *(double *)argv[i]);
			else
				n = snprintf(buf + used, len - used,
					     "%s%s=%lld", used ? ", " : "",
					     p->name, v);
		} else if (p->kind == VACCEL_PARAM_STRING) {
			const char *s = *(const char **)argv[i];

			n = snprintf(buf + used, len - used, "%s%s=\"%s\"",
				     used ? ", " : "", p->name,
				     s ? s : "(null)");
		} else {
			n = snprintf(buf + used, len - used, "%s%s=%p",
				     used ? ", " : "", p->name,
				     *(void **)argv[i]);
		}
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* The fixed output of one out parameter (docs/noop.md). */
static void fill_output(const struct vaccel_op_desc *desc,
			const struct vaccel_param_desc *p, unsigned int i,
			void **argv)
{
	void *ptr = *(void **)argv[i];
	/* The core checked that these fit; never multiply counts here. */
	long long n = vaccel_param_count(desc, i, argv);
	long long bytes = vaccel_param_bytes(desc, i, argv);

	if (!ptr || n <= 0 || bytes <= 0)
		return;
	switch (p->kind) {
	case VACCEL_PARAM_BUFFER:
		if (p->type == VACCEL_SCALAR_CHAR ||
		    p->type == VACCEL_SCALAR_UCHAR ||
		    p->type == VACCEL_SCALAR_BYTE)
			snprintf(ptr, (size_t)n, "noop:%s", desc->name);
		else
			memset(ptr, 0, (size_t)bytes);
		break;
	case VACCEL_PARAM_STRUCT_PTRS:
		memset(ptr, 0, (size_t)bytes);
		break;
	case VACCEL_PARAM_STRUCT:
		/* tf_status: code 0; the message is left as it was. */
		if (p->type == VACCEL_STRUCT_TF_STATUS)
			*(uint8_t *)ptr = 0;
		break;
	default:
		break;
	}
}

static void trace_desc(const struct vaccel_op_desc *desc, void **argv)
{
	const struct vaccel_session *sess = *(struct vaccel_session **)argv[0];
	char args[512];

	describe(desc, argv, args, sizeof(args));
	vaccel_plugin_debug("%s(session %lld%s%s)", desc->fn_name,
			    (long long)sess->id, args[0] ? ", " : "", args);
}

void noop_trace(unsigned int op, void **argv)
{
	const struct vaccel_op_desc *desc = vaccel_plugin_host->op_desc(op);

	if (desc)
		trace_desc(desc, argv);
}

static int noop_invoke(const struct vaccel_op_desc *desc, void **argv)
{
	trace_desc(desc, argv);
	for (unsigned int i = 1; i < desc->nr_params; i++)
		if (desc->params[i].dir == VACCEL_PARAM_OUT)
			fill_output(desc, &desc->params[i], i, argv);
	return VACCEL_OK;
}

/* noop itself, the op used to measure dispatch: no trace formatting. */
static int noop_noop(struct vaccel_session *sess)
{
	vaccel_plugin_debug("vaccel_noop(session %lld)", (long long)sess->id);
	return VACCEL_OK;
}

static const struct vaccel_op noop_ops[] = {
    VACCEL_PLUGIN_OP(noop, noop_noop),
    VACCEL_PLUGIN_OP(exec, noop_exec),
    VACCEL_PLUGIN_OP(exec_with_resource, noop_exec_with_resource),
    VACCEL_PLUGIN_OP(image_classify, noop_image_classify),
    VACCEL_PLUGIN_OP(image_detect, noop_image_detect),
    VACCEL_PLUGIN_OP(image_segment, noop_image_segment),
    VACCEL_PLUGIN_OP(image_pose, noop_image_pose),
    VACCEL_PLUGIN_OP(image_depth, noop_image_depth),
    VACCEL_PLUGIN_OP(tf_model_load, noop_tf_model_load),
    VACCEL_PLUGIN_OP(tf_model_unload, noop_tf_model_unload),
    VACCEL_PLUGIN_OP(tf_model_run, noop_tf_model_run),
    VACCEL_PLUGIN_OP(tflite_model_run, noop_tflite_model_run),
    VACCEL_PLUGIN_OP(torch_model_run, noop_torch_model_run),
    VACCEL_PLUGIN_OP(fpga_arraycopy, noop_fpga_arraycopy),
    VACCEL_PLUGIN_OP(fpga_mmult, noop_fpga_mmult),
    VACCEL_PLUGIN_OP(fpga_parallel, noop_fpga_parallel),
    VACCEL_PLUGIN_OP(fpga_vadd, noop_fpga_vadd),
    VACCEL_PLUGIN_OP(minmax, noop_minmax),
    VACCEL_PLUGIN_OP(opencv, noop_opencv),
};

VACCEL_PLUGIN(.name = "noop", .version = VACCEL_VERSION,
	      .type = VACCEL_PLUGIN_DEBUG | VACCEL_PLUGIN_CPU |
		      VACCEL_PLUGIN_SOFTWARE,
	      .priority = -100, .ops = noop_ops,
	      .nr_ops = sizeof(noop_ops) / sizeof(noop_ops[0]),
	      .invoke = noop_invoke);

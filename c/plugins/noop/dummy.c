/* The image, fpga, exec, minmax and opencv ops on noop, with the outputs
 * vAccel's noop gives them (docs/noop.md), so a pipeline tried on noop
 * sees the same values under either runtime. */

#include "noop.h"

#include <stdio.h>
#include <string.h>

#define NOOP_CLASSIFY_TAG "This is a dummy classification tag!"
#define NOOP_IMGNAME "This is a dummy imgname!"
/* What fpga_mmult writes into every element of c. */
#define NOOP_MMULT_VALUE 9.1f
/* minmax's fixed min and max. */
#define NOOP_MINMAX_MIN -1.0
#define NOOP_MINMAX_MAX 10000.0

/* exec: with exactly one write argument as large as the first read
 * argument, and a whole number of ints, the write gets the read's bytes. */
static void exec_echo(const struct vaccel_arg *read, size_t nr_read,
		      struct vaccel_arg *write, size_t nr_write)
{
	if (nr_read < 1 || nr_write != 1 || !read[0].buf || !write[0].buf ||
	    write[0].size != read[0].size || write[0].size % sizeof(int))
		return;
	memcpy(write[0].buf, read[0].buf, write[0].size);
}

int noop_exec(struct vaccel_session *sess, const char *library,
	      const char *fn_symbol, struct vaccel_arg *read, size_t nr_read,
	      struct vaccel_arg *write, size_t nr_write)
{
	noop_trace(VACCEL_OP_EXEC,
		   (void *[]){&sess, &library, &fn_symbol, &read, &nr_read,
			      &write, &nr_write});
	exec_echo(read, nr_read, write, nr_write);
	return VACCEL_OK;
}

int noop_exec_with_resource(struct vaccel_session *sess,
			    struct vaccel_resource *resource,
			    const char *fn_symbol, struct vaccel_arg *read,
			    size_t nr_read, struct vaccel_arg *write,
			    size_t nr_write)
{
	noop_trace(VACCEL_OP_EXEC_WITH_RESOURCE,
		   (void *[]){&sess, &resource, &fn_symbol, &read, &nr_read,
			      &write, &nr_write});
	exec_echo(read, nr_read, write, nr_write);
	return VACCEL_OK;
}

/* A fixed text, truncated to the capacity and NUL-terminated. */
static void put_text(unsigned char *out, size_t len, const char *text)
{
	if (out && len)
		snprintf((char *)out, len, "%s", text);
}

int noop_image_classify(struct vaccel_session *sess, const void *img,
			unsigned char *out_text, unsigned char *out_imgname,
			size_t len_img, size_t len_out_text,
			size_t len_out_imgname)
{
	noop_trace(VACCEL_OP_IMAGE_CLASSIFY,
		   (void *[]){&sess, &img, &out_text, &out_imgname, &len_img,
			      &len_out_text, &len_out_imgname});
	put_text(out_text, len_out_text, NOOP_CLASSIFY_TAG);
	put_text(out_imgname, len_out_imgname, NOOP_IMGNAME);
	return VACCEL_OK;
}

/* detect, segment, pose and depth: only the image name is an output. */
#define NOOP_DEFINE_IMAGE_OP(NAME, OP)                                         \
	int noop_image_##NAME(struct vaccel_session *sess, const void *img,    \
			      unsigned char *out_imgname, size_t len_img,      \
			      size_t len_out_imgname)                          \
	{                                                                      \
		noop_trace(OP, (void *[]){&sess, &img, &out_imgname, &len_img, \
					  &len_out_imgname});                  \
		put_text(out_imgname, len_out_imgname, NOOP_IMGNAME);          \
		return VACCEL_OK;                                              \
	}

NOOP_DEFINE_IMAGE_OP(detect, VACCEL_OP_IMAGE_DETECT)
NOOP_DEFINE_IMAGE_OP(segment, VACCEL_OP_IMAGE_SEGMENT)
NOOP_DEFINE_IMAGE_OP(pose, VACCEL_OP_IMAGE_POSE)
NOOP_DEFINE_IMAGE_OP(depth, VACCEL_OP_IMAGE_DEPTH)

int noop_fpga_arraycopy(struct vaccel_session *sess, int *a, int *out_a,
			size_t len_a)
{
	noop_trace(VACCEL_OP_FPGA_ARRAYCOPY,
		   (void *[]){&sess, &a, &out_a, &len_a});
	if (len_a)
		memcpy(out_a, a, len_a * sizeof(*a));
	return VACCEL_OK;
}

int noop_fpga_mmult(struct vaccel_session *sess, float *a, float *b, float *c,
		    size_t len_a)
{
	noop_trace(VACCEL_OP_FPGA_MMULT, (void *[]){&sess, &a, &b, &c, &len_a});
	for (size_t i = 0; i < len_a; i++)
		c[i] = NOOP_MMULT_VALUE;
	return VACCEL_OK;
}

int noop_fpga_parallel(struct vaccel_session *sess, float *a, float *b,
		       float *add_output, float *mult_output, size_t len_a)
{
	noop_trace(
	    VACCEL_OP_FPGA_PARALLEL,
	    (void *[]){&sess, &a, &b, &add_output, &mult_output, &len_a});
	for (size_t i = 0; i < len_a; i++) {
		add_output[i] = a[i] + b[i];
		mult_output[i] = 1;
	}
	return VACCEL_OK;
}

int noop_fpga_vadd(struct vaccel_session *sess, float *a, float *b, float *c,
		   size_t len_a, size_t len_b)
{
	noop_trace(VACCEL_OP_FPGA_VECTORADD,
		   (void *[]){&sess, &a, &b, &c, &len_a, &len_b});
	/* vAccel reads b past len_b when it is shorter; there b counts 0. */
	for (size_t i = 0; i < len_a; i++)
		c[i] = a[i] + (i < len_b ? b[i] : 0);
	return VACCEL_OK;
}

int noop_minmax(struct vaccel_session *sess, const double *indata, int ndata,
		int low_threshold, int high_threshold, double *outdata,
		double *min, double *max)
{
	noop_trace(VACCEL_OP_MINMAX,
		   (void *[]){&sess, &indata, &ndata, &low_threshold,
			      &high_threshold, &outdata, &min, &max});
	if (ndata > 0)
		memcpy(outdata, indata, (size_t)ndata * sizeof(*indata));
	*min = NOOP_MINMAX_MIN;
	*max = NOOP_MINMAX_MAX;
	return VACCEL_OK;
}

/* opencv: each write argument starts with its size in floats (a size_t
 * header), the shape vAccel's OpenCV programs read back. */
int noop_opencv(struct vaccel_session *sess, struct vaccel_arg *read,
		int nr_read, struct vaccel_arg *write, int nr_write)
{
	noop_trace(VACCEL_OP_OPENCV,
		   (void *[]){&sess, &read, &nr_read, &write, &nr_write});
	for (int i = 0; i < nr_write; i++) {
		size_t floats = write[i].size / sizeof(float);

		if (write[i].buf && write[i].size >= sizeof(floats))
			memcpy(write[i].buf, &floats, sizeof(floats));
	}
	return VACCEL_OK;
}

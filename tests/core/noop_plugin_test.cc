#include "vaccel_test.h"

#include <cstring>

/* The noop plugin's documented outputs (docs/noop.md). */
class NoopPluginTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(LoadBackend(NOOP_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}
};

TEST_F(NoopPluginTest, ImageOpsReturnVaccelDummyStrings)
{
	unsigned char text[64], name[64];
	memset(text, 'z', sizeof(text));
	memset(name, 'z', sizeof(name));
	ASSERT_EQ(vaccel_image_classification(&sess, "i", text, name, 1,
					      sizeof(text), sizeof(name)),
		  VACCEL_OK);
	EXPECT_STREQ((char *)text, "This is a dummy classification tag!");
	EXPECT_STREQ((char *)name, "This is a dummy imgname!");
	/* Text outputs: nothing past the NUL is written (through an agent
	 * too: only the text crosses the wire, docs/protocol.md). */
	EXPECT_EQ(text[sizeof(text) - 1], 'z');
	EXPECT_EQ(name[sizeof(name) - 1], 'z');
	EXPECT_LOG_HAS("[noop] vaccel_image_classification(session");

	typedef int (*image_op)(struct vaccel_session *, const void *,
				unsigned char *, size_t, size_t);
	for (image_op op :
	     {(image_op)vaccel_image_detection,
	      (image_op)vaccel_image_segmentation, (image_op)vaccel_image_pose,
	      (image_op)vaccel_image_depth}) {
		memset(name, 'z', sizeof(name));
		ASSERT_EQ(op(&sess, "i", name, 1, sizeof(name)), VACCEL_OK);
		EXPECT_STREQ((char *)name, "This is a dummy imgname!");
	}
	EXPECT_LOG_HAS("[noop] vaccel_image_segmentation(session");
	/* Truncated to the capacity, always NUL-terminated. */
	ASSERT_EQ(vaccel_image_depth(&sess, "i", name, 1, 5), VACCEL_OK);
	EXPECT_STREQ((char *)name, "This");
}

TEST_F(NoopPluginTest, FpgaOpsGiveVaccelNoopOutputs)
{
	float a[3] = {1, 2, 3}, b[3] = {10, 20, 30};
	float add[3] = {9, 9, 9}, mul[3] = {9, 9, 9}, c[3] = {0, 0, 0};
	ASSERT_EQ(vaccel_fpga_parallel(&sess, a, b, add, mul, 3), VACCEL_OK);
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ(add[i], a[i] + b[i]);
		EXPECT_EQ(mul[i], 1);
	}
	ASSERT_EQ(vaccel_fpga_vadd(&sess, a, b, c, 3, 3), VACCEL_OK);
	EXPECT_EQ(c[0], 11);
	EXPECT_EQ(c[1], 22);
	EXPECT_EQ(c[2], 33);
	/* A shorter b counts as 0 past its end (vAccel reads past it). */
	ASSERT_EQ(vaccel_fpga_vadd(&sess, a, b, c, 3, 1), VACCEL_OK);
	EXPECT_EQ(c[0], 11);
	EXPECT_EQ(c[1], 2);
	EXPECT_EQ(c[2], 3);
	ASSERT_EQ(vaccel_fpga_mmult(&sess, a, b, c, 3), VACCEL_OK);
	for (int i = 0; i < 3; i++)
		EXPECT_EQ(c[i], 9.1f);
	int ia[4] = {4, -3, 2, 7}, iout[4] = {};
	ASSERT_EQ(vaccel_fpga_arraycopy(&sess, ia, iout, 4), VACCEL_OK);
	EXPECT_EQ(memcmp(ia, iout, sizeof(ia)), 0);
}

TEST_F(NoopPluginTest, MinmaxCopiesAndGivesFixedBounds)
{
	double in[3] = {5, -2, 8}, out[3] = {}, min = 0, max = 0;
	ASSERT_EQ(vaccel_minmax(&sess, in, 3, 0, 1, out, &min, &max),
		  VACCEL_OK);
	EXPECT_EQ(memcmp(in, out, sizeof(in)), 0);
	EXPECT_EQ(min, -1.0);
	EXPECT_EQ(max, 10000.0);
}

TEST_F(NoopPluginTest, ExecEchoesTheFirstReadIntoTheOneWrite)
{
	int in[3] = {1, 2, 3}, out[3] = {};
	struct vaccel_arg read[1] = {
	    {in, sizeof(in), VACCEL_ARG_RAW, 0, false}};
	struct vaccel_arg write[1] = {
	    {out, sizeof(out), VACCEL_ARG_RAW, 0, false}};
	ASSERT_EQ(vaccel_exec(&sess, "libx.so", "fn", read, 1, write, 1),
		  VACCEL_OK);
	EXPECT_EQ(memcmp(in, out, sizeof(in)), 0);

	/* Sizes that differ: the write is left alone. */
	int small[2] = {7, 7};
	write[0] = {small, sizeof(small), VACCEL_ARG_RAW, 0, false};
	ASSERT_EQ(vaccel_exec(&sess, "libx.so", "fn", read, 1, write, 1),
		  VACCEL_OK);
	EXPECT_EQ(small[0], 7);
	EXPECT_EQ(small[1], 7);

	RegisteredResource lib(&sess, VACCEL_RESOURCE_LIB);
	memset(out, 0, sizeof(out));
	write[0] = {out, sizeof(out), VACCEL_ARG_RAW, 0, false};
	ASSERT_EQ(
	    vaccel_exec_with_resource(&sess, &lib.res, "fn", read, 1, write, 1),
	    VACCEL_OK);
	EXPECT_EQ(memcmp(in, out, sizeof(in)), 0);
}

TEST_F(NoopPluginTest, OpencvWritesTheFloatCountHeader)
{
	size_t hdr[4] = {9, 9, 9, 9};
	struct vaccel_arg write[1] = {
	    {hdr, sizeof(hdr), VACCEL_ARG_RAW, 0, false}};
	ASSERT_EQ(vaccel_opencv_unpack(&sess, nullptr, 0, write, 1), VACCEL_OK);
	EXPECT_EQ(hdr[0], 32u / 4u); /* 32 bytes hold 8 floats */
	EXPECT_EQ(hdr[1], 9u);
}

TEST_F(NoopPluginTest, OtherNumericOutputsAreZeroInoutUntouched)
{
	float c[1] = {5}, x[1] = {1};
	ASSERT_EQ(vaccel_sgemm(&sess, 1, 1, 1, 1, x, 1, x, 1, 0, c, 1),
		  VACCEL_OK);
	EXPECT_EQ(c[0], 5); /* inout */
	EXPECT_LOG_HAS("m=1, n=1, k=1, alpha=1");
}

/* A vAccel program's status is often uninitialised stack memory: noop
 * overwrites it and nothing frees what it held (ASan would see it). */
static void Garbage(struct vaccel_tf_status *st)
{
	memset((void *)st, 0xa5, sizeof(*st));
}

static const char kTfMessage[] = "Operation handled by noop plugin";

TEST_F(NoopPluginTest, TfStatusesCarryVaccelNoopMessage)
{
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	struct vaccel_tf_status st;
	Garbage(&st);
	ASSERT_EQ(vaccel_tf_model_load(&sess, &r.res, &st), VACCEL_OK);
	EXPECT_EQ(st.code, 0);
	EXPECT_EQ(st.error_code, 0); /* the vAccel 0.7 name */
	ASSERT_NE(st.message, nullptr);
	EXPECT_STREQ(st.message, kTfMessage);
	EXPECT_EQ(vaccel_tf_status_release(&st), VACCEL_OK);

	Garbage(&st);
	ASSERT_EQ(vaccel_tf_model_unload(&sess, &r.res, &st), VACCEL_OK);
	EXPECT_EQ(st.code, 0);
	EXPECT_STREQ(st.message, kTfMessage);
	EXPECT_EQ(vaccel_tf_status_release(&st), VACCEL_OK);
}

/* Two inputs of different shapes and types: each output is a copy of the
 * input at its index, owned by the caller (freed with *_tensor_delete). */
TEST_F(NoopPluginTest, TorchModelRunEchoesInputs)
{
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	float f[6] = {1.5f, 2, 3, 4, 5, 6.25f};
	int64_t fdims[2] = {2, 3};
	int64_t l[2] = {-7, 1LL << 40};
	int64_t ldims[1] = {2};
	struct vaccel_torch_tensor *in[2];
	ASSERT_EQ(vaccel_torch_tensor_new(&in[0], 2, fdims, VACCEL_TORCH_FLOAT),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_torch_tensor_set_data(in[0], f, sizeof(f)), VACCEL_OK);
	ASSERT_EQ(vaccel_torch_tensor_new(&in[1], 1, ldims, VACCEL_TORCH_LONG),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_torch_tensor_set_data(in[1], l, sizeof(l)), VACCEL_OK);

	for (int jit = 0; jit < 2; jit++) {
		struct vaccel_torch_tensor *out[2] = {nullptr, nullptr};
		int ret = jit ? vaccel_torch_jitload_forward(
				    &sess, &r.res, nullptr, in, 2, out, 2)
			      : vaccel_torch_model_run(&sess, &r.res, nullptr,
						       in, 2, out, 2);
		ASSERT_EQ(ret, VACCEL_OK);
		for (int i = 0; i < 2; i++) {
			ASSERT_NE(out[i], nullptr);
			EXPECT_NE(out[i], in[i]);
			EXPECT_EQ(out[i]->data_type, in[i]->data_type);
			ASSERT_EQ(out[i]->nr_dims, in[i]->nr_dims);
			EXPECT_NE(out[i]->dims, in[i]->dims);
			for (int64_t d = 0; d < in[i]->nr_dims; d++)
				EXPECT_EQ(out[i]->dims[d], in[i]->dims[d]);
			ASSERT_EQ(out[i]->size, in[i]->size);
			EXPECT_NE(out[i]->data, in[i]->data);
			EXPECT_EQ(
			    memcmp(out[i]->data, in[i]->data, in[i]->size), 0);
			EXPECT_TRUE(out[i]->owned);
			EXPECT_EQ(vaccel_torch_tensor_delete(out[i]),
				  VACCEL_OK);
		}
	}
	/* Fewer outputs than inputs: the first ones are echoed. */
	struct vaccel_torch_tensor *one[1] = {nullptr};
	ASSERT_EQ(vaccel_torch_model_run(&sess, &r.res, nullptr, in, 2, one, 1),
		  VACCEL_OK);
	ASSERT_NE(one[0], nullptr);
	EXPECT_EQ(one[0]->data_type, VACCEL_TORCH_FLOAT);
	EXPECT_EQ(vaccel_torch_tensor_delete(one[0]), VACCEL_OK);
	vaccel_torch_tensor_delete(in[0]);
	vaccel_torch_tensor_delete(in[1]);
}

TEST_F(NoopPluginTest, MoreOutputsThanInputsIsEINVAL)
{
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	float v = 1;
	int32_t dim = 1;
	struct vaccel_tflite_tensor t = {&v, sizeof(v), false,
					 1,  &dim,	VACCEL_TFLITE_FLOAT32};
	struct vaccel_tflite_tensor *in[1] = {&t};
	struct vaccel_tflite_tensor *out[2] = {&t, &t};
	uint8_t status = 7;
	EXPECT_EQ(
	    vaccel_tflite_model_run(&sess, &r.res, in, 1, out, 2, &status),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("tflite_model_run: noop echoes input i as output i, "
		       "but nr_outputs (2) > nr_inputs (1)");
}

TEST_F(NoopPluginTest, TfModelRunEchoesInputsAndSetsStatus)
{
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	double d[4] = {0.5, -1, 2, 1e300};
	int64_t dims[2] = {2, 2};
	struct vaccel_tf_tensor *in[1];
	ASSERT_EQ(vaccel_tf_tensor_new(&in[0], 2, dims, VACCEL_TF_DOUBLE),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_tf_tensor_set_data(in[0], d, sizeof(d)), VACCEL_OK);
	struct vaccel_tf_node in_node = {(char *)"x", 0};
	struct vaccel_tf_node out_node = {(char *)"y", 0};
	struct vaccel_tf_tensor *out[1] = {nullptr};
	struct vaccel_tf_status st;
	Garbage(&st);
	ASSERT_EQ(vaccel_tf_model_run(&sess, &r.res, nullptr, &in_node, in, 1,
				      &out_node, out, 1, &st),
		  VACCEL_OK);
	EXPECT_EQ(st.code, 0);
	EXPECT_STREQ(st.message, kTfMessage);
	ASSERT_NE(out[0], nullptr);
	EXPECT_EQ(out[0]->data_type, VACCEL_TF_DOUBLE);
	ASSERT_EQ(out[0]->nr_dims, 2);
	EXPECT_EQ(out[0]->dims[0], 2);
	EXPECT_EQ(out[0]->dims[1], 2);
	ASSERT_EQ(out[0]->size, sizeof(d));
	EXPECT_EQ(memcmp(out[0]->data, d, sizeof(d)), 0);
	EXPECT_TRUE(out[0]->owned);
	EXPECT_EQ(vaccel_tf_tensor_delete(out[0]), VACCEL_OK);
	EXPECT_EQ(vaccel_tf_status_release(&st), VACCEL_OK);
	vaccel_tf_tensor_delete(in[0]);
}

TEST_F(NoopPluginTest, TfliteModelRunEchoesInputsAndZeroesStatus)
{
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	int8_t q[3] = {-128, 0, 127};
	int32_t dims[2] = {1, 3};
	struct vaccel_tflite_tensor *in[1];
	ASSERT_EQ(vaccel_tflite_tensor_new(&in[0], 2, dims, VACCEL_TFLITE_INT8),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_tflite_tensor_set_data(in[0], q, sizeof(q)),
		  VACCEL_OK);
	struct vaccel_tflite_tensor *out[1] = {nullptr};
	uint8_t status = 7;
	ASSERT_EQ(
	    vaccel_tflite_model_run(&sess, &r.res, in, 1, out, 1, &status),
	    VACCEL_OK);
	EXPECT_EQ(status, 0);
	ASSERT_NE(out[0], nullptr);
	EXPECT_EQ(out[0]->data_type, VACCEL_TFLITE_INT8);
	ASSERT_EQ(out[0]->nr_dims, 2);
	EXPECT_EQ(out[0]->dims[0], 1);
	EXPECT_EQ(out[0]->dims[1], 3);
	ASSERT_EQ(out[0]->size, sizeof(q));
	EXPECT_EQ(memcmp(out[0]->data, q, sizeof(q)), 0);
	EXPECT_EQ(vaccel_tflite_tensor_delete(out[0]), VACCEL_OK);
	vaccel_tflite_tensor_delete(in[0]);
	/* load and unload have no outputs */
	EXPECT_EQ(vaccel_tflite_model_load(&sess, &r.res), VACCEL_OK);
	EXPECT_EQ(vaccel_tflite_model_unload(&sess, &r.res), VACCEL_OK);
}

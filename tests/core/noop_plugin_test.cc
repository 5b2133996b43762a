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
		ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}
};

TEST_F(NoopPluginTest, TextOutputsNameTheOp)
{
	unsigned char name[64];
	memset(name, 'z', sizeof(name));
	ASSERT_EQ(vaccel_image_segmentation(&sess, "i", name, 1, sizeof(name)),
		  VACCEL_OK);
	EXPECT_STREQ((char *)name, "noop:image_segment");
	EXPECT_LOG_HAS("[noop] vaccel_image_segmentation(session");
}

TEST_F(NoopPluginTest, NumericOutputsAreZeroInoutUntouched)
{
	float a[3] = {1, 2, 3}, add[3] = {9, 9, 9}, mul[3] = {9, 9, 9};
	ASSERT_EQ(vaccel_fpga_parallel(&sess, a, a, add, mul, 3), VACCEL_OK);
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ(add[i], 0);
		EXPECT_EQ(mul[i], 0);
	}
	float c[1] = {5}, x[1] = {1};
	ASSERT_EQ(vaccel_sgemm(&sess, 1, 1, 1, 1, x, 1, x, 1, 0, c, 1),
		  VACCEL_OK);
	EXPECT_EQ(c[0], 5); /* inout */
	EXPECT_LOG_HAS("m=1, n=1, k=1, alpha=1");
}

TEST_F(NoopPluginTest, TfStatusCodeZeroMessageKept)
{
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	struct vaccel_resource &model = r.res;
	char msg[] = "kept";
	struct vaccel_tf_status st;
	st.code = 9;
	st.message = msg;
	ASSERT_EQ(vaccel_tf_model_load(&sess, &model, &st), VACCEL_OK);
	EXPECT_EQ(st.code, 0);
	EXPECT_EQ(st.error_code, 0); /* the vAccel 0.7 name */
	EXPECT_EQ(st.message, msg);
}

TEST_F(NoopPluginTest, TfliteStatusByteAndOutputs)
{
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	struct vaccel_resource &model = r.res;
	struct vaccel_tflite_tensor t = {};
	struct vaccel_tflite_tensor *in[1] = {&t};
	struct vaccel_tflite_tensor *out[2] = {&t, &t};
	uint8_t status = 7;
	ASSERT_EQ(
	    vaccel_tflite_model_run(&sess, &model, in, 1, out, 2, &status),
	    VACCEL_OK);
	EXPECT_EQ(status, 0);
	EXPECT_EQ(out[0], nullptr);
	EXPECT_EQ(out[1], nullptr);
}

/* Device selection (VACCEL_TORCH_DEVICE) and the sessions the plugin
 * serves. */

#include "tests/torch/torch_test.h"

class TorchDeviceTest : public TorchTest
{
      protected:
	void TearDown() override
	{
		TorchTest::TearDown();
		unsetenv("VACCEL_TORCH_DEVICE");
	}
};

TEST_F(TorchDeviceTest, BadValueFailsInit)
{
	setenv("VACCEL_TORCH_DEVICE", "tpu", 1);
	EXPECT_EQ(vaccel_plugin_load(TORCH_PLUGIN), VACCEL_EINVAL);
	EXPECT_LOG_HAS("VACCEL_TORCH_DEVICE is 'tpu'; expected 'cpu' or "
		       "'cuda'");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
	/* The process goes on: a good value loads. */
	setenv("VACCEL_TORCH_DEVICE", "cpu", 1);
	Start();
	EXPECT_LOG_HAS("device cpu");
	ExpectValidRunWorks();
}

/* Debian's libtorch is built without CUDA: asking for it fails the load
 * with a reason; with a CUDA libtorch and a GPU it would load on cuda. */
TEST_F(TorchDeviceTest, Cuda)
{
	setenv("VACCEL_TORCH_DEVICE", "cuda", 1);
	int ret = vaccel_plugin_load(TORCH_PLUGIN);
	if (ret == VACCEL_OK) {
		EXPECT_LOG_HAS("device cuda");
	} else {
		EXPECT_EQ(ret, VACCEL_ENODEV);
		EXPECT_LOG_HAS("VACCEL_TORCH_DEVICE is 'cuda' but libtorch "
			       "sees no CUDA device");
	}
}

/* A session that wants GPU plugins only is passed on while the plugin runs
 * on the cpu; TORCH or CPU hints reach it. */
TEST_F(TorchDeviceTest, GpuOnlySessionDeclined)
{
	setenv("VACCEL_TORCH_DEVICE", "cpu", 1);
	ASSERT_EQ(vaccel_plugin_load(TORCH_PLUGIN), VACCEL_OK);
	struct vaccel_session gpu = {};
	ASSERT_EQ(vaccel_session_init(&gpu, VACCEL_PLUGIN_GPU), VACCEL_OK);
	struct vaccel_resource *res = Model("mlp.pt", &gpu);
	ASSERT_NE(res, nullptr);
	EXPECT_EQ(vaccel_torch_model_load(&gpu, res), VACCEL_ENOTSUP);
	EXPECT_LOG_HAS("asks for a GPU; the torch plugin runs on the cpu");
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	ASSERT_EQ(vaccel_session_release(&gpu), VACCEL_OK);

	ASSERT_EQ(vaccel_session_init(&sess, VACCEL_PLUGIN_TORCH), VACCEL_OK);
	started = true;
	ExpectValidRunWorks();
}

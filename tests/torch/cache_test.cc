/* Models are cached per resource and freed when the resource leaves the
 * last session it was registered to (unregister or release). */

#include "tests/torch/torch_test.h"

#include <atomic>
#include <thread>

static std::string Freed(const struct vaccel_resource *res)
{
	return "model of resource " + std::to_string(res->id) + " freed";
}

TEST_F(TorchTest, UnregisterFreesModel)
{
	Start();
	struct vaccel_resource *res = Model("mlp.pt");
	ASSERT_NE(res, nullptr);
	RunCase("mlp_b1", res);
	EXPECT_EQ(LogCount(Freed(res)), 0u);
	ASSERT_EQ(vaccel_resource_unregister(res, &sess), VACCEL_OK);
	EXPECT_EQ(LogCount(Freed(res)), 1u);
	/* Registered again: loaded again. */
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	RunCase("mlp_b1", res);
	EXPECT_EQ(LogCount("loaded from"), 2u);
	std::string freed = Freed(res);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	EXPECT_EQ(LogCount(freed), 2u);
}

TEST_F(TorchTest, ReleaseFreesModel)
{
	Start();
	struct vaccel_resource *res = Model("conv.pt");
	ASSERT_NE(res, nullptr);
	ASSERT_EQ(vaccel_torch_model_load(&sess, res), VACCEL_OK);
	std::string freed = Freed(res);
	/* Released while still registered. */
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	EXPECT_EQ(LogCount(freed), 1u);
}

TEST_F(TorchTest, SessionReleaseFreesModel)
{
	Start();
	struct vaccel_resource *res = Model("conv.pt");
	ASSERT_NE(res, nullptr);
	RunCase("conv_b1", res);
	ASSERT_EQ(vaccel_session_release(&sess), VACCEL_OK);
	started = false;
	EXPECT_EQ(LogCount(Freed(res)), 1u);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
}

/* One resource in two sessions: one model, kept until both let go. */
TEST_F(TorchTest, SharedAcrossSessions)
{
	Start();
	struct vaccel_session other = {};
	ASSERT_EQ(vaccel_session_init(&other, 0), VACCEL_OK);
	struct vaccel_resource *res = Model("mlp.pt");
	ASSERT_NE(res, nullptr);
	ASSERT_EQ(vaccel_resource_register(res, &other), VACCEL_OK);
	ASSERT_EQ(vaccel_torch_model_load(&other, res), VACCEL_OK);
	RunCase("mlp_b16", res);
	EXPECT_EQ(LogCount("loaded from"), 1u);
	ASSERT_EQ(vaccel_resource_unregister(res, &other), VACCEL_OK);
	EXPECT_EQ(LogCount(Freed(res)), 0u);
	RunCase("mlp_b16", res);
	EXPECT_EQ(LogCount("loaded from"), 1u);
	ASSERT_EQ(vaccel_resource_unregister(res, &sess), VACCEL_OK);
	EXPECT_EQ(LogCount(Freed(res)), 1u);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	ASSERT_EQ(vaccel_session_release(&other), VACCEL_OK);
}

/* Unregistering while other threads run the model: no call loses its
 * module, and the model is freed once. */
TEST_F(TorchTest, UnregisterDuringRuns)
{
	Start();
	struct vaccel_session other = {};
	ASSERT_EQ(vaccel_session_init(&other, 0), VACCEL_OK);
	struct vaccel_resource *res = Model("affine.pt", &other);
	ASSERT_NE(res, nullptr);
	std::atomic<bool> stop{false};
	std::atomic<int> bad{0}, ok{0}, calls{0};
	std::thread runner([&] {
		float x[4] = {1, 2, 3, 4};
		int64_t dims[] = {4};
		while (!stop) {
			struct vaccel_torch_tensor *in = nullptr,
						   *out = nullptr;
			vaccel_torch_tensor_new(&in, 1, dims,
						VACCEL_TORCH_FLOAT);
			vaccel_torch_tensor_set_data(in, x, sizeof(x));
			int ret = vaccel_torch_model_run(&other, res, nullptr,
							 &in, 1, &out, 1);
			/* EPERM once unregistered, OK before. */
			if (ret == VACCEL_OK &&
			    static_cast<float *>(out->data)[3] != 9)
				bad++;
			if (ret == VACCEL_OK)
				ok++;
			calls++;
			if (ret != VACCEL_OK && ret != VACCEL_EPERM)
				bad++;
			if (out)
				vaccel_torch_tensor_delete(out);
			vaccel_torch_tensor_delete(in);
		}
	});
	/* Each state change waits for the runner to finish a call. */
	auto wait_call = [&] {
		for (int n = calls; calls == n;)
			std::this_thread::yield();
	};
	wait_call();
	for (int i = 0; i < 50; i++) {
		ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
		ASSERT_EQ(vaccel_resource_unregister(res, &other), VACCEL_OK);
		wait_call();
		ASSERT_EQ(vaccel_resource_register(res, &other), VACCEL_OK);
		ASSERT_EQ(vaccel_resource_unregister(res, &sess), VACCEL_OK);
		wait_call();
	}
	int before = ok;
	/* The last unregister, with the runner still going. */
	ASSERT_EQ(vaccel_resource_unregister(res, &other), VACCEL_OK);
	stop = true;
	runner.join();
	EXPECT_EQ(bad.load(), 0) << Log();
	EXPECT_GT(before, 1);
	/* A call that passed the core's check just before the last
	 * unregister may load the model once more and frees it itself when it
	 * ends; what must hold is that every load is freed. */
	size_t loads = LogCount("loaded from");
	EXPECT_GE(loads, 1u);
	EXPECT_LE(loads, 2u);
	EXPECT_EQ(LogCount(Freed(res)), loads) << Log();
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	ASSERT_EQ(vaccel_session_release(&other), VACCEL_OK);
}

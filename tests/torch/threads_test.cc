/* Many threads running one model at once get their own, correct results. */

#include "tests/torch/torch_test.h"

#include <atomic>
#include <thread>

TEST_F(TorchTest, EightThreadsOneModel)
{
	Start();
	struct vaccel_resource *affine = Model("affine.pt");
	struct vaccel_resource *mlp = Model("mlp.pt");
	ASSERT_NE(affine, nullptr);
	ASSERT_NE(mlp, nullptr);
	constexpr int kThreads = 8, kIters = 100, kN = 64;
	std::atomic<int> failures{0}, runs{0};
	TorchCase &c = cases["mlp_b16"];

	auto work = [&](int id) {
		for (int it = 0; it < kIters; it++) {
			/* y = 2x + 1 on values unique to this thread and
			 * iteration: a mixed-up result shows. */
			std::vector<float> x(kN);
			for (int j = 0; j < kN; j++)
				x[j] = (float)(id * 100000 + it * 100 + j);
			int64_t dims[] = {4, kN / 4};
			struct vaccel_torch_tensor *in = nullptr,
						   *out = nullptr;
			vaccel_torch_tensor_new(&in, 2, dims,
						VACCEL_TORCH_FLOAT);
			vaccel_torch_tensor_set_data(in, x.data(), kN * 4);
			int ret = vaccel_torch_model_run(&sess, affine, nullptr,
							 &in, 1, &out, 1);
			bool ok =
			    ret == VACCEL_OK && out && out->size == kN * 4;
			for (int j = 0; ok && j < kN; j++)
				ok = static_cast<float *>(out->data)[j] ==
				     2 * x[j] + 1;
			if (out)
				vaccel_torch_tensor_delete(out);
			vaccel_torch_tensor_delete(in);
			/* And the mlp against Python's outputs. */
			if (ok && it % 10 == 0) {
				Inputs mi(c.inputs);
				Outputs mo(1);
				ok = vaccel_torch_model_run(
					 &sess, mlp, nullptr, mi.t.data(), 1,
					 mo.t.data(), 1) == VACCEL_OK &&
				     SameTensor(mo.t[0], c.outputs[0]);
			}
			if (!ok)
				failures++;
			runs++;
		}
	};
	std::vector<std::thread> threads;
	for (int i = 0; i < kThreads; i++)
		threads.emplace_back(work, i);
	for (auto &t : threads)
		t.join();
	EXPECT_EQ(failures.load(), 0) << Log();
	EXPECT_EQ(runs.load(), kThreads * kIters);
	/* Each model was loaded once, though all threads asked at once. */
	EXPECT_EQ(LogCount("loaded from"), 2u);
	ASSERT_EQ(vaccel_resource_delete(affine), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_delete(mlp), VACCEL_OK);
}

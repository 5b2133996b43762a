/* Bad input: each gives a clear code and a log line naming the problem,
 * and the next valid call succeeds. */

#include "tests/torch/torch_test.h"

#include <random>

class TorchErrorTest : public TorchTest
{
      protected:
	struct vaccel_resource *mlp = nullptr;

	void StartMlp()
	{
		Start();
		mlp = Model("mlp.pt");
		ASSERT_NE(mlp, nullptr);
	}

	void TearDown() override
	{
		if (mlp)
			vaccel_resource_delete(mlp);
		TorchTest::TearDown();
	}

	/* Runs the mlp on one tensor of `type` and `dims` with `size` bytes
	 * of data (NULL data when `null_data`). */
	int RunOne(enum vaccel_torch_data_type type, std::vector<int64_t> dims,
		   size_t size, bool null_data = false, int nr_out = 1)
	{
		std::vector<uint8_t> data(size, 0);
		std::vector<int64_t> ok_dims(dims.size(), 1);
		struct vaccel_torch_tensor *x = nullptr;
		EXPECT_EQ(vaccel_torch_tensor_new(&x, dims.size(),
						  ok_dims.data(),
						  VACCEL_TORCH_FLOAT),
			  VACCEL_OK);
		/* Set behind the API's back: the plugin must check. */
		memcpy(x->dims, dims.data(), dims.size() * sizeof(int64_t));
		x->data_type = type;
		x->data = null_data ? nullptr : data.data();
		x->size = size;
		Outputs out(nr_out);
		int ret = vaccel_torch_model_run(&sess, mlp, nullptr, &x, 1,
						 out.t.data(), nr_out);
		for (auto *o : out.t)
			EXPECT_EQ(o, nullptr) << "an output left on error";
		x->data = nullptr;
		vaccel_torch_tensor_delete(x);
		return ret;
	}
};

TEST_F(TorchErrorTest, CorruptModel)
{
	Start();
	std::vector<uint8_t> junk(4096);
	std::mt19937 rng(42);
	for (auto &b : junk)
		b = (uint8_t)rng();
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(vaccel_resource_from_buf(&res, junk.data(), junk.size(),
					   VACCEL_RESOURCE_MODEL, "corrupt.pt",
					   true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	EXPECT_EQ(vaccel_torch_model_load(&sess, res), VACCEL_EBACKEND);
	EXPECT_LOG_HAS("loading corrupt.pt (resource");
	EXPECT_LOG_HAS("zip archive");
	/* A run tries again and fails the same way. */
	Inputs in(cases["mlp_b1"].inputs);
	Outputs out(1);
	EXPECT_EQ(vaccel_torch_model_run(&sess, res, nullptr, in.t.data(), 1,
					 out.t.data(), 1),
		  VACCEL_EBACKEND);
	EXPECT_EQ(out.t[0], nullptr);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, TruncatedModel)
{
	Start();
	std::vector<uint8_t> bytes = ReadBytes(MODEL_DIR "conv.pt");
	bytes.resize(bytes.size() / 2);
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(vaccel_resource_from_buf(&res, bytes.data(), bytes.size(),
					   VACCEL_RESOURCE_MODEL, "half.pt",
					   true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	EXPECT_EQ(vaccel_torch_model_load(&sess, res), VACCEL_EBACKEND);
	EXPECT_LOG_HAS("loading half.pt (resource");
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, NotRegistered)
{
	Start();
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(vaccel_resource_new(&res, MODEL_DIR "mlp.pt",
				      VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_torch_model_load(&sess, res), VACCEL_EPERM);
	Inputs in(cases["mlp_b1"].inputs);
	Outputs out(1);
	EXPECT_EQ(vaccel_torch_model_run(&sess, res, nullptr, in.t.data(), 1,
					 out.t.data(), 1),
		  VACCEL_EPERM);
	EXPECT_LOG_HAS("is not registered to session");
	EXPECT_EQ(LogCount("loaded from"), 0u);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, DataResourceAsModel)
{
	Start();
	RegisteredResource data(&sess, VACCEL_RESOURCE_DATA);
	EXPECT_EQ(vaccel_torch_model_load(&sess, &data.res), VACCEL_EINVAL);
	EXPECT_LOG_HAS("the op needs VACCEL_RESOURCE_MODEL");
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, NoModelFileInResource)
{
	Start();
	static const uint8_t a[] = "aaaa", b[] = "bbbb";
	struct vaccel_blob ba = {}, bb = {};
	ASSERT_EQ(vaccel_blob_init_from_buf(&ba, a, sizeof(a), false, "a.bin",
					    nullptr, false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_blob_init_from_buf(&bb, b, sizeof(b), false, "b.bin",
					    nullptr, false),
		  VACCEL_OK);
	const struct vaccel_blob *blobs[] = {&ba, &bb};
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(
	    vaccel_resource_from_blobs(&res, blobs, 2, VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	EXPECT_EQ(vaccel_torch_model_load(&sess, res), VACCEL_EINVAL);
	EXPECT_LOG_HAS("no TorchScript file among its 2 files");
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	vaccel_blob_release(&ba);
	vaccel_blob_release(&bb);
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, WrongDtype)
{
	StartMlp();
	EXPECT_EQ(RunOne(VACCEL_TORCH_DOUBLE, {1, 4}, 32), VACCEL_EINVAL);
	EXPECT_LOG_HAS("running mlp.pt (resource");
	EXPECT_LOG_HAS("dtype");
	ExpectValidRunWorks();
	EXPECT_EQ(RunOne(VACCEL_TORCH_LONG, {1, 4}, 32), VACCEL_EINVAL);
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, WrongShape)
{
	StartMlp();
	EXPECT_EQ(RunOne(VACCEL_TORCH_FLOAT, {2, 5}, 40), VACCEL_EINVAL);
	EXPECT_LOG_HAS("shapes cannot be multiplied (2x5 and 4x8)");
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, WrongNumberOfInputs)
{
	StartMlp();
	Inputs in(cases["multi_b2"].inputs);
	Outputs out(1);
	EXPECT_EQ(vaccel_torch_model_run(&sess, mlp, nullptr, in.t.data(), 3,
					 out.t.data(), 1),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("argument(s)");
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, TooFewOutputSlots)
{
	Start();
	struct vaccel_resource *res = Model("nested.pt");
	ASSERT_NE(res, nullptr);
	Inputs in(cases["nested"].inputs);
	Outputs out(2);
	EXPECT_EQ(vaccel_torch_model_run(&sess, res, nullptr, in.t.data(), 1,
					 out.t.data(), 2),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("model produced 6 outputs, caller gave 2 slots");
	EXPECT_EQ(out.t[0], nullptr);
	EXPECT_EQ(out.t[1], nullptr);
	/* No slot at all. */
	EXPECT_EQ(vaccel_torch_model_run(&sess, res, nullptr, in.t.data(), 1,
					 nullptr, 0),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("model produced 6 outputs, caller gave 0 slots");
	RunCase("nested", res);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
}

TEST_F(TorchErrorTest, NullTensor)
{
	StartMlp();
	struct vaccel_torch_tensor *in[] = {nullptr};
	Outputs out(1);
	EXPECT_EQ(
	    vaccel_torch_model_run(&sess, mlp, nullptr, in, 1, out.t.data(), 1),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("inputs[0] is NULL");
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, DataSizeMismatch)
{
	StartMlp();
	EXPECT_EQ(RunOne(VACCEL_TORCH_FLOAT, {1, 4}, 12), VACCEL_EINVAL);
	EXPECT_LOG_HAS("input 0: data is 12 bytes; 4 elements of Float need "
		       "16");
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, NullData)
{
	StartMlp();
	EXPECT_EQ(RunOne(VACCEL_TORCH_FLOAT, {1, 4}, 16, true), VACCEL_EINVAL);
	EXPECT_LOG_HAS("input 0: data is NULL");
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, UnknownDtype)
{
	StartMlp();
	EXPECT_EQ(RunOne((enum vaccel_torch_data_type)42, {1, 4}, 16),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("input 0: unknown data type 42");
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, NegativeDim)
{
	StartMlp();
	EXPECT_EQ(RunOne(VACCEL_TORCH_FLOAT, {1, -4}, 16), VACCEL_EINVAL);
	EXPECT_LOG_HAS("input 0: bad dimension -4 (dims[1])");
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, StringOutput)
{
	Start();
	struct vaccel_resource *res = Model("strout.pt");
	ASSERT_NE(res, nullptr);
	Inputs in(cases["mlp_b1"].inputs);
	Outputs out(2);
	EXPECT_EQ(vaccel_torch_model_run(&sess, res, nullptr, in.t.data(), 1,
					 out.t.data(), 2),
		  VACCEL_EBACKEND);
	EXPECT_LOG_HAS("output 1 is a String");
	EXPECT_EQ(out.t[0], nullptr);
	EXPECT_EQ(out.t[1], nullptr);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	ExpectValidRunWorks();
}

TEST_F(TorchErrorTest, ComplexOutput)
{
	Start();
	struct vaccel_resource *res = Model("complex.pt");
	ASSERT_NE(res, nullptr);
	float x[4] = {1, 2, 3, 4};
	int64_t dims[] = {2, 2};
	struct vaccel_torch_tensor *in = nullptr;
	ASSERT_EQ(vaccel_torch_tensor_new(&in, 2, dims, VACCEL_TORCH_FLOAT),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_torch_tensor_set_data(in, x, sizeof(x)), VACCEL_OK);
	Outputs out(1);
	EXPECT_EQ(vaccel_torch_model_run(&sess, res, nullptr, &in, 1,
					 out.t.data(), 1),
		  VACCEL_EBACKEND);
	EXPECT_LOG_HAS("output 0 has dtype ComplexFloat, which vaccel torch "
		       "tensors cannot hold");
	EXPECT_EQ(out.t[0], nullptr);
	vaccel_torch_tensor_delete(in);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	ExpectValidRunWorks();
}

/* A kernel libtorch lacks is the backend's failure, not the caller's. */
TEST_F(TorchErrorTest, MissingKernel)
{
	Start();
	struct vaccel_resource *res = Model("half_mlp.pt");
	ASSERT_NE(res, nullptr);
	uint16_t x[4] = {0x3c00, 0x4000, 0x4200, 0x4400}; /* 1 2 3 4 */
	int64_t dims[] = {1, 4};
	struct vaccel_torch_tensor *in = nullptr;
	ASSERT_EQ(vaccel_torch_tensor_new(&in, 2, dims, VACCEL_TORCH_HALF),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_torch_tensor_set_data(in, x, sizeof(x)), VACCEL_OK);
	Outputs out(1);
	EXPECT_EQ(vaccel_torch_model_run(&sess, res, nullptr, &in, 1,
					 out.t.data(), 1),
		  VACCEL_EBACKEND);
	EXPECT_LOG_HAS("not implemented for 'Half'");
	vaccel_torch_tensor_delete(in);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	ExpectValidRunWorks();
}

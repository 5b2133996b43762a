/* Numeric agreement: every case of make_models.py run through vaccel gives
 * what Python's torch gave on the same model file. */

#include "tests/torch/torch_test.h"

class TorchRunTest : public TorchTest,
		     public ::testing::WithParamInterface<const char *>
{
};

TEST_P(TorchRunTest, MatchesPython)
{
	Start();
	std::string name = GetParam();
	ASSERT_EQ(cases.count(name), 1u);
	struct vaccel_resource *res = Model(cases[name].model);
	ASSERT_NE(res, nullptr);
	RunCase(name, res);
	/* Twice: the second run uses the cached model. */
	RunCase(name, res);
	EXPECT_EQ(LogCount("loaded from"), 1u);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
}

INSTANTIATE_TEST_SUITE_P(Cases, TorchRunTest,
			 ::testing::Values("mlp_b1", "mlp_b16", "conv_b1",
					   "conv_b3", "conv_b2_12x10",
					   "multi_b2", "multi_b7", "nested",
					   "scalars", "dtypes"));

TEST_F(TorchTest, JitloadForward)
{
	Start();
	struct vaccel_resource *res = Model("multi.pt");
	ASSERT_NE(res, nullptr);
	RunCase("multi_b7", res, 0, true);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
}

TEST_F(TorchTest, LoadThenRun)
{
	Start();
	struct vaccel_resource *res = Model("conv.pt");
	ASSERT_NE(res, nullptr);
	ASSERT_EQ(vaccel_torch_model_load(&sess, res), VACCEL_OK);
	ASSERT_EQ(vaccel_torch_model_load(&sess, res), VACCEL_OK);
	RunCase("conv_b3", res);
	EXPECT_EQ(LogCount("loaded from"), 1u); /* load is idempotent */
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
}

TEST_F(TorchTest, ExtraSlotsAreNull)
{
	Start();
	struct vaccel_resource *res = Model("nested.pt");
	ASSERT_NE(res, nullptr);
	RunCase("nested", res, 3);
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
}

/* The model bytes need not be a local file: an in-memory resource works,
 * and so does one persisted to the run directory. */
TEST_F(TorchTest, ModelFromMemory)
{
	Start();
	std::vector<uint8_t> bytes = ReadBytes(MODEL_DIR "dtypes.pt");
	ASSERT_GT(bytes.size(), 0u);
	for (bool mem_only : {true, false}) {
		struct vaccel_resource *res = nullptr;
		ASSERT_EQ(vaccel_resource_from_buf(
			      &res, bytes.data(), bytes.size(),
			      VACCEL_RESOURCE_MODEL, "model.pt", mem_only),
			  VACCEL_OK);
		ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
		RunCase("dtypes", res);
		ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);
	}
}

/* Which file of a resource is the model: the *.pt one among labels and
 * metadata, or the only one that is not *.json / *.txt. */
TEST_F(TorchTest, ModelBlobChoice)
{
	Start();
	std::vector<uint8_t> model = ReadBytes(MODEL_DIR "mlp.pt");
	static const char labels[] = "a\nb\nc\n", meta[] = "{}";
	struct vaccel_blob b_labels = {}, b_meta = {}, b_model = {},
			   b_other = {};
	ASSERT_EQ(vaccel_blob_init_from_buf(
		      &b_labels, reinterpret_cast<const uint8_t *>(labels),
		      sizeof(labels), false, "labels.txt", nullptr, false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_blob_init_from_buf(
		      &b_meta, reinterpret_cast<const uint8_t *>(meta),
		      sizeof(meta), false, "meta.json", nullptr, false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_blob_init_from_buf(&b_model, model.data(),
					    model.size(), false, "weights.bin",
					    nullptr, false),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_blob_init_from_buf(&b_other, model.data(),
					    model.size(), false, "net.pth",
					    nullptr, false),
		  VACCEL_OK);

	/* labels + meta + weights.bin: the only other file is the model. */
	const struct vaccel_blob *three[] = {&b_labels, &b_meta, &b_model};
	struct vaccel_resource *res = nullptr;
	ASSERT_EQ(
	    vaccel_resource_from_blobs(&res, three, 3, VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	RunCase("mlp_b1", res);
	EXPECT_LOG_HAS("loaded from weights.bin");
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);

	/* weights.bin + net.pth: the .pth wins. */
	const struct vaccel_blob *two[] = {&b_model, &b_other, &b_labels};
	ASSERT_EQ(
	    vaccel_resource_from_blobs(&res, two, 3, VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(res, &sess), VACCEL_OK);
	RunCase("mlp_b1", res);
	EXPECT_LOG_HAS("loaded from net.pth");
	ASSERT_EQ(vaccel_resource_delete(res), VACCEL_OK);

	for (auto *b : {&b_labels, &b_meta, &b_model, &b_other})
		vaccel_blob_release(b);
}

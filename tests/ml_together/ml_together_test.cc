/* The torch, tflite and tf plugins loaded together in one process (issue
 * 10): each runs its model with the right result, and each serves only its
 * own ops: the log lines of a call name only the plugin that owns the op,
 * and a session hinted at one framework is refused the others' ops. The
 * tf parts are compiled in where the tf plugin is built (ML_TOGETHER_TF). */

#include "tests/core/vaccel_test.h"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#define TORCH_PLUGIN "c/plugins/torch/libvaccel-torch.so"
#define TFLITE_PLUGIN "c/plugins/tflite/libvaccel-tflite.so"
#define TF_PLUGIN "c/plugins/tf/libvaccel-tf.so"
#define DIR "tests/ml_together/"

#ifdef ML_TOGETHER_TF
static const size_t kPlugins = 3;
#else
static const size_t kPlugins = 2;
#endif

/* An input and the output Python gave for it (make_*_model*.py). */
struct Case {
	std::vector<int64_t> in_dims, out_dims;
	std::vector<float> in, out;
};

static Case ReadCase(const std::string &file)
{
	std::ifstream f(DIR + file);
	std::string line;
	Case c;

	EXPECT_TRUE(f.good()) << file;
	while (std::getline(f, line)) {
		std::istringstream ss(line);
		std::string kind;
		int rank;
		ss >> kind >> rank;
		bool in = kind == "in";
		auto &dims = in ? c.in_dims : c.out_dims;
		auto &vals = in ? c.in : c.out;
		dims.resize(rank);
		for (auto &d : dims)
			ss >> d;
		for (float v; ss >> v;)
			vals.push_back(v);
	}
	return c;
}

static ::testing::AssertionResult Near(const float *got, size_t n,
				       const std::vector<float> &want)
{
	if (n != want.size())
		return ::testing::AssertionFailure()
		       << n << " values, want " << want.size();
	for (size_t i = 0; i < n; i++)
		if (!(std::fabs(got[i] - want[i]) <=
		      1e-5 * (1 + std::fabs(want[i]))))
			return ::testing::AssertionFailure()
			       << "value " << i << ": " << got[i] << ", want "
			       << want[i];
	return ::testing::AssertionSuccess();
}

class MlTogether : public VaccelTest
{
      protected:
	struct vaccel_session sess = {};
	std::vector<struct vaccel_resource *> resources;

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(vaccel_plugin_load(TORCH_PLUGIN), VACCEL_OK) << Log();
		ASSERT_EQ(vaccel_plugin_load(TFLITE_PLUGIN), VACCEL_OK)
		    << Log();
#ifdef ML_TOGETHER_TF
		ASSERT_EQ(vaccel_plugin_load(TF_PLUGIN), VACCEL_OK) << Log();
#endif
		ASSERT_EQ(vaccel_plugin_count(), kPlugins);
	}

	void TearDown() override
	{
		for (auto *r : resources)
			vaccel_resource_delete(r);
		if (sess.id)
			vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}

	void Start(uint32_t hint)
	{
		ASSERT_EQ(vaccel_session_init(&sess, hint), VACCEL_OK);
	}

	/* A MODEL resource of a file (or directory), registered to sess. */
	struct vaccel_resource *Model(const std::string &file)
	{
		struct vaccel_resource *res = nullptr;
		EXPECT_EQ(vaccel_resource_new(&res, (DIR + file).c_str(),
					      VACCEL_RESOURCE_MODEL),
			  VACCEL_OK);
		if (res) {
			EXPECT_EQ(vaccel_resource_register(res, &sess),
				  VACCEL_OK);
			resources.push_back(res);
		}
		return res;
	}

	/* The plugins that logged since the last ClearLog(): the "[name]"
	 * after the level of each line. */
	std::set<std::string> Speakers() const
	{
		std::set<std::string> who;
		for (const auto &line : Lines(Log())) {
			std::istringstream ss(line);
			std::string time, proc, level, tag;
			ss >> time >> proc >> level >> tag;
			if (tag.size() > 2 && tag.front() == '[' &&
			    tag.back() == ']')
				who.insert(tag.substr(1, tag.size() - 2));
		}
		return who;
	}

	void RunTorch(struct vaccel_resource *res)
	{
		Case c = ReadCase("torch_linear.txt");
		struct vaccel_torch_tensor *in = nullptr, *out = nullptr;
		ASSERT_EQ(vaccel_torch_tensor_new(&in, c.in_dims.size(),
						  c.in_dims.data(),
						  VACCEL_TORCH_FLOAT),
			  VACCEL_OK);
		ASSERT_EQ(vaccel_torch_tensor_set_data(
			      in, c.in.data(), c.in.size() * sizeof(float)),
			  VACCEL_OK);
		EXPECT_EQ(vaccel_torch_model_run(&sess, res, nullptr, &in, 1,
						 &out, 1),
			  VACCEL_OK)
		    << Log();
		if (out) {
			EXPECT_EQ(std::vector<int64_t>(
				      out->dims, out->dims + out->nr_dims),
				  c.out_dims);
			EXPECT_TRUE(Near(static_cast<float *>(out->data),
					 out->size / sizeof(float), c.out));
			vaccel_torch_tensor_delete(out);
		}
		vaccel_torch_tensor_delete(in);
	}

	void RunTflite(struct vaccel_resource *res)
	{
		Case c = ReadCase("dense.txt");
		std::vector<int32_t> dims(c.in_dims.begin(), c.in_dims.end());
		struct vaccel_tflite_tensor *in = nullptr, *out = nullptr;
		uint8_t status = 1;
		ASSERT_EQ(vaccel_tflite_tensor_new(&in, (int)dims.size(),
						   dims.data(),
						   VACCEL_TFLITE_FLOAT32),
			  VACCEL_OK);
		ASSERT_EQ(vaccel_tflite_tensor_set_data(
			      in, c.in.data(), c.in.size() * sizeof(float)),
			  VACCEL_OK);
		EXPECT_EQ(vaccel_tflite_model_run(&sess, res, &in, 1, &out, 1,
						  &status),
			  VACCEL_OK)
		    << Log();
		EXPECT_EQ(status, 0);
		if (out) {
			EXPECT_EQ(std::vector<int64_t>(
				      out->dims, out->dims + out->nr_dims),
				  c.out_dims);
			EXPECT_TRUE(Near(static_cast<float *>(out->data),
					 out->size / sizeof(float), c.out));
			vaccel_tflite_tensor_delete(out);
		}
		vaccel_tflite_tensor_delete(in);
	}

#ifdef ML_TOGETHER_TF
	/* dense.nodes: "in NODE INDEX", "out NODE INDEX". */
	void RunTf(struct vaccel_resource *res)
	{
		Case c = ReadCase("dense.txt");
		std::ifstream f(DIR "dense.nodes");
		std::string kind, name[2];
		int idx[2] = {0, 0};
		f >> kind >> name[0] >> idx[0] >> kind >> name[1] >> idx[1];
		ASSERT_TRUE(f) << "cannot read dense.nodes";
		struct vaccel_tf_node nodes[2] = {};
		for (int i = 0; i < 2; i++)
			ASSERT_EQ(vaccel_tf_node_init(&nodes[i],
						      name[i].c_str(), idx[i]),
				  VACCEL_OK);
		struct vaccel_tf_tensor *in = nullptr, *out = nullptr;
		struct vaccel_tf_status st = {};
		ASSERT_EQ(vaccel_tf_tensor_new(&in, (int)c.in_dims.size(),
					       c.in_dims.data(),
					       VACCEL_TF_FLOAT),
			  VACCEL_OK);
		ASSERT_EQ(vaccel_tf_tensor_set_data(
			      in, c.in.data(), c.in.size() * sizeof(float)),
			  VACCEL_OK);
		EXPECT_EQ(vaccel_tf_model_run(&sess, res, nullptr, &nodes[0],
					      &in, 1, &nodes[1], &out, 1, &st),
			  VACCEL_OK)
		    << (st.message ? st.message : "") << Log();
		EXPECT_EQ(st.code, 0);
		if (out) {
			EXPECT_EQ(std::vector<int64_t>(
				      out->dims, out->dims + out->nr_dims),
				  c.out_dims);
			EXPECT_TRUE(Near(static_cast<float *>(out->data),
					 out->size / sizeof(float), c.out));
			vaccel_tf_tensor_delete(out);
		}
		vaccel_tf_status_release(&st);
		vaccel_tf_tensor_delete(in);
		vaccel_tf_node_release(&nodes[0]);
		vaccel_tf_node_release(&nodes[1]);
	}

	int LoadTf(struct vaccel_resource *res)
	{
		struct vaccel_tf_status st = {};
		int ret = vaccel_tf_model_load(&sess, res, &st);
		vaccel_tf_status_release(&st);
		return ret;
	}
#endif
};

using Names = std::set<std::string>;

/* Each model through its plugin, interleaved, in one session; the load
 * lines name only the plugin that owns the op. */
TEST_F(MlTogether, EachPluginRunsItsModel)
{
	Start(0);
	struct vaccel_resource *pt = Model("torch_linear.pt");
	struct vaccel_resource *tfl = Model("dense.tflite");
	ASSERT_TRUE(pt && tfl);

	ClearLog();
	ASSERT_EQ(vaccel_torch_model_load(&sess, pt), VACCEL_OK) << Log();
	RunTorch(pt);
	EXPECT_EQ(Speakers(), Names{"torch"}) << Log();

	ClearLog();
	ASSERT_EQ(vaccel_tflite_model_load(&sess, tfl), VACCEL_OK) << Log();
	RunTflite(tfl);
	EXPECT_EQ(Speakers(), Names{"tflite"}) << Log();

#ifdef ML_TOGETHER_TF
	struct vaccel_resource *sm = Model("dense");
	ASSERT_TRUE(sm);
	ClearLog();
	ASSERT_EQ(LoadTf(sm), VACCEL_OK) << Log();
	RunTf(sm);
	EXPECT_EQ(Speakers(), Names{"tf"}) << Log();
#endif

	/* Again, now that all hold a loaded model. */
	RunTorch(pt);
	RunTflite(tfl);
#ifdef ML_TOGETHER_TF
	RunTf(sm);
	struct vaccel_tf_status st = {};
	EXPECT_EQ(vaccel_tf_model_unload(&sess, sm, &st), VACCEL_OK);
	vaccel_tf_status_release(&st);
#endif
	EXPECT_EQ(vaccel_tflite_model_unload(&sess, tfl), VACCEL_OK);
}

/* A model handed to another framework's op: only the plugin owning that
 * op sees it (and refuses it); the other plugins are not asked, and the
 * right runs work afterwards. */
TEST_F(MlTogether, WrongModelReachesOnlyTheOpsOwner)
{
	Start(0);
	struct vaccel_resource *pt = Model("torch_linear.pt");
	struct vaccel_resource *tfl = Model("dense.tflite");
	ASSERT_TRUE(pt && tfl);

	ClearLog();
	EXPECT_NE(vaccel_tflite_model_load(&sess, pt), VACCEL_OK);
	EXPECT_EQ(Speakers(), Names{"tflite"}) << Log();

	ClearLog();
	EXPECT_NE(vaccel_torch_model_load(&sess, tfl), VACCEL_OK);
	EXPECT_EQ(Speakers(), Names{"torch"}) << Log();

#ifdef ML_TOGETHER_TF
	ClearLog();
	EXPECT_NE(LoadTf(tfl), VACCEL_OK);
	EXPECT_EQ(Speakers(), Names{"tf"}) << Log();
#endif

	struct vaccel_resource *pt2 = Model("torch_linear.pt");
	struct vaccel_resource *tfl2 = Model("dense.tflite");
	ASSERT_TRUE(pt2 && tfl2);
	ASSERT_EQ(vaccel_torch_model_load(&sess, pt2), VACCEL_OK) << Log();
	RunTorch(pt2);
	ASSERT_EQ(vaccel_tflite_model_load(&sess, tfl2), VACCEL_OK) << Log();
	RunTflite(tfl2);
}

/* A session hinted at torch is refused the TensorFlow ops and the other
 * way round; each still runs its own framework's model. */
/* Hints are a preference, as in vAccel: the hinted plugin serves the
 * session by default, and the others serve the ops it lacks. */
TEST_F(MlTogether, SessionHintsPreferAPlugin)
{
	Start(VACCEL_PLUGIN_TORCH);
	ASSERT_NE(sess.plugin, nullptr);
	EXPECT_STREQ(sess.plugin->info->name, "torch");
	struct vaccel_resource *pt = Model("torch_linear.pt");
	struct vaccel_resource *tfl = Model("dense.tflite");
	ASSERT_TRUE(pt && tfl);
	ASSERT_EQ(vaccel_torch_model_load(&sess, pt), VACCEL_OK) << Log();
	RunTorch(pt);
	ASSERT_EQ(vaccel_tflite_model_load(&sess, tfl), VACCEL_OK) << Log();
	RunTflite(tfl);
#ifdef ML_TOGETHER_TF
	struct vaccel_resource *sm = Model("dense");
	ASSERT_TRUE(sm);
	ASSERT_EQ(LoadTf(sm), VACCEL_OK) << Log();
	RunTf(sm);
#endif
	for (auto *r : resources)
		vaccel_resource_unregister(r, &sess);
	vaccel_session_release(&sess);

	/* TENSORFLOW: tflite (loaded before tf) by default; torch still
	 * serves torch ops. */
	Start(VACCEL_PLUGIN_TENSORFLOW);
	ASSERT_NE(sess.plugin, nullptr);
	EXPECT_STREQ(sess.plugin->info->name, "tflite");
	for (auto *r : resources)
		ASSERT_EQ(vaccel_resource_register(r, &sess), VACCEL_OK);
	ASSERT_EQ(vaccel_tflite_model_load(&sess, tfl), VACCEL_OK) << Log();
	RunTflite(tfl);
	ASSERT_EQ(vaccel_torch_model_load(&sess, pt), VACCEL_OK) << Log();
	RunTorch(pt);
}

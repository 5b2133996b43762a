/* The tflite plugin (c/plugins/tflite, docs/tflite.md) on models made by
 * make_models.py: numeric agreement with Python LiteRT and TensorFlow,
 * bad input, threads, and freeing on unload and unregister. */

#include "tests/core/vaccel_test.h"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>

#define TFLITE_PLUGIN "c/plugins/tflite/libvaccel-tflite.so"
#define MODEL(name) ("tests/tflite/" + std::string(name) + ".tflite")

/* One tensor of a case file: dtype, shape and values (as doubles, exact
 * for the integers used here). */
struct Tensor {
	std::string name;
	int dtype = 0;
	std::vector<int32_t> dims;
	std::vector<double> values;
	std::vector<double> tf; /* TensorFlow's result, when given */
};

struct Case {
	std::vector<Tensor> in, out;
};

static Case ReadCase(const std::string &name)
{
	std::ifstream f("tests/tflite/" + name + ".txt");
	Case c;
	std::string line;

	EXPECT_TRUE(f.good()) << name;
	while (std::getline(f, line)) {
		std::istringstream ss(line);
		std::string kind, tname;
		size_t n;

		ss >> kind >> tname;
		if (kind == "tf") {
			ss >> n;
			c.out.back().tf.resize(n);
			for (auto &v : c.out.back().tf)
				ss >> v;
			continue;
		}
		Tensor t;
		int rank;
		t.name = tname;
		ss >> t.dtype >> rank;
		t.dims.resize(rank);
		for (auto &d : t.dims)
			ss >> d;
		ss >> n;
		t.values.resize(n);
		for (auto &v : t.values)
			ss >> v;
		(kind == "in" ? c.in : c.out).push_back(t);
	}
	return c;
}

static size_t DtypeSize(int dtype)
{
	return vaccel_tflite_data_type_size(
	    static_cast<enum vaccel_tflite_data_type>(dtype));
}

/* The values as the dtype's bytes. */
static std::vector<uint8_t> Bytes(const Tensor &t)
{
	std::vector<uint8_t> b(t.values.size() * DtypeSize(t.dtype));
	for (size_t i = 0; i < t.values.size(); i++) {
		double v = t.values[i];
		switch (t.dtype) {
		case VACCEL_TFLITE_FLOAT32:
			reinterpret_cast<float *>(b.data())[i] = (float)v;
			break;
		case VACCEL_TFLITE_INT32:
			reinterpret_cast<int32_t *>(b.data())[i] = (int32_t)v;
			break;
		case VACCEL_TFLITE_INT8:
			reinterpret_cast<int8_t *>(b.data())[i] = (int8_t)v;
			break;
		default:
			ADD_FAILURE() << "dtype " << t.dtype;
		}
	}
	return b;
}

static double Value(const struct vaccel_tflite_tensor *t, size_t i)
{
	switch (t->data_type) {
	case VACCEL_TFLITE_FLOAT32:
		return static_cast<const float *>(t->data)[i];
	case VACCEL_TFLITE_INT32:
		return static_cast<const int32_t *>(t->data)[i];
	case VACCEL_TFLITE_INT8:
		return static_cast<const int8_t *>(t->data)[i];
	default:
		ADD_FAILURE() << "dtype " << t->data_type;
		return NAN;
	}
}

/* Input tensors of a case, owning their data. */
struct Inputs {
	std::vector<std::vector<uint8_t>> data;
	std::vector<struct vaccel_tflite_tensor *> t;

	explicit Inputs(const Case &c)
	{
		for (const auto &in : c.in) {
			struct vaccel_tflite_tensor *x = nullptr;
			data.push_back(Bytes(in));
			EXPECT_EQ(vaccel_tflite_tensor_new(
				      &x, (int)in.dims.size(), in.dims.data(),
				      (enum vaccel_tflite_data_type)in.dtype),
				  VACCEL_OK);
			EXPECT_EQ(
			    vaccel_tflite_tensor_set_data(x, data.back().data(),
							  data.back().size()),
			    VACCEL_OK);
			t.push_back(x);
		}
	}
	~Inputs()
	{
		for (auto *x : t)
			vaccel_tflite_tensor_delete(x);
	}
	Inputs(const Inputs &) = delete;
	Inputs &operator=(const Inputs &) = delete;
};

/* Checks outputs against the case: LiteRT's values tightly (ints
 * exactly), TensorFlow's within float tolerance. */
static void ExpectOutputs(const Case &c, struct vaccel_tflite_tensor **out,
			  const std::string &what)
{
	for (size_t o = 0; o < c.out.size(); o++) {
		const Tensor &want = c.out[o];
		struct vaccel_tflite_tensor *got = out[o];
		bool is_float = want.dtype == VACCEL_TFLITE_FLOAT32;

		ASSERT_NE(got, nullptr) << what << " output " << o;
		ASSERT_EQ(got->data_type, want.dtype) << what << " " << o;
		ASSERT_EQ(
		    std::vector<int32_t>(got->dims, got->dims + got->nr_dims),
		    want.dims)
		    << what << " output " << want.name;
		ASSERT_EQ(got->size,
			  want.values.size() * DtypeSize(want.dtype));
		for (size_t i = 0; i < want.values.size(); i++) {
			double v = Value(got, i);
			if (is_float) {
				EXPECT_NEAR(
				    v, want.values[i],
				    1e-5 + 1e-5 * std::fabs(want.values[i]))
				    << what << " " << want.name << "[" << i
				    << "] vs LiteRT";
			} else {
				EXPECT_EQ(v, want.values[i])
				    << what << " " << want.name << "[" << i
				    << "]";
			}
			if (i < want.tf.size()) {
				double tol =
				    is_float
					? 1e-4 + 1e-4 * std::fabs(want.tf[i])
					: 0;
				EXPECT_NEAR(v, want.tf[i], tol)
				    << what << " " << want.name << "[" << i
				    << "] vs TensorFlow";
			}
		}
	}
}

static void DeleteAll(std::vector<struct vaccel_tflite_tensor *> &out)
{
	for (auto *&t : out) {
		if (t) {
			EXPECT_EQ(vaccel_tflite_tensor_delete(t), VACCEL_OK);
		}
		t = nullptr;
	}
}

class TfliteTest : public VaccelTest
{
      protected:
	struct vaccel_session sess = {};
	std::vector<struct vaccel_resource *> resources;

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(LoadBackend(TFLITE_PLUGIN), VACCEL_OK) << Log();
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_session_release(&sess);
		for (auto *r : resources)
			vaccel_resource_delete(r);
		VaccelTest::TearDown();
	}

	/* A MODEL resource from the case's file, registered to sess. */
	struct vaccel_resource *Model(const std::string &name,
				      struct vaccel_session *s = nullptr)
	{
		struct vaccel_resource *r = nullptr;
		EXPECT_EQ(vaccel_resource_new(&r, MODEL(name).c_str(),
					      VACCEL_RESOURCE_MODEL),
			  VACCEL_OK);
		if (!r)
			return nullptr;
		resources.push_back(r);
		EXPECT_EQ(vaccel_resource_register(r, s ? s : &sess),
			  VACCEL_OK);
		return r;
	}

	int Run(struct vaccel_resource *r,
		std::vector<vaccel_tflite_tensor *> in,
		std::vector<struct vaccel_tflite_tensor *> &out,
		uint8_t *status, struct vaccel_session *s = nullptr)
	{
		return vaccel_tflite_model_run(s ? s : &sess, r, in.data(),
					       (int)in.size(), out.data(),
					       (int)out.size(), status);
	}

	/* Runs `name` on its inputs and checks the outputs. */
	void RunCase(struct vaccel_resource *r, const std::string &name,
		     struct vaccel_session *s = nullptr)
	{
		Case c = ReadCase(name);
		Inputs in(c);
		std::vector<struct vaccel_tflite_tensor *> out(c.out.size());
		uint8_t status = 0xff;

		ASSERT_EQ(Run(r, in.t, out, &status, s), VACCEL_OK) << Log();
		EXPECT_EQ(status, 0);
		ExpectOutputs(c, out.data(), name);
		DeleteAll(out);
	}
};

TEST_F(TfliteTest, EveryModelAgreesWithPython)
{
	for (const char *name :
	     {"dense_b1", "dense_b4", "conv_b1_16x16", "conv_b2_24x32",
	      "int32_b1", "int32_b6", "int8_b2"}) {
		SCOPED_TRACE(name);
		struct vaccel_resource *r = Model(name);
		ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK)
		    << Log();
		RunCase(r, name);
		RunCase(r, name); /* the cached model, again */
		EXPECT_EQ(vaccel_tflite_model_unload(&sess, r), VACCEL_OK);
	}
}

/* Nothing assumes a local path: a resource made from bytes in memory. */
TEST_F(TfliteTest, ModelFromMemory)
{
	std::ifstream f(MODEL("dense_b4"), std::ios::binary);
	std::vector<char> bytes(std::istreambuf_iterator<char>(f), {});
	struct vaccel_resource r;

	ASSERT_FALSE(bytes.empty());
	ASSERT_EQ(vaccel_resource_init_from_buf(&r, bytes.data(), bytes.size(),
						VACCEL_RESOURCE_MODEL,
						"dense.tflite", true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&r, &sess), VACCEL_OK);
	ASSERT_EQ(vaccel_tflite_model_load(&sess, &r), VACCEL_OK) << Log();
	RunCase(&r, "dense_b4");
	EXPECT_EQ(vaccel_resource_release(&r), VACCEL_OK);
}

TEST_F(TfliteTest, CorruptModelThenValid)
{
	std::ifstream f(MODEL("conv_b1_16x16"), std::ios::binary);
	std::vector<char> bytes(std::istreambuf_iterator<char>(f), {});
	const char garbage[] = "this is not a flatbuffer at all";
	struct vaccel_resource bad, cut;

	ASSERT_EQ(vaccel_resource_init_from_buf(&bad, garbage, sizeof(garbage),
						VACCEL_RESOURCE_MODEL,
						"bad.tflite", true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&bad, &sess), VACCEL_OK);
	ClearLog();
	EXPECT_EQ(vaccel_tflite_model_load(&sess, &bad), VACCEL_EINVAL);
	EXPECT_LOG_HAS("are not a valid .tflite model");

	/* A truncated model. */
	ASSERT_EQ(vaccel_resource_init_from_buf(
		      &cut, bytes.data(), bytes.size() / 2,
		      VACCEL_RESOURCE_MODEL, "cut.tflite", true),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&cut, &sess), VACCEL_OK);
	EXPECT_NE(vaccel_tflite_model_load(&sess, &cut), VACCEL_OK);

	/* A run on either is refused, then a valid model works. */
	std::vector<struct vaccel_tflite_tensor *> out(1);
	uint8_t status = 0;
	EXPECT_EQ(Run(&bad, {}, out, &status), VACCEL_EINVAL);
	EXPECT_EQ(status, 1);
	struct vaccel_resource *r = Model("conv_b1_16x16");
	ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);
	RunCase(r, "conv_b1_16x16");
	vaccel_resource_release(&bad);
	vaccel_resource_release(&cut);
}

/* Each bad call: a clear code, a log line naming the input, status 1,
 * and the next valid call succeeds. */
class TfliteBadInput : public TfliteTest
{
      protected:
	struct vaccel_resource *r = nullptr;
	Case c;

	void SetUp() override
	{
		TfliteTest::SetUp();
		r = Model("dense_b4");
		ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);
		c = ReadCase("dense_b4");
		ClearLog();
	}

	void ExpectRefused(Inputs &in, size_t nr_out, const char *log,
			   int code = VACCEL_EINVAL)
	{
		std::vector<struct vaccel_tflite_tensor *> out(nr_out);
		uint8_t status = 0;

		EXPECT_EQ(Run(r, in.t, out, &status), code);
		EXPECT_EQ(status, 1);
		for (auto *t : out) {
			EXPECT_EQ(t, nullptr);
		}
		EXPECT_LOG_HAS(log);
		RunCase(r, "dense_b4");
	}
};

TEST_F(TfliteBadInput, WrongDtype)
{
	Inputs in(c);
	in.t[0]->data_type = VACCEL_TFLITE_INT32;
	ExpectRefused(in, 2, "dtype INT32, the model expects FLOAT32");
}

TEST_F(TfliteBadInput, DtypeLiteRtCannotCarry)
{
	Inputs in(c);
	in.t[1]->data_type = VACCEL_TFLITE_STRING;
	ExpectRefused(in, 2, "dtype STRING (5) is not supported");
	in.t[1]->data_type = VACCEL_TFLITE_INT4;
	ExpectRefused(in, 2, "dtype INT4 (18) is not supported");
}

TEST_F(TfliteBadInput, WrongShape)
{
	Inputs in(c);
	in.t[0]->dims[0] = 2;
	ExpectRefused(in, 2, "shape [2,3], the model expects [4,3]");
	in.t[0]->dims[0] = 4;
	in.t[0]->nr_dims = 1;
	ExpectRefused(in, 2, "shape [4], the model expects [4,3]");
}

TEST_F(TfliteBadInput, WrongByteSize)
{
	Inputs in(c);
	in.t[1]->size -= 4;
	ExpectRefused(in, 2, "bytes of data, the shape needs 64");
}

TEST_F(TfliteBadInput, WrongInputCount)
{
	Inputs in(c);
	vaccel_tflite_tensor_delete(in.t.back());
	in.t.pop_back();
	ExpectRefused(in, 2, "the model takes 2 inputs, got 1");
}

TEST_F(TfliteBadInput, TooFewOutputSlots)
{
	Inputs in(c);
	ExpectRefused(in, 1, "the model has 2 outputs, but there are 1 output");
}

TEST_F(TfliteTest, MoreOutputSlotsThanOutputsAreNulled)
{
	struct vaccel_resource *r = Model("conv_b1_16x16");
	ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);
	Case c = ReadCase("conv_b1_16x16");
	Inputs in(c);
	std::vector<struct vaccel_tflite_tensor *> out(
	    3, reinterpret_cast<struct vaccel_tflite_tensor *>(0x1));
	uint8_t status = 1;
	ASSERT_EQ(Run(r, in.t, out, &status), VACCEL_OK);
	EXPECT_EQ(status, 0);
	ExpectOutputs(c, out.data(), "conv");
	EXPECT_EQ(out[1], nullptr);
	EXPECT_EQ(out[2], nullptr);
	DeleteAll(out);
}

TEST_F(TfliteTest, RunBeforeLoadIsRefused)
{
	struct vaccel_resource *r = Model("int32_b1");
	Case c = ReadCase("int32_b1");
	Inputs in(c);
	std::vector<struct vaccel_tflite_tensor *> out(2);
	uint8_t status = 0;

	ClearLog();
	EXPECT_EQ(Run(r, in.t, out, &status), VACCEL_EINVAL);
	EXPECT_EQ(status, 1);
	EXPECT_LOG_HAS("is not loaded (call vaccel_tflite_model_load first)");
	ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);
	RunCase(r, "int32_b1");
}

TEST_F(TfliteTest, UnregisteredResourceIsRefusedByTheCore)
{
	struct vaccel_resource *r = Model("int32_b1");
	struct vaccel_resource other;
	ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_init(&other, MODEL("int32_b1").c_str(),
				       VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	Case c = ReadCase("int32_b1");
	Inputs in(c);
	std::vector<struct vaccel_tflite_tensor *> out(2);
	uint8_t status = 0;

	ClearLog();
	EXPECT_EQ(vaccel_tflite_model_load(&sess, &other), VACCEL_EPERM);
	EXPECT_EQ(Run(&other, in.t, out, &status), VACCEL_EPERM);
	EXPECT_LOG_HAS("not registered");
	RunCase(r, "int32_b1");
	vaccel_resource_release(&other);
}

TEST_F(TfliteTest, EightThreadsOnOneModel)
{
	struct vaccel_resource *r = Model("conv_b2_24x32");
	ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);
	Case c = ReadCase("conv_b2_24x32");
	const int threads = 8, runs = 40;
	std::vector<int> failures(threads, 0);
	auto start = std::chrono::steady_clock::now();

	std::vector<std::thread> pool;
	for (int t = 0; t < threads; t++) {
		pool.emplace_back([&, t] {
			Inputs in(c);
			for (int i = 0; i < runs; i++) {
				std::vector<struct vaccel_tflite_tensor *> out(
				    1);
				uint8_t status = 1;
				if (Run(r, in.t, out, &status) != VACCEL_OK ||
				    status != 0) {
					failures[t]++;
					continue;
				}
				/* Bit-identical to a single-threaded run. */
				const float *v =
				    static_cast<const float *>(out[0]->data);
				for (size_t k = 0; k < c.out[0].values.size();
				     k++)
					if (std::fabs(v[k] -
						      c.out[0].values[k]) >
					    1e-5)
						failures[t]++;
				vaccel_tflite_tensor_delete(out[0]);
			}
		});
	}
	for (auto &th : pool)
		th.join();
	double s = std::chrono::duration<double>(
		       std::chrono::steady_clock::now() - start)
		       .count();
	for (int t = 0; t < threads; t++) {
		EXPECT_EQ(failures[t], 0) << "thread " << t;
	}
	std::printf("%d threads x %d runs: %.1f runs/s\n", threads, runs,
		    threads * runs / s);
}

TEST_F(TfliteTest, UnloadFrees)
{
	struct vaccel_resource *r = Model("dense_b1");
	std::vector<struct vaccel_tflite_tensor *> out(2);
	Case c = ReadCase("dense_b1");
	Inputs in(c);
	uint8_t status = 0;

	ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);
	EXPECT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK); /* cached */
	EXPECT_EQ(vaccel_tflite_model_unload(&sess, r), VACCEL_OK);
	ClearLog();
	EXPECT_EQ(Run(r, in.t, out, &status), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tflite_model_unload(&sess, r), VACCEL_EINVAL);
	EXPECT_LOG_HAS("is not loaded");
	ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);
	RunCase(r, "dense_b1");
}

/* The model stays while any session holds the resource and is freed when
 * the last one lets go. */
TEST_F(TfliteTest, UnregisterFromLastSessionFrees)
{
	struct vaccel_session other;
	ASSERT_EQ(vaccel_session_init(&other, 0), VACCEL_OK);
	struct vaccel_resource *r = Model("dense_b1");
	ASSERT_EQ(vaccel_resource_register(r, &other), VACCEL_OK);
	ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);

	ASSERT_EQ(vaccel_resource_unregister(r, &sess), VACCEL_OK);
	RunCase(r, "dense_b1", &other); /* still loaded for `other` */

	ClearLog();
	ASSERT_EQ(vaccel_resource_unregister(r, &other), VACCEL_OK);
	EXPECT_LOG_HAS("left its last session: model freed");
	ASSERT_EQ(vaccel_resource_register(r, &sess), VACCEL_OK);
	std::vector<struct vaccel_tflite_tensor *> out(2);
	Case c = ReadCase("dense_b1");
	Inputs in(c);
	uint8_t status = 0;
	EXPECT_EQ(Run(r, in.t, out, &status), VACCEL_EINVAL);
	ASSERT_EQ(vaccel_tflite_model_load(&sess, r), VACCEL_OK);
	RunCase(r, "dense_b1");
	vaccel_session_release(&other);
}

TEST_F(TfliteTest, ReleasingTheResourceFreesItsModel)
{
	struct vaccel_resource res;
	ASSERT_EQ(vaccel_resource_init(&res, MODEL("int8_b2").c_str(),
				       VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	ASSERT_EQ(vaccel_tflite_model_load(&sess, &res), VACCEL_OK);
	ClearLog();
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_LOG_HAS("left its last session: model freed");
}

TEST_F(TfliteTest, BadRunnersSettingRefusesThePlugin)
{
	vaccel_session_release(&sess);
	vaccel_cleanup();
	setenv("VACCEL_TFLITE_RUNNERS", "zero", 1);
	Bootstrap(VACCEL_LOG_DEBUG, false);
	EXPECT_EQ(vaccel_plugin_load(TFLITE_PLUGIN), VACCEL_EINVAL);
	EXPECT_LOG_HAS("VACCEL_TFLITE_RUNNERS is 'zero'");
	unsetenv("VACCEL_TFLITE_RUNNERS");
	EXPECT_EQ(vaccel_plugin_load(TFLITE_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
}

#pragma once

/* Shared by the torch plugin's tests: the fixture (plugin loaded, one
 * session), the cases that make_models.py wrote (manifest.txt +
 * tensors.bin), running them and comparing with Python's outputs. */

#include "tests/core/vaccel_test.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#define TORCH_PLUGIN "c/plugins/torch/libvaccel-torch.so"
#define MODEL_DIR "tests/torch/models/"

/* A tensor of a case: dtype, dims and bytes. */
struct CaseTensor {
	enum vaccel_torch_data_type type;
	std::vector<int64_t> dims;
	std::vector<uint8_t> data;
};

struct TorchCase {
	std::string model;
	std::vector<CaseTensor> inputs, outputs;
};

static inline std::vector<uint8_t> ReadBytes(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

/* Every case of manifest.txt by name (empty when unreadable). */
static inline std::map<std::string, TorchCase> LoadCases()
{
	std::vector<uint8_t> blob = ReadBytes(MODEL_DIR "tensors.bin");
	std::ifstream in(MODEL_DIR "manifest.txt");
	std::map<std::string, TorchCase> cases;
	std::string line, name;

	while (std::getline(in, line)) {
		std::istringstream ls(line);
		std::string kind, dtype;
		ls >> kind;
		if (kind == "case") {
			ls >> name;
			ls >> cases[name].model;
			continue;
		}
		if (kind != "in" && kind != "out")
			continue;
		CaseTensor t;
		int64_t nr_dims;
		size_t off, n;
		ls >> dtype >> nr_dims;
		EXPECT_EQ(vaccel_torch_data_type_from_str(
			      ("VACCEL_TORCH_" + dtype).c_str(), &t.type),
			  VACCEL_OK);
		t.dims.resize(nr_dims);
		for (auto &d : t.dims)
			ls >> d;
		ls >> off >> n;
		EXPECT_LE(off + n, blob.size());
		if (off + n <= blob.size())
			t.data.assign(blob.begin() + off,
				      blob.begin() + off + n);
		(kind == "in" ? cases[name].inputs : cases[name].outputs)
		    .push_back(std::move(t));
	}
	return cases;
}

/* Input tensors pointing at a case's bytes; deleted at scope end. */
struct Inputs {
	std::vector<struct vaccel_torch_tensor *> t;

	explicit Inputs(std::vector<CaseTensor> &in)
	{
		for (auto &c : in) {
			struct vaccel_torch_tensor *x = nullptr;
			EXPECT_EQ(vaccel_torch_tensor_new(
				      &x, c.dims.size(), c.dims.data(), c.type),
				  VACCEL_OK);
			EXPECT_EQ(vaccel_torch_tensor_set_data(x, c.data.data(),
							       c.data.size()),
				  VACCEL_OK);
			t.push_back(x);
		}
	}
	~Inputs()
	{
		for (auto *x : t)
			vaccel_torch_tensor_delete(x);
	}
	Inputs(const Inputs &) = delete;
	Inputs &operator=(const Inputs &) = delete;
};

/* Output slots; whatever the plugin put there is deleted at scope end. */
struct Outputs {
	std::vector<struct vaccel_torch_tensor *> t;

	explicit Outputs(size_t n) : t(n, nullptr)
	{
	}
	~Outputs()
	{
		for (auto *x : t)
			if (x)
				vaccel_torch_tensor_delete(x);
	}
	Outputs(const Outputs &) = delete;
	Outputs &operator=(const Outputs &) = delete;
};

static inline float HalfToFloat(uint16_t h)
{
	uint32_t sign = (h >> 15) & 1, exp = (h >> 10) & 0x1f, man = h & 0x3ff;
	float v = exp == 0    ? std::ldexp((float)man, -24)
		  : exp == 31 ? (man ? NAN : INFINITY)
			      : std::ldexp((float)(man | 0x400), (int)exp - 25);
	return sign ? -v : v;
}

static inline float Bf16ToFloat(uint16_t b)
{
	uint32_t bits = (uint32_t)b << 16;
	float f;
	memcpy(&f, &bits, 4);
	return f;
}

/* Element i of a floating-point tensor's bytes as a double. */
static inline double FloatAt(enum vaccel_torch_data_type type, const uint8_t *p,
			     size_t i)
{
	switch (type) {
	case VACCEL_TORCH_FLOAT: {
		float f;
		memcpy(&f, p + 4 * i, 4);
		return f;
	}
	case VACCEL_TORCH_DOUBLE: {
		double d;
		memcpy(&d, p + 8 * i, 8);
		return d;
	}
	default: {
		uint16_t h;
		memcpy(&h, p + 2 * i, 2);
		return type == VACCEL_TORCH_HALF ? HalfToFloat(h)
						 : Bf16ToFloat(h);
	}
	}
}

/* `got` equals `want`: same dtype and dims; integers and bools exact,
 * floats within a tolerance that fits their precision. */
static inline ::testing::AssertionResult
SameTensor(const struct vaccel_torch_tensor *got, const CaseTensor &want)
{
	if (!got)
		return ::testing::AssertionFailure() << "output is NULL";
	if (got->data_type != want.type)
		return ::testing::AssertionFailure()
		       << "dtype " << got->data_type << ", want " << want.type;
	std::vector<int64_t> dims(got->dims, got->dims + got->nr_dims);
	if (dims != want.dims)
		return ::testing::AssertionFailure() << "dims differ";
	if (got->size != want.data.size())
		return ::testing::AssertionFailure()
		       << "size " << got->size << ", want " << want.data.size();
	const uint8_t *g = static_cast<const uint8_t *>(got->data);
	double rtol;
	switch (want.type) {
	case VACCEL_TORCH_FLOAT:
		rtol = 1e-5;
		break;
	case VACCEL_TORCH_DOUBLE:
		rtol = 1e-12;
		break;
	case VACCEL_TORCH_HALF:
	case VACCEL_TORCH_BFLOAT16:
		rtol = 1e-2;
		break;
	default:
		if (want.data.empty() ||
		    !memcmp(g, want.data.data(), got->size))
			return ::testing::AssertionSuccess();
		return ::testing::AssertionFailure() << "integer bytes differ";
	}
	size_t n = want.data.size() / vaccel_torch_data_type_size(want.type);
	for (size_t i = 0; i < n; i++) {
		double a = FloatAt(want.type, g, i);
		double b = FloatAt(want.type, want.data.data(), i);
		if (!(std::fabs(a - b) <= rtol * (1 + std::fabs(b))))
			return ::testing::AssertionFailure()
			       << "element " << i << ": " << a << ", want "
			       << b;
	}
	return ::testing::AssertionSuccess();
}

class TorchTest : public VaccelTest
{
      protected:
	struct vaccel_session sess = {};
	bool started = false;
	std::map<std::string, TorchCase> cases;

	void SetUp() override
	{
		VaccelTest::SetUp();
		cases = LoadCases();
		ASSERT_FALSE(cases.empty()) << "no cases in " MODEL_DIR;
	}

	void Start(uint32_t hint = 0)
	{
		ASSERT_EQ(LoadBackend(TORCH_PLUGIN), VACCEL_OK) << Log();
		ASSERT_EQ(vaccel_session_init(&sess, hint), VACCEL_OK);
		started = true;
	}

	void TearDown() override
	{
		if (started)
			vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}

	/* A MODEL resource from a model file, registered to `s`. */
	struct vaccel_resource *Model(const std::string &file,
				      struct vaccel_session *s = nullptr)
	{
		struct vaccel_resource *res = nullptr;
		std::string path = MODEL_DIR + file;
		EXPECT_EQ(vaccel_resource_new(&res, path.c_str(),
					      VACCEL_RESOURCE_MODEL),
			  VACCEL_OK);
		if (res) {
			EXPECT_EQ(vaccel_resource_register(res, s ? s : &sess),
				  VACCEL_OK);
		}
		return res;
	}

	/* Runs case `name` on `res` (`extra` more output slots than the
	 * case has) and checks every output against Python's. */
	void RunCase(const std::string &name, struct vaccel_resource *res,
		     size_t extra = 0, bool jitload = false)
	{
		ASSERT_EQ(cases.count(name), 1u) << "no case " << name;
		TorchCase &c = cases[name];
		Inputs in(c.inputs);
		Outputs out(c.outputs.size() + extra);
		/* The two have different prototypes (vAccel's constness). */
		int rc = jitload ? vaccel_torch_jitload_forward(
				       &sess, res, nullptr, in.t.data(),
				       in.t.size(), out.t.data(), out.t.size())
				 : vaccel_torch_model_run(
				       &sess, res, nullptr, in.t.data(),
				       in.t.size(), out.t.data(), out.t.size());
		ASSERT_EQ(rc, VACCEL_OK) << Log();
		for (size_t i = 0; i < c.outputs.size(); i++)
			EXPECT_TRUE(SameTensor(out.t[i], c.outputs[i]))
			    << name << " output " << i;
		for (size_t i = c.outputs.size(); i < out.t.size(); i++)
			EXPECT_EQ(out.t[i], nullptr) << "extra slot " << i;
	}

	/* After an error: a valid run on a fresh resource still works. */
	void ExpectValidRunWorks()
	{
		struct vaccel_resource *res = Model(cases["mlp_b1"].model);
		ASSERT_NE(res, nullptr);
		RunCase("mlp_b1", res);
		vaccel_resource_delete(res);
	}

	/* How many times `text` occurs in the log. */
	size_t LogCount(const std::string &text) const
	{
		std::string log = Log();
		size_t n = 0;
		for (size_t p = log.find(text); p != std::string::npos;
		     p = log.find(text, p + 1))
			n++;
		return n;
	}
};

/* The tf plugin (c/plugins/tf, docs/tf.md) on the SavedModels made by
 * make_models.py: numeric agreement with Python TensorFlow for several
 * batch and image sizes and every dtype the plugin carries, the ways a
 * SavedModel travels as a resource, bad input, threads, and freeing on
 * unload, unregister and release. */

#include "tests/core/vaccel_test.h"

#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <sys/stat.h>
#include <thread>

#define TF_PLUGIN "c/plugins/tf/libvaccel-tf.so"
#define TF_DIR "tests/tf/"

static const char *const kModelFiles[] = {
    "saved_model.pb",
    "fingerprint.pb",
    "variables/variables.index",
    "variables/variables.data-00000-of-00001",
};

/* One tensor of a case file: node, dtype, shape and bytes. */
struct Tensor {
	std::string key, node;
	int index = 0, dtype = 0;
	std::vector<int64_t> dims;
	std::vector<uint8_t> bytes;
};

struct Case {
	std::string model;
	std::vector<Tensor> in, out;
};

static std::vector<uint8_t> FromHex(const std::string &hex)
{
	std::vector<uint8_t> b;
	for (size_t i = 0; hex != "-" && i + 1 < hex.size(); i += 2)
		b.push_back((uint8_t)std::stoul(hex.substr(i, 2), nullptr, 16));
	return b;
}

static Case ReadCase(const std::string &name)
{
	std::ifstream f(TF_DIR + name + ".txt");
	Case c;
	std::string line;

	EXPECT_TRUE(f.good()) << name;
	while (std::getline(f, line)) {
		std::istringstream ss(line);
		std::string kind, hex;
		Tensor t;
		int rank;

		ss >> kind;
		if (kind == "model") {
			ss >> c.model;
			continue;
		}
		ss >> t.key >> t.node >> t.index >> t.dtype >> rank;
		t.dims.resize(rank);
		for (auto &d : t.dims)
			ss >> d;
		ss >> hex;
		t.bytes = FromHex(hex);
		(kind == "in" ? c.in : c.out).push_back(t);
	}
	return c;
}

/* Input tensors and nodes of a case, owning their data. */
struct Feeds {
	std::vector<std::vector<uint8_t>> data;
	std::vector<struct vaccel_tf_tensor *> t;
	std::vector<struct vaccel_tf_node> nodes;

	explicit Feeds(const std::vector<Tensor> &in)
	{
		for (const auto &x : in) {
			struct vaccel_tf_tensor *v = nullptr;
			data.push_back(x.bytes);
			EXPECT_EQ(vaccel_tf_tensor_new(
				      &v, (int)x.dims.size(), x.dims.data(),
				      (enum vaccel_tf_data_type)x.dtype),
				  VACCEL_OK);
			EXPECT_EQ(vaccel_tf_tensor_set_data(v,
							    data.back().data(),
							    data.back().size()),
				  VACCEL_OK);
			t.push_back(v);
			nodes.push_back({strdup(x.node.c_str()), x.index});
		}
	}
	~Feeds()
	{
		for (auto *v : t)
			vaccel_tf_tensor_delete(v);
		for (auto &n : nodes)
			free(n.name);
	}
	Feeds(const Feeds &) = delete;
	Feeds &operator=(const Feeds &) = delete;
};

/* The output nodes of a case. */
struct Fetches {
	std::vector<struct vaccel_tf_node> nodes;

	explicit Fetches(const std::vector<Tensor> &out)
	{
		for (const auto &x : out)
			nodes.push_back({strdup(x.node.c_str()), x.index});
	}
	~Fetches()
	{
		for (auto &n : nodes)
			free(n.name);
	}
	Fetches(const Fetches &) = delete;
	Fetches &operator=(const Fetches &) = delete;
};

/* float32 and float64 within tolerance (oneDNN may sum in another
 * order than Python did), everything else bit-exact. */
static void ExpectTensor(const Tensor &want, const struct vaccel_tf_tensor *got,
			 const std::string &what)
{
	ASSERT_NE(got, nullptr) << what;
	ASSERT_EQ((int)got->data_type, want.dtype) << what;
	ASSERT_EQ(std::vector<int64_t>(got->dims, got->dims + got->nr_dims),
		  want.dims)
	    << what;
	ASSERT_EQ(got->size, want.bytes.size()) << what;
	if (want.dtype == VACCEL_TF_FLOAT || want.dtype == VACCEL_TF_DOUBLE) {
		bool f32 = want.dtype == VACCEL_TF_FLOAT;
		size_t n = want.bytes.size() / (f32 ? 4 : 8);
		for (size_t i = 0; i < n; i++) {
			double w, g;
			if (f32) {
				float a, b;
				memcpy(&a, want.bytes.data() + 4 * i, 4);
				memcpy(&b, (const uint8_t *)got->data + 4 * i,
				       4);
				w = a, g = b;
			} else {
				memcpy(&w, want.bytes.data() + 8 * i, 8);
				memcpy(&g, (const uint8_t *)got->data + 8 * i,
				       8);
			}
			EXPECT_NEAR(g, w, 1e-5 + 1e-5 * std::fabs(w))
			    << what << "[" << i << "]";
		}
		return;
	}
	EXPECT_EQ(memcmp(got->data, want.bytes.data(), want.bytes.size()), 0)
	    << what << ": bytes differ";
}

static void DeleteAll(std::vector<struct vaccel_tf_tensor *> &out)
{
	for (auto *&t : out) {
		if (t) {
			EXPECT_EQ(vaccel_tf_tensor_delete(t), VACCEL_OK);
		}
		t = nullptr;
	}
}

static std::vector<uint8_t> ReadFile(const std::string &path)
{
	std::ifstream f(path, std::ios::binary);
	return std::vector<uint8_t>(std::istreambuf_iterator<char>(f), {});
}

class TfTest : public VaccelTest
{
      protected:
	struct vaccel_session sess = {};
	struct vaccel_tf_status status = {};
	std::vector<struct vaccel_resource *> resources;

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(LoadBackend(TF_PLUGIN), VACCEL_OK) << Log();
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_tf_status_release(&status);
		vaccel_session_release(&sess);
		for (auto *r : resources)
			vaccel_resource_delete(r);
		VaccelTest::TearDown();
	}

	/* Keeps `r` (made by the caller) registered to sess. */
	struct vaccel_resource *Keep(struct vaccel_resource *r)
	{
		if (!r)
			return nullptr;
		resources.push_back(r);
		EXPECT_EQ(vaccel_resource_register(r, &sess), VACCEL_OK);
		return r;
	}

	/* The SavedModel directory as a MODEL resource, registered. */
	struct vaccel_resource *Model(const std::string &model)
	{
		struct vaccel_resource *r = nullptr;
		EXPECT_EQ(vaccel_resource_new(&r, (TF_DIR + model).c_str(),
					      VACCEL_RESOURCE_MODEL),
			  VACCEL_OK);
		return Keep(r);
	}

	int Load(struct vaccel_resource *r)
	{
		vaccel_tf_status_release(&status);
		return vaccel_tf_model_load(&sess, r, &status);
	}

	int Run(struct vaccel_resource *r, Feeds &in,
		std::vector<struct vaccel_tf_node> &out_nodes,
		std::vector<struct vaccel_tf_tensor *> &out,
		struct vaccel_session *s = nullptr,
		struct vaccel_tf_status *st = nullptr,
		const struct vaccel_tf_buffer *opts = nullptr)
	{
		if (!st) {
			vaccel_tf_status_release(&status);
			st = &status;
		}
		out.assign(out_nodes.size(), nullptr);
		return vaccel_tf_model_run(s ? s : &sess, r, opts,
					   in.nodes.data(), in.t.data(),
					   (int)in.t.size(), out_nodes.data(),
					   out.data(), (int)out.size(), st);
	}

	/* Runs case `name` on `r` and checks every output. */
	void RunCase(struct vaccel_resource *r, const std::string &name,
		     struct vaccel_session *s = nullptr,
		     struct vaccel_tf_status *st = nullptr)
	{
		Case c = ReadCase(name);
		Feeds in(c.in);
		Fetches f(c.out);
		std::vector<struct vaccel_tf_tensor *> out;

		ASSERT_EQ(Run(r, in, f.nodes, out, s, st), VACCEL_OK) << Log();
		EXPECT_EQ((st ? st : &status)->code, 0);
		for (size_t o = 0; o < c.out.size(); o++)
			ExpectTensor(c.out[o], out[o],
				     name + " " + c.out[o].key);
		DeleteAll(out);
	}
};

TEST_F(TfTest, EveryCaseAgreesWithPython)
{
	std::map<std::string, struct vaccel_resource *> loaded;

	for (const char *name :
	     {"dense_b1", "dense_b4", "dense_b7", "conv_b1_16x16",
	      "conv_b2_24x32", "conv_b3_8x12", "integer_b1", "integer_b6",
	      "dtypes_b2"}) {
		SCOPED_TRACE(name);
		std::string model = ReadCase(name).model;
		if (!loaded.count(model)) {
			loaded[model] = Model(model);
			ASSERT_EQ(Load(loaded[model]), VACCEL_OK) << Log();
			EXPECT_EQ(status.code, 0);
			EXPECT_EQ(status.message, nullptr);
		}
		RunCase(loaded[model], name);
		RunCase(loaded[model], name); /* the cached session, again */
	}
	/* One model per kind served every batch and image size. */
	EXPECT_EQ(loaded.size(), 4u);
	for (auto &m : loaded)
		EXPECT_EQ(vaccel_tf_model_unload(&sess, m.second, &status),
			  VACCEL_OK);
}

TEST_F(TfTest, FetchingSomeOutputsOnly)
{
	struct vaccel_resource *r = Model("dense");
	ASSERT_EQ(Load(r), VACCEL_OK);
	Case c = ReadCase("dense_b4");
	Feeds in(c.in);
	Fetches f({c.out[1]});
	std::vector<struct vaccel_tf_tensor *> out;

	ASSERT_EQ(Run(r, in, f.nodes, out), VACCEL_OK) << Log();
	ExpectTensor(c.out[1], out[0], "total");
	DeleteAll(out);
}

/* ---- how a SavedModel travels as a resource -------------------------- */

/* The files in memory, each a blob named by its path inside the
 * SavedModel: what an agent receives. */
TEST_F(TfTest, ModelFromBlobsInMemory)
{
	std::vector<std::vector<uint8_t>> bytes;
	std::vector<struct vaccel_blob *> blobs;
	struct vaccel_resource *r = nullptr;

	for (const char *f : kModelFiles) {
		struct vaccel_blob *b = nullptr;
		bytes.push_back(ReadFile(TF_DIR "dense/" + std::string(f)));
		ASSERT_FALSE(bytes.back().empty()) << f;
		ASSERT_EQ(vaccel_blob_from_buf(&b, bytes.back().data(),
					       bytes.back().size(), false, f,
					       nullptr, false),
			  VACCEL_OK);
		blobs.push_back(b);
	}
	ASSERT_EQ(vaccel_resource_from_blobs(
		      &r, const_cast<const struct vaccel_blob **>(blobs.data()),
		      blobs.size(), VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	for (auto *b : blobs)
		vaccel_blob_delete(b);
	Keep(r);
	ASSERT_EQ(Load(r), VACCEL_OK) << Log();
	RunCase(r, "dense_b4");
	RunCase(r, "dense_b1");
}

/* The blobs of a directory resource (files, named by relative path) in
 * a resource of their own. */
TEST_F(TfTest, ModelFromFileBlobs)
{
	struct vaccel_resource dir, *r = nullptr;

	ASSERT_EQ(
	    vaccel_resource_init(&dir, TF_DIR "conv", VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	ASSERT_EQ(dir.nr_blobs, 4u);
	ASSERT_EQ(vaccel_resource_from_blobs(
		      &r, const_cast<const struct vaccel_blob **>(dir.blobs),
		      dir.nr_blobs, VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	vaccel_resource_release(&dir);
	Keep(r);
	ASSERT_EQ(Load(r), VACCEL_OK) << Log();
	RunCase(r, "conv_b2_24x32");
}

/* The files one by one: vaccel_resource_init_multi names them by base
 * name, and the plugin restores variables/ in a staging directory that it
 * removes after loading. */
TEST_F(TfTest, ModelFromFilesOneByOne)
{
	std::vector<std::string> paths;
	std::vector<const char *> p;
	struct vaccel_resource *r = nullptr;

	for (const char *f : kModelFiles)
		paths.push_back(TF_DIR "integer/" + std::string(f));
	for (auto &s : paths)
		p.push_back(s.c_str());
	ASSERT_EQ(vaccel_resource_multi_new(&r, p.data(), p.size(),
					    VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	Keep(r);
	ClearLog();
	ASSERT_EQ(Load(r), VACCEL_OK) << Log();
	std::string log = Log();
	size_t at = log.find("staged in ");
	ASSERT_NE(at, std::string::npos) << log;
	std::string staged = Lines(log.substr(at + 10))[0];
	struct stat st;
	EXPECT_NE(stat(staged.c_str(), &st), 0) << staged << " is left";
	RunCase(r, "integer_b6");
}

/* ---- bad input: a clear code, TF's status, a log line; then a valid
 * call succeeds ------------------------------------------------------- */

TEST_F(TfTest, DirectoryThatIsNotASavedModel)
{
	char tmpl[] = "/tmp/vaccel-tf-test.XXXXXX";
	ASSERT_NE(mkdtemp(tmpl), nullptr);
	std::string dir = tmpl;
	std::ofstream(dir + "/notes.txt") << "no model here\n";
	struct vaccel_resource *r = nullptr;
	ASSERT_EQ(vaccel_resource_new(&r, dir.c_str(), VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	Keep(r);

	ClearLog();
	EXPECT_EQ(Load(r), VACCEL_EINVAL);
	EXPECT_EQ(status.code, 5); /* TF_NOT_FOUND */
	ASSERT_NE(status.message, nullptr);
	EXPECT_NE(std::string(status.message).find("Could not find SavedModel"),
		  std::string::npos)
	    << status.message;
	EXPECT_LOG_HAS("cannot load a SavedModel (tag 'serve') from " + dir);

	/* A saved_model.pb that is not one. */
	std::ofstream(dir + "/saved_model.pb") << "garbage, not a protobuf";
	ClearLog();
	EXPECT_EQ(Load(r), VACCEL_EINVAL);
	EXPECT_NE(status.code, 0);
	EXPECT_NE(status.message, nullptr);
	EXPECT_LOG_HAS("TensorFlow error");

	struct vaccel_resource *good = Model("dense");
	ASSERT_EQ(Load(good), VACCEL_OK);
	RunCase(good, "dense_b1");
	unlink((dir + "/saved_model.pb").c_str());
	unlink((dir + "/notes.txt").c_str());
	rmdir(dir.c_str());
}

TEST_F(TfTest, RunBeforeLoadIsRefused)
{
	struct vaccel_resource *r = Model("integer");
	Case c = ReadCase("integer_b1");
	Feeds in(c.in);
	Fetches f(c.out);
	std::vector<struct vaccel_tf_tensor *> out;

	ClearLog();
	EXPECT_EQ(Run(r, in, f.nodes, out), VACCEL_EINVAL);
	EXPECT_EQ(status.code, 9); /* TF_FAILED_PRECONDITION */
	EXPECT_NE(std::string(status.message).find("is not loaded"),
		  std::string::npos);
	EXPECT_LOG_HAS("is not loaded (call vaccel_tf_model_load first)");
	for (auto *t : out) {
		EXPECT_EQ(t, nullptr);
	}
	ASSERT_EQ(Load(r), VACCEL_OK);
	RunCase(r, "integer_b1");
}

/* The dense model (inputs x [-1,4] and y [-1,3] float) loaded; each bad
 * call is refused before TensorFlow runs, or by TensorFlow itself. */
class TfBadInput : public TfTest
{
      protected:
	struct vaccel_resource *r = nullptr;
	Case c;

	void SetUp() override
	{
		TfTest::SetUp();
		r = Model("dense");
		ASSERT_EQ(Load(r), VACCEL_OK);
		c = ReadCase("dense_b4");
		ClearLog();
	}

	void ExpectRefused(Feeds &in, std::vector<struct vaccel_tf_node> nodes,
			   int code, int tf_code, const char *text)
	{
		std::vector<struct vaccel_tf_tensor *> out;

		EXPECT_EQ(Run(r, in, nodes, out), code);
		EXPECT_EQ(status.code, tf_code);
		ASSERT_NE(status.message, nullptr);
		EXPECT_NE(std::string(status.message).find(text),
			  std::string::npos)
		    << status.message;
		EXPECT_LOG_HAS(text);
		for (auto *t : out) {
			EXPECT_EQ(t, nullptr);
		}
		RunCase(r, "dense_b4");
	}
};

TEST_F(TfBadInput, UnknownNodeName)
{
	Feeds in(c.in);
	Fetches f(c.out);
	free(in.nodes[1].name);
	in.nodes[1].name = strdup("serving_default_z");
	ExpectRefused(in, f.nodes, VACCEL_EINVAL, 5,
		      "input 1: no node 'serving_default_z' in the graph");
	Feeds in2(c.in);
	free(f.nodes[0].name);
	f.nodes[0].name = strdup("StatefulPartitionedCall:0");
	ExpectRefused(in2, f.nodes, VACCEL_EINVAL, 5,
		      "(give the output index in the node's id, not after "
		      "':')");
}

TEST_F(TfBadInput, OutputIndexOutOfRange)
{
	Feeds in(c.in);
	Fetches f(c.out);
	f.nodes[1].id = 7;
	ExpectRefused(in, f.nodes, VACCEL_EINVAL, 3,
		      "output 1: node 'StatefulPartitionedCall' has 2 "
		      "output(s); index 7 is out of range");
}

TEST_F(TfBadInput, WrongDtype)
{
	Feeds in(c.in);
	Fetches f(c.out);
	in.t[0]->data_type = VACCEL_TF_INT32;
	ExpectRefused(in, f.nodes, VACCEL_EINVAL, 3,
		      "input 0 ('serving_default_x:0'): dtype INT32, the node "
		      "takes FLOAT");
}

TEST_F(TfBadInput, StringsAreNotCarried)
{
	Feeds in(c.in);
	Fetches f(c.out);
	in.t[1]->data_type = VACCEL_TF_STRING;
	ExpectRefused(in, f.nodes, VACCEL_ENOTSUP, 12,
		      "dtype STRING (7) is not supported by the tf plugin");
}

TEST_F(TfBadInput, WrongShape)
{
	Feeds in(c.in);
	Fetches f(c.out);
	in.t[0]->dims[1] = 5;
	/* The buffer holds what the wrong shape says (a tensor whose size
	 * claims more than its buffer holds is the caller's bug: through an
	 * agent its bytes are read to marshal them). */
	in.data[0].resize(4 * 5 * 4);
	ASSERT_EQ(vaccel_tf_tensor_set_data(in.t[0], in.data[0].data(),
					    in.data[0].size()),
		  VACCEL_OK);
	ExpectRefused(in, f.nodes, VACCEL_EINVAL, 3,
		      "shape [4,5], the node takes [-1,4]");
	Feeds in2(c.in);
	in2.t[1]->nr_dims = 1;
	in2.t[1]->dims[0] = 12;
	ExpectRefused(in2, f.nodes, VACCEL_EINVAL, 3,
		      "shape [12], the node takes [-1,3]");
}

TEST_F(TfBadInput, WrongByteSize)
{
	Feeds in(c.in);
	Fetches f(c.out);
	in.t[1]->size -= 4;
	ExpectRefused(in, f.nodes, VACCEL_EINVAL, 3,
		      "44 bytes of data, the shape needs 48");
}

/* Issue 16 item 1: dims whose byte size wraps to 0 must not match an
 * empty buffer. */
TEST_F(TfBadInput, ShapeWhoseByteSizeOverflows)
{
	Feeds in(c.in);
	Fetches f(c.out);
	in.t[0]->dims[0] = 1LL << 62;
	in.t[0]->size = 0;
	ExpectRefused(in, f.nodes, VACCEL_EINVAL, 3,
		      "input 0 ('serving_default_x:0'): shape "
		      "[4611686018427387904,4] of FLOAT is larger than any "
		      "buffer can be");
}

/* Batch sizes that disagree pass the plugin's checks (-1 is any size);
 * TensorFlow refuses them and its message comes back. */
TEST_F(TfBadInput, ShapesTensorFlowRefuses)
{
	Case c1 = ReadCase("dense_b1");
	std::vector<Tensor> mixed = {c.in[0], c1.in[1]};
	Feeds in(mixed);
	Fetches f(c.out);
	ExpectRefused(in, f.nodes, VACCEL_EINVAL, 3, "ConcatOp");
	EXPECT_LOG_HAS("TensorFlow error 3");
}

TEST_F(TfBadInput, TooFewOutputSlots)
{
	Feeds in(c.in);
	std::vector<struct vaccel_tf_node> none;
	ExpectRefused(in, none, VACCEL_EINVAL, 3,
		      "a run fetches at least one output node");
}

TEST_F(TfBadInput, BadRunOptions)
{
	Feeds in(c.in);
	Fetches f(c.out);
	std::vector<struct vaccel_tf_tensor *> out;
	/* A RunOptions proto: timeout_in_ms (field 2) = 5000. */
	static uint8_t good[] = {0x10, 0x88, 0x27};
	static uint8_t bad[] = {0xff, 0xff, 0xff, 0xff};
	struct vaccel_tf_buffer opts = {good, sizeof(good)};

	ASSERT_EQ(Run(r, in, f.nodes, out, nullptr, nullptr, &opts), VACCEL_OK)
	    << Log();
	ExpectTensor(c.out[0], out[0], "logits");
	DeleteAll(out);
	opts = {bad, sizeof(bad)};
	EXPECT_EQ(Run(r, in, f.nodes, out, nullptr, nullptr, &opts),
		  VACCEL_EINVAL);
	EXPECT_EQ(status.code, 3);
	EXPECT_LOG_HAS("RunOptions");
	RunCase(r, "dense_b4");
}

/* ---- threads and freeing ------------------------------------------- */

TEST_F(TfTest, EightThreadsOnOneModel)
{
	struct vaccel_resource *r = Model("conv");
	ASSERT_EQ(Load(r), VACCEL_OK);
	const int threads = 8, runs = 25;
	std::vector<int> failures(threads, 0);
	std::vector<std::thread> pool;

	for (int t = 0; t < threads; t++) {
		pool.emplace_back([&, t] {
			/* Each thread its own case: several shapes at once. */
			Case c =
			    ReadCase(t % 2 ? "conv_b2_24x32" : "conv_b3_8x12");
			Feeds in(c.in);
			Fetches f(c.out);
			for (int i = 0; i < runs; i++) {
				struct vaccel_tf_status st = {};
				std::vector<struct vaccel_tf_tensor *> out;
				if (Run(r, in, f.nodes, out, nullptr, &st) !=
				    VACCEL_OK) {
					failures[t]++;
					vaccel_tf_status_release(&st);
					continue;
				}
				if (out[0]->size != c.out[0].bytes.size()) {
					failures[t]++;
				} else {
					const float *v =
					    static_cast<const float *>(
						out[0]->data);
					const float *w =
					    reinterpret_cast<const float *>(
						c.out[0].bytes.data());
					for (size_t k = 0; k < out[0]->size / 4;
					     k++)
						if (std::fabs(v[k] - w[k]) >
						    1e-5)
							failures[t]++;
				}
				vaccel_tf_tensor_delete(out[0]);
			}
		});
	}
	for (auto &th : pool)
		th.join();
	for (int t = 0; t < threads; t++) {
		EXPECT_EQ(failures[t], 0) << "thread " << t;
	}
}

TEST_F(TfTest, UnloadFrees)
{
	struct vaccel_resource *r = Model("dense");
	Case c = ReadCase("dense_b1");
	Feeds in(c.in);
	Fetches f(c.out);
	std::vector<struct vaccel_tf_tensor *> out;

	ASSERT_EQ(Load(r), VACCEL_OK);
	EXPECT_EQ(Load(r), VACCEL_OK); /* cached */
	EXPECT_EQ(vaccel_tf_model_unload(&sess, r, &status), VACCEL_OK);
	EXPECT_EQ(status.code, 0);
	ClearLog();
	EXPECT_EQ(Run(r, in, f.nodes, out), VACCEL_EINVAL);
	vaccel_tf_status_release(&status);
	EXPECT_EQ(vaccel_tf_model_unload(&sess, r, &status), VACCEL_EINVAL);
	EXPECT_EQ(status.code, 9);
	EXPECT_LOG_HAS("is not loaded");
	ASSERT_EQ(Load(r), VACCEL_OK);
	RunCase(r, "dense_b1");
}

/* The model stays while any session holds the resource and is freed when
 * the last one lets go. */
TEST_F(TfTest, UnregisterFromLastSessionFrees)
{
	struct vaccel_session other;
	struct vaccel_tf_status st = {};
	ASSERT_EQ(vaccel_session_init(&other, 0), VACCEL_OK);
	struct vaccel_resource *r = Model("dense");
	ASSERT_EQ(vaccel_resource_register(r, &other), VACCEL_OK);
	ASSERT_EQ(Load(r), VACCEL_OK);

	ASSERT_EQ(vaccel_resource_unregister(r, &sess), VACCEL_OK);
	RunCase(r, "dense_b7", &other, &st); /* still loaded for `other` */

	ClearLog();
	ASSERT_EQ(vaccel_resource_unregister(r, &other), VACCEL_OK);
	EXPECT_LOG_HAS("left its last session: model freed");
	ASSERT_EQ(vaccel_resource_register(r, &sess), VACCEL_OK);
	Case c = ReadCase("dense_b1");
	Feeds in(c.in);
	Fetches f(c.out);
	std::vector<struct vaccel_tf_tensor *> out;
	EXPECT_EQ(Run(r, in, f.nodes, out), VACCEL_EINVAL);
	ASSERT_EQ(Load(r), VACCEL_OK);
	RunCase(r, "dense_b1");
	vaccel_session_release(&other);
}

TEST_F(TfTest, ReleasingTheResourceFreesItsModel)
{
	struct vaccel_resource res;
	ASSERT_EQ(
	    vaccel_resource_init(&res, TF_DIR "dtypes", VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &sess), VACCEL_OK);
	ASSERT_EQ(Load(&res), VACCEL_OK);
	ClearLog();
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_LOG_HAS("left its last session: model freed");
}

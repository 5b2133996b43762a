/* vaccel_image_classification on the torch plugin with the demo model of
 * //examples/models (docs/torch.md, "Image classification"): every sample
 * digit, the ways metadata and labels travel, and every error case, each
 * followed by a call that must succeed. */

#include "tests/core/vaccel_test.h"
#include "tests/torch_classify/png.h"

/* stb_image for the test's own decoding of the samples (PNG only). */
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb/stb_image.h>

#include <cctype>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

#define TORCH_PLUGIN "c/plugins/torch/libvaccel-torch.so"
#define DIGITS_DIR "examples/models/digits"
#define SAMPLE_AS(k, ext)                                                      \
	("examples/models/samples/digit_" + std::to_string(k) + "." + (ext))
#define SAMPLE(k) SAMPLE_AS(k, "png")

namespace
{

const char *const kWords[] = {"zero", "one", "two",   "three", "four",
			      "five", "six", "seven", "eight", "nine"};

std::string ReadFile(const std::string &path)
{
	std::ifstream in(path, std::ios::binary);
	EXPECT_TRUE(in.good()) << path;
	return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Result {
	int ret;
	std::string text, imgname;
};

/* A resource released at scope end. */
struct Res {
	struct vaccel_resource res = {};
	bool ok = false;

	Res(const std::string &path, vaccel_resource_type_t type)
	{
		ok =
		    vaccel_resource_init(&res, path.c_str(), type) == VACCEL_OK;
		EXPECT_TRUE(ok) << path;
	}
	/* From bytes, named `name` (kept in memory: mem_only). */
	Res(const std::string *bytes, const char *name,
	    vaccel_resource_type_t type)
	{
		ok = vaccel_resource_init_from_buf(&res, bytes->data(),
						   bytes->size(), type, name,
						   true) == VACCEL_OK;
		EXPECT_TRUE(ok) << name;
	}
	~Res()
	{
		if (ok)
			vaccel_resource_release(&res);
	}
	Res(const Res &) = delete;
	Res &operator=(const Res &) = delete;
};

class ClassifyTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(LoadBackend(TORCH_PLUGIN), VACCEL_OK) << Log();
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}

	void Register(Res &r)
	{
		ASSERT_TRUE(r.ok);
		ASSERT_EQ(vaccel_resource_register(&r.res, &sess), VACCEL_OK);
	}

	Result Classify(const std::string &image, size_t len_text = 256,
			size_t len_name = 64)
	{
		std::vector<unsigned char> text(len_text + 8, 0xee),
		    name(len_name + 8, 0xee);
		Result r;
		r.ret = vaccel_image_classification(
		    &sess, image.data(), text.data(), name.data(), image.size(),
		    len_text, len_name);
		/* nothing written past the given lengths */
		for (size_t i = len_text; i < text.size(); i++)
			EXPECT_EQ(text[i], 0xee) << "out_text overrun at " << i;
		for (size_t i = len_name; i < name.size(); i++)
			EXPECT_EQ(name[i], 0xee)
			    << "out_imgname overrun at " << i;
		if (r.ret == VACCEL_OK) {
			r.text = std::string(
			    (const char *)text.data(),
			    strnlen((const char *)text.data(), len_text));
			r.imgname = std::string(
			    (const char *)name.data(),
			    strnlen((const char *)name.data(), len_name));
		}
		return r;
	}

	/* Every sample digit gives `label(k)` with a score in (0, 1]. */
	template <typename F>
	void ExpectAllDigits(F label, const char *ext = "png")
	{
		for (int k = 0; k < 10; k++) {
			SCOPED_TRACE(SAMPLE_AS(k, ext));
			Result r = Classify(ReadFile(SAMPLE_AS(k, ext)));
			ASSERT_EQ(r.ret, VACCEL_OK) << Log();
			/* "<label> (<d.ddd>)" */
			size_t open = r.text.rfind(" (");
			ASSERT_NE(open, std::string::npos) << r.text;
			std::string score = r.text.substr(open + 2);
			ASSERT_EQ(score.size(), 6u) << r.text;
			EXPECT_TRUE(isdigit(score[0]) && score[1] == '.' &&
				    isdigit(score[2]) && isdigit(score[3]) &&
				    isdigit(score[4]) && score[5] == ')')
			    << r.text;
			EXPECT_EQ(r.text.substr(0, open), label(k));
			double value = std::stod(score.substr(0, 5));
			EXPECT_GT(value, 0.0);
			EXPECT_LE(value, 1.0);
			EXPECT_EQ(r.imgname, std::to_string(k));
		}
	}

	void ExpectValidCallWorks()
	{
		Result r = Classify(ReadFile(SAMPLE(3)));
		EXPECT_EQ(r.ret, VACCEL_OK) << Log();
		EXPECT_EQ(r.text.rfind("three (", 0), 0u) << r.text;
	}
};

TEST_F(ClassifyTest, EverySampleFromTheModelDirectory)
{
	Res model(DIGITS_DIR, VACCEL_RESOURCE_MODEL);
	Register(model);
	ExpectAllDigits([](int k) { return std::string(kWords[k]); });
}

TEST_F(ClassifyTest, EverySampleAsJpeg)
{
	Res model(DIGITS_DIR, VACCEL_RESOURCE_MODEL);
	Register(model);
	ExpectAllDigits([](int k) { return std::string(kWords[k]); }, "jpg");
}

TEST_F(ClassifyTest, MetadataAndLabelsAsDataResources)
{
	Res model(DIGITS_DIR "/digits.pt", VACCEL_RESOURCE_MODEL);
	Res meta(DIGITS_DIR "/digits_meta.json", VACCEL_RESOURCE_DATA);
	Res labels(DIGITS_DIR "/digits_labels.txt", VACCEL_RESOURCE_DATA);
	Register(model);
	Register(meta);
	Register(labels);
	ExpectAllDigits([](int k) { return std::string(kWords[k]); });
}

/* The demo model's metadata as the test's own document: the members as
 * JSON texts (an empty one is left out), mean and std read from the
 * model directory's digits_meta.json. */
/* The first number of the list after `key` in `doc`. */
std::string First(const std::string &doc, const char *key)
{
	size_t at = doc.find(key), end;
	at = at == std::string::npos ? at : doc.find('[', at);
	at = at == std::string::npos ? at : doc.find_first_not_of(" \n[", at);
	end = at == std::string::npos ? at : doc.find_first_of(" \n]", at);
	EXPECT_NE(end, std::string::npos) << key << " in " << doc;
	return end == std::string::npos ? "" : doc.substr(at, end - at);
}

struct MetaDoc {
	std::string width = "8", height = "8", channels = "1",
		    layout = "\"NCHW\"", dtype = "\"float32\"",
		    scale = "0.00392156862745098", mean, std,
		    labels = "\"digits_labels.txt\"", output = "\"logits\"";

	MetaDoc()
	{
		std::string file = ReadFile(DIGITS_DIR "/digits_meta.json");
		mean = "[" + First(file, "\"mean\"") + "]";
		std = "[" + First(file, "\"std\"") + "]";
	}

	std::string Json() const
	{
		std::string in, norm, doc;
		auto add = [](std::string &obj, const char *key,
			      const std::string &value) {
			if (value.empty())
				return;
			obj += (obj.empty() ? "" : ", ") + std::string("\"") +
			       key + "\": " + value;
		};
		add(in, "width", width);
		add(in, "height", height);
		add(in, "channels", channels);
		add(in, "layout", layout);
		add(in, "dtype", dtype);
		add(norm, "scale", scale);
		add(norm, "mean", mean);
		add(norm, "std", std);
		add(doc, "input", "{" + in + "}");
		add(doc, "normalize", "{" + norm + "}");
		add(doc, "labels", labels);
		add(doc, "output", output);
		return "{" + doc + "}\n";
	}
};

TEST_F(ClassifyTest, InlineLabelsInABufferResource)
{
	MetaDoc doc;
	doc.labels = R"(["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7",
	    "d8", "d9"])";
	std::string meta = doc.Json();
	Res model(DIGITS_DIR "/digits.pt", VACCEL_RESOURCE_MODEL);
	Res data(&meta, "meta.json", VACCEL_RESOURCE_DATA);
	Register(model);
	Register(data);
	ExpectAllDigits([](int k) { return "d" + std::to_string(k); });
}

TEST_F(ClassifyTest, WithoutLabelsTheLabelIsTheIndex)
{
	MetaDoc doc;
	doc.labels = "";
	std::string meta = doc.Json();
	ASSERT_EQ(meta.find("labels"), std::string::npos) << meta;
	Res model(DIGITS_DIR "/digits.pt", VACCEL_RESOURCE_MODEL);
	Res data(&meta, "meta.json", VACCEL_RESOURCE_DATA);
	/* a labels file in the session is not used unless named */
	Res labels(DIGITS_DIR "/digits_labels.txt", VACCEL_RESOURCE_DATA);
	Register(model);
	Register(data);
	Register(labels);
	ExpectAllDigits([](int k) { return std::to_string(k); });
}

TEST_F(ClassifyTest, NotAnImageIsEinvalAndTheNextCallWorks)
{
	Res model(DIGITS_DIR, VACCEL_RESOURCE_MODEL);
	Register(model);
	const std::string png = ReadFile(SAMPLE(5));
	const std::string jpg = ReadFile(SAMPLE_AS(5, "jpg"));
	std::mt19937 rng(3);
	std::string random(300, '\0');
	for (auto &c : random)
		c = (char)(rng() & 0xff);
	struct {
		const char *what;
		std::string bytes, log;
	} cases[] = {
	    {"random bytes", random, "not a PNG or JPEG image ("},
	    {"truncated PNG", png.substr(0, png.size() / 2),
	     "cannot decode the image ("},
	    {"PNG signature only", png.substr(0, 8),
	     "not a PNG or JPEG image ("},
	    {"JPEG cut in its Huffman tables", jpg.substr(0, 150),
	     "cannot decode the image ("},
	    {"text", "just some text, not an image\n",
	     "not a PNG or JPEG image ("},
	};
	for (const auto &c : cases) {
		SCOPED_TRACE(c.what);
		ClearLog();
		EXPECT_EQ(Classify(c.bytes).ret, VACCEL_EINVAL);
		EXPECT_LOG_HAS("image_classification: " + c.log);
		ExpectValidCallWorks();
	}

	/* zero bytes */
	ClearLog();
	unsigned char text[64], name[16];
	EXPECT_EQ(vaccel_image_classification(&sess, png.data(), text, name, 0,
					      sizeof(text), sizeof(name)),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("image (0 bytes)");
	ExpectValidCallWorks();
}

/* Mutated PNGs and JPEGs: any answer but a crash (the sanitizer build checks
 * the memory); every failure is VACCEL_EINVAL. */
TEST_F(ClassifyTest, MutatedImagesNeverCrash)
{
	Res model(DIGITS_DIR, VACCEL_RESOURCE_MODEL);
	Register(model);
	const std::string images[] = {ReadFile(SAMPLE(8)),
				      ReadFile(SAMPLE_AS(8, "jpg"))};
	std::mt19937 rng(9);
	for (int i = 0; i < 400; i++) {
		std::string s = images[i % 2];
		if (i % 3 == 0)
			s.resize(rng() % s.size());
		else
			for (int k = 0; k < 1 + i % 4; k++)
				s[rng() % s.size()] = (char)(rng() & 0xff);
		int ret = Classify(s).ret;
		EXPECT_TRUE(ret == VACCEL_OK || ret == VACCEL_EINVAL)
		    << "mutation " << i << ": " << ret;
	}
	ExpectValidCallWorks();
}

/* The 8x8 digit a sample was made from (its 4x4 blocks' values), from
 * the sample decoded with stb_image. */
std::vector<uint8_t> Original(int k)
{
	std::string png = ReadFile(SAMPLE(k));
	int w = 0, h = 0, n = 0;
	unsigned char *px = stbi_load_from_memory(
	    (const unsigned char *)png.data(), (int)png.size(), &w, &h, &n, 1);
	std::vector<uint8_t> out;
	EXPECT_NE(px, nullptr);
	EXPECT_EQ(w, 32);
	EXPECT_EQ(h, 32);
	if (!px || w != 32 || h != 32) {
		stbi_image_free(px);
		return out;
	}
	for (int y = 0; y < 8; y++)
		for (int x = 0; x < 8; x++)
			out.push_back(px[(y * 4 + 1) * 32 + x * 4 + 1]);
	stbi_image_free(px);
	return out;
}

/* Each digit at other sizes and channel counts: nearest-upscaled by an odd
 * factor, so the bilinear resize back to 8x8 samples block centres and
 * sees the original values; gray, gray+alpha, RGB and RGBA. */
TEST_F(ClassifyTest, OtherSizesAndChannelCounts)
{
	Res model(DIGITS_DIR, VACCEL_RESOURCE_MODEL);
	Register(model);
	for (int k = 0; k < 10; k++) {
		std::vector<uint8_t> px8 = Original(k);
		ASSERT_EQ(px8.size(), 64u);
		for (int factor : {1, 3, 5}) {
			int ch = 1 + (k + factor) % 4, side = 8 * factor;
			SCOPED_TRACE(testing::Message()
				     << "digit " << k << ", " << side << "x"
				     << side << ", " << ch << " channels");
			std::vector<uint8_t> px((size_t)side * side * ch);
			for (int y = 0; y < side; y++)
				for (int x = 0; x < side; x++)
					for (int c = 0; c < ch; c++)
						px[((size_t)y * side + x) * ch +
						   c] =
						    (ch == 2 || ch == 4) &&
							    c == ch - 1
							? 255
							: px8[(y / factor) * 8 +
							      x / factor];
			Result r = Classify(testpng::Png(side, side, ch, px));
			ASSERT_EQ(r.ret, VACCEL_OK) << Log();
			EXPECT_EQ(r.imgname, std::to_string(k)) << r.text;
		}
	}
}

TEST_F(ClassifyTest, NoModelIsEnoent)
{
	std::string meta = ReadFile(DIGITS_DIR "/digits_meta.json");
	Res data(&meta, "meta.json", VACCEL_RESOURCE_DATA);
	Register(data);
	EXPECT_EQ(Classify(ReadFile(SAMPLE(1))).ret, VACCEL_ENOENT);
	EXPECT_LOG_HAS("image_classification: session " +
		       std::to_string(sess.id) +
		       " has no MODEL resource registered");

	/* registered elsewhere is not registered here */
	struct vaccel_session other;
	ASSERT_EQ(vaccel_session_init(&other, 0), VACCEL_OK);
	Res model(DIGITS_DIR, VACCEL_RESOURCE_MODEL);
	ASSERT_EQ(vaccel_resource_register(&model.res, &other), VACCEL_OK);
	EXPECT_EQ(Classify(ReadFile(SAMPLE(1))).ret, VACCEL_ENOENT);
	ASSERT_EQ(vaccel_resource_register(&model.res, &sess), VACCEL_OK);
	ExpectValidCallWorks();
	vaccel_session_release(&other);
}

TEST_F(ClassifyTest, TwoModelsIsEinval)
{
	Res a(DIGITS_DIR, VACCEL_RESOURCE_MODEL);
	Res b(DIGITS_DIR "/digits.pt", VACCEL_RESOURCE_MODEL);
	Register(a);
	Register(b);
	EXPECT_EQ(Classify(ReadFile(SAMPLE(1))).ret, VACCEL_EINVAL);
	EXPECT_LOG_HAS("has 2 MODEL resources registered; expected exactly "
		       "one TorchScript model");
	ASSERT_EQ(vaccel_resource_unregister(&b.res, &sess), VACCEL_OK);
	ExpectValidCallWorks();
}

TEST_F(ClassifyTest, BadMetadataIsEinvalNamingTheKey)
{
	Res model(DIGITS_DIR "/digits.pt", VACCEL_RESOURCE_MODEL);
	Res labels(DIGITS_DIR "/digits_labels.txt", VACCEL_RESOURCE_DATA);
	Register(model);
	Register(labels);
	std::string good = MetaDoc().Json();
	auto with = [](std::string MetaDoc::*member, const char *value) {
		MetaDoc doc;
		doc.*member = value;
		return doc.Json();
	};

	/* no metadata at all */
	EXPECT_EQ(Classify(ReadFile(SAMPLE(4))).ret, VACCEL_EINVAL);
	EXPECT_LOG_HAS("no metadata (*.json) in model resource");

	struct {
		std::string doc, log;
	} cases[] = {
	    {with(&MetaDoc::width, "0"),
	     "metadata meta.json: input.width: expected an integer in "
	     "1..4096"},
	    {with(&MetaDoc::layout, "\"CHW\""),
	     "input.layout: expected \"NCHW\" or \"NHWC\""},
	    {with(&MetaDoc::std, "[0]"),
	     "normalize.std[0]: expected a positive number"},
	    {with(&MetaDoc::output, "\"scores\""),
	     "output: expected \"logits\" or \"probabilities\""},
	    {with(&MetaDoc::labels, "\"missing.txt\""),
	     "no labels file (missing.txt) in model resource"},
	    {with(&MetaDoc::labels, "[\"a\", \"b\", \"c\"]"),
	     "labels: 3 of them for a model with 10 classes"},
	    {good.substr(0, good.size() / 2), "metadata meta.json: offset "},
	    {"{\"input\": {\"width\": 8, \"height\": 8,}}",
	     "metadata meta.json: offset 35: expected a string key, found "
	     "'}'"},
	};
	for (const auto &c : cases) {
		SCOPED_TRACE(c.doc);
		ClearLog();
		{
			Res meta(&c.doc, "meta.json", VACCEL_RESOURCE_DATA);
			Register(meta);
			EXPECT_EQ(Classify(ReadFile(SAMPLE(4))).ret,
				  VACCEL_EINVAL);
			EXPECT_LOG_HAS(c.log);
		}
		Res meta(&good, "meta.json", VACCEL_RESOURCE_DATA);
		Register(meta);
		ExpectValidCallWorks();
	}

	/* two documents: which one? */
	ClearLog();
	Res m1(&good, "a.json", VACCEL_RESOURCE_DATA);
	Res m2(&good, "b.json", VACCEL_RESOURCE_DATA);
	Register(m1);
	Register(m2);
	EXPECT_EQ(Classify(ReadFile(SAMPLE(4))).ret, VACCEL_EINVAL);
	EXPECT_LOG_HAS("2 files could be the metadata (*.json); expected one");
}

TEST_F(ClassifyTest, InputSizeTheModelRefusesPassesTheModelError)
{
	MetaDoc doc;
	doc.width = "12";
	std::string meta = doc.Json();
	Res model(DIGITS_DIR "/digits.pt", VACCEL_RESOURCE_MODEL);
	Res labels(DIGITS_DIR "/digits_labels.txt", VACCEL_RESOURCE_DATA);
	Res data(&meta, "meta.json", VACCEL_RESOURCE_DATA);
	Register(model);
	Register(labels);
	Register(data);
	int ret = Classify(ReadFile(SAMPLE(6))).ret;
	/* the engine's shape error, with libtorch's message */
	EXPECT_EQ(ret, VACCEL_EINVAL);
	EXPECT_LOG_HAS("shapes cannot be multiplied");
	ASSERT_EQ(vaccel_resource_unregister(&data.res, &sess), VACCEL_OK);
	std::string good = ReadFile(DIGITS_DIR "/digits_meta.json");
	Res fixed(&good, "meta.json", VACCEL_RESOURCE_DATA);
	Register(fixed);
	ExpectValidCallWorks();
}

TEST_F(ClassifyTest, SmallOutputBuffersTruncateSafely)
{
	Res model(DIGITS_DIR, VACCEL_RESOURCE_MODEL);
	Register(model);
	const std::string png = ReadFile(SAMPLE(7));
	Result full = Classify(png);
	ASSERT_EQ(full.ret, VACCEL_OK);
	ASSERT_EQ(full.text.rfind("seven (", 0), 0u);
	for (size_t len : {1, 2, 4, 8, 12}) {
		Result r = Classify(png, len, 1);
		ASSERT_EQ(r.ret, VACCEL_OK);
		EXPECT_EQ(r.text, full.text.substr(0, len - 1)) << len;
		EXPECT_EQ(r.imgname, "");
	}
	/* no room at all: nothing written (Classify checks the guards) */
	EXPECT_EQ(Classify(png, 0, 0).ret, VACCEL_OK);
}

TEST_F(ClassifyTest, ConcurrentCallsOnOneSession)
{
	Res model(DIGITS_DIR, VACCEL_RESOURCE_MODEL);
	Register(model);
	std::vector<std::string> images;
	for (int k = 0; k < 10; k++)
		images.push_back(ReadFile(SAMPLE(k)));
	std::vector<int> wrong(4, 0);
	std::vector<std::thread> threads;
	for (int t = 0; t < 4; t++)
		threads.emplace_back([&, t] {
			for (int i = 0; i < 20; i++) {
				int k = (t * 3 + i) % 10;
				unsigned char text[64], name[8];
				int ret = vaccel_image_classification(
				    &sess, images[k].data(), text, name,
				    images[k].size(), sizeof(text),
				    sizeof(name));
				if (ret != VACCEL_OK ||
				    std::string((char *)name) !=
					std::to_string(k))
					wrong[t]++;
			}
		});
	for (auto &th : threads)
		th.join();
	for (int t = 0; t < 4; t++)
		EXPECT_EQ(wrong[t], 0) << "thread " << t;
}

} // namespace

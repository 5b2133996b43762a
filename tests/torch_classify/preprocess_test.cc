/* Unit tests of the torch plugin's pure C helpers, compiled in directly:
 * the classification metadata (meta.c, JSON read with Jansson) and labels,
 * image decoding and preprocessing (image.c). Expected resize values come from
 * PyTorch's F.interpolate(mode="bilinear", align_corners=False). */

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

extern "C" {
#include "c/plugins/torch/image.h"
#include "c/plugins/torch/meta.h"
}

#include "tests/torch_classify/png.h"

namespace
{

const char kDemoMeta[] = R"({
  "input": {"width": 8, "height": 8, "channels": 1,
            "layout": "NCHW", "dtype": "float32"},
  "normalize": {"scale": 0.00392156862745098,
                "mean": [0.30539730191230774], "std": [0.37589505314826965]},
  "labels": "digits_labels.txt",
  "output": "logits"
}
)";

/* The metadata error of `doc` ("" when it is accepted). */
std::string MetaError(const std::string &doc)
{
	struct torch_meta m;
	char err[256] = "unset";
	if (torch_meta_parse(doc.data(), doc.size(), &m, err, sizeof(err)) ==
	    0) {
		torch_meta_release(&m);
		return "";
	}
	EXPECT_EQ(m.labels, nullptr);
	EXPECT_EQ(m.labels_file, nullptr);
	return err;
}

/* ---- meta.c: JSON syntax (Jansson, strict) --------------------------- */

/* Syntax errors name the offset of the token where the document went
 * wrong, in the words the metadata errors have always used. */
TEST(MetaJson, SyntaxErrorsNameTheOffset)
{
	struct {
		std::string doc, error;
	} cases[] = {
	    {"", "offset 0: expected a value, found the end of the document"},
	    {"   ",
	     "offset 3: expected a value, found the end of the document"},
	    {"{", "offset 1: expected a string key, found the end"},
	    {"{\"a\" 1}", "offset 5: expected ':' after the key, found '1'"},
	    {"{\"a\": 1,}", "offset 8: expected a string key, found '}'"},
	    {"[1,]", "offset 3: expected a value, found ']'"},
	    {"[1 2]", "offset 3: expected ',' or ']', found '2'"},
	    {"{\"a\": 1} x",
	     "offset 9: expected the end of the document, found 'x'"},
	    {"// c\n{}", "offset 0: expected a value, found '/'"},
	    {"{'a': 1}", "offset 1: expected a string key, found '''"},
	    {"NaN", "offset 0: expected a value, found 'NaN'"},
	    {"tru", "offset 0: expected a value, found 'tru'"},
	    {"\"\\u0000\"", "offset 0: expected no \\u0000"},
	    {"1e400", "offset 0: real number overflow"},
	    {"\"\xff\"", "offset 0: unable to decode byte 0xff"},
	};
	for (const auto &c : cases) {
		std::string err = MetaError(c.doc);
		EXPECT_EQ(err.rfind(c.error, 0), 0u)
		    << "document '" << c.doc << "': got '" << err << "', want '"
		    << c.error << "...'";
	}
}

/* JSON_REJECT_DUPLICATES: a repeated key is refused at any depth (a
 * lenient reader would silently keep one of the two values). */
TEST(MetaJson, DuplicateKeysAreRefused)
{
	EXPECT_EQ(
	    MetaError(R"({"input": {"width": 8, "width": 9, "height": 8}})"),
	    "offset 23: expected no duplicate key, found '\"width\"'");
	EXPECT_EQ(MetaError(R"({"output": "logits", "output": "logits"})"),
		  "offset 21: expected no duplicate key, found '\"output\"'");
	EXPECT_EQ(MetaError(R"({"input": {"width": 8, "height": 8}, )"
			    R"("normalize": {"std": 1, "std": 1}})"),
		  "offset 61: expected no duplicate key, found '\"std\"'");
}

/* Every proper prefix of a valid document is refused, and random bytes
 * never crash the reader (the sanitizer build checks the memory). */
TEST(MetaJson, PrefixesAndRandomBytesAreRefusedSafely)
{
	std::string doc = kDemoMeta;
	size_t close = doc.rfind('}');
	for (size_t n = 0; n <= close; n++)
		EXPECT_NE(MetaError(doc.substr(0, n)), "") << n << " bytes";
	EXPECT_EQ(MetaError(doc), "");
	/* Deep nesting is refused, not a stack overflow. */
	EXPECT_NE(MetaError(std::string(60000, '[')), "");

	std::mt19937 rng(11);
	const char alphabet[] =
	    "{}[]\":,\\-+.0123456789eEtrufalsn \t\n\xc3\xa9";
	for (int i = 0; i < 3000; i++) {
		std::string s(rng() % 40, '\0');
		for (auto &ch : s)
			ch = i % 2 ? (char)(rng() & 0xff)
				   : alphabet[rng() % (sizeof(alphabet) - 1)];
		MetaError(s);
		/* and mutations of the real document */
		std::string m = doc;
		m[rng() % m.size()] = (char)(rng() & 0xff);
		MetaError(m);
	}
}

/* ---- meta.c: metadata ------------------------------------------------ */

TEST(Meta, ParsesTheDemoDocument)
{
	struct torch_meta m;
	char err[256];
	ASSERT_EQ(torch_meta_parse(kDemoMeta, strlen(kDemoMeta), &m, err,
				   sizeof(err)),
		  0)
	    << err;
	EXPECT_EQ(m.width, 8);
	EXPECT_EQ(m.height, 8);
	EXPECT_EQ(m.channels, 1);
	EXPECT_EQ(m.layout, TORCH_META_NCHW);
	EXPECT_FLOAT_EQ(m.scale, 1.0f / 255);
	EXPECT_FLOAT_EQ(m.mean[0], 0.30539730191230774f);
	EXPECT_FLOAT_EQ(m.std[0], 0.37589505314826965f);
	EXPECT_STREQ(m.labels_file, "digits_labels.txt");
	EXPECT_EQ(m.labels, nullptr);
	EXPECT_TRUE(m.logits);
	torch_meta_release(&m);
}

TEST(Meta, DefaultsInlineLabelsAndPerChannelValues)
{
	const std::string doc = R"({"input": {"width": 224, "height": 160,
	    "layout": "NHWC"}, "labels": ["cat", "dog"],
	    "normalize": {"mean": [0.485, 0.456, 0.406], "std": 0.5},
	    "output": "probabilities"})";
	struct torch_meta m;
	char err[256];
	ASSERT_EQ(
	    torch_meta_parse(doc.data(), doc.size(), &m, err, sizeof(err)), 0)
	    << err;
	EXPECT_EQ(m.width, 224);
	EXPECT_EQ(m.height, 160);
	EXPECT_EQ(m.channels, 3) << "RGB when not given";
	EXPECT_EQ(m.layout, TORCH_META_NHWC);
	EXPECT_FLOAT_EQ(m.scale, 1.0f / 255) << "the default scale";
	EXPECT_FLOAT_EQ(m.mean[0], 0.485f);
	EXPECT_FLOAT_EQ(m.mean[2], 0.406f);
	EXPECT_FLOAT_EQ(m.std[0], 0.5f);
	EXPECT_FLOAT_EQ(m.std[2], 0.5f);
	ASSERT_EQ(m.nr_labels, 2u);
	EXPECT_STREQ(m.labels[1], "dog");
	EXPECT_EQ(m.labels_file, nullptr);
	EXPECT_FALSE(m.logits);
	torch_meta_release(&m);

	const std::string bare = R"({"input": {"width": 2, "height": 3,
	    "channels": 1}})";
	ASSERT_EQ(
	    torch_meta_parse(bare.data(), bare.size(), &m, err, sizeof(err)), 0)
	    << err;
	EXPECT_FLOAT_EQ(m.mean[0], 0.0f);
	EXPECT_FLOAT_EQ(m.std[0], 1.0f);
	EXPECT_TRUE(m.logits) << "logits when not given";
	EXPECT_EQ(m.labels, nullptr);
	EXPECT_EQ(m.labels_file, nullptr);
	torch_meta_release(&m);
}

TEST(Meta, BadDocumentsNameTheKey)
{
	const std::string in =
	    R"("input": {"width": 8, "height": 8, "channels": 3})";
	struct {
		std::string doc, error;
	} cases[] = {
	    {"[]", "expected an object at the top, found an array"},
	    {"{\"input\": 1,}", "offset 12: expected a string key"},
	    {"{}", "input: expected an object (missing)"},
	    {"{\"input\": []}", "input: expected an object"},
	    {R"({"input": {"height": 8}})",
	     "input.width: expected an integer in 1..4096 (missing)"},
	    {R"({"input": {"width": 0, "height": 8}})",
	     "input.width: expected an integer in 1..4096"},
	    {R"({"input": {"width": 8.5, "height": 8}})",
	     "input.width: expected an integer"},
	    {R"({"input": {"width": "8", "height": 8}})",
	     "input.width: expected an integer"},
	    {R"({"input": {"width": 8, "height": 1e9}})",
	     "input.height: expected an integer in 1..4096"},
	    {R"({"input": {"width": 8, "height": 8, "channels": 2}})",
	     "input.channels: expected 1 (gray) or 3 (RGB)"},
	    {R"({"input": {"width": 8, "height": 8, "layout": "CHW"}})",
	     "input.layout: expected \"NCHW\" or \"NHWC\""},
	    {R"({"input": {"width": 8, "height": 8, "dtype": "uint8"}})",
	     "input.dtype: expected \"float32\""},
	    {R"({"input": {"width": 8, "height": 8, "size": 8}})",
	     "input.size: unknown key"},
	    {"{" + in + R"(, "inputs": {}})", "inputs: unknown key"},
	    {"{" + in + R"(, "normalize": [1]})",
	     "normalize: expected an object"},
	    {"{" + in + R"(, "normalize": {"scale": 0}})",
	     "normalize.scale: expected a positive number"},
	    {"{" + in + R"(, "normalize": {"std": [1, 0, 1]}})",
	     "normalize.std[1]: expected a positive number"},
	    {"{" + in + R"(, "normalize": {"mean": [0.5, 0.5]}})",
	     "normalize.mean: expected a number or a list of 1 or 3 numbers"},
	    {"{" + in + R"(, "normalize": {"mean": ["a"]}})",
	     "normalize.mean[0]: expected a number"},
	    {"{" + in + R"(, "normalize": {"mean": 1e300}})",
	     "normalize.mean: expected a number"},
	    {"{" + in + R"(, "normalize": {"offset": 1}})",
	     "normalize.offset: unknown key"},
	    {"{" + in + R"(, "labels": []})",
	     "labels: expected a file name or a non-empty list of strings"},
	    {"{" + in + R"(, "labels": ["a", 2]})",
	     "labels[1]: expected a string, found a number"},
	    {"{" + in + R"(, "labels": ""})",
	     "labels: expected a file name or a list of strings"},
	    {"{" + in + R"(, "labels": {}})", "labels: expected a file name"},
	    {"{" + in + R"(, "output": "softmax"})",
	     "output: expected \"logits\" or \"probabilities\""},
	    {"{" + in + R"(, "output": 1})", "output: expected \"logits\""},
	    {std::string(TORCH_META_MAX_BYTES + 1, ' '),
	     "the document has 65537 bytes, more than 65536"},
	};
	for (const auto &c : cases) {
		std::string err = MetaError(c.doc);
		EXPECT_EQ(err.rfind(c.error, 0), 0u)
		    << "document " << c.doc.substr(0, 80) << ": got '" << err
		    << "', want '" << c.error << "...'";
	}
}

/* ---- meta.c: labels -------------------------------------------------- */

std::vector<std::string> Labels(const std::string &text, std::string *error)
{
	char **labels;
	size_t nr;
	char err[128] = "";
	std::vector<std::string> out;
	if (torch_labels_parse(text.data(), text.size(), &labels, &nr, err,
			       sizeof(err))) {
		*error = err;
		EXPECT_EQ(labels, nullptr);
		return out;
	}
	for (size_t i = 0; i < nr; i++)
		out.push_back(labels[i]);
	torch_labels_free(labels, nr);
	error->clear();
	return out;
}

TEST(Labels, OnePerLineTrimmed)
{
	std::string err;
	using V = std::vector<std::string>;
	EXPECT_EQ(Labels("zero\none\n", &err), (V{"zero", "one"}));
	EXPECT_EQ(Labels("zero\r\n one \r\ntwo", &err),
		  (V{"zero", "one", "two"}));
	EXPECT_EQ(Labels("golden retriever\n", &err), (V{"golden retriever"}));
	EXPECT_EQ(err, "");
	EXPECT_TRUE(Labels("a\n\nb\n", &err).empty());
	EXPECT_EQ(err, "line 2: empty label");
	EXPECT_TRUE(Labels("a\n  \n", &err).empty());
	EXPECT_EQ(err, "line 2: empty label");
	EXPECT_TRUE(Labels("", &err).empty());
	EXPECT_EQ(err, "no labels in the file");
	EXPECT_TRUE(Labels(std::string("a\0b\n", 4), &err).empty());
	EXPECT_EQ(err, "a NUL byte in the labels");
}

/* ---- image.c ------------------------------------------------------------ */

struct torch_meta Meta(int w, int h, int c, torch_meta_layout layout)
{
	struct torch_meta m = {};
	m.width = w;
	m.height = h;
	m.channels = c;
	m.layout = layout;
	m.scale = 1;
	for (int i = 0; i < 3; i++) {
		m.mean[i] = 0;
		m.std[i] = 1;
	}
	m.logits = true;
	return m;
}

std::vector<float> Preprocess(const struct torch_image &img,
			      const struct torch_meta &m)
{
	std::vector<float> out((size_t)m.width * m.height * m.channels, -1);
	torch_image_preprocess(&img, &m, out.data());
	return out;
}

void ExpectNear(const std::vector<float> &got, const std::vector<float> &want)
{
	ASSERT_EQ(got.size(), want.size());
	for (size_t i = 0; i < got.size(); i++)
		EXPECT_NEAR(got[i], want[i], 1e-3) << "element " << i;
}

TEST(Image, DecodesPngOfEveryChannelCount)
{
	for (int ch = 1; ch <= 4; ch++) {
		std::vector<uint8_t> px(3 * 2 * ch);
		for (size_t i = 0; i < px.size(); i++)
			px[i] = (uint8_t)(i * 10 + ch);
		std::string png = testpng::Png(3, 2, ch, px);
		struct torch_image img;
		char err[128];
		ASSERT_EQ(torch_image_decode(png.data(), png.size(), &img, err,
					     sizeof(err)),
			  0)
		    << ch << " channels: " << err;
		EXPECT_EQ(img.width, 3);
		EXPECT_EQ(img.height, 2);
		EXPECT_EQ(img.channels, ch);
		EXPECT_EQ(
		    std::vector<uint8_t>(img.pixels, img.pixels + px.size()),
		    px);
		torch_image_free(&img);
	}
}

TEST(Image, RefusesWhatIsNotAnImage)
{
	struct torch_image img;
	char err[128];
	const char text[] = "this is a text file, not an image\n";

	EXPECT_EQ(
	    torch_image_decode(text, sizeof(text) - 1, &img, err, sizeof(err)),
	    -1);
	EXPECT_EQ(std::string(err).rfind("not a PNG or JPEG image (", 0), 0u)
	    << err;
	EXPECT_EQ(img.pixels, nullptr);
	EXPECT_EQ(torch_image_decode(text, 0, &img, err, sizeof(err)), -1);
	EXPECT_STREQ(err, "no image data (0 bytes)");
	EXPECT_EQ(torch_image_decode(nullptr, 10, &img, err, sizeof(err)), -1);

	/* Every truncation of a PNG fails cleanly or decodes (stb_image
	 * tolerates a missing IEND); random bytes never crash. */
	std::vector<uint8_t> px(16 * 16, 7);
	std::string png = testpng::Png(16, 16, 1, px);
	for (size_t n = 0; n < png.size(); n++) {
		if (torch_image_decode(png.data(), n, &img, err, sizeof(err)) ==
		    0)
			torch_image_free(&img);
	}
	EXPECT_EQ(torch_image_decode(png.data(), png.size() / 2, &img, err,
				     sizeof(err)),
		  -1);
	std::mt19937 rng(5);
	for (int i = 0; i < 2000; i++) {
		std::string s = png;
		for (int k = 0; k < 3; k++)
			s[8 + rng() % (s.size() - 8)] = (char)(rng() & 0xff);
		if (torch_image_decode(s.data(), s.size(), &img, err,
				       sizeof(err)) == 0)
			torch_image_free(&img);
	}
}

/* Inputs that make Debian's stb_image 2.27 misbehave, handled by image.c
 * (the sanitizer build catches a regression). */
TEST(Image, StbImageBugsAreAvoided)
{
	struct torch_image img;
	char err[160];

	/* A JPEG Huffman table declaring 16 x 17 = 272 codes: stb_image
	 * would write past its 257-entry tables. */
	std::string dht = "\xff\xd8\xff\xc4\x00\x13\x00" +
			  std::string(16, '\x11') + "\xff\xd9";
	EXPECT_EQ(
	    torch_image_decode(dht.data(), dht.size(), &img, err, sizeof(err)),
	    -1);
	EXPECT_STREQ(err, "cannot decode the image (corrupt JPEG: a Huffman "
			  "table of more than 256 codes)");
	/* the same table after a first scan's entropy-coded data */
	std::string later =
	    "\xff\xd8\x12\xff\x00\x34\xff\xd0\x56" + dht.substr(2);
	EXPECT_EQ(torch_image_decode(later.data(), later.size(), &img, err,
				     sizeof(err)),
		  -1);
	EXPECT_NE(std::string(err).find("more than 256 codes"),
		  std::string::npos);

	/* An empty first IDAT chunk: stb_image copies 0 bytes to NULL. */
	std::vector<uint8_t> px = {1, 2, 3, 4};
	std::string png = testpng::Png(2, 2, 1, px), empty;
	testpng::Chunk(empty, "IDAT", "");
	png.insert(8 + 25, empty); /* after the signature and IHDR */
	ASSERT_EQ(
	    torch_image_decode(png.data(), png.size(), &img, err, sizeof(err)),
	    0)
	    << err;
	EXPECT_EQ(std::vector<uint8_t>(img.pixels, img.pixels + 4), px);
	torch_image_free(&img);
}

TEST(Image, RefusesHugeImagesFromTheHeader)
{
	/* A valid header for 30000 x 30000 pixels, no real data. */
	std::string png = testpng::Png(1, 1, 1, {0});
	std::string big = png;
	big[16] = 0, big[17] = 0, big[18] = 0x75, big[19] = 0x30;
	big[20] = 0, big[21] = 0, big[22] = 0x75, big[23] = 0x30;
	struct torch_image img;
	char err[128];
	EXPECT_EQ(
	    torch_image_decode(big.data(), big.size(), &img, err, sizeof(err)),
	    -1);
	EXPECT_NE(std::string(err).find("30000x30000"), std::string::npos)
	    << err;
}

TEST(Image, UpscalesBilinearLikePyTorch)
{
	uint8_t px[] = {0, 100, 200, 255};
	struct torch_image img = {2, 2, 1, px};
	ExpectNear(Preprocess(img, Meta(4, 4, 1, TORCH_META_NCHW)),
		   {0.0f, 25.0f, 75.0f, 100.0f, 50.0f, 72.1875f, 116.5625f,
		    138.75f, 150.0f, 166.5625f, 199.6875f, 216.25f, 200.0f,
		    213.75f, 241.25f, 255.0f});
}

TEST(Image, DownscalesAndResizesEachAxisLikePyTorch)
{
	uint8_t px16[16];
	for (int i = 0; i < 16; i++)
		px16[i] = (uint8_t)(i * 10);
	struct torch_image img = {4, 4, 1, px16};
	ExpectNear(Preprocess(img, Meta(2, 2, 1, TORCH_META_NCHW)),
		   {25.0f, 45.0f, 105.0f, 125.0f});

	/* 3 wide x 2 high to 2 wide x 3 high */
	uint8_t px6[] = {0, 30, 60, 90, 120, 150};
	struct torch_image img6 = {3, 2, 1, px6};
	ExpectNear(Preprocess(img6, Meta(2, 3, 1, TORCH_META_NCHW)),
		   {7.5f, 52.5f, 52.5f, 97.5f, 97.5f, 142.5f});

	/* same size: the pixels as they are */
	ExpectNear(Preprocess(img6, Meta(3, 2, 1, TORCH_META_NCHW)),
		   {0, 30, 60, 90, 120, 150});
	/* 4x nearest-upscaled back down to the original, exactly (the
	 * demo's sample PNGs rely on it) */
	uint8_t up[12 * 8];
	for (int y = 0; y < 8; y++)
		for (int x = 0; x < 12; x++)
			up[y * 12 + x] = px6[(y / 4) * 3 + x / 4];
	struct torch_image img_up = {12, 8, 1, up};
	ExpectNear(Preprocess(img_up, Meta(3, 2, 1, TORCH_META_NCHW)),
		   {0, 30, 60, 90, 120, 150});
}

TEST(Image, NormalisesPerChannel)
{
	uint8_t px[] = {0, 51, 255, 102};
	struct torch_image img = {2, 2, 1, px};
	struct torch_meta m = Meta(2, 2, 1, TORCH_META_NCHW);
	m.scale = 1.0f / 255;
	m.mean[0] = 0.5f;
	m.std[0] = 0.25f;
	ExpectNear(Preprocess(img, m), {-2.0f, -1.2f, 2.0f, -0.4f});
}

TEST(Image, ConvertsChannelsAndLaysOutNchwOrNhwc)
{
	/* 2x1 RGBA: red (half transparent), and a gray-ish blue */
	uint8_t rgba[] = {255, 0, 0, 128, 10, 20, 200, 255};
	struct torch_image img = {2, 1, 4, rgba};

	/* to gray: BT.601 luma, alpha dropped */
	ExpectNear(Preprocess(img, Meta(2, 1, 1, TORCH_META_NCHW)),
		   {76.245f, 0.299f * 10 + 0.587f * 20 + 0.114f * 200});
	/* to RGB, planar and interleaved, with per-channel mean */
	struct torch_meta m = Meta(2, 1, 3, TORCH_META_NCHW);
	m.mean[0] = 1, m.mean[1] = 2, m.mean[2] = 3;
	ExpectNear(Preprocess(img, m), {254, 9, -2, 18, -3, 197});
	m.layout = TORCH_META_NHWC;
	ExpectNear(Preprocess(img, m), {254, -2, -3, 9, 18, 197});

	/* gray (+ alpha) to RGB: copied into every channel */
	uint8_t ga[] = {40, 0, 80, 255};
	struct torch_image gray = {2, 1, 2, ga};
	ExpectNear(Preprocess(gray, Meta(2, 1, 3, TORCH_META_NCHW)),
		   {40, 80, 40, 80, 40, 80});
	ExpectNear(Preprocess(gray, Meta(2, 1, 3, TORCH_META_NHWC)),
		   {40, 40, 40, 80, 80, 80});
}

TEST(Image, OnePixelSourceFillsTheOutput)
{
	uint8_t px[] = {9};
	struct torch_image img = {1, 1, 1, px};
	ExpectNear(Preprocess(img, Meta(3, 2, 1, TORCH_META_NCHW)),
		   {9, 9, 9, 9, 9, 9});
}

} // namespace

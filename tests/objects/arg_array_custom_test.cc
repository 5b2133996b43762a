/* Arg arrays: custom types checked by a validator, and values passed
 * through a serializer/deserializer pair. */

#include "../core/vaccel_test.h"

#include <cstdlib>
#include <cstring>

namespace
{

constexpr uint32_t kPointId = 7;

struct Point {
	int32_t x;
	int32_t y;
	char label[8];
};

int validator_calls;
uint32_t validator_last_id;

/* Accepts a Point of id kPointId whose x is not negative. */
bool PointValid(const void *buf, size_t size, uint32_t custom_id)
{
	validator_calls++;
	validator_last_id = custom_id;
	if (!buf || size != sizeof(Point) || custom_id != kPointId)
		return false;
	Point p;
	memcpy(&p, buf, sizeof(p));
	return p.x >= 0;
}

/* Wire form of a Point: x, y (4 bytes each), label length, label bytes. */
int SerializePoint(const void *data, size_t data_size, uint32_t custom_id,
		   void **buf, size_t *size)
{
	(void)custom_id;
	if (!data || data_size != sizeof(Point))
		return VACCEL_EINVAL;
	const Point *p = static_cast<const Point *>(data);
	size_t len = strnlen(p->label, sizeof(p->label));
	size_t n = 9 + len;
	unsigned char *out = static_cast<unsigned char *>(malloc(n));
	if (!out)
		return VACCEL_ENOMEM;
	memcpy(out, &p->x, 4);
	memcpy(out + 4, &p->y, 4);
	out[8] = (unsigned char)len;
	memcpy(out + 9, p->label, len);
	*buf = out;
	*size = n;
	return VACCEL_OK;
}

uint32_t deserializer_last_id = 1234;

int DeserializePoint(const void *buf, size_t size, uint32_t custom_id,
		     size_t data_size, void *data)
{
	deserializer_last_id = custom_id;
	const unsigned char *in = static_cast<const unsigned char *>(buf);
	if (data_size != sizeof(Point) || size < 9 || size != 9u + in[8] ||
	    in[8] >= sizeof(Point::label))
		return VACCEL_EINVAL;
	Point *p = static_cast<Point *>(data);
	memset(p, 0, sizeof(*p));
	memcpy(&p->x, in, 4);
	memcpy(&p->y, in + 4, 4);
	memcpy(p->label, in + 9, in[8]);
	return VACCEL_OK;
}

int FailingSerializer(const void *, size_t, uint32_t, void **, size_t *)
{
	return VACCEL_EBACKEND;
}

class ArgArrayCustomTest : public VaccelTest
{
      protected:
	struct vaccel_arg_array a;

	void SetUp() override
	{
		VaccelTest::SetUp();
		validator_calls = 0;
		ASSERT_EQ(vaccel_arg_array_init(&a, 0), VACCEL_OK);
	}

	void TearDown() override
	{
		EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
		VaccelTest::TearDown();
	}
};

TEST_F(ArgArrayCustomTest, ValidatorAccepts)
{
	Point p = {3, 4, "pt"};
	void *buf = nullptr;
	size_t size = 0;

	ASSERT_EQ(vaccel_arg_array_add_custom(&a, kPointId, &p, sizeof(p),
					      PointValid),
		  VACCEL_OK);
	EXPECT_EQ(validator_calls, 1);
	EXPECT_EQ(validator_last_id, kPointId);
	EXPECT_EQ(a.args[0].type, VACCEL_ARG_CUSTOM);
	EXPECT_EQ(a.args[0].custom_type_id, kPointId);
	EXPECT_FALSE(a.args[0].owned);

	ASSERT_EQ(
	    vaccel_arg_array_get_custom(&a, kPointId, &buf, &size, PointValid),
	    VACCEL_OK);
	EXPECT_EQ(validator_calls, 2);
	EXPECT_EQ(buf, &p);
	EXPECT_EQ(size, sizeof(p));

	/* size is optional on get. */
	vaccel_arg_array_reset_position(&a);
	EXPECT_EQ(vaccel_arg_array_get_custom(&a, kPointId, &buf, nullptr,
					      PointValid),
		  VACCEL_OK);
}

TEST_F(ArgArrayCustomTest, ValidatorRefuses)
{
	Point bad = {-1, 0, ""};
	void *buf;
	size_t size;

	EXPECT_EQ(vaccel_arg_array_add_custom(&a, kPointId, &bad, sizeof(bad),
					      PointValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(validator_calls, 1);
	EXPECT_EQ(a.count, 0u);
	EXPECT_LOG_HAS("validator refused custom type 7");

	/* Already in the array (wrapped), refused on the way out. */
	struct vaccel_arg arg = {&bad, sizeof(bad), VACCEL_ARG_CUSTOM, kPointId,
				 false};
	struct vaccel_arg_array w;
	ASSERT_EQ(vaccel_arg_array_wrap(&w, &arg, 1), VACCEL_OK);
	EXPECT_EQ(
	    vaccel_arg_array_get_custom(&w, kPointId, &buf, &size, PointValid),
	    VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_position(&w), 0u);
}

TEST_F(ArgArrayCustomTest, CustomIdMismatch)
{
	Point p = {1, 2, "a"};
	void *buf;
	size_t size;

	ASSERT_EQ(vaccel_arg_array_add_custom(&a, kPointId, &p, sizeof(p),
					      PointValid),
		  VACCEL_OK);
	validator_calls = 0;
	EXPECT_EQ(vaccel_arg_array_get_custom(&a, kPointId + 1, &buf, &size,
					      PointValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(validator_calls, 0); /* refused before validating */
	EXPECT_LOG_HAS("has custom type 7, expected 8");
	EXPECT_EQ(vaccel_arg_array_position(&a), 0u);
	EXPECT_EQ(vaccel_arg_array_set_custom(&a, kPointId + 1, &p, sizeof(p),
					      PointValid),
		  VACCEL_EINVAL);
}

TEST_F(ArgArrayCustomTest, CustomNullArguments)
{
	Point p = {1, 2, "a"};
	void *buf;

	EXPECT_EQ(vaccel_arg_array_add_custom(nullptr, kPointId, &p, sizeof(p),
					      PointValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(
	    vaccel_arg_array_add_custom(&a, kPointId, &p, sizeof(p), nullptr),
	    VACCEL_EINVAL);
	ASSERT_EQ(vaccel_arg_array_add_custom(&a, kPointId, &p, sizeof(p),
					      PointValid),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_get_custom(&a, kPointId, nullptr, nullptr,
					      PointValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(
	    vaccel_arg_array_get_custom(&a, kPointId, &buf, nullptr, nullptr),
	    VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_set_custom(&a, kPointId, nullptr, sizeof(p),
					      PointValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(
	    vaccel_arg_array_set_custom(&a, kPointId, &p, sizeof(p), nullptr),
	    VACCEL_EINVAL);
}

TEST_F(ArgArrayCustomTest, SetCustomWritesAValidatedValue)
{
	Point out = {0, 0, ""};
	Point in = {5, 6, "new"};
	Point bad = {-5, 6, "bad"};

	ASSERT_EQ(vaccel_arg_array_add_custom(&a, kPointId, &out, sizeof(out),
					      PointValid),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_set_custom(&a, kPointId, &bad, sizeof(bad),
					      PointValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_set_custom(&a, kPointId, &in, 4, PointValid),
		  VACCEL_EINVAL); /* size differs from the arg's */
	EXPECT_EQ(out.x, 0);
	ASSERT_EQ(vaccel_arg_array_set_custom(&a, kPointId, &in, sizeof(in),
					      PointValid),
		  VACCEL_OK);
	EXPECT_EQ(out.x, 5);
	EXPECT_EQ(out.y, 6);
	EXPECT_STREQ(out.label, "new");
	EXPECT_EQ(vaccel_arg_array_position(&a), 1u);
}

TEST_F(ArgArrayCustomTest, SerializedRoundTrip)
{
	Point p = {-3, 12, "origin"};
	Point back = {};

	ASSERT_EQ(vaccel_arg_array_add_serialized(&a, VACCEL_ARG_CUSTOM,
						  kPointId, &p, sizeof(p),
						  SerializePoint),
		  VACCEL_OK);
	/* The serialized copy belongs to the array. */
	EXPECT_TRUE(a.args[0].owned);
	EXPECT_EQ(a.args[0].size, 9u + 6u);
	EXPECT_EQ(a.args[0].custom_type_id, kPointId);
	p.x = 100; /* the array holds its own bytes */

	ASSERT_EQ(vaccel_arg_array_get_serialized(&a, VACCEL_ARG_CUSTOM,
						  kPointId, &back, sizeof(back),
						  DeserializePoint),
		  VACCEL_OK);
	EXPECT_EQ(deserializer_last_id, kPointId);
	EXPECT_EQ(back.x, -3);
	EXPECT_EQ(back.y, 12);
	EXPECT_STREQ(back.label, "origin");
	EXPECT_EQ(vaccel_arg_array_position(&a), 1u);
}

TEST_F(ArgArrayCustomTest, SerializedAsABuiltinType)
{
	Point p = {1, 2, "b"};
	Point back = {};

	ASSERT_EQ(vaccel_arg_array_add_serialized(&a, VACCEL_ARG_BUFFER, 55, &p,
						  sizeof(p), SerializePoint),
		  VACCEL_OK);
	EXPECT_EQ(a.args[0].type, VACCEL_ARG_BUFFER);
	/* A built-in type has no custom id; the deserializer gets 0. */
	ASSERT_EQ(vaccel_arg_array_get_serialized(&a, VACCEL_ARG_BUFFER, 55,
						  &back, sizeof(back),
						  DeserializePoint),
		  VACCEL_OK);
	EXPECT_EQ(deserializer_last_id, 0u);
	EXPECT_STREQ(back.label, "b");
}

TEST_F(ArgArrayCustomTest, SerializedErrors)
{
	Point p = {1, 2, "c"};
	Point back;

	EXPECT_EQ(vaccel_arg_array_add_serialized(&a, VACCEL_ARG_CUSTOM,
						  kPointId, &p, sizeof(p),
						  FailingSerializer),
		  VACCEL_EBACKEND);
	EXPECT_EQ(vaccel_arg_array_add_serialized(
		      &a, VACCEL_ARG_CUSTOM, kPointId, &p, sizeof(p), nullptr),
		  VACCEL_EINVAL);
	/* The serializer's output must be a valid value of the type (an
	 * INT32 is 4 bytes); the rejected buffer is freed (ASan checks). */
	EXPECT_EQ(vaccel_arg_array_add_serialized(&a, VACCEL_ARG_INT32, 0, &p,
						  sizeof(p), SerializePoint),
		  VACCEL_EINVAL);
	EXPECT_EQ(a.count, 0u);

	ASSERT_EQ(vaccel_arg_array_add_serialized(&a, VACCEL_ARG_CUSTOM,
						  kPointId, &p, sizeof(p),
						  SerializePoint),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_get_serialized(&a, VACCEL_ARG_BUFFER,
						  kPointId, &back, sizeof(back),
						  DeserializePoint),
		  VACCEL_EINVAL); /* type */
	EXPECT_EQ(vaccel_arg_array_get_serialized(&a, VACCEL_ARG_CUSTOM, 1,
						  &back, sizeof(back),
						  DeserializePoint),
		  VACCEL_EINVAL); /* custom id */
	EXPECT_EQ(vaccel_arg_array_get_serialized(&a, VACCEL_ARG_CUSTOM,
						  kPointId, &back, 3,
						  DeserializePoint),
		  VACCEL_EINVAL); /* the deserializer's own error */
	EXPECT_EQ(vaccel_arg_array_get_serialized(
		      &a, VACCEL_ARG_CUSTOM, kPointId, nullptr, sizeof(back),
		      DeserializePoint),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_get_serialized(&a, VACCEL_ARG_CUSTOM,
						  kPointId, &back, sizeof(back),
						  nullptr),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_position(&a), 0u);
	vaccel_arg_array_set_position(&a, 1);
	EXPECT_EQ(vaccel_arg_array_get_serialized(&a, VACCEL_ARG_CUSTOM,
						  kPointId, &back, sizeof(back),
						  DeserializePoint),
		  VACCEL_ERANGE);
}

TEST_F(ArgArrayCustomTest, SetSerializedFillsAnOutputArgOfTheRightSize)
{
	Point result = {8, 9, "result"};
	/* The output arg: sized for the serialized form of a 6-char label. */
	unsigned char out[9 + 6] = {};

	ASSERT_EQ(vaccel_arg_array_add_custom(
		      &a, kPointId, out, sizeof(out),
		      [](const void *, size_t, uint32_t) { return true; }),
		  VACCEL_OK);
	Point shorter = {1, 1, "ab"};
	EXPECT_EQ(vaccel_arg_array_set_serialized(
		      &a, VACCEL_ARG_CUSTOM, kPointId, &shorter,
		      sizeof(shorter), SerializePoint),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_set_serialized(
		      &a, VACCEL_ARG_CUSTOM, kPointId, &result, sizeof(result),
		      FailingSerializer),
		  VACCEL_EBACKEND);
	ASSERT_EQ(vaccel_arg_array_set_serialized(
		      &a, VACCEL_ARG_CUSTOM, kPointId, &result, sizeof(result),
		      SerializePoint),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_position(&a), 1u);

	Point back = {};
	ASSERT_EQ(
	    DeserializePoint(out, sizeof(out), kPointId, sizeof(back), &back),
	    VACCEL_OK);
	EXPECT_EQ(back.x, 8);
	EXPECT_STREQ(back.label, "result");

	EXPECT_EQ(vaccel_arg_array_set_serialized(
		      &a, VACCEL_ARG_CUSTOM, kPointId, &result, sizeof(result),
		      SerializePoint),
		  VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_set_serialized(&a, VACCEL_ARG_CUSTOM,
						  kPointId, nullptr, 0,
						  SerializePoint),
		  VACCEL_EINVAL);
}

} // namespace

/* Single args: init copies, init_from_buf wraps, release frees only what
 * the arg owns. */

#include "../core/vaccel_test.h"

#include <cstring>

namespace
{

class ArgTest : public VaccelTest
{
};

TEST_F(ArgTest, PositionalInitKeepsFieldOrder)
{
	char buf[] = "abc";
	struct vaccel_arg a = {buf, sizeof(buf), VACCEL_ARG_STRING, 0, false};

	EXPECT_EQ(a.buf, buf);
	EXPECT_EQ(a.size, sizeof(buf));
	EXPECT_EQ(a.type, VACCEL_ARG_STRING);
	EXPECT_EQ(a.custom_type_id, 0u);
	EXPECT_FALSE(a.owned);

	struct vaccel_arg_array arr = {&a, 1, 1, 0, false};
	EXPECT_EQ(arr.args, &a);
	EXPECT_EQ(arr.count, 1u);
	EXPECT_EQ(arr.capacity, 1u);
	EXPECT_EQ(arr.position, 0u);
	EXPECT_FALSE(arr.owned);
}

TEST_F(ArgTest, InitCopiesTheBuffer)
{
	int32_t value = 42;
	struct vaccel_arg a;

	ASSERT_EQ(
	    vaccel_arg_init(&a, &value, sizeof(value), VACCEL_ARG_INT32, 0),
	    VACCEL_OK);
	EXPECT_NE(a.buf, &value);
	EXPECT_TRUE(a.owned);
	EXPECT_EQ(a.size, sizeof(value));
	EXPECT_EQ(a.type, VACCEL_ARG_INT32);
	value = 7; /* the copy does not follow */
	EXPECT_EQ(*(int32_t *)a.buf, 42);

	EXPECT_EQ(vaccel_arg_release(&a), VACCEL_OK);
	EXPECT_EQ(a.buf, nullptr);
	EXPECT_EQ(a.size, 0u);
	EXPECT_FALSE(a.owned);
	/* vAccel marks a released arg with type VACCEL_ARG_MAX. */
	EXPECT_EQ(a.type, VACCEL_ARG_MAX);
	EXPECT_EQ(a.custom_type_id, 0u);
}

TEST_F(ArgTest, InitWithoutBufferZeroFills)
{
	struct vaccel_arg a;

	ASSERT_EQ(vaccel_arg_init(&a, nullptr, 16, VACCEL_ARG_CUSTOM, 9),
		  VACCEL_OK);
	ASSERT_NE(a.buf, nullptr);
	EXPECT_EQ(a.custom_type_id, 9u);
	const unsigned char zero[16] = {};
	EXPECT_EQ(memcmp(a.buf, zero, sizeof(zero)), 0);
	EXPECT_EQ(vaccel_arg_release(&a), VACCEL_OK);

	ASSERT_EQ(vaccel_arg_init(&a, nullptr, 0, VACCEL_ARG_RAW, 0),
		  VACCEL_OK);
	EXPECT_EQ(a.buf, nullptr);
	EXPECT_EQ(vaccel_arg_release(&a), VACCEL_OK);
}

TEST_F(ArgTest, InitFromBufWraps)
{
	char text[] = "hello";
	struct vaccel_arg a;

	ASSERT_EQ(vaccel_arg_init_from_buf(&a, text, sizeof(text),
					   VACCEL_ARG_STRING, 0),
		  VACCEL_OK);
	EXPECT_EQ(a.buf, text);
	EXPECT_FALSE(a.owned);
	text[0] = 'j';
	EXPECT_STREQ((char *)a.buf, "jello");
	/* Releasing a wrapping arg leaves the caller's buffer alone (ASan
	 * would report a bad free otherwise). */
	EXPECT_EQ(vaccel_arg_release(&a), VACCEL_OK);
	EXPECT_STREQ(text, "jello");
}

TEST_F(ArgTest, NewAndFromBufAllocateTheArg)
{
	double d = 2.5;
	struct vaccel_arg *copy = nullptr, *wrap = nullptr;

	ASSERT_EQ(vaccel_arg_new(&copy, &d, sizeof(d), VACCEL_ARG_FLOAT64, 0),
		  VACCEL_OK);
	ASSERT_EQ(
	    vaccel_arg_from_buf(&wrap, &d, sizeof(d), VACCEL_ARG_FLOAT64, 0),
	    VACCEL_OK);
	EXPECT_TRUE(copy->owned);
	EXPECT_NE(copy->buf, &d);
	EXPECT_EQ(*(double *)copy->buf, 2.5);
	EXPECT_FALSE(wrap->owned);
	EXPECT_EQ(wrap->buf, &d);
	EXPECT_EQ(vaccel_arg_delete(copy), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_delete(wrap), VACCEL_OK);
}

TEST_F(ArgTest, BadInputIsRefused)
{
	int x = 1;
	struct vaccel_arg a, *p = nullptr;

	EXPECT_EQ(vaccel_arg_init(nullptr, &x, sizeof(x), VACCEL_ARG_INT32, 0),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_init(&a, &x, 0, VACCEL_ARG_INT32, 0),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_init_from_buf(&a, &x, 0, VACCEL_ARG_INT32, 0),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_init_from_buf(&a, nullptr, 4, VACCEL_ARG_INT32, 0),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_init_from_buf(nullptr, &x, 4, VACCEL_ARG_INT32, 0),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_init(&a, &x, sizeof(x), (vaccel_arg_type_t)99, 0),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("invalid type 99");
	EXPECT_EQ(vaccel_arg_new(nullptr, &x, sizeof(x), VACCEL_ARG_INT32, 0),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_new(&p, &x, 0, VACCEL_ARG_INT32, 0),
		  VACCEL_EINVAL);
	EXPECT_EQ(p, nullptr);
	EXPECT_EQ(vaccel_arg_from_buf(nullptr, &x, 4, VACCEL_ARG_INT32, 0),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_release(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_delete(nullptr), VACCEL_EINVAL);
}

} // namespace

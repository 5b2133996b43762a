/* Arg arrays: raw, string and buffer args; the reading and writing rules
 * shared by every get_* and set_*. */

#include "../core/vaccel_test.h"

#include <cstring>

namespace
{

class ArgArrayAccessTest : public VaccelTest
{
      protected:
	struct vaccel_arg_array a;

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(vaccel_arg_array_init(&a, 2), VACCEL_OK);
	}

	void TearDown() override
	{
		EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
		VaccelTest::TearDown();
	}
};

TEST_F(ArgArrayAccessTest, RawRoundTrip)
{
	char data[] = {1, 2, 3, 4};
	void *buf = nullptr;
	size_t size = 0;

	ASSERT_EQ(vaccel_arg_array_add_raw(&a, data, sizeof(data)), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_raw(&a, nullptr, 0), VACCEL_OK);
	EXPECT_EQ(a.args[0].type, VACCEL_ARG_RAW);
	EXPECT_FALSE(a.args[0].owned);

	ASSERT_EQ(vaccel_arg_array_get_raw(&a, &buf, &size), VACCEL_OK);
	EXPECT_EQ(buf, data);
	EXPECT_EQ(size, sizeof(data));
	ASSERT_EQ(vaccel_arg_array_get_raw(&a, &buf, &size), VACCEL_OK);
	EXPECT_EQ(buf, nullptr);
	EXPECT_EQ(size, 0u);
	EXPECT_EQ(vaccel_arg_array_get_raw(&a, &buf, &size), VACCEL_ERANGE);

	EXPECT_EQ(vaccel_arg_array_add_raw(&a, data, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_add_raw(&a, nullptr, 4), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_add_raw(nullptr, data, 4), VACCEL_EINVAL);
	vaccel_arg_array_reset_position(&a);
	EXPECT_EQ(vaccel_arg_array_get_raw(&a, nullptr, &size), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_get_raw(&a, &buf, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_get_raw(nullptr, &buf, &size),
		  VACCEL_EINVAL);
}

TEST_F(ArgArrayAccessTest, SetRawWritesIntoTheOutputArg)
{
	char out[4] = {};
	char in[] = {9, 8, 7};

	ASSERT_EQ(vaccel_arg_array_add_raw(&a, out, sizeof(out)), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_raw(&a, nullptr, 0), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_raw(&a, out, sizeof(out)), VACCEL_OK);

	ASSERT_EQ(vaccel_arg_array_set_raw(&a, in, sizeof(in)), VACCEL_OK);
	EXPECT_EQ(memcmp(out, "\x09\x08\x07\x00", 4), 0);
	EXPECT_EQ(vaccel_arg_array_position(&a), 1u);
	/* Nothing into an empty arg is fine. */
	EXPECT_EQ(vaccel_arg_array_set_raw(&a, nullptr, 0), VACCEL_OK);
	/* Too much, or nothing into a non-empty arg, is not. */
	char big[5] = {};
	EXPECT_EQ(vaccel_arg_array_set_raw(&a, big, sizeof(big)),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("5 bytes do not fit arg 2 (4 bytes)");
	EXPECT_EQ(vaccel_arg_array_set_raw(&a, nullptr, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_position(&a), 2u);
	EXPECT_EQ(vaccel_arg_array_set_raw(&a, in, sizeof(in)), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_set_raw(&a, in, sizeof(in)), VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_set_raw(nullptr, in, 1), VACCEL_EINVAL);
}

TEST_F(ArgArrayAccessTest, StringRoundTrip)
{
	char hello[] = "hello";
	char *s = nullptr;

	ASSERT_EQ(vaccel_arg_array_add_string(&a, hello), VACCEL_OK);
	EXPECT_EQ(a.args[0].size, sizeof(hello));
	EXPECT_EQ(a.args[0].type, VACCEL_ARG_STRING);
	ASSERT_EQ(vaccel_arg_array_get_string(&a, &s), VACCEL_OK);
	EXPECT_EQ(s, hello);

	/* set_string copies into the arg's buffer when it fits. */
	char out[8] = "xxxxxxx";
	char yo[] = "yo";
	char toolong[] = "too long!";
	ASSERT_EQ(vaccel_arg_array_add_string(&a, out), VACCEL_OK);
	vaccel_arg_array_set_position(&a, 1);
	EXPECT_EQ(vaccel_arg_array_set_string(&a, toolong), VACCEL_EINVAL);
	ASSERT_EQ(vaccel_arg_array_set_string(&a, yo), VACCEL_OK);
	EXPECT_EQ(memcmp(out, "yo\0\0\0\0\0\0", 8), 0);

	EXPECT_EQ(vaccel_arg_array_add_string(&a, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_add_string(nullptr, hello), VACCEL_EINVAL);
	vaccel_arg_array_reset_position(&a);
	EXPECT_EQ(vaccel_arg_array_get_string(&a, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_set_string(&a, nullptr), VACCEL_EINVAL);
}

TEST_F(ArgArrayAccessTest, UnterminatedStringIsRefused)
{
	char raw[3] = {'a', 'b', 'c'};
	struct vaccel_arg arg = {raw, sizeof(raw), VACCEL_ARG_STRING, 0, false};
	struct vaccel_arg_array w;
	char *s = nullptr;

	ASSERT_EQ(vaccel_arg_array_wrap(&w, &arg, 1), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_get_string(&w, &s), VACCEL_EINVAL);
	EXPECT_LOG_HAS("is not a valid VACCEL_ARG_STRING");
	EXPECT_EQ(vaccel_arg_array_position(&w), 0u);
}

TEST_F(ArgArrayAccessTest, BufferRoundTrip)
{
	float data[3] = {1.5f, 2.5f, 3.5f};
	float out[3] = {};
	void *buf = nullptr;
	size_t size = 0;

	ASSERT_EQ(vaccel_arg_array_add_buffer(&a, data, sizeof(data)),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_buffer(&a, out, sizeof(out)), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_get_buffer(&a, &buf, &size), VACCEL_OK);
	EXPECT_EQ(buf, data);
	EXPECT_EQ(size, sizeof(data));
	ASSERT_EQ(vaccel_arg_array_set_buffer(&a, data, sizeof(data)),
		  VACCEL_OK);
	EXPECT_EQ(out[2], 3.5f);

	EXPECT_EQ(vaccel_arg_array_add_buffer(&a, nullptr, 4), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_add_buffer(&a, data, 0), VACCEL_EINVAL);
	vaccel_arg_array_set_position(&a, 1);
	float big[4] = {};
	EXPECT_EQ(vaccel_arg_array_set_buffer(&a, big, sizeof(big)),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_set_buffer(&a, nullptr, 4), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_set_buffer(&a, big, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_get_buffer(&a, nullptr, &size),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_get_buffer(&a, &buf, nullptr),
		  VACCEL_EINVAL);
}

TEST_F(ArgArrayAccessTest, WrongTypeIsRefusedAndDoesNotAdvance)
{
	int32_t x = 3;
	void *buf;
	size_t size;
	char *s;

	ASSERT_EQ(vaccel_arg_array_add_int32(&a, &x), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_get_raw(&a, &buf, &size), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_get_string(&a, &s), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_get_buffer(&a, &buf, &size), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_set_buffer(&a, &x, sizeof(x)),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS(
	    "arg 0 has type VACCEL_ARG_INT32, expected VACCEL_ARG_STRING");
	EXPECT_EQ(vaccel_arg_array_position(&a), 0u);

	int64_t *wrong = nullptr;
	EXPECT_EQ(vaccel_arg_array_get_int64(&a, &wrong), VACCEL_EINVAL);
	int32_t *right = nullptr;
	EXPECT_EQ(vaccel_arg_array_get_int32(&a, &right), VACCEL_OK);
	EXPECT_EQ(right, &x);
}

TEST_F(ArgArrayAccessTest, ReadingPastTheEnd)
{
	void *buf;
	size_t size;
	char *s;
	int32_t *p;
	int32_t *arr;
	size_t n;

	EXPECT_EQ(vaccel_arg_array_get_raw(&a, &buf, &size), VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_get_string(&a, &s), VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_get_buffer(&a, &buf, &size), VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_get_int32(&a, &p), VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_get_int32_array(&a, &arr, &n),
		  VACCEL_ERANGE);
	int32_t v = 1;
	EXPECT_EQ(vaccel_arg_array_set_int32(&a, &v), VACCEL_ERANGE);
	char str[] = "x";
	EXPECT_EQ(vaccel_arg_array_set_string(&a, str), VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_position(&a), 0u);
}

} // namespace

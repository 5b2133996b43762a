/* vaccel/utils/str.h */

#include "../core/vaccel_test.h"

#include <vaccel/utils/str.h>

namespace
{

TEST(StrToLower, IntoACallerBuffer)
{
	char out[16];

	ASSERT_EQ(
	    vaccel_str_to_lower("HeLLo World 42", out, sizeof(out), nullptr),
	    VACCEL_OK);
	EXPECT_STREQ(out, "hello world 42");
}

TEST(StrToLower, ShortBufferTruncates)
{
	char out[6];

	ASSERT_EQ(vaccel_str_to_lower("HELLO WORLD", out, sizeof(out), nullptr),
		  VACCEL_OK);
	EXPECT_STREQ(out, "hello");
	char one[1];
	ASSERT_EQ(vaccel_str_to_lower("ABC", one, sizeof(one), nullptr),
		  VACCEL_OK);
	EXPECT_STREQ(one, "");
}

TEST(StrToLower, Allocated)
{
	char *out = nullptr;

	ASSERT_EQ(vaccel_str_to_lower("VACCEL_TORCH_FLOAT", nullptr, 0, &out),
		  VACCEL_OK);
	EXPECT_STREQ(out, "vaccel_torch_float");
	free(out);

	/* alloc_lower wins over a caller buffer. */
	char buf[4] = "xyz";
	ASSERT_EQ(vaccel_str_to_lower("LONGER THAN 4", buf, sizeof(buf), &out),
		  VACCEL_OK);
	EXPECT_STREQ(out, "longer than 4");
	EXPECT_STREQ(buf, "xyz");
	free(out);
}

TEST(StrToLower, NonAsciiBytesPassThrough)
{
	char out[8];

	ASSERT_EQ(
	    vaccel_str_to_lower("\xc3\x89T\xc3\x89", out, sizeof(out), nullptr),
	    VACCEL_OK);
	EXPECT_STREQ(out, "\xc3\x89t\xc3\x89");
}

TEST(StrToLower, BadArguments)
{
	char out[8];
	char *alloc;

	EXPECT_EQ(vaccel_str_to_lower(nullptr, out, sizeof(out), &alloc),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_str_to_lower("A", nullptr, sizeof(out), nullptr),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_str_to_lower("A", out, 0, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_str_to_lower("A", nullptr, 0, nullptr), VACCEL_EINVAL);
}

} // namespace

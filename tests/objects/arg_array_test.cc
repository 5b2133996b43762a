/* Arg arrays as containers: lifecycle, growth, wrap, clear, the cursor and
 * copying ranges between arrays. */

#include "../core/vaccel_test.h"

#include <cstring>

namespace
{

class ArgArrayTest : public VaccelTest
{
};

TEST_F(ArgArrayTest, InitAndRelease)
{
	struct vaccel_arg_array a;

	ASSERT_EQ(vaccel_arg_array_init(&a, 3), VACCEL_OK);
	EXPECT_NE(a.args, nullptr);
	EXPECT_EQ(a.count, 0u);
	EXPECT_EQ(a.capacity, 3u);
	EXPECT_EQ(a.position, 0u);
	EXPECT_TRUE(a.owned);
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
	EXPECT_EQ(a.args, nullptr);
	EXPECT_EQ(a.capacity, 0u);
	/* Nothing left to release. */
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_EINVAL);

	ASSERT_EQ(vaccel_arg_array_init(&a, 0), VACCEL_OK);
	EXPECT_EQ(a.capacity, 8u); /* the default */
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);

	EXPECT_EQ(vaccel_arg_array_init(nullptr, 1), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_release(nullptr), VACCEL_EINVAL);
}

/* Issue 16 item 11: adding to an array with no storage (released, zeroed,
 * never initialised) is EINVAL, as for any invalid object, not ERANGE. */
TEST_F(ArgArrayTest, AddingToAReleasedOrZeroedArrayIsEinval)
{
	int32_t x = 1;
	struct vaccel_arg_array a;
	ASSERT_EQ(vaccel_arg_array_init(&a, 2), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_add_int32(&a, &x), VACCEL_EINVAL);
	EXPECT_LOG_HAS("arg array: not initialised or released");
	EXPECT_EQ(vaccel_arg_array_add_raw(&a, &x, sizeof(x)), VACCEL_EINVAL);
	EXPECT_EQ(a.count, 0u);
	EXPECT_EQ(a.args, nullptr);

	struct vaccel_arg_array zero = {};
	EXPECT_EQ(vaccel_arg_array_add_int32(&zero, &x), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_add_string(&zero, (char *)"s"),
		  VACCEL_EINVAL);

	struct vaccel_arg_array src;
	ASSERT_EQ(vaccel_arg_array_init(&src, 1), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_int32(&src, &x), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_add_all(&zero, &src, true), VACCEL_EINVAL);
	EXPECT_EQ(zero.count, 0u);
	EXPECT_EQ(vaccel_arg_array_release(&src), VACCEL_OK);
}

TEST_F(ArgArrayTest, NewAndDelete)
{
	struct vaccel_arg_array *a = nullptr;
	int32_t v = 5;

	ASSERT_EQ(vaccel_arg_array_new(&a, 1), VACCEL_OK);
	ASSERT_NE(a, nullptr);
	EXPECT_EQ(vaccel_arg_array_add_int32(a, &v), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_count(a), 1u);
	EXPECT_EQ(vaccel_arg_array_delete(a), VACCEL_OK);

	EXPECT_EQ(vaccel_arg_array_new(nullptr, 1), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_delete(nullptr), VACCEL_EINVAL);
}

TEST_F(ArgArrayTest, GrowsPastItsCapacity)
{
	struct vaccel_arg_array a;
	int32_t values[20];

	ASSERT_EQ(vaccel_arg_array_init(&a, 1), VACCEL_OK);
	for (int i = 0; i < 20; i++) {
		values[i] = i * 3;
		ASSERT_EQ(vaccel_arg_array_add_int32(&a, &values[i]),
			  VACCEL_OK);
	}
	EXPECT_EQ(a.count, 20u);
	EXPECT_GE(a.capacity, 20u);
	for (int i = 0; i < 20; i++) {
		int32_t *p = nullptr;
		ASSERT_EQ(vaccel_arg_array_get_int32(&a, &p), VACCEL_OK);
		EXPECT_EQ(p, &values[i]); /* add_* does not copy */
		EXPECT_EQ(*p, i * 3);
	}
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
}

TEST_F(ArgArrayTest, WrapUsesTheCallersArgsAtFixedSize)
{
	int32_t x = 11;
	char s[] = "wrapped";
	struct vaccel_arg args[2] = {
	    {&x, sizeof(x), VACCEL_ARG_INT32, 0, false},
	    {s, sizeof(s), VACCEL_ARG_STRING, 0, false},
	};
	struct vaccel_arg_array a;

	ASSERT_EQ(vaccel_arg_array_wrap(&a, args, 2), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_raw(&a), args);
	EXPECT_EQ(a.count, 2u);
	EXPECT_EQ(a.capacity, 2u);
	EXPECT_FALSE(a.owned);

	int32_t *xp = nullptr;
	char *sp = nullptr;
	EXPECT_EQ(vaccel_arg_array_get_int32(&a, &xp), VACCEL_OK);
	EXPECT_EQ(xp, &x);
	EXPECT_EQ(vaccel_arg_array_get_string(&a, &sp), VACCEL_OK);
	EXPECT_STREQ(sp, "wrapped");

	/* A wrapped array cannot grow. */
	EXPECT_EQ(vaccel_arg_array_add_int32(&a, &x), VACCEL_ERANGE);
	EXPECT_LOG_HAS("cannot grow a wrapped array");
	EXPECT_EQ(a.count, 2u);

	/* Release leaves the caller's args alone. */
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
	EXPECT_EQ(args[0].buf, &x);

	EXPECT_EQ(vaccel_arg_array_wrap(nullptr, args, 2), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_wrap(&a, nullptr, 2), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_wrap(&a, nullptr, 0), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_count(&a), 0u);
}

TEST_F(ArgArrayTest, ClearReleasesArgsAndKeepsStorage)
{
	struct vaccel_arg_array a;
	int64_t v = 1;

	ASSERT_EQ(vaccel_arg_array_init(&a, 4), VACCEL_OK);
	struct vaccel_arg *storage = a.args;
	ASSERT_EQ(vaccel_arg_array_add_int64(&a, &v), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_int64(&a, &v), VACCEL_OK);
	vaccel_arg_array_set_position(&a, 1);

	vaccel_arg_array_clear(&a);
	EXPECT_EQ(a.count, 0u);
	EXPECT_EQ(a.position, 0u);
	EXPECT_EQ(a.capacity, 4u);
	EXPECT_EQ(a.args, storage);
	EXPECT_EQ(a.args[0].buf, nullptr);

	/* Still usable. */
	ASSERT_EQ(vaccel_arg_array_add_int64(&a, &v), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_count(&a), 1u);
	vaccel_arg_array_clear(nullptr);
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
}

TEST_F(ArgArrayTest, Cursor)
{
	struct vaccel_arg_array a;
	uint8_t v[3] = {1, 2, 3};

	ASSERT_EQ(vaccel_arg_array_init(&a, 0), VACCEL_OK);
	for (auto &x : v)
		ASSERT_EQ(vaccel_arg_array_add_uint8(&a, &x), VACCEL_OK);

	EXPECT_EQ(vaccel_arg_array_count(&a), 3u);
	EXPECT_EQ(vaccel_arg_array_position(&a), 0u);
	EXPECT_EQ(vaccel_arg_array_remaining_count(&a), 3u);

	uint8_t *p;
	ASSERT_EQ(vaccel_arg_array_get_uint8(&a, &p), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_position(&a), 1u);
	EXPECT_EQ(vaccel_arg_array_remaining_count(&a), 2u);

	struct vaccel_arg *rest = nullptr;
	size_t n = 0;
	ASSERT_EQ(vaccel_arg_array_get_remaining(&a, &rest, &n), VACCEL_OK);
	EXPECT_EQ(rest, &a.args[1]);
	EXPECT_EQ(n, 2u);
	EXPECT_EQ(vaccel_arg_array_position(&a), 1u); /* not consumed */

	vaccel_arg_array_set_position(&a, 2);
	ASSERT_EQ(vaccel_arg_array_get_uint8(&a, &p), VACCEL_OK);
	EXPECT_EQ(*p, 3);

	/* At the end: nothing remains, reading is out of range. */
	ASSERT_EQ(vaccel_arg_array_get_remaining(&a, &rest, &n), VACCEL_OK);
	EXPECT_EQ(rest, nullptr);
	EXPECT_EQ(n, 0u);
	EXPECT_EQ(vaccel_arg_array_get_uint8(&a, &p), VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_position(&a), 3u);

	vaccel_arg_array_set_position(&a, 100); /* clamped */
	EXPECT_EQ(vaccel_arg_array_position(&a), 3u);
	vaccel_arg_array_reset_position(&a);
	EXPECT_EQ(vaccel_arg_array_position(&a), 0u);

	EXPECT_EQ(vaccel_arg_array_get_remaining(nullptr, &rest, &n),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_get_remaining(&a, nullptr, &n),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_get_remaining(&a, &rest, nullptr),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
}

TEST_F(ArgArrayTest, NullSafeAccessors)
{
	EXPECT_EQ(vaccel_arg_array_count(nullptr), 0u);
	EXPECT_EQ(vaccel_arg_array_position(nullptr), 0u);
	EXPECT_EQ(vaccel_arg_array_remaining_count(nullptr), 0u);
	EXPECT_EQ(vaccel_arg_array_raw(nullptr), nullptr);
	vaccel_arg_array_set_position(nullptr, 1);
	vaccel_arg_array_reset_position(nullptr);
}

class ArgArrayRangeTest : public ArgArrayTest
{
      protected:
	struct vaccel_arg_array src, dest;
	int32_t v[4] = {10, 20, 30, 40};

	void SetUp() override
	{
		ArgArrayTest::SetUp();
		ASSERT_EQ(vaccel_arg_array_init(&src, 0), VACCEL_OK);
		ASSERT_EQ(vaccel_arg_array_init(&dest, 1), VACCEL_OK);
		for (auto &x : v)
			ASSERT_EQ(vaccel_arg_array_add_int32(&src, &x),
				  VACCEL_OK);
	}

	void TearDown() override
	{
		EXPECT_EQ(vaccel_arg_array_release(&dest), VACCEL_OK);
		EXPECT_EQ(vaccel_arg_array_release(&src), VACCEL_OK);
		ArgArrayTest::TearDown();
	}

	int32_t Next()
	{
		int32_t x = -1;
		EXPECT_EQ(vaccel_arg_array_get_int32_value(&dest, &x),
			  VACCEL_OK);
		return x;
	}
};

TEST_F(ArgArrayRangeTest, WithoutCopySharesTheSourceBuffers)
{
	ASSERT_EQ(vaccel_arg_array_add_range(&dest, &src, 1, 2, false),
		  VACCEL_OK);
	EXPECT_EQ(dest.count, 2u);
	EXPECT_FALSE(dest.args[0].owned);
	EXPECT_EQ(dest.args[0].buf, &v[1]);
	v[1] = 99; /* visible through dest */
	EXPECT_EQ(Next(), 99);
	EXPECT_EQ(Next(), 30);
}

TEST_F(ArgArrayRangeTest, WithCopyOwnsItsBuffers)
{
	ASSERT_EQ(vaccel_arg_array_add_range(&dest, &src, 1, 2, true),
		  VACCEL_OK);
	EXPECT_TRUE(dest.args[0].owned);
	EXPECT_NE(dest.args[0].buf, &v[1]);
	EXPECT_EQ(dest.args[0].type, VACCEL_ARG_INT32);
	v[1] = 99; /* not visible through dest */
	v[2] = 98;
	EXPECT_EQ(Next(), 20);
	EXPECT_EQ(Next(), 30);
}

TEST_F(ArgArrayRangeTest, RangeOutsideTheSource)
{
	EXPECT_EQ(vaccel_arg_array_add_range(&dest, &src, 4, 0, false),
		  VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_add_range(&dest, &src, 3, 2, false),
		  VACCEL_ERANGE);
	EXPECT_EQ(vaccel_arg_array_add_range(&dest, &src, 1, SIZE_MAX, true),
		  VACCEL_ERANGE);
	EXPECT_LOG_HAS("outside 4 args");
	EXPECT_EQ(vaccel_arg_array_add_range(&dest, &src, 0, 0, false),
		  VACCEL_OK);
	EXPECT_EQ(dest.count, 0u);
	EXPECT_EQ(vaccel_arg_array_add_range(nullptr, &src, 0, 1, false),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_add_range(&dest, nullptr, 0, 1, false),
		  VACCEL_EINVAL);
}

TEST_F(ArgArrayRangeTest, RemainingStartsAtTheSourcePosition)
{
	vaccel_arg_array_set_position(&src, 3);
	ASSERT_EQ(vaccel_arg_array_add_remaining(&dest, &src, true), VACCEL_OK);
	EXPECT_EQ(dest.count, 1u);
	EXPECT_EQ(Next(), 40);

	vaccel_arg_array_set_position(&src, 4); /* nothing left */
	EXPECT_EQ(vaccel_arg_array_add_remaining(&dest, &src, true), VACCEL_OK);
	EXPECT_EQ(dest.count, 1u);
	EXPECT_EQ(vaccel_arg_array_add_remaining(nullptr, &src, true),
		  VACCEL_EINVAL);
}

TEST_F(ArgArrayRangeTest, AllIgnoresTheSourcePosition)
{
	vaccel_arg_array_set_position(&src, 2);
	ASSERT_EQ(vaccel_arg_array_add_all(&dest, &src, false), VACCEL_OK);
	EXPECT_EQ(dest.count, 4u);
	for (int32_t want : {10, 20, 30, 40})
		EXPECT_EQ(Next(), want);
	EXPECT_EQ(vaccel_arg_array_position(&src), 2u);
	EXPECT_EQ(vaccel_arg_array_add_all(&dest, nullptr, false),
		  VACCEL_EINVAL);
}

TEST_F(ArgArrayRangeTest, AddingAnArrayToItselfCopies)
{
	ASSERT_EQ(vaccel_arg_array_add_all(&src, &src, true), VACCEL_OK);
	EXPECT_EQ(src.count, 8u);
	v[0] = 0;
	vaccel_arg_array_set_position(&src, 4);
	int32_t x = -1;
	ASSERT_EQ(vaccel_arg_array_get_int32_value(&src, &x), VACCEL_OK);
	EXPECT_EQ(x, 10);
}

TEST_F(ArgArrayRangeTest, AWrappedDestinationCannotTakeMore)
{
	struct vaccel_arg one = {&v[0], sizeof(v[0]), VACCEL_ARG_INT32, 0,
				 false};
	struct vaccel_arg_array wrapped;
	ASSERT_EQ(vaccel_arg_array_wrap(&wrapped, &one, 1), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_add_all(&wrapped, &src, true),
		  VACCEL_ERANGE);
	EXPECT_EQ(wrapped.count, 1u);
}

} // namespace

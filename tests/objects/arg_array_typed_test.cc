/* Arg arrays: the typed families, one typed test over all 13 types. The
 * type list is written out here (not taken from vaccel/arg.h's X-macro) so
 * the suffix -> C type -> VACCEL_ARG_* mapping is checked independently. */

#include "../core/vaccel_test.h"
#include "generic_get.h"

#include <cstring>

namespace
{

#define TYPED_TRAITS(S, T, SCALAR, ARRAY)                                      \
	struct S##_traits {                                                    \
		using Type = T;                                                \
		static constexpr vaccel_arg_type_t kScalar = SCALAR;           \
		static constexpr vaccel_arg_type_t kArray = ARRAY;             \
		static int Add(vaccel_arg_array *a, T *v)                      \
		{                                                              \
			return vaccel_arg_array_add_##S(a, v);                 \
		}                                                              \
		static int Get(vaccel_arg_array *a, T **v)                     \
		{                                                              \
			return vaccel_arg_array_get_##S(a, v);                 \
		}                                                              \
		static int GetValue(vaccel_arg_array *a, T *v)                 \
		{                                                              \
			return vaccel_arg_array_get_##S##_value(a, v);         \
		}                                                              \
		/* vAccel's spelling: get_T with a T * (C++ overload). */      \
		static int GetCopy(vaccel_arg_array *a, T *v)                  \
		{                                                              \
			return vaccel_arg_array_get_##S(a, v);                 \
		}                                                              \
		static int Set(vaccel_arg_array *a, T *v)                      \
		{                                                              \
			return vaccel_arg_array_set_##S(a, v);                 \
		}                                                              \
		static int AddArray(vaccel_arg_array *a, T *v, size_t n)       \
		{                                                              \
			return vaccel_arg_array_add_##S##_array(a, v, n);      \
		}                                                              \
		static int GetArray(vaccel_arg_array *a, T **v, size_t *n)     \
		{                                                              \
			return vaccel_arg_array_get_##S##_array(a, v, n);      \
		}                                                              \
		static int SetArray(vaccel_arg_array *a, T *v, size_t n)       \
		{                                                              \
			return vaccel_arg_array_set_##S##_array(a, v, n);      \
		}                                                              \
	};

TYPED_TRAITS(int8, int8_t, VACCEL_ARG_INT8, VACCEL_ARG_INT8_ARRAY)
TYPED_TRAITS(int16, int16_t, VACCEL_ARG_INT16, VACCEL_ARG_INT16_ARRAY)
TYPED_TRAITS(int32, int32_t, VACCEL_ARG_INT32, VACCEL_ARG_INT32_ARRAY)
TYPED_TRAITS(int64, int64_t, VACCEL_ARG_INT64, VACCEL_ARG_INT64_ARRAY)
TYPED_TRAITS(uint8, uint8_t, VACCEL_ARG_UINT8, VACCEL_ARG_UINT8_ARRAY)
TYPED_TRAITS(uint16, uint16_t, VACCEL_ARG_UINT16, VACCEL_ARG_UINT16_ARRAY)
TYPED_TRAITS(uint32, uint32_t, VACCEL_ARG_UINT32, VACCEL_ARG_UINT32_ARRAY)
TYPED_TRAITS(uint64, uint64_t, VACCEL_ARG_UINT64, VACCEL_ARG_UINT64_ARRAY)
TYPED_TRAITS(float, float, VACCEL_ARG_FLOAT32, VACCEL_ARG_FLOAT32_ARRAY)
TYPED_TRAITS(double, double, VACCEL_ARG_FLOAT64, VACCEL_ARG_FLOAT64_ARRAY)
TYPED_TRAITS(bool, bool, VACCEL_ARG_BOOL, VACCEL_ARG_BOOL_ARRAY)
TYPED_TRAITS(char, char, VACCEL_ARG_CHAR, VACCEL_ARG_CHAR_ARRAY)
TYPED_TRAITS(uchar, unsigned char, VACCEL_ARG_UCHAR, VACCEL_ARG_UCHAR_ARRAY)

/* Distinct sample values of each type. */
template <typename T> T Sample(int i)
{
	return static_cast<T>(i * 7 + 1);
}
template <> bool Sample<bool>(int i)
{
	return i % 2 == 0;
}
template <> float Sample<float>(int i)
{
	return 0.5f + (float)i;
}
template <> double Sample<double>(int i)
{
	return -1.25 * i;
}
template <> char Sample<char>(int i)
{
	return (char)('a' + i);
}

template <typename Traits> class ArgArrayTypedTest : public VaccelTest
{
      protected:
	using T = typename Traits::Type;
	struct vaccel_arg_array a;

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(vaccel_arg_array_init(&a, 1), VACCEL_OK);
	}

	void TearDown() override
	{
		EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
		VaccelTest::TearDown();
	}
};

using AllTypes =
    ::testing::Types<int8_traits, int16_traits, int32_traits, int64_traits,
		     uint8_traits, uint16_traits, uint32_traits, uint64_traits,
		     float_traits, double_traits, bool_traits, char_traits,
		     uchar_traits>;
TYPED_TEST_SUITE(ArgArrayTypedTest, AllTypes);

TYPED_TEST(ArgArrayTypedTest, ScalarRoundTrip)
{
	using T = typename TypeParam::Type;
	auto *a = &this->a;
	T v = Sample<T>(1);

	ASSERT_EQ(TypeParam::Add(a, &v), VACCEL_OK);
	EXPECT_EQ(a->args[0].type, TypeParam::kScalar);
	EXPECT_EQ(a->args[0].size, sizeof(T));
	EXPECT_EQ(a->args[0].buf, &v); /* add_T does not copy */
	EXPECT_FALSE(a->args[0].owned);

	T *p = nullptr;
	ASSERT_EQ(TypeParam::Get(a, &p), VACCEL_OK);
	EXPECT_EQ(p, &v);
	EXPECT_EQ(vaccel_arg_array_position(a), 1u);
	EXPECT_EQ(TypeParam::Get(a, &p), VACCEL_ERANGE);

	vaccel_arg_array_reset_position(a);
	T copy = Sample<T>(2);
	ASSERT_EQ(TypeParam::GetValue(a, &copy), VACCEL_OK);
	EXPECT_EQ(copy, Sample<T>(1));
	vaccel_arg_array_reset_position(a);
	copy = Sample<T>(2);
	ASSERT_EQ(TypeParam::GetCopy(a, &copy), VACCEL_OK);
	EXPECT_EQ(copy, Sample<T>(1));

	/* set_T writes into the arg at the position: the caller's v. */
	vaccel_arg_array_reset_position(a);
	T w = Sample<T>(2);
	ASSERT_EQ(TypeParam::Set(a, &w), VACCEL_OK);
	EXPECT_EQ(v, Sample<T>(2));
	EXPECT_EQ(vaccel_arg_array_position(a), 1u);
	EXPECT_EQ(TypeParam::Set(a, &w), VACCEL_ERANGE);
}

TYPED_TEST(ArgArrayTypedTest, ArrayRoundTrip)
{
	using T = typename TypeParam::Type;
	auto *a = &this->a;
	T values[3] = {Sample<T>(0), Sample<T>(1), Sample<T>(2)};

	ASSERT_EQ(TypeParam::AddArray(a, values, 3), VACCEL_OK);
	EXPECT_EQ(a->args[0].type, TypeParam::kArray);
	EXPECT_EQ(a->args[0].size, 3 * sizeof(T));

	T *got = nullptr;
	size_t n = 0;
	ASSERT_EQ(TypeParam::GetArray(a, &got, &n), VACCEL_OK);
	EXPECT_EQ(got, values);
	EXPECT_EQ(n, 3u);
	/* The count is optional. */
	vaccel_arg_array_reset_position(a);
	ASSERT_EQ(TypeParam::GetArray(a, &got, nullptr), VACCEL_OK);

	/* set_T_array copies up to the arg's length. */
	vaccel_arg_array_reset_position(a);
	T two[2] = {Sample<T>(3), Sample<T>(4)};
	ASSERT_EQ(TypeParam::SetArray(a, two, 2), VACCEL_OK);
	EXPECT_EQ(values[0], Sample<T>(3));
	EXPECT_EQ(values[1], Sample<T>(4));
	EXPECT_EQ(values[2], Sample<T>(2));

	vaccel_arg_array_reset_position(a);
	T four[4] = {Sample<T>(5), Sample<T>(5), Sample<T>(5), Sample<T>(5)};
	EXPECT_EQ(TypeParam::SetArray(a, four, 4), VACCEL_EINVAL);
	EXPECT_EQ(values[0], Sample<T>(3));
	EXPECT_EQ(vaccel_arg_array_position(a), 0u);
}

TYPED_TEST(ArgArrayTypedTest, ScalarAndArrayDoNotMix)
{
	using T = typename TypeParam::Type;
	auto *a = &this->a;
	T v = Sample<T>(0);
	T arr[2] = {Sample<T>(0), Sample<T>(1)};

	ASSERT_EQ(TypeParam::Add(a, &v), VACCEL_OK);
	ASSERT_EQ(TypeParam::AddArray(a, arr, 2), VACCEL_OK);

	T *p;
	size_t n;
	EXPECT_EQ(TypeParam::GetArray(a, &p, &n), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::SetArray(a, arr, 1), VACCEL_EINVAL);
	ASSERT_EQ(TypeParam::Get(a, &p), VACCEL_OK);
	EXPECT_EQ(TypeParam::Get(a, &p), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::Set(a, &v), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_position(a), 1u);
}

TYPED_TEST(ArgArrayTypedTest, WrongSizeIsRefused)
{
	using T = typename TypeParam::Type;
	T v[2] = {Sample<T>(0), Sample<T>(1)};
	/* A scalar arg whose size is not sizeof(T). */
	struct vaccel_arg args[2] = {
	    {v, 2 * sizeof(T), TypeParam::kScalar, 0, false},
	    {v, 0, TypeParam::kArray, 0, false},
	};
	struct vaccel_arg_array w;
	T *p;
	size_t n;

	ASSERT_EQ(vaccel_arg_array_wrap(&w, args, 2), VACCEL_OK);
	EXPECT_EQ(TypeParam::Get(&w, &p), VACCEL_EINVAL);
	vaccel_arg_array_set_position(&w, 1);
	EXPECT_EQ(TypeParam::GetArray(&w, &p, &n), VACCEL_EINVAL);
}

TYPED_TEST(ArgArrayTypedTest, BadArguments)
{
	using T = typename TypeParam::Type;
	auto *a = &this->a;
	T v = Sample<T>(0);
	T *p;
	size_t n;

	EXPECT_EQ(TypeParam::Add(nullptr, &v), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::Add(a, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::AddArray(a, &v, 0), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::AddArray(a, nullptr, 1), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::AddArray(nullptr, &v, 1), VACCEL_EINVAL);
	/* A count whose byte size overflows. */
	if (sizeof(T) > 1) {
		EXPECT_EQ(TypeParam::AddArray(a, &v, SIZE_MAX), VACCEL_EINVAL);
	}
	EXPECT_EQ(a->count, 0u);

	ASSERT_EQ(TypeParam::Add(a, &v), VACCEL_OK);
	EXPECT_EQ(TypeParam::Get(nullptr, &p), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::Get(a, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::GetValue(a, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::Set(a, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::GetArray(a, nullptr, &n), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::SetArray(a, nullptr, 1), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_position(a), 0u);
}

class ArgArrayTypedMiscTest : public VaccelTest
{
};

/* A bool byte other than 0 or 1 is not a bool value. */
TEST_F(ArgArrayTypedMiscTest, BoolBytesMustBeZeroOrOne)
{
	unsigned char raw[2] = {1, 2};
	struct vaccel_arg_array a;
	bool *p;
	bool good = true;

	ASSERT_EQ(vaccel_arg_array_init(&a, 0), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_add_bool(&a, (bool *)(raw + 1)),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_add_bool_array(&a, (bool *)raw, 2),
		  VACCEL_EINVAL);
	ASSERT_EQ(vaccel_arg_array_add_bool(&a, &good), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_set_bool(&a, (bool *)(raw + 1)),
		  VACCEL_EINVAL);
	EXPECT_TRUE(good);
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);

	struct vaccel_arg bad = {raw + 1, 1, VACCEL_ARG_BOOL, 0, false};
	ASSERT_EQ(vaccel_arg_array_wrap(&a, &bad, 1), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_get_bool(&a, &p), VACCEL_EINVAL);
	EXPECT_LOG_HAS("is not a valid VACCEL_ARG_BOOL");
}

/* C++ callers may pass nullptr to get_T despite the T * overload. */
TEST_F(ArgArrayTypedMiscTest, NullptrPicksTheSpecForm)
{
	struct vaccel_arg_array a;
	int32_t v = 1;

	ASSERT_EQ(vaccel_arg_array_init(&a, 0), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_int32(&a, &v), VACCEL_OK);
	EXPECT_EQ(vaccel_arg_array_get_int32(&a, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
}

/* The same calls compiled as C11 (generic_get.c). */
TEST_F(ArgArrayTypedMiscTest, CDispatchOnTheArgument)
{
	struct vaccel_arg_array a;
	int32_t i = -17;
	double d = 6.25;
	bool b = true;
	unsigned char uc = 200;

	ASSERT_EQ(vaccel_arg_array_init(&a, 0), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_int32(&a, &i), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_double(&a, &d), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_bool(&a, &b), VACCEL_OK);
	ASSERT_EQ(vaccel_arg_array_add_uchar(&a, &uc), VACCEL_OK);

	int32_t icopy = 0;
	ASSERT_EQ(c_get_int32_copy(&a, &icopy), VACCEL_OK);
	EXPECT_EQ(icopy, -17);
	vaccel_arg_array_reset_position(&a);
	int32_t *ip = nullptr;
	ASSERT_EQ(c_get_int32_ptr(&a, &ip), VACCEL_OK);
	EXPECT_EQ(ip, &i);
	vaccel_arg_array_reset_position(&a);
	EXPECT_EQ(c_get_int32_null(&a), VACCEL_EINVAL);
	ip = nullptr;
	ASSERT_EQ(c_get_int32_by_address(&a, &ip), VACCEL_OK);
	EXPECT_EQ(ip, &i);

	double dcopy = 0;
	ASSERT_EQ(c_get_double_copy(&a, &dcopy), VACCEL_OK);
	EXPECT_EQ(dcopy, 6.25);
	bool bcopy = false;
	ASSERT_EQ(c_get_bool_copy(&a, &bcopy), VACCEL_OK);
	EXPECT_TRUE(bcopy);
	unsigned char *ucp = nullptr;
	ASSERT_EQ(c_get_uchar_ptr(&a, &ucp), VACCEL_OK);
	EXPECT_EQ(ucp, &uc);
	EXPECT_EQ(vaccel_arg_array_release(&a), VACCEL_OK);
}

} // namespace

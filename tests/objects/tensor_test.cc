/* The torch, tf and tflite tensor families: one typed test over the three,
 * plus each family's data type sizes. */

#include "../core/vaccel_test.h"

#include <cstring>

extern "C" const struct vaccel_host_api *vaccel_host_api_table(void);

namespace
{

#define TENSOR_TRAITS(P, NR_T, DIM_T, DTYPE, VALID, INVALID)                   \
	struct P##_traits {                                                    \
		using Tensor = struct vaccel_##P##_tensor;                     \
		using Nr = NR_T;                                               \
		using Dim = DIM_T;                                             \
		using Type = enum DTYPE;                                       \
		static constexpr const char *kName = #P;                       \
		static constexpr Type kValid = VALID;                          \
		static constexpr int kInvalid = INVALID;                       \
		static int Init(Tensor *t, Nr n, const Dim *d, Type ty)        \
		{                                                              \
			return vaccel_##P##_tensor_init(t, n, d, ty);          \
		}                                                              \
		static int Release(Tensor *t)                                  \
		{                                                              \
			return vaccel_##P##_tensor_release(t);                 \
		}                                                              \
		static int New(Tensor **t, Nr n, const Dim *d, Type ty)        \
		{                                                              \
			return vaccel_##P##_tensor_new(t, n, d, ty);           \
		}                                                              \
		static int Allocate(Tensor **t, Nr n, const Dim *d, Type ty,   \
				    size_t size)                               \
		{                                                              \
			return vaccel_##P##_tensor_allocate(t, n, d, ty,       \
							    size);             \
		}                                                              \
		/* What a backend allocates its outputs with. */               \
		static int HostAllocate(Tensor **t, Nr n, const Dim *d,        \
					Type ty, size_t size)                  \
		{                                                              \
			return vaccel_host_api_table()->P##_tensor_allocate(   \
			    t, n, d, ty, size);                                \
		}                                                              \
		static int Delete(Tensor *t)                                   \
		{                                                              \
			return vaccel_##P##_tensor_delete(t);                  \
		}                                                              \
		static int SetData(Tensor *t, void *data, size_t size)         \
		{                                                              \
			return vaccel_##P##_tensor_set_data(t, data, size);    \
		}                                                              \
		static int TakeData(Tensor *t, void **data, size_t *size)      \
		{                                                              \
			return vaccel_##P##_tensor_take_data(t, data, size);   \
		}                                                              \
	};

TENSOR_TRAITS(torch, int64_t, int64_t, vaccel_torch_data_type,
	      VACCEL_TORCH_FLOAT, 0)
TENSOR_TRAITS(tf, int, int64_t, vaccel_tf_data_type, VACCEL_TF_FLOAT, 99)
TENSOR_TRAITS(tflite, int, int32_t, vaccel_tflite_data_type,
	      VACCEL_TFLITE_FLOAT32, 42)

template <typename Traits> class TensorTest : public VaccelTest
{
};

/* EXPECT_LOG_HAS for typed tests, where the fixture needs `this->`. */
#define EXPECT_TYPED_LOG_HAS(text)                                             \
	EXPECT_NE(this->Log().find(text), std::string::npos)                   \
	    << "log lacks \"" << (text) << "\"; log:\n"                        \
	    << this->Log()

using AllTensors = ::testing::Types<torch_traits, tf_traits, tflite_traits>;
TYPED_TEST_SUITE(TensorTest, AllTensors);

TYPED_TEST(TensorTest, InitCopiesDims)
{
	typename TypeParam::Tensor t;
	typename TypeParam::Dim dims[] = {2, 3, 4};

	ASSERT_EQ(TypeParam::Init(&t, 3, dims, TypeParam::kValid), VACCEL_OK);
	EXPECT_EQ(t.nr_dims, 3);
	ASSERT_NE(t.dims, nullptr);
	EXPECT_NE(t.dims, dims);
	dims[1] = 100;
	EXPECT_EQ(t.dims[0], 2);
	EXPECT_EQ(t.dims[1], 3);
	EXPECT_EQ(t.dims[2], 4);
	EXPECT_EQ(t.data, nullptr);
	EXPECT_EQ(t.size, 0u);
	EXPECT_FALSE(t.owned);
	EXPECT_EQ(t.data_type, TypeParam::kValid);

	EXPECT_EQ(TypeParam::Release(&t), VACCEL_OK);
	EXPECT_EQ(t.dims, nullptr);
	EXPECT_EQ(t.nr_dims, 0);
}

/* As in vAccel, an application's tensor has at least one dim. */
TYPED_TEST(TensorTest, ZeroDimsAreRefused)
{
	typename TypeParam::Tensor t;
	typename TypeParam::Tensor *p = nullptr;
	typename TypeParam::Dim dims[] = {1};

	EXPECT_EQ(TypeParam::Init(&t, 0, nullptr, TypeParam::kValid),
		  VACCEL_EINVAL);
	EXPECT_TYPED_LOG_HAS(std::string(TypeParam::kName) +
			     " tensor: invalid nr_dims 0 (at least 1)");
	EXPECT_EQ(TypeParam::Init(&t, 0, dims, TypeParam::kValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::New(&p, 0, nullptr, TypeParam::kValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(p, nullptr);
	EXPECT_EQ(TypeParam::Allocate(&p, 0, nullptr, TypeParam::kValid, 4),
		  VACCEL_EINVAL);
	EXPECT_EQ(p, nullptr);
}

/* A backend's output may be 0-dim: a model that returns a number. */
TYPED_TEST(TensorTest, BackendOutputMayHaveZeroDims)
{
	typename TypeParam::Tensor *p = nullptr;

	ASSERT_EQ(TypeParam::HostAllocate(&p, 0, nullptr, TypeParam::kValid, 4),
		  VACCEL_OK);
	ASSERT_NE(p, nullptr);
	EXPECT_EQ(p->nr_dims, 0);
	EXPECT_EQ(p->dims, nullptr);
	EXPECT_EQ(p->size, 4u);
	EXPECT_EQ(TypeParam::Delete(p), VACCEL_OK);
	EXPECT_EQ(
	    TypeParam::HostAllocate(&p, -1, nullptr, TypeParam::kValid, 4),
	    VACCEL_EINVAL);
}

TYPED_TEST(TensorTest, BadInputIsRefusedAndLogged)
{
	typename TypeParam::Tensor t;
	typename TypeParam::Tensor *p = nullptr;
	typename TypeParam::Dim dims[] = {1};
	auto bad = static_cast<typename TypeParam::Type>(TypeParam::kInvalid);

	EXPECT_EQ(TypeParam::Init(nullptr, 1, dims, TypeParam::kValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::Init(&t, -1, dims, TypeParam::kValid),
		  VACCEL_EINVAL);
	EXPECT_TYPED_LOG_HAS(std::string(TypeParam::kName) +
			     " tensor: invalid nr_dims -1");
	EXPECT_EQ(TypeParam::Init(&t, 2, nullptr, TypeParam::kValid),
		  VACCEL_EINVAL);
	EXPECT_TYPED_LOG_HAS("dims is NULL with nr_dims 2");
	EXPECT_EQ(TypeParam::Init(&t, 1, dims, bad), VACCEL_EINVAL);
	EXPECT_TYPED_LOG_HAS("invalid data type " +
			     std::to_string(TypeParam::kInvalid));
	EXPECT_EQ(TypeParam::New(&p, 1, dims, bad), VACCEL_EINVAL);
	EXPECT_EQ(p, nullptr);
	EXPECT_EQ(TypeParam::New(nullptr, 1, dims, TypeParam::kValid),
		  VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::Allocate(&p, -3, dims, TypeParam::kValid, 8),
		  VACCEL_EINVAL);
	EXPECT_EQ(p, nullptr);
	EXPECT_EQ(TypeParam::Allocate(nullptr, 1, dims, TypeParam::kValid, 8),
		  VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::Release(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::Delete(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::SetData(nullptr, dims, 1), VACCEL_EINVAL);
	void *data;
	size_t size;
	EXPECT_EQ(TypeParam::TakeData(nullptr, &data, &size), VACCEL_EINVAL);
}

TYPED_TEST(TensorTest, AllocateOwnsZeroedData)
{
	typename TypeParam::Tensor *t = nullptr;
	typename TypeParam::Dim dims[] = {2, 2};

	ASSERT_EQ(TypeParam::Allocate(&t, 2, dims, TypeParam::kValid,
				      4 * sizeof(float)),
		  VACCEL_OK);
	ASSERT_NE(t, nullptr);
	ASSERT_NE(t->data, nullptr);
	EXPECT_TRUE(t->owned);
	EXPECT_EQ(t->size, 4 * sizeof(float));
	const float zero[4] = {};
	EXPECT_EQ(memcmp(t->data, zero, sizeof(zero)), 0);
	/* Real data, freed by delete (ASan checks for a leak). */
	float *f = static_cast<float *>(t->data);
	f[3] = 1.5f;
	EXPECT_EQ(TypeParam::Delete(t), VACCEL_OK);

	/* total_size 0: a tensor with no data yet. */
	ASSERT_EQ(TypeParam::Allocate(&t, 2, dims, TypeParam::kValid, 0),
		  VACCEL_OK);
	EXPECT_EQ(t->data, nullptr);
	EXPECT_FALSE(t->owned);
	EXPECT_EQ(TypeParam::Delete(t), VACCEL_OK);
}

TYPED_TEST(TensorTest, SetDataWrapsAndFreesOwnedData)
{
	typename TypeParam::Tensor *t = nullptr;
	typename TypeParam::Dim dims[] = {3};
	float mine[3] = {1, 2, 3};

	ASSERT_EQ(TypeParam::Allocate(&t, 1, dims, TypeParam::kValid, 12),
		  VACCEL_OK);
	/* The owned allocation is freed (ASan would report the leak). */
	ASSERT_EQ(TypeParam::SetData(t, mine, sizeof(mine)), VACCEL_OK);
	EXPECT_EQ(t->data, mine);
	EXPECT_EQ(t->size, sizeof(mine));
	EXPECT_FALSE(t->owned);
	EXPECT_EQ(TypeParam::SetData(t, nullptr, 4), VACCEL_EINVAL);
	EXPECT_TYPED_LOG_HAS("NULL data with size 4");
	/* Delete leaves the caller's data alone. */
	EXPECT_EQ(TypeParam::Delete(t), VACCEL_OK);
	EXPECT_EQ(mine[2], 3.0f);
}

TYPED_TEST(TensorTest, TakeDataHandsOverOwnership)
{
	typename TypeParam::Tensor *t = nullptr;
	typename TypeParam::Dim dims[] = {1, 2};
	void *data = nullptr;
	size_t size = 0;

	ASSERT_EQ(TypeParam::Allocate(&t, 2, dims, TypeParam::kValid, 8),
		  VACCEL_OK);
	void *was = t->data;
	ASSERT_EQ(TypeParam::TakeData(t, &data, &size), VACCEL_OK);
	EXPECT_EQ(data, was);
	EXPECT_EQ(size, 8u);
	EXPECT_EQ(t->data, nullptr);
	EXPECT_EQ(t->size, 0u);
	EXPECT_FALSE(t->owned);
	EXPECT_EQ(TypeParam::TakeData(t, nullptr, &size), VACCEL_EINVAL);
	EXPECT_EQ(TypeParam::TakeData(t, &data, nullptr), VACCEL_EINVAL);
	/* Deleting the tensor does not free what was taken... */
	EXPECT_EQ(TypeParam::Delete(t), VACCEL_OK);
	memset(data, 0xab, size);
	/* ...the caller does. */
	free(data);
}

TYPED_TEST(TensorTest, NewThenSetRealData)
{
	typename TypeParam::Tensor *t = nullptr;
	typename TypeParam::Dim dims[] = {1, 3};
	float pixels[3] = {0.25f, 0.5f, 0.75f};

	ASSERT_EQ(TypeParam::New(&t, 2, dims, TypeParam::kValid), VACCEL_OK);
	ASSERT_EQ(TypeParam::SetData(t, pixels, sizeof(pixels)), VACCEL_OK);
	EXPECT_EQ(static_cast<float *>(t->data)[1], 0.5f);
	EXPECT_EQ(t->dims[1], 3);
	EXPECT_EQ(TypeParam::Delete(t), VACCEL_OK);
}

TEST(DataTypeSize, Torch)
{
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_BYTE), 1u);
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_CHAR), 1u);
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_SHORT), 2u);
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_INT), 4u);
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_LONG), 8u);
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_HALF), 2u);
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_FLOAT), 4u);
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_DOUBLE), 8u);
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_BOOL), 1u);
	EXPECT_EQ(vaccel_torch_data_type_size(VACCEL_TORCH_BFLOAT16), 2u);
	EXPECT_EQ(vaccel_torch_data_type_size((vaccel_torch_data_type)0), 0u);
	EXPECT_EQ(vaccel_torch_data_type_size((vaccel_torch_data_type)50), 0u);
}

TEST(DataTypeSize, Tf)
{
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_FLOAT), 4u);
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_DOUBLE), 8u);
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_INT8), 1u);
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_INT64), 8u);
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_BOOL), 1u);
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_COMPLEX128), 16u);
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_BFLOAT16), 2u);
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_UINT64), 8u);
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_STRING), 0u);
	EXPECT_EQ(vaccel_tf_data_type_size(VACCEL_TF_RESOURCE), 0u);
	EXPECT_EQ(vaccel_tf_data_type_size((vaccel_tf_data_type)0), 0u);
	EXPECT_EQ(vaccel_tf_data_type_size((vaccel_tf_data_type)24), 0u);
}

TEST(DataTypeSize, Tflite)
{
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_FLOAT32), 4u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_INT32), 4u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_UINT8), 1u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_INT64), 8u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_FLOAT16), 2u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_FLOAT64), 8u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_COMPLEX128), 16u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_UINT16), 2u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_NOTYPE), 0u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_STRING), 0u);
	EXPECT_EQ(vaccel_tflite_data_type_size(VACCEL_TFLITE_INT4), 0u);
	EXPECT_EQ(vaccel_tflite_data_type_size((vaccel_tflite_data_type)19),
		  0u);
}

/* Every dtype the enums list is accepted by its tensor init. */
TEST(DataTypeSize, EveryEnumValueIsATensorType)
{
	int64_t d64[] = {1};
	int32_t d32[] = {1};
	for (int v = VACCEL_TORCH_BYTE; v <= VACCEL_TORCH_BFLOAT16; v++) {
		struct vaccel_torch_tensor t;
		ASSERT_EQ(vaccel_torch_tensor_init(&t, 1, d64,
						   (vaccel_torch_data_type)v),
			  VACCEL_OK);
		vaccel_torch_tensor_release(&t);
	}
	for (int v = VACCEL_TF_FLOAT; v <= VACCEL_TF_UINT64; v++) {
		struct vaccel_tf_tensor t;
		ASSERT_EQ(
		    vaccel_tf_tensor_init(&t, 1, d64, (vaccel_tf_data_type)v),
		    VACCEL_OK);
		vaccel_tf_tensor_release(&t);
	}
	for (int v = VACCEL_TFLITE_NOTYPE; v <= VACCEL_TFLITE_INT4; v++) {
		struct vaccel_tflite_tensor t;
		ASSERT_EQ(vaccel_tflite_tensor_init(&t, 1, d32,
						    (vaccel_tflite_data_type)v),
			  VACCEL_OK);
		vaccel_tflite_tensor_release(&t);
	}
}

} // namespace

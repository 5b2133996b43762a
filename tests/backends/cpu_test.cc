#include "tests/core/vaccel_test.h"

#include <cmath>
#include <random>
#include <vector>

#define CPU_PLUGIN "c/plugins/cpu/libvaccel-cpu.so"

/* The cpu plugin's ops against references computed here (docs/cpu.md). */
class CpuTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;
	std::mt19937 rng{42};

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(LoadBackend(CPU_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}

	std::vector<float> Random(size_t n)
	{
		std::uniform_real_distribution<float> d(-4, 4);
		std::vector<float> v(n);
		for (auto &x : v)
			x = d(rng);
		return v;
	}
};

TEST_F(CpuTest, MinmaxClampsAndReportsInputRange)
{
	std::uniform_real_distribution<double> d(-100, 100);
	std::vector<double> in(1000), out(1000, -7);
	for (auto &x : in)
		x = d(rng);
	double min = 0, max = 0;
	ASSERT_EQ(vaccel_minmax(&sess, in.data(), (int)in.size(), -20, 30,
				out.data(), &min, &max),
		  VACCEL_OK);
	double lo = in[0], hi = in[0];
	for (size_t i = 0; i < in.size(); i++) {
		lo = std::min(lo, in[i]);
		hi = std::max(hi, in[i]);
		EXPECT_EQ(out[i], std::min(30.0, std::max(-20.0, in[i])))
		    << "at " << i;
	}
	EXPECT_EQ(min, lo);
	EXPECT_EQ(max, hi);
	EXPECT_LT(min, -20); /* the input's range, not the clamped one */
	EXPECT_GT(max, 30);
}

TEST_F(CpuTest, MinmaxFixedValuesAndInPlace)
{
	double data[] = {4, -1, 9, 2.5};
	double min = 0, max = 0;
	ASSERT_EQ(vaccel_minmax(&sess, data, 4, 0, 5, data, &min, &max),
		  VACCEL_OK);
	EXPECT_EQ(min, -1);
	EXPECT_EQ(max, 9);
	EXPECT_EQ(data[0], 4);
	EXPECT_EQ(data[1], 0);
	EXPECT_EQ(data[2], 5);
	EXPECT_EQ(data[3], 2.5);
}

TEST_F(CpuTest, MinmaxRefusesNoDataAndInvertedThresholds)
{
	double in[2] = {1, 2}, out[2], min, max;
	EXPECT_EQ(vaccel_minmax(&sess, in, 0, 0, 1, out, &min, &max),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("minmax: ndata is 0");
	EXPECT_EQ(vaccel_minmax(&sess, in, 2, 5, 1, out, &min, &max),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("low_threshold 5 is above high_threshold 1");
}

TEST_F(CpuTest, Arraycopy)
{
	int a[] = {1, -2, 3, 2147483647, -2147483647 - 1}, out[5] = {0};
	ASSERT_EQ(vaccel_fpga_arraycopy(&sess, a, out, 5), VACCEL_OK);
	for (int i = 0; i < 5; i++)
		EXPECT_EQ(out[i], a[i]);
	EXPECT_EQ(vaccel_fpga_arraycopy(&sess, a, out, 0), VACCEL_OK);
}

/* Row-major reference product of two side x side matrices. */
static std::vector<float> MatMul(const std::vector<float> &a,
				 const std::vector<float> &b, size_t side)
{
	std::vector<float> c(side * side);
	for (size_t i = 0; i < side; i++)
		for (size_t j = 0; j < side; j++) {
			double s = 0;
			for (size_t k = 0; k < side; k++)
				s += (double)a[i * side + k] * b[k * side + j];
			c[i * side + j] = (float)s;
		}
	return c;
}

TEST_F(CpuTest, MmultMatchesReference)
{
	for (size_t side : {1, 2, 3, 8, 17}) {
		auto a = Random(side * side), b = Random(side * side);
		std::vector<float> c(side * side, NAN);
		ASSERT_EQ(vaccel_fpga_mmult(&sess, a.data(), b.data(), c.data(),
					    c.size()),
			  VACCEL_OK);
		auto want = MatMul(a, b, side);
		for (size_t i = 0; i < c.size(); i++)
			EXPECT_NEAR(c[i], want[i], 1e-4 * side)
			    << "side " << side << " at " << i;
	}
}

TEST_F(CpuTest, MmultIsRowMajor)
{
	/* [1 2; 3 4] x [5 6; 7 8] = [19 22; 43 50], rows first. */
	float a[] = {1, 2, 3, 4}, b[] = {5, 6, 7, 8}, c[4];
	ASSERT_EQ(vaccel_fpga_mmult(&sess, a, b, c, 4), VACCEL_OK);
	EXPECT_EQ(c[0], 19);
	EXPECT_EQ(c[1], 22);
	EXPECT_EQ(c[2], 43);
	EXPECT_EQ(c[3], 50);
	/* The output may be one of the inputs. */
	ASSERT_EQ(vaccel_fpga_mmult(&sess, a, b, a, 4), VACCEL_OK);
	EXPECT_EQ(a[0], 19);
	EXPECT_EQ(a[3], 50);
}

TEST_F(CpuTest, MmultRefusesNonSquare)
{
	float a[8] = {0}, c[8];
	for (size_t len : {2, 3, 5, 8}) {
		EXPECT_EQ(vaccel_fpga_mmult(&sess, a, a, c, len), VACCEL_EINVAL)
		    << len;
	}
	EXPECT_LOG_HAS("fpga_mmult: len_a 5 is not the size of a square");
	EXPECT_EQ(vaccel_fpga_mmult(&sess, a, a, c, 0), VACCEL_OK);
}

TEST_F(CpuTest, Parallel)
{
	auto a = Random(100), b = Random(100);
	std::vector<float> add(100), mul(100);
	ASSERT_EQ(vaccel_fpga_parallel(&sess, a.data(), b.data(), add.data(),
				       mul.data(), 100),
		  VACCEL_OK);
	for (size_t i = 0; i < 100; i++) {
		EXPECT_EQ(add[i], a[i] + b[i]);
		EXPECT_EQ(mul[i], a[i] * b[i]);
	}
}

TEST_F(CpuTest, Vectoradd)
{
	float a[] = {1, 2, 3, 4, 5}, b[] = {1, 2, 6, 4, 5, 100}, c[5];
	ASSERT_EQ(vaccel_fpga_vadd(&sess, a, b, c, 5, 5), VACCEL_OK);
	float want[] = {2, 4, 9, 8, 10};
	for (int i = 0; i < 5; i++)
		EXPECT_EQ(c[i], want[i]);
	/* A longer b: its extra elements are not used. */
	float c2[5] = {0};
	ASSERT_EQ(vaccel_fpga_vadd(&sess, a, b, c2, 5, 6), VACCEL_OK);
	for (int i = 0; i < 5; i++)
		EXPECT_EQ(c2[i], want[i]);
}

TEST_F(CpuTest, VectoraddRefusesShorterB)
{
	float a[3] = {1, 2, 3}, b[2] = {1, 2}, c[3] = {7, 7, 7};
	EXPECT_EQ(vaccel_fpga_vadd(&sess, a, b, c, 3, 2), VACCEL_EINVAL);
	EXPECT_LOG_HAS("fpga_vectoradd: len_b 2 is less than len_a 3");
	EXPECT_EQ(c[0], 7);
}

TEST_F(CpuTest, ServedByCpuNotNoop)
{
	/* With noop loaded too, cpu (priority 0) serves first. */
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	float a[] = {1, 2}, b[] = {3, 4}, add[2], mul[2];
	ASSERT_EQ(vaccel_fpga_parallel(&sess, a, b, add, mul, 2), VACCEL_OK);
	EXPECT_EQ(add[1], 6);
	EXPECT_EQ(mul[1], 8);
}

TEST_F(CpuTest, ThroughGenop)
{
	vaccel_op_type_t op = VACCEL_OP_FPGA_VECTORADD;
	float a[] = {1, 2, 3}, b[] = {10, 20, 30}, c[3] = {0};
	struct vaccel_arg read[] = {{&op, sizeof(op), VACCEL_ARG_RAW, 0, false},
				    {a, sizeof(a), VACCEL_ARG_RAW, 0, false},
				    {b, sizeof(b), VACCEL_ARG_RAW, 0, false}};
	struct vaccel_arg write[] = {{c, sizeof(c), VACCEL_ARG_RAW, 0, false}};
	ASSERT_EQ(vaccel_genop(&sess, read, 3, write, 1), VACCEL_OK);
	EXPECT_EQ(c[0], 11);
	EXPECT_EQ(c[2], 33);
}

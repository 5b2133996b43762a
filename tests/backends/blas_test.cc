#include "tests/core/vaccel_test.h"

#include <cmath>
#include <random>
#include <vector>

#define BLAS_PLUGIN "c/plugins/blas/libvaccel-blas.so"

/* sgemm of the blas plugin (OpenBLAS) against a naive column-major
 * reference (docs/blas.md). */
class BlasTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;
	std::mt19937 rng{7};

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(LoadBackend(BLAS_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}

	std::vector<float> Random(size_t n)
	{
		std::uniform_real_distribution<float> d(-2, 2);
		std::vector<float> v(n);
		for (auto &x : v)
			x = d(rng);
		return v;
	}

	/* Runs sgemm on random matrices of the shape, with padding rows
	 * (ld - rows) holding a sentinel, and checks every element of C:
	 * the m x n block against the reference, the padding untouched. */
	void Check(int64_t m, int64_t n, int64_t k, float alpha, float beta,
		   int64_t pad_a = 0, int64_t pad_b = 0, int64_t pad_c = 0)
	{
		SCOPED_TRACE(testing::Message()
			     << "m=" << m << " n=" << n << " k=" << k
			     << " alpha=" << alpha << " beta=" << beta
			     << " pads " << pad_a << "," << pad_b << ","
			     << pad_c);
		const float sentinel = 777.25f;
		int64_t lda = std::max<int64_t>(1, m) + pad_a;
		int64_t ldb = std::max<int64_t>(1, k) + pad_b;
		int64_t ldc = std::max<int64_t>(1, m) + pad_c;
		auto a = Random(lda * k), b = Random(ldb * n),
		     c = Random(ldc * n);
		for (int64_t j = 0; j < n; j++)
			for (int64_t i = m; i < ldc; i++)
				c[i + j * ldc] = sentinel;
		std::vector<float> c0 = c;

		ASSERT_EQ(vaccel_sgemm(&sess, m, n, k, alpha, a.data(), lda,
				       b.data(), ldb, beta, c.data(), ldc),
			  VACCEL_OK);
		for (int64_t j = 0; j < n; j++)
			for (int64_t i = 0; i < ldc; i++) {
				float got = c[i + j * ldc];
				if (i >= m) {
					ASSERT_EQ(got, sentinel)
					    << "padding (" << i << "," << j
					    << ") was written";
					continue;
				}
				double sum = 0, mag = 0;
				for (int64_t p = 0; p < k; p++) {
					double t = (double)a[i + p * lda] *
						   b[p + j * ldb];
					sum += t;
					mag += std::fabs(t);
				}
				double want =
				    alpha * sum + beta * c0[i + j * ldc];
				double tol =
				    1e-5 * (std::fabs(alpha) * mag +
					    std::fabs(beta * c0[i + j * ldc])) +
				    1e-6;
				ASSERT_NEAR(got, want, tol)
				    << "at (" << i << "," << j << ")";
			}
	}
};

TEST_F(BlasTest, OneByOne)
{
	float a = 3, b = 4, c = 10;
	ASSERT_EQ(vaccel_sgemm(&sess, 1, 1, 1, 2, &a, 1, &b, 1, 0.5f, &c, 1),
		  VACCEL_OK);
	EXPECT_EQ(c, 29); /* 2 * 3 * 4 + 0.5 * 10 */
	Check(1, 1, 1, 1, 0);
}

TEST_F(BlasTest, ColumnMajor)
{
	/* A = [1 2 3; 4 5 6] (2 x 3) stored by columns, B = I (3 x 3)
	 * except B(2,2) = 2: C = [1 2 6; 4 5 12]. */
	float a[] = {1, 4, 2, 5, 3, 6};
	float b[] = {1, 0, 0, 0, 1, 0, 0, 0, 2};
	float c[6] = {0};
	ASSERT_EQ(vaccel_sgemm(&sess, 2, 3, 3, 1, a, 2, b, 3, 0, c, 2),
		  VACCEL_OK);
	float want[] = {1, 4, 2, 5, 6, 12};
	for (int i = 0; i < 6; i++)
		EXPECT_EQ(c[i], want[i]) << i;
}

TEST_F(BlasTest, Shapes)
{
	int64_t shapes[][3] = {{2, 3, 4},    {5, 1, 7},	   {1, 9, 3},
			       {7, 9, 1},    {16, 16, 16}, {33, 17, 29},
			       {64, 3, 100}, {128, 96, 80}};
	for (auto &s : shapes)
		Check(s[0], s[1], s[2], 1, 0);
}

TEST_F(BlasTest, AlphaBeta)
{
	float ab[][2] = {{1, 1}, {2.5f, -0.5f}, {-1, 2}, {0, 3}, {0.25f, 0}};
	for (auto &v : ab) {
		Check(6, 5, 4, v[0], v[1]);
		Check(31, 2, 17, v[0], v[1]);
	}
}

TEST_F(BlasTest, KZeroScalesC)
{
	/* No products: C = beta * C. */
	Check(4, 3, 0, 2, 0.5f);
	Check(4, 3, 0, 2, 1);
	Check(1, 5, 0, 1, 0);
	/* A holds lda * 0 elements, so it may be NULL; B still has ldb * n. */
	float b = 99, c[] = {2, 4};
	ASSERT_EQ(vaccel_sgemm(&sess, 2, 1, 0, 1, nullptr, 2, &b, 1, 3, c, 2),
		  VACCEL_OK);
	EXPECT_EQ(c[0], 6);
	EXPECT_EQ(c[1], 12);
}

TEST_F(BlasTest, EmptyResultTouchesNothing)
{
	float c[] = {5, 5};
	float a[] = {1, 1};
	ASSERT_EQ(vaccel_sgemm(&sess, 0, 2, 1, 1, a, 1, a, 1, 0, c, 1),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_sgemm(&sess, 2, 0, 1, 1, a, 2, a, 1, 0, c, 2),
		  VACCEL_OK);
	EXPECT_EQ(c[0], 5);
	EXPECT_EQ(c[1], 5);
}

TEST_F(BlasTest, PaddedLeadingDimensions)
{
	Check(3, 4, 5, 1, 0, 2, 0, 0);
	Check(3, 4, 5, 1, 0, 0, 3, 0);
	Check(3, 4, 5, 1.5f, 0.5f, 0, 0, 4);
	Check(7, 6, 5, -2, 1, 1, 2, 3);
	Check(1, 1, 1, 1, 1, 5, 5, 5);
	Check(20, 13, 9, 1, 0, 11, 7, 13);
}

TEST_F(BlasTest, BetaZeroIgnoresNanInC)
{
	/* BLAS: with beta 0, C's old values are not read. */
	float a[] = {1, 2}, b[] = {3}, c[] = {NAN, NAN};
	ASSERT_EQ(vaccel_sgemm(&sess, 2, 1, 1, 1, a, 2, b, 1, 0, c, 2),
		  VACCEL_OK);
	EXPECT_EQ(c[0], 3);
	EXPECT_EQ(c[1], 6);
}

TEST_F(BlasTest, RefusesBadDimensions)
{
	float x[64] = {0};
	struct {
		int64_t m, n, k, lda, ldb, ldc;
		const char *log;
	} bad[] = {
	    {-1, 2, 2, 2, 2, 2, "sgemm: m is -1; it must be at least 0"},
	    /* Negative n or k make a count negative: the core refuses. */
	    {2, -3, 2, 2, 2, 2, "'n' (the count of 'b') is -3"},
	    {2, 2, -4, 2, 2, 2, "'k' (the count of 'a') is -4"},
	    {4, 2, 2, 3, 2, 4, "sgemm: lda is 3; it must be at least 4"},
	    {2, 2, 5, 2, 4, 2, "sgemm: ldb is 4; it must be at least 5"},
	    {4, 2, 2, 4, 2, 2, "sgemm: ldc is 2; it must be at least 4"},
	    {0, 2, 2, 0, 2, 1, "sgemm: lda is 0; it must be at least 1"},
	    {2, 2, 0, 2, 0, 2, "sgemm: ldb is 0; it must be at least 1"},
	    {3000000000LL, 1, 1, 3000000000LL, 1, 3000000000LL,
	     "sgemm: m is 3000000000; OpenBLAS takes at most 2147483647"},
	};
	for (auto &t : bad) {
		float c[64];
		for (auto &v : c)
			v = 9;
		/* Buffers large enough for what the counts claim, except the
		 * too-large case, which must be refused before any access. */
		EXPECT_EQ(vaccel_sgemm(&sess, t.m, t.n, t.k, 1, x, t.lda, x,
				       t.ldb, 0, c, t.ldc),
			  VACCEL_EINVAL)
		    << t.log;
		EXPECT_LOG_HAS(t.log);
		EXPECT_EQ(c[0], 9) << t.log;
	}
}

TEST_F(BlasTest, ThroughGenop)
{
	vaccel_op_type_t op = VACCEL_OP_BLAS_SGEMM;
	int64_t m = 2, n = 1, k = 2, lda = 2, ldb = 2, ldc = 2;
	float alpha = 1, beta = 0;
	float a[] = {1, 3, 2, 4}; /* [1 2; 3 4] by columns */
	float b[] = {1, 1}, c[2] = {0};
	auto arg = [](const void *p, size_t s) {
		return vaccel_arg{const_cast<void *>(p), s, VACCEL_ARG_RAW, 0,
				  false};
	};
	struct vaccel_arg read[] = {
	    arg(&op, sizeof(op)),	arg(&m, sizeof(m)),
	    arg(&n, sizeof(n)),		arg(&k, sizeof(k)),
	    arg(&alpha, sizeof(alpha)), arg(a, sizeof(a)),
	    arg(&lda, sizeof(lda)),	arg(b, sizeof(b)),
	    arg(&ldb, sizeof(ldb)),	arg(&beta, sizeof(beta)),
	    arg(&ldc, sizeof(ldc))};
	struct vaccel_arg write[] = {arg(c, sizeof(c))};
	ASSERT_EQ(vaccel_genop(&sess, read, 11, write, 1), VACCEL_OK);
	EXPECT_EQ(c[0], 3);
	EXPECT_EQ(c[1], 7);
}

/* Issue 16 item 1: counts whose product or byte size overflows are refused
 * (they used to wrap, pass the size check and let OpenBLAS write far past
 * 16-byte buffers). */
TEST_F(BlasTest, GenopSizeOverflowIsEinval)
{
	vaccel_op_type_t op = VACCEL_OP_BLAS_SGEMM;
	int64_t m = 1, big = INT32_MAX;
	float alpha = 1, beta = 0;
	float a[4] = {0}, b[4] = {0}, c[4] = {0};
	auto arg = [](const void *p, size_t s) {
		return vaccel_arg{const_cast<void *>(p), s, VACCEL_ARG_RAW, 0,
				  false};
	};
	struct vaccel_arg read[] = {
	    arg(&op, sizeof(op)),	arg(&m, sizeof(m)),
	    arg(&big, sizeof(big)),	arg(&big, sizeof(big)),
	    arg(&alpha, sizeof(alpha)), arg(a, sizeof(a)),
	    arg(&big, sizeof(big)),	arg(b, sizeof(b)),
	    arg(&big, sizeof(big)),	arg(&beta, sizeof(beta)),
	    arg(&big, sizeof(big))};
	struct vaccel_arg write[] = {arg(c, sizeof(c))};
	EXPECT_EQ(vaccel_genop(&sess, read, 11, write, 1), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_genop(blas_sgemm): 'a' of 4611686014132420609 "
		       "elements of "
		       "4 bytes is larger than any buffer can be");
}

TEST_F(BlasTest, DirectCountProductOverflowIsEinval)
{
	float x[4] = {0};
	int64_t big = 1LL << 33;
	EXPECT_EQ(vaccel_sgemm(&sess, 1, 1, big, 1, x, big, x, big, 0, x, 1),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_sgemm: the count of 'a', lda x k = 8589934592 "
		       "x 8589934592, overflows");
	EXPECT_EQ(x[0], 0);
}

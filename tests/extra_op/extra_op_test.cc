/* The runtime built from idl/vaccel.idl + extra.idl serves the test-only op
 * vector_scale: through its generated C function, through genop, on a typed
 * plugin, and on the unchanged noop plugin. */

#include "../core/vaccel_test.h"

extern "C" {
#include <vaccel/ops/extra.h>
}

#define SCALE_PLUGIN "tests/extra_op/libtest-scale.so"

class ExtraOpTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;

	void TearDown() override
	{
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}
};

TEST_F(ExtraOpTest, GeneratedEnumAndDescriptor)
{
	ASSERT_EQ(VACCEL_OP_VECTOR_SCALE, 24);
	ASSERT_EQ(VACCEL_OP_MAX, 25);
	const struct vaccel_op_desc *d =
	    vaccel_op_desc_get(VACCEL_OP_VECTOR_SCALE);
	ASSERT_NE(d, nullptr);
	EXPECT_STREQ(d->fn_name, "vaccel_vector_scale");
	EXPECT_EQ(d->nr_params, 5u);
	EXPECT_STREQ(vaccel_op_type_to_str(VACCEL_OP_VECTOR_SCALE),
		     "VACCEL_OP_VECTOR_SCALE");
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
}

TEST_F(ExtraOpTest, TypedPluginServesGeneratedFunction)
{
	ASSERT_EQ(LoadBackend(SCALE_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	const float x[3] = {1, -2, 0.5};
	float y[3] = {0, 0, 0};
	ASSERT_EQ(vaccel_vector_scale(&sess, x, y, 3, 4.0f), VACCEL_OK);
	EXPECT_FLOAT_EQ(y[0], 4);
	EXPECT_FLOAT_EQ(y[1], -8);
	EXPECT_FLOAT_EQ(y[2], 2);
	EXPECT_EQ(vaccel_vector_scale(&sess, nullptr, y, 3, 1.0f),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_vector_scale: 'x' is NULL");
}

TEST_F(ExtraOpTest, GenopReachesTheNewOp)
{
	ASSERT_EQ(LoadBackend(SCALE_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	vaccel_op_type_t op = VACCEL_OP_VECTOR_SCALE;
	float x[2] = {3, 5}, y[2] = {0, 0}, factor = -1;
	struct vaccel_arg read[] = {
	    {&op, sizeof(op), VACCEL_ARG_RAW, 0, false},
	    {x, sizeof(x), VACCEL_ARG_FLOAT32_ARRAY, 0, false},
	    {&factor, sizeof(factor), VACCEL_ARG_FLOAT32, 0, false},
	};
	struct vaccel_arg write[] = {
	    {y, sizeof(y), VACCEL_ARG_FLOAT32_ARRAY, 0, false},
	};
	ASSERT_EQ(vaccel_genop(&sess, read, 3, write, 1), VACCEL_OK);
	EXPECT_FLOAT_EQ(y[0], -3);
	EXPECT_FLOAT_EQ(y[1], -5);
}

TEST_F(ExtraOpTest, UnchangedNoopPluginServesTheNewOp)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
	const float x[2] = {1, 2};
	float y[2] = {9, 9};
	ASSERT_EQ(vaccel_vector_scale(&sess, x, y, 2, 3.0f), VACCEL_OK);
	EXPECT_EQ(y[0], 0); /* noop zero-fills numeric outputs */
	EXPECT_EQ(y[1], 0);
	EXPECT_LOG_HAS("[noop] vaccel_vector_scale(session");
	EXPECT_LOG_HAS("n=2, factor=3");
}

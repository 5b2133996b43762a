/* genop and the direct call agree, for every op and every parameter: both
 * are driven by the same descriptor flags (nullable, counts), so a NULL or
 * a zero count accepted by one is accepted by the other. Walks every op
 * descriptor; the noop plugin serves them all. */

#include "op_call.h"
#include "vaccel_test.h"

#include <string>

class OpAgreeTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;
	RegisteredResource *lib = nullptr, *model = nullptr;

	void SetUp() override
	{
		VaccelTest::SetUp();
		ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, 0), VACCEL_OK);
		lib = new RegisteredResource(&sess, VACCEL_RESOURCE_LIB);
		model = new RegisteredResource(&sess, VACCEL_RESOURCE_MODEL);
	}

	void TearDown() override
	{
		delete lib;
		delete model;
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}

	OpCall Call(const struct vaccel_op_desc *desc)
	{
		return OpCall(desc, &sess, &lib->res, &model->res);
	}

	static std::string Where(const struct vaccel_op_desc *desc,
				 unsigned int i)
	{
		return std::string(desc->name) + "." + desc->params[i].name;
	}
};

TEST_F(OpAgreeTest, EveryOpCallsBothWays)
{
	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		const struct vaccel_op_desc *desc = vaccel_op_desc_get(op);
		ASSERT_NE(desc, nullptr) << op;
		OpCall call = Call(desc);
		EXPECT_EQ(call.Direct(), VACCEL_OK) << desc->name;
		EXPECT_EQ(call.Genop(), VACCEL_OK) << desc->name;
	}
}

/* A NULL pointer with the count it would have had: refused both ways,
 * unless nullable (absent: accepted). */
TEST_F(OpAgreeTest, NullWithItsCountAgrees)
{
	int checked = 0;

	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		const struct vaccel_op_desc *desc = vaccel_op_desc_get(op);
		for (unsigned int i = 1; i < desc->nr_params; i++) {
			const struct vaccel_param_desc *p = &desc->params[i];

			/* genop packs an arg array's elements, never the
			 * array (ExecNullArgsWithCount covers it). */
			if (p->kind == VACCEL_PARAM_SCALAR ||
			    p->kind == VACCEL_PARAM_ARGS)
				continue;
			OpCall call = Call(desc);
			call.SetNull(i, call.Claimed(i));
			int want = p->flags & VACCEL_PARAM_NULLABLE
				       ? VACCEL_OK
				       : VACCEL_EINVAL;
			EXPECT_EQ(call.Direct(), want) << Where(desc, i);
			EXPECT_EQ(call.Genop(), want) << Where(desc, i);
			checked++;
		}
	}
	EXPECT_GT(checked, 40);
}

/* genop's NULL with size 0 for a fixed-count parameter means the same
 * as the direct call's NULL (run_options of torch_model_run and
 * tf_model_run: accepted). */
TEST_F(OpAgreeTest, NullOfZeroBytesAgrees)
{
	int nullable = 0;

	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		const struct vaccel_op_desc *desc = vaccel_op_desc_get(op);
		for (unsigned int i = 1; i < desc->nr_params; i++) {
			const struct vaccel_param_desc *p = &desc->params[i];

			if (p->kind == VACCEL_PARAM_SCALAR ||
			    p->kind == VACCEL_PARAM_ARGS || p->count[0] >= 0)
				continue;
			OpCall call = Call(desc);
			call.SetNull(i, 0);
			int want = p->flags & VACCEL_PARAM_NULLABLE
				       ? VACCEL_OK
				       : VACCEL_EINVAL;
			nullable += want == VACCEL_OK;
			EXPECT_EQ(call.Direct(), want) << Where(desc, i);
			EXPECT_EQ(call.Genop(), want) << Where(desc, i);
		}
	}
	EXPECT_GE(nullable, 6); /* run_options, tf/tflite statuses */
}

/* Every count set to 0 with NULL arrays: the same result both ways. */
TEST_F(OpAgreeTest, ZeroCountsWithNullArraysAgree)
{
	int ok = 0, checked = 0;

	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		const struct vaccel_op_desc *desc = vaccel_op_desc_get(op);
		for (unsigned int c = 1; c < desc->nr_params; c++) {
			bool counts = false;
			OpCall call = Call(desc);

			for (unsigned int i = 1; i < desc->nr_params; i++) {
				const struct vaccel_param_desc *p =
				    &desc->params[i];
				if (p->count[0] != (int)c &&
				    p->count[1] != (int)c)
					continue;
				call.SetNull(i, 0);
				counts = true;
			}
			if (!counts)
				continue;
			call.SetInt(c, 0);
			/* noop refuses more outputs than inputs: agree. */
			int direct = call.Direct();
			EXPECT_EQ(call.Genop(), direct) << Where(desc, c);
			ok += direct == VACCEL_OK;
			checked++;
		}
	}
	EXPECT_GT(ok, checked / 2);
}

/* Issue 16 item 7, as reported: genop refused a NULL run_options. */
TEST_F(OpAgreeTest, TorchRunOptionsNullThroughGenop)
{
	const struct vaccel_op_desc *desc =
	    vaccel_op_desc_get(VACCEL_OP_TORCH_MODEL_RUN);
	OpCall call = Call(desc);
	call.SetNull(2, 0);
	ASSERT_STREQ(desc->params[2].name, "run_options");
	EXPECT_EQ(call.Genop(), VACCEL_OK) << Log();
	EXPECT_EQ(Log().find("holds 0 bytes"), std::string::npos) << Log();
}

#include "vaccel_test.h"

#include <dlfcn.h>

class DispatchTest : public VaccelTest
{
      protected:
	struct vaccel_session sess;

	void Session(uint32_t hint = 0)
	{
		ASSERT_EQ(vaccel_session_init(&sess, hint), VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_session_release(&sess);
		VaccelTest::TearDown();
	}

	int Minmax(double *min, double *max, double *out)
	{
		const double in[] = {3.5, -2.0, 7.25, 1.0};
		return vaccel_minmax(&sess, in, 4, 0, 5, out, min, max);
	}
};

TEST_F(DispatchTest, NoPluginIsENOTSUPNamingOpAndPlugins)
{
	Session();
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_ENOTSUP);
	EXPECT_LOG_HAS("vaccel_noop: no plugin implements op 'noop' for "
		       "session");
	EXPECT_LOG_HAS("loaded plugins: none");
}

TEST_F(DispatchTest, OpNoPluginImplementsListsLoadedPlugins)
{
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("gpu")), VACCEL_OK);
	Session();
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_ENOTSUP);
	EXPECT_LOG_HAS("no plugin implements op 'noop'");
	EXPECT_LOG_HAS("loaded plugins: gpu (GPU)");
}

TEST_F(DispatchTest, HigherPriorityServesFirst)
{
	double min = 0, max = 0, out[4] = {9, 9, 9, 9};

	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("typed")), VACCEL_OK);
	Session();
	ASSERT_EQ(Minmax(&min, &max, out), VACCEL_OK);
	/* typed (priority 10) computes; noop (-100) would write zeros. */
	EXPECT_DOUBLE_EQ(min, -2.0);
	EXPECT_DOUBLE_EQ(max, 7.25);
	EXPECT_DOUBLE_EQ(out[0], 3.5);
	EXPECT_DOUBLE_EQ(out[1], 0.0);
	EXPECT_DOUBLE_EQ(out[2], 5.0);
	EXPECT_DOUBLE_EQ(out[3], 1.0);
}

TEST_F(DispatchTest, NoopServesOpsOthersLack)
{
	double min = 1, max = 1, out[4] = {9, 9, 9, 9};

	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("typed")), VACCEL_OK);
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	Session();
	/* Per-op: typed has minmax, only noop has image classification. */
	ASSERT_EQ(Minmax(&min, &max, out), VACCEL_OK);
	EXPECT_DOUBLE_EQ(max, 7.25);
	unsigned char text[64], name[64];
	ASSERT_EQ(vaccel_image_classification(&sess, "img", text, name, 3,
					      sizeof(text), sizeof(name)),
		  VACCEL_OK);
	EXPECT_STREQ((char *)text, "This is a dummy classification tag!");
}

TEST_F(DispatchTest, EnotsupFallsBackToTheNextPlugin)
{
	double min = 0, max = 0, out[4];

	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("decline")), VACCEL_OK);
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("typed")), VACCEL_OK);
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	Session();
	ASSERT_EQ(Minmax(&min, &max, out), VACCEL_OK);
	EXPECT_DOUBLE_EQ(min, -2.0);
	EXPECT_LOG_HAS("vaccel_minmax: plugin decline declined (ENOTSUP)");
	/* noop: decline declines, typed lacks it, noop serves. */
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_OK);
	EXPECT_LOG_HAS("vaccel_noop: plugin decline declined");
}

TEST_F(DispatchTest, AllDecliningIsENOTSUP)
{
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("decline")), VACCEL_OK);
	Session();
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_ENOTSUP);
}

TEST_F(DispatchTest, SessionHintsPickPlugins)
{
	int in[3] = {1, 2, 3}, out[3] = {0, 0, 0};

	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("gpu")), VACCEL_OK);

	/* Hint GPU: the gpu plugin first; it doubles. */
	Session(VACCEL_PLUGIN_GPU);
	EXPECT_STREQ(sess.plugin->info->name, "gpu");
	ASSERT_EQ(vaccel_fpga_arraycopy(&sess, in, out, 3), VACCEL_OK);
	EXPECT_EQ(out[2], 6);
	/* Hints are a preference: noop serves what gpu lacks. */
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_OK);
	EXPECT_LOG_HAS("[noop] vaccel_noop(session");
	vaccel_session_release(&sess);

	/* Hint DEBUG: noop first, before gpu's higher priority; it copies
	 * (vAccel's noop arraycopy). */
	Session(VACCEL_PLUGIN_DEBUG);
	EXPECT_STREQ(sess.plugin->info->name, "noop");
	ASSERT_EQ(vaccel_fpga_arraycopy(&sess, in, out, 3), VACCEL_OK);
	EXPECT_EQ(out[2], 3);
	vaccel_session_release(&sess);

	/* No hint: any local plugin, gpu (priority 5) before noop. */
	Session(0);
	ASSERT_EQ(vaccel_fpga_arraycopy(&sess, in, out, 3), VACCEL_OK);
	EXPECT_EQ(out[2], 6);
}

/* vAccel's fallback: with no plugin matching the hint, any local plugin
 * that implements the op serves, in priority order. */
TEST_F(DispatchTest, UnmatchedHintFallsBackToLocalPlugins)
{
	int in[3] = {1, 2, 3}, out[3] = {0, 0, 0};

	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("gpu")), VACCEL_OK);
	Session(VACCEL_PLUGIN_FPGA);
	ASSERT_EQ(vaccel_fpga_arraycopy(&sess, in, out, 3), VACCEL_OK);
	EXPECT_EQ(out[2], 6);
	/* Nothing implements noop: ENOTSUP naming the plugins. */
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_ENOTSUP);
	EXPECT_LOG_HAS("(hints 0x4); loaded plugins: gpu (GPU)");
}

/* sess->plugin as vAccel programs read it: the default plugin's info. */
TEST_F(DispatchTest, SessionPluginIsTheDefaultPlugin)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("gpu")), VACCEL_OK);
	Session(0);
	/* gpu has the higher priority (5 over -100). */
	ASSERT_NE(sess.plugin, nullptr);
	ASSERT_NE(sess.plugin->info, nullptr);
	EXPECT_STREQ(sess.plugin->info->name, "gpu");
	EXPECT_STREQ(sess.plugin->info->version, "1.0");
	EXPECT_EQ(sess.plugin->info->type, VACCEL_PLUGIN_GPU);
	EXPECT_FALSE(sess.plugin->info->is_virtio);
	EXPECT_NE(sess.plugin->dl_handle, nullptr);
	/* Per-op fallback stays: noop serves what gpu lacks. */
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_OK);
	vaccel_session_release(&sess);
	EXPECT_EQ(sess.plugin, nullptr);

	Session(VACCEL_PLUGIN_CPU);
	EXPECT_STREQ(sess.plugin->info->name, "noop");
	EXPECT_EQ(sess.plugin->info->type, VACCEL_PLUGIN_DEBUG |
					       VACCEL_PLUGIN_CPU |
					       VACCEL_PLUGIN_SOFTWARE);
}

TEST_F(DispatchTest, SessionPluginIsNullWithoutPlugins)
{
	Session(0);
	EXPECT_EQ(sess.plugin, nullptr);
	EXPECT_FALSE(sess.is_virtio);
}

TEST_F(DispatchTest, RemoteHintGoesOnlyToTransports)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("remote")), VACCEL_OK);
	Session(VACCEL_PLUGIN_REMOTE);
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_EREMOTEIO);
	EXPECT_LOG_HAS("[remote] would forward noop");
	vaccel_session_release(&sess);

	/* A local session never reaches the transport while a local
	 * plugin is loaded. */
	Session(0);
	EXPECT_FALSE(sess.is_virtio);
	EXPECT_STREQ(sess.plugin->info->name, "noop");
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_OK);
}

/* A remote session never runs locally: without a transport its ops are
 * ENOTSUP (the caller asked for the host, not for whatever is local). */
TEST_F(DispatchTest, RemoteHintWithoutTransportIsENOTSUP)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	Session(VACCEL_PLUGIN_REMOTE);
	EXPECT_LOG_HAS("asks for a transport (VACCEL_PLUGIN_REMOTE) and none "
		       "is loaded");
	EXPECT_TRUE(sess.is_virtio);
	EXPECT_EQ(sess.plugin, nullptr);
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_ENOTSUP);
	EXPECT_LOG_HAS("(hints 0x4000); loaded plugins: noop");
}

/* As vAccel's lone VirtIO plugin: a guest that loads only the transport
 * has it serve local sessions too. */
TEST_F(DispatchTest, LoneTransportServesLocalSessions)
{
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("remote")), VACCEL_OK);
	Session(0);
	EXPECT_TRUE(sess.is_virtio);
	EXPECT_EQ(sess.remote_id, 1000 + sess.id); /* its session_init ran */
	ASSERT_NE(sess.plugin, nullptr);
	EXPECT_STREQ(sess.plugin->info->name, "remote");
	EXPECT_TRUE(sess.plugin->info->is_virtio);
	EXPECT_EQ(sess.plugin->info->type, VACCEL_PLUGIN_REMOTE);
	EXPECT_EQ(vaccel_noop(&sess), VACCEL_EREMOTEIO);
	EXPECT_LOG_HAS("[remote] would forward noop");
}

TEST_F(DispatchTest, NullRequiredPointerIsEINVAL)
{
	unsigned char text[8];

	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	Session();
	EXPECT_EQ(
	    vaccel_image_classification(&sess, nullptr, text, text, 4, 8, 8),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_image_classification: 'img' is NULL");
	EXPECT_EQ(vaccel_exec(&sess, nullptr, "fn", nullptr, 0, nullptr, 0),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_exec: 'library' is NULL");
	/* A NULL buffer with a zero count is fine. */
	EXPECT_EQ(
	    vaccel_image_classification(&sess, "x", nullptr, nullptr, 1, 0, 0),
	    VACCEL_OK);
}

TEST_F(DispatchTest, NullableParameterMayBeNull)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	Session();
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	struct vaccel_resource &model = r.res;
	float value = 2;
	int64_t dim = 1;
	struct vaccel_torch_tensor t = {&value, sizeof(value),	   false, 1,
					&dim,	VACCEL_TORCH_FLOAT};
	struct vaccel_torch_tensor *in[1] = {&t};
	struct vaccel_torch_tensor *out[1] = {&t};
	EXPECT_EQ(vaccel_torch_model_run(&sess, &model, nullptr, in, 1, out, 1),
		  VACCEL_OK);
	ASSERT_NE(out[0], nullptr); /* noop echoes the input */
	EXPECT_NE(out[0], &t);
	EXPECT_EQ(vaccel_torch_tensor_delete(out[0]), VACCEL_OK);
}

TEST_F(DispatchTest, NullTensorInInputsIsEINVAL)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	Session();
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	struct vaccel_resource &model = r.res;
	struct vaccel_torch_tensor t = {};
	struct vaccel_torch_tensor *in[2] = {&t, nullptr};
	struct vaccel_torch_tensor *out[1] = {nullptr};
	EXPECT_EQ(vaccel_torch_model_run(&sess, &model, nullptr, in, 2, out, 1),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_torch_model_run: inputs[1] is NULL");
}

TEST_F(DispatchTest, NegativeCountIsEINVAL)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	Session();
	double in[1] = {1}, out[1], min, max;
	EXPECT_EQ(vaccel_minmax(&sess, in, -1, 0, 1, out, &min, &max),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_minmax: 'ndata' (the count of 'indata') is -1");
}

TEST_F(DispatchTest, WrongResourceTypeIsEINVAL)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	Session();
	RegisteredResource r(&sess, VACCEL_RESOURCE_LIB);
	struct vaccel_tf_status status = {};
	EXPECT_EQ(vaccel_tf_model_load(&sess, &r.res, &status), VACCEL_EINVAL);
	EXPECT_LOG_HAS(
	    "vaccel_tf_model_load: resource " + std::to_string(r.res.id) +
	    " in 'model' has type "
	    "VACCEL_RESOURCE_LIB; the op needs VACCEL_RESOURCE_MODEL");
	EXPECT_EQ(vaccel_tflite_model_load(&sess, nullptr), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_tflite_model_load: 'model' is NULL");
}

TEST_F(DispatchTest, JitloadForwardIsTorchModelRun)
{
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("remote")), VACCEL_OK);
	Session(VACCEL_PLUGIN_REMOTE);
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);
	/* vAccel's prototype: a const model is accepted. */
	const struct vaccel_resource &model = r.res;
	struct vaccel_torch_tensor t = {};
	struct vaccel_torch_tensor *in[1] = {&t}, *out[1] = {nullptr};
	EXPECT_EQ(
	    vaccel_torch_jitload_forward(&sess, &model, nullptr, in, 1, out, 1),
	    VACCEL_EREMOTEIO);
	EXPECT_LOG_HAS("would forward torch_model_run");
}

/* What vAccel lets a program pass as NULL (its core checks only the
 * session and the resources; its backends check `if (status)`, `if
 * (out_text)`): tf/tflite statuses and the image ops' text outputs. */
TEST_F(DispatchTest, NullableParametersMatchVaccel)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	Session();
	RegisteredResource r(&sess, VACCEL_RESOURCE_MODEL);

	EXPECT_EQ(vaccel_tf_model_load(&sess, &r.res, nullptr), VACCEL_OK);
	EXPECT_EQ(vaccel_tf_model_run(&sess, &r.res, nullptr, nullptr, nullptr,
				      0, nullptr, nullptr, 0, nullptr),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_tf_model_unload(&sess, &r.res, nullptr), VACCEL_OK);
	EXPECT_EQ(vaccel_tflite_model_run(&sess, &r.res, nullptr, 0, nullptr, 0,
					  nullptr),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_image_classification(&sess, "img", nullptr, nullptr, 3,
					      16, 16),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_image_detection(&sess, "img", nullptr, 3, 16),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_image_segmentation(&sess, "img", nullptr, 3, 16),
		  VACCEL_OK);
	EXPECT_EQ(vaccel_image_pose(&sess, "img", nullptr, 3, 16), VACCEL_OK);
	EXPECT_EQ(vaccel_image_depth(&sess, "img", nullptr, 3, 16), VACCEL_OK);

	/* What vAccel refuses stays refused: the model, the image. */
	EXPECT_EQ(vaccel_tf_model_unload(&sess, nullptr, nullptr),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_tf_model_unload: 'model' is NULL");
	EXPECT_EQ(vaccel_image_pose(&sess, nullptr, nullptr, 3, 16),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_image_pose: 'img' is NULL");
}

/* Application-registered ops, type-checked by VACCEL_PLUGIN_OP. */
static int app_vadd(struct vaccel_session *sess, float *a, float *b, float *c,
		    size_t len_a, size_t len_b)
{
	(void)sess;
	for (size_t i = 0; i < len_a && i < len_b; i++)
		c[i] = a[i] * 10 + b[i];
	return VACCEL_OK;
}

TEST_F(DispatchTest, ApplicationRegisteredOps)
{
	struct vaccel_op ops[] = {VACCEL_PLUGIN_OP(fpga_vadd, app_vadd)};
	float a[2] = {1, 2}, b[2] = {3, 4}, c[2] = {0, 0};

	ASSERT_EQ(vaccel_plugin_register_ops(ops, 1), VACCEL_OK);
	Session();
	ASSERT_EQ(vaccel_fpga_vadd(&sess, a, b, c, 2, 2), VACCEL_OK);
	EXPECT_FLOAT_EQ(c[0], 13);
	EXPECT_FLOAT_EQ(c[1], 24);
}

TEST_F(DispatchTest, RegisterOpsRejectsBadEntries)
{
	struct vaccel_op bad[] = {
	    {(vaccel_op_type_t)77, (void *)app_vadd, nullptr}};
	struct vaccel_op null_fn[] = {{VACCEL_OP_NOOP, nullptr, nullptr}};

	EXPECT_EQ(vaccel_plugin_register_ops(nullptr, 1), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_plugin_register_ops(bad, 1), VACCEL_EINVAL);
	EXPECT_LOG_HAS("entry 0 has op id 77");
	EXPECT_EQ(vaccel_plugin_register_ops(null_fn, 1), VACCEL_EINVAL);
}

TEST_F(DispatchTest, TypedSgemmMatchesReference)
{
	/* Column-major 2x3 * 3x2 with lda = 3 (padding row). */
	float a[9] = {1, 2, 0, 3, 4, 0, 5, 6, 0};
	float b[6] = {1, 0, 2, 0, 1, 3};
	float c[4] = {1, 1, 1, 1};

	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("typed")), VACCEL_OK);
	Session();
	ASSERT_EQ(vaccel_sgemm(&sess, 2, 2, 3, 1.0f, a, 3, b, 3, 2.0f, c, 2),
		  VACCEL_OK);
	/* C = A*B + 2: col0 = 1*a0 + 2*a2 = (11, 14); col1 = a1 + 3*a2. */
	EXPECT_FLOAT_EQ(c[0], 11 + 2);
	EXPECT_FLOAT_EQ(c[1], 14 + 2);
	EXPECT_FLOAT_EQ(c[2], 18 + 2);
	EXPECT_FLOAT_EQ(c[3], 22 + 2);
}

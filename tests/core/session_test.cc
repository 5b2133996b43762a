#include "vaccel_test.h"

#include <set>

class SessionTest : public VaccelTest
{
};

TEST_F(SessionTest, InitAssignsIncreasingIdsAndRelease)
{
	struct vaccel_session a, b;

	ASSERT_EQ(vaccel_session_init(&a, 0), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&b, VACCEL_PLUGIN_CPU), VACCEL_OK);
	EXPECT_GT(a.id, 0);
	EXPECT_GT(b.id, a.id);
	EXPECT_EQ(b.hint, (uint32_t)VACCEL_PLUGIN_CPU);
	EXPECT_FALSE(a.is_virtio);
	EXPECT_EQ(vaccel_session_release(&a), VACCEL_OK);
	EXPECT_EQ(vaccel_session_release(&b), VACCEL_OK);
}

TEST_F(SessionTest, NewAndDelete)
{
	struct vaccel_session *s = nullptr;

	ASSERT_EQ(vaccel_session_new(&s, VACCEL_PLUGIN_GPU), VACCEL_OK);
	ASSERT_NE(s, nullptr);
	EXPECT_EQ(s->hint, (uint32_t)VACCEL_PLUGIN_GPU);
	EXPECT_EQ(vaccel_session_delete(s), VACCEL_OK);
}

TEST_F(SessionTest, GetById)
{
	struct vaccel_session a, *found = nullptr;

	ASSERT_EQ(vaccel_session_init(&a, 0), VACCEL_OK);
	EXPECT_EQ(vaccel_session_get_by_id(&found, a.id), VACCEL_OK);
	EXPECT_EQ(found, &a);
	EXPECT_EQ(vaccel_session_get_by_id(&found, a.id + 1000), VACCEL_ENOENT);
	EXPECT_EQ(vaccel_session_get_by_id(nullptr, a.id), VACCEL_EINVAL);
	ASSERT_EQ(vaccel_session_release(&a), VACCEL_OK);
	EXPECT_EQ(vaccel_session_get_by_id(&found, a.id), VACCEL_ENOENT);
}

TEST_F(SessionTest, IdsAreNeverReused)
{
	std::set<vaccel_id_t> ids;

	for (int i = 0; i < 50; i++) {
		struct vaccel_session s;
		ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
		EXPECT_TRUE(ids.insert(s.id).second) << "id reused: " << s.id;
		ASSERT_EQ(vaccel_session_release(&s), VACCEL_OK);
	}
}

TEST_F(SessionTest, BadInput)
{
	struct vaccel_session s;

	EXPECT_EQ(vaccel_session_init(nullptr, 0), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_session_init: sess is NULL");
	EXPECT_EQ(vaccel_session_new(nullptr, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_session_init(&s, 0x10000), VACCEL_EINVAL);
	EXPECT_LOG_HAS("flags 0x10000 has bits outside VACCEL_PLUGIN_ALL");
	EXPECT_EQ(vaccel_session_release(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_session_delete(nullptr), VACCEL_EINVAL);
}

TEST_F(SessionTest, DoubleReleaseAndUseAfterRelease)
{
	struct vaccel_session s;

	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
	ASSERT_EQ(vaccel_noop(&s), VACCEL_OK);
	ASSERT_EQ(vaccel_session_release(&s), VACCEL_OK);
	EXPECT_EQ(vaccel_session_release(&s), VACCEL_EINVAL);
	EXPECT_LOG_HAS("session is not initialised or already released");
	EXPECT_EQ(vaccel_noop(&s), VACCEL_ESESS);
	EXPECT_LOG_HAS("vaccel_noop: the session is not initialised or was "
		       "released");
}

TEST_F(SessionTest, OpOnNullSession)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	EXPECT_EQ(vaccel_noop(nullptr), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_noop: sess is NULL");
}

TEST_F(SessionTest, RemoteHintMarksVirtioAndRunsPluginHooks)
{
	struct vaccel_session s;

	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("remote")), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&s, VACCEL_PLUGIN_REMOTE), VACCEL_OK);
	EXPECT_TRUE(s.is_virtio);
	EXPECT_EQ(s.remote_id, 1000 + s.id);
	ASSERT_EQ(vaccel_session_release(&s), VACCEL_OK);
	EXPECT_EQ(s.remote_id, 0);
}

TEST_F(SessionTest, LocalSessionSkipsRemotePluginHooks)
{
	struct vaccel_session s;

	/* With a local plugin loaded; a lone transport serves local
	 * sessions too (DispatchTest.LoneTransportServesLocalSessions). */
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_plugin_load(TEST_PLUGIN("remote")), VACCEL_OK);
	ASSERT_EQ(vaccel_session_init(&s, 0), VACCEL_OK);
	EXPECT_EQ(s.remote_id, 0);
	EXPECT_FALSE(s.is_virtio);
	ASSERT_EQ(vaccel_session_release(&s), VACCEL_OK);
}

/* A second init of a live session is refused and leaves it intact; before,
 * it was listed twice and the lookup read it after its release. */
TEST_F(SessionTest, InitOfALiveSessionIsEINVAL)
{
	struct vaccel_session *s = nullptr, *found = nullptr;

	ASSERT_EQ(vaccel_session_new(&s, 0), VACCEL_OK);
	vaccel_id_t id = s->id;
	EXPECT_EQ(vaccel_session_init(s, VACCEL_PLUGIN_GPU), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_session_init: session " + std::to_string(id) +
		       " is live; release it before initialising it again");
	EXPECT_EQ(s->id, id);
	EXPECT_EQ(s->hint, 0u);
	EXPECT_EQ(vaccel_session_get_by_id(&found, id), VACCEL_OK);
	EXPECT_EQ(found, s);
	EXPECT_EQ(vaccel_session_delete(s), VACCEL_OK);
	/* The registry holds no entry for the freed session. */
	EXPECT_EQ(vaccel_session_get_by_id(&found, id), VACCEL_ENOENT);
	EXPECT_EQ(vaccel_session_get_by_id(&found, id + 1), VACCEL_ENOENT);
}

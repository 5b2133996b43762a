#include "resource_test.h"

#include <algorithm>

class ResourceRegisterTest : public ResourceTest
{
      protected:
	struct vaccel_session s[3];
	struct vaccel_resource res;
	std::string path;

	void SetUp() override
	{
		ResourceTest::SetUp();
		path = Write("lib.so", "ELF");
		for (auto &x : s)
			ASSERT_EQ(vaccel_session_init(&x, 0), VACCEL_OK);
		ASSERT_EQ(vaccel_resource_init(&res, path.c_str(),
					       VACCEL_RESOURCE_LIB),
			  VACCEL_OK);
	}

	void TearDown() override
	{
		vaccel_resource_release(&res);
		for (auto &x : s)
			vaccel_session_release(&x);
		ResourceTest::TearDown();
	}

	/* Log lines of the test plugin's resource_unregister hook. */
	size_t Unregistered(vaccel_id_t res_id, vaccel_id_t sess_id)
	{
		std::string want = "[unreg] unregister resource " +
				   std::to_string(res_id) + " session " +
				   std::to_string(sess_id) + " ";
		size_t n = 0;
		for (const auto &l : Lines(Log()))
			n += l.find(want) != std::string::npos;
		return n;
	}
};

TEST_F(ResourceRegisterTest, RefcountCountsSessions)
{
	for (int i = 0; i < 3; i++) {
		ASSERT_EQ(vaccel_resource_register(&res, &s[i]), VACCEL_OK);
		EXPECT_EQ(vaccel_resource_refcount(&res), i + 1);
		EXPECT_TRUE(vaccel_session_has_resource(&s[i], &res));
	}
	EXPECT_EQ(vaccel_resource_register(&res, &s[1]), VACCEL_EEXIST);
	EXPECT_LOG_HAS(
	    "vaccel_resource_register: resource " + std::to_string(res.id) +
	    " is already registered to session " + std::to_string(s[1].id));
	EXPECT_EQ(vaccel_resource_refcount(&res), 3);
	ASSERT_EQ(vaccel_resource_unregister(&res, &s[1]), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_refcount(&res), 2);
	EXPECT_FALSE(vaccel_session_has_resource(&s[1], &res));
	EXPECT_TRUE(vaccel_session_has_resource(&s[0], &res));
	EXPECT_EQ(vaccel_resource_unregister(&res, &s[1]), VACCEL_EINVAL);
	EXPECT_LOG_HAS(
	    "vaccel_resource_unregister: resource " + std::to_string(res.id) +
	    " is not registered to session " + std::to_string(s[1].id));
	EXPECT_EQ(vaccel_resource_refcount(&res), 2);
}

TEST_F(ResourceRegisterTest, ReleaseUnregistersEverywhereAndTellsPlugins)
{
	ASSERT_EQ(vaccel_plugin_load(UNREG_PLUGIN), VACCEL_OK);
	for (auto &x : s)
		ASSERT_EQ(vaccel_resource_register(&res, &x), VACCEL_OK);
	vaccel_id_t id = res.id;
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_refcount(&res), -VACCEL_EINVAL);
	for (auto &x : s) {
		struct vaccel_resource *found = nullptr;
		EXPECT_FALSE(vaccel_session_has_resource(&x, &res));
		EXPECT_EQ(vaccel_session_resource_by_id(&x, &found, id),
			  VACCEL_ENOENT);
		EXPECT_EQ(vaccel_session_resource_by_type(&x, &found,
							  VACCEL_RESOURCE_LIB),
			  VACCEL_ENOENT);
		EXPECT_EQ(Unregistered(id, x.id), 1u) << Log();
	}
	EXPECT_LOG_HAS("resource " + std::to_string(id) + " released");
}

TEST_F(ResourceRegisterTest, UnregisterAndSessionReleaseTellPlugins)
{
	ASSERT_EQ(vaccel_plugin_load(UNREG_PLUGIN), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &s[0]), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &s[1]), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_unregister(&res, &s[0]), VACCEL_OK);
	EXPECT_EQ(Unregistered(res.id, s[0].id), 1u);
	EXPECT_EQ(Unregistered(res.id, s[1].id), 0u);
	/* A failed unregister tells nobody. */
	EXPECT_EQ(vaccel_resource_unregister(&res, &s[2]), VACCEL_EINVAL);
	EXPECT_EQ(Unregistered(res.id, s[2].id), 0u);
	vaccel_id_t sid = s[1].id;
	ASSERT_EQ(vaccel_session_release(&s[1]), VACCEL_OK);
	EXPECT_EQ(Unregistered(res.id, sid), 1u);
	EXPECT_EQ(vaccel_resource_refcount(&res), 0);
	ASSERT_EQ(vaccel_session_init(&s[1], 0), VACCEL_OK); /* TearDown */
}

TEST_F(ResourceRegisterTest, SessionLookups)
{
	struct vaccel_resource m1, m2;
	ASSERT_EQ(
	    vaccel_resource_init(&m1, path.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	ASSERT_EQ(
	    vaccel_resource_init(&m2, path.c_str(), VACCEL_RESOURCE_MODEL),
	    VACCEL_OK);
	/* Registration order, not creation order, decides "first". */
	ASSERT_EQ(vaccel_resource_register(&m2, &s[0]), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&m1, &s[0]), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&res, &s[0]), VACCEL_OK);
	ASSERT_EQ(vaccel_resource_register(&m1, &s[1]), VACCEL_OK);

	struct vaccel_resource *found = nullptr;
	ASSERT_EQ(vaccel_session_resource_by_type(&s[0], &found,
						  VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	EXPECT_EQ(found, &m2);
	ASSERT_EQ(vaccel_session_resource_by_id(&s[0], &found, res.id),
		  VACCEL_OK);
	EXPECT_EQ(found, &res);
	EXPECT_EQ(vaccel_session_resource_by_id(&s[1], &found, m2.id),
		  VACCEL_ENOENT);
	struct vaccel_resource **all = nullptr;
	size_t n = 0;
	ASSERT_EQ(vaccel_session_resources_by_type(&s[0], &all, &n,
						   VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	ASSERT_EQ(n, 2u);
	EXPECT_EQ(all[0], &m2);
	EXPECT_EQ(all[1], &m1);
	free(all);
	ASSERT_EQ(vaccel_session_resources_by_type(&s[1], &all, &n,
						   VACCEL_RESOURCE_MODEL),
		  VACCEL_OK);
	ASSERT_EQ(n, 1u);
	EXPECT_EQ(all[0], &m1);
	free(all);
	n = 5;
	EXPECT_EQ(vaccel_session_resources_by_type(&s[2], &all, &n,
						   VACCEL_RESOURCE_MODEL),
		  VACCEL_ENOENT);
	EXPECT_EQ(n, 0u);
	EXPECT_EQ(vaccel_session_resource_by_type(&s[0], &found,
						  VACCEL_RESOURCE_DATA),
		  VACCEL_ENOENT);

	EXPECT_EQ(vaccel_session_resource_by_id(&s[0], &found, 0),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_session_resource_by_id: bad id 0");
	EXPECT_EQ(vaccel_session_resource_by_type(&s[0], &found,
						  (vaccel_resource_type_t)5),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS(
	    "vaccel_session_resource_by_type: 5 is not a resource type");
	EXPECT_EQ(vaccel_session_resources_by_type(&s[0], &all, nullptr,
						   VACCEL_RESOURCE_LIB),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_session_resource_by_id(nullptr, &found, res.id),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_session_resource_by_id: sess is NULL");
	EXPECT_FALSE(vaccel_session_has_resource(nullptr, &res));
	EXPECT_FALSE(vaccel_session_has_resource(&s[0], nullptr));

	ASSERT_EQ(vaccel_session_release(&s[0]), VACCEL_OK);
	EXPECT_EQ(vaccel_session_resource_by_id(&s[0], &found, res.id),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_session_resource_by_id: the session is not "
		       "initialised or was released");
	EXPECT_EQ(vaccel_resource_refcount(&m1), 1);
	EXPECT_EQ(vaccel_resource_refcount(&m2), 0);
	ASSERT_EQ(vaccel_session_init(&s[0], 0), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_release(&m1), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_release(&m2), VACCEL_OK);
}

TEST_F(ResourceRegisterTest, BadArguments)
{
	EXPECT_EQ(vaccel_resource_register(nullptr, &s[0]), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_register: res is NULL");
	EXPECT_EQ(vaccel_resource_register(&res, nullptr), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_register: sess is NULL");
	struct vaccel_resource zero = {};
	EXPECT_EQ(vaccel_resource_register(&zero, &s[0]), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_register: the resource is not "
		       "initialised or was released");
	struct vaccel_session dead;
	ASSERT_EQ(vaccel_session_init(&dead, 0), VACCEL_OK);
	ASSERT_EQ(vaccel_session_release(&dead), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_register(&res, &dead), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_resource_register: the session is not "
		       "initialised or was released");
	EXPECT_EQ(vaccel_resource_unregister(&zero, &s[0]), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_resource_unregister(&res, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_resource_refcount(&res), 0);
}

TEST_F(ResourceRegisterTest, SyncNeedsRegistration)
{
	EXPECT_EQ(vaccel_resource_sync(&res, &s[0]), VACCEL_EPERM);
	EXPECT_LOG_HAS(
	    "vaccel_resource_sync: resource " + std::to_string(res.id) +
	    " is not registered to session " + std::to_string(s[0].id));
	ASSERT_EQ(vaccel_resource_register(&res, &s[0]), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_sync(&res, &s[0]), VACCEL_OK);
	EXPECT_EQ(vaccel_resource_sync(nullptr, &s[0]), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_resource_sync(&res, nullptr), VACCEL_EINVAL);
}

TEST_F(ResourceRegisterTest, OpsRefuseResourcesOfOtherSessions)
{
	ASSERT_EQ(vaccel_plugin_load(NOOP_PLUGIN), VACCEL_OK);
	EXPECT_EQ(vaccel_exec_with_resource(&s[0], &res, "fn", nullptr, 0,
					    nullptr, 0),
		  VACCEL_EPERM);
	EXPECT_LOG_HAS(
	    "vaccel_exec_with_resource: resource " + std::to_string(res.id) +
	    " is not registered to session " + std::to_string(s[0].id));
	ASSERT_EQ(vaccel_resource_register(&res, &s[1]), VACCEL_OK);
	EXPECT_EQ(vaccel_exec_with_resource(&s[0], &res, "fn", nullptr, 0,
					    nullptr, 0),
		  VACCEL_EPERM);
	EXPECT_EQ(vaccel_exec_with_resource(&s[1], &res, "fn", nullptr, 0,
					    nullptr, 0),
		  VACCEL_OK);
	EXPECT_LOG_HAS("[noop] vaccel_exec_with_resource(session");
	/* Through genop too. */
	vaccel_op_type_t op = VACCEL_OP_EXEC_WITH_RESOURCE;
	char fn[] = "fn";
	struct vaccel_arg read[] = {
	    {&op, sizeof(op), VACCEL_ARG_RAW, 0, false},
	    {&res, sizeof(res), VACCEL_ARG_RAW, 0, false},
	    {fn, sizeof(fn), VACCEL_ARG_RAW, 0, false}};
	EXPECT_EQ(vaccel_genop(&s[1], read, 3, nullptr, 0), VACCEL_OK);
	EXPECT_EQ(vaccel_genop(&s[2], read, 3, nullptr, 0), VACCEL_EPERM);

	struct vaccel_resource zero = {};
	zero.type = VACCEL_RESOURCE_LIB;
	EXPECT_EQ(vaccel_exec_with_resource(&s[1], &zero, "fn", nullptr, 0,
					    nullptr, 0),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_exec_with_resource: the resource in "
		       "'resource' is not initialised or was released");
	ASSERT_EQ(vaccel_resource_release(&res), VACCEL_OK);
	EXPECT_EQ(vaccel_exec_with_resource(&s[1], &res, "fn", nullptr, 0,
					    nullptr, 0),
		  VACCEL_EINVAL);
}

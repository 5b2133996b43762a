/* The SDK's per-resource table (vaccel/plugin_cache.h). */

#include <gtest/gtest.h>

extern "C" {
#include <vaccel/plugin_cache.h>
}

#include <cstdlib>
#include <vector>

struct Model {
	struct vaccel_plugin_cache_entry entry;
	int payload;
};

static std::vector<int> freed;

static void FreeModel(struct vaccel_plugin_cache_entry *e)
{
	Model *m = vaccel_plugin_cache_obj(e, Model, entry);
	freed.push_back(m->payload);
	delete m;
}

class PluginCacheTest : public ::testing::Test
{
      protected:
	struct vaccel_plugin_cache cache = VACCEL_PLUGIN_CACHE_INIT(FreeModel);

	void SetUp() override
	{
		freed.clear();
	}
	void TearDown() override
	{
		vaccel_plugin_cache_clear(&cache);
	}

	Model *Add(vaccel_id_t id, int payload)
	{
		Model *m = new Model;
		vaccel_plugin_cache_entry_init(&m->entry, id);
		m->payload = payload;
		EXPECT_EQ(vaccel_plugin_cache_add(&cache, &m->entry),
			  VACCEL_OK);
		return m;
	}
};

TEST_F(PluginCacheTest, GetFindsByResourceIdAndCountsReferences)
{
	Add(1, 10);
	Add(2, 20);
	struct vaccel_plugin_cache_entry *e =
	    vaccel_plugin_cache_get(&cache, 2);
	ASSERT_NE(e, nullptr);
	EXPECT_EQ(vaccel_plugin_cache_obj(e, Model, entry)->payload, 20);
	EXPECT_EQ(e->refs, 2u);
	vaccel_plugin_cache_put(&cache, e);
	EXPECT_EQ(e->refs, 1u);
	EXPECT_EQ(vaccel_plugin_cache_get(&cache, 3), nullptr);
	EXPECT_TRUE(freed.empty());
}

TEST_F(PluginCacheTest, SecondEntryForOneResourceIsEEXIST)
{
	Add(1, 10);
	Model dup;
	vaccel_plugin_cache_entry_init(&dup.entry, 1);
	EXPECT_EQ(vaccel_plugin_cache_add(&cache, &dup.entry), VACCEL_EEXIST);
}

TEST_F(PluginCacheTest, RemoveWhileInUseFreesAtTheLastPut)
{
	Add(7, 70);
	struct vaccel_plugin_cache_entry *e =
	    vaccel_plugin_cache_get(&cache, 7);
	ASSERT_NE(e, nullptr);
	EXPECT_EQ(vaccel_plugin_cache_remove(&cache, 7), VACCEL_OK);
	EXPECT_TRUE(freed.empty()) << "freed under a user";
	EXPECT_EQ(vaccel_plugin_cache_get(&cache, 7), nullptr);
	vaccel_plugin_cache_put(&cache, e);
	EXPECT_EQ(freed, std::vector<int>{70});
	EXPECT_EQ(vaccel_plugin_cache_remove(&cache, 7), VACCEL_ENOENT);
}

TEST_F(PluginCacheTest, ClearFreesEveryUnusedEntry)
{
	Add(1, 10);
	Add(2, 20);
	Add(3, 30);
	vaccel_plugin_cache_clear(&cache);
	EXPECT_EQ(freed.size(), 3u);
	EXPECT_EQ(vaccel_plugin_cache_get(&cache, 1), nullptr);
}

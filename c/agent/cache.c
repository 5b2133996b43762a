/* Resources held by content hash: a model uploaded once serves every
 * later connection that names the same bytes (docs/agent.md "Resource
 * cache"). Entries live until the agent exits. */

#include "agent.h"

#include <stdlib.h>
#include <string.h>

struct entry {
	struct entry *next;
	struct cached_resource r;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry *entries;

static struct cached_resource *find_locked(uint32_t type, const uint8_t *hash)
{
	for (struct entry *e = entries; e; e = e->next)
		if (e->r.type == type && !memcmp(e->r.hash, hash, 32))
			return &e->r;
	return NULL;
}

struct cached_resource *agent_cache_find(uint32_t type, const uint8_t *hash)
{
	struct cached_resource *r;

	pthread_mutex_lock(&lock);
	r = find_locked(type, hash);
	pthread_mutex_unlock(&lock);
	return r;
}

struct cached_resource *agent_cache_add(uint32_t type, const uint8_t *hash,
					struct vaccel_resource *res)
{
	struct cached_resource *r;
	struct entry *e;

	pthread_mutex_lock(&lock);
	r = find_locked(type, hash);
	if (r) {
		/* Another connection uploaded the same bytes meanwhile. */
		pthread_mutex_unlock(&lock);
		vaccel_resource_delete(res);
		return r;
	}
	e = calloc(1, sizeof(*e));
	if (!e) {
		pthread_mutex_unlock(&lock);
		vaccel_resource_delete(res);
		return NULL;
	}
	memcpy(e->r.hash, hash, 32);
	e->r.type = type;
	e->r.res = res;
	e->next = entries;
	entries = e;
	agent_stats.cached++;
	pthread_mutex_unlock(&lock);
	return &e->r;
}

void agent_cache_clear(void)
{
	pthread_mutex_lock(&lock);
	while (entries) {
		struct entry *next = entries->next;

		vaccel_resource_delete(entries->r.res);
		free(entries);
		entries = next;
		agent_stats.cached--;
	}
	pthread_mutex_unlock(&lock);
}

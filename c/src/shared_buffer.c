/* Shared buffers (vaccel/shared_buffer.h): a slot of a transport's region
 * when a plugin serving the session offers one, else the heap. Every
 * buffer handed out is listed here, so freeing a foreign pointer or one
 * twice is refused with a message instead of corrupting an allocator. */

#include "vaccel/shared_buffer.h"
#include "internal.h"
#include "vaccel/error.h"
#include "vaccel/log.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HEAP_ALIGN 64u

struct shared_buf {
	void *ptr;
	size_t size;
	vaccel_id_t sess;
	/* The plugin whose region holds it; NULL: heap. */
	const struct vaccel_plugin_descriptor *owner;
};

static struct {
	pthread_mutex_t lock;
	struct shared_buf *bufs;
	size_t nr, cap;
} tab = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* Called locked. */
static bool tab_add(struct shared_buf b)
{
	if (tab.nr == tab.cap) {
		size_t cap = tab.cap ? 2 * tab.cap : 16;
		struct shared_buf *g = realloc(tab.bufs, cap * sizeof(*g));

		if (!g)
			return false;
		tab.bufs = g;
		tab.cap = cap;
	}
	tab.bufs[tab.nr++] = b;
	return true;
}

/* Called locked: the index of `ptr`, or tab.nr. */
static size_t tab_find(const void *ptr)
{
	size_t i = 0;

	while (i < tab.nr && tab.bufs[i].ptr != ptr)
		i++;
	return i;
}

int vaccel_shared_alloc(struct vaccel_session *sess, size_t size, void **out)
{
	struct shared_buf b = {NULL, size, 0, NULL};
	bool listed;

	if (!sess || !out || size == 0) {
		vaccel_error("vaccel_shared_alloc: needs a session, an out "
			     "pointer and a size > 0 (size %zu)",
			     size);
		return VACCEL_EINVAL;
	}
	b.sess = sess->id;
	if (vaccel_plugins_shared_alloc(sess, size, &b.ptr, &b.owner)) {
		size_t rounded =
		    (size + HEAP_ALIGN - 1) & ~(size_t)(HEAP_ALIGN - 1);

		b.owner = NULL;
		b.ptr =
		    rounded >= size ? aligned_alloc(HEAP_ALIGN, rounded) : NULL;
		if (!b.ptr) {
			vaccel_error("vaccel_shared_alloc: out of memory for "
				     "%zu bytes",
				     size);
			return VACCEL_ENOMEM;
		}
	}
	pthread_mutex_lock(&tab.lock);
	listed = tab_add(b);
	pthread_mutex_unlock(&tab.lock);
	if (!listed) {
		if (b.owner)
			b.owner->shared_free(sess, b.ptr);
		else
			free(b.ptr);
		vaccel_error("vaccel_shared_alloc: out of memory");
		return VACCEL_ENOMEM;
	}
	vaccel_debug("session %lld: shared buffer of %zu bytes at %p (%s)",
		     (long long)sess->id, size, b.ptr,
		     b.owner ? b.owner->name : "heap");
	*out = b.ptr;
	return VACCEL_OK;
}

int vaccel_shared_free(struct vaccel_session *sess, void *ptr)
{
	struct shared_buf b = {NULL, 0, 0, NULL};
	vaccel_id_t other = 0;
	size_t i;

	if (!ptr)
		return VACCEL_OK;
	if (!sess) {
		vaccel_error("vaccel_shared_free(%p): no session", ptr);
		return VACCEL_EINVAL;
	}
	pthread_mutex_lock(&tab.lock);
	i = tab_find(ptr);
	if (i < tab.nr && tab.bufs[i].sess == sess->id) {
		b = tab.bufs[i];
		tab.bufs[i] = tab.bufs[--tab.nr];
	} else if (i < tab.nr) {
		other = tab.bufs[i].sess;
	}
	pthread_mutex_unlock(&tab.lock);
	if (!b.ptr) {
		if (other)
			vaccel_error("vaccel_shared_free(%p): the buffer "
				     "belongs to session %lld, not %lld",
				     ptr, (long long)other,
				     (long long)sess->id);
		else
			vaccel_error("vaccel_shared_free(%p): not a shared "
				     "buffer (never allocated, or already "
				     "freed)",
				     ptr);
		return VACCEL_EINVAL;
	}
	if (!b.owner) {
		free(b.ptr);
		return VACCEL_OK;
	}
	return b.owner->shared_free(sess, b.ptr);
}

bool vaccel_shared_is_region(const void *ptr)
{
	bool region;
	size_t i;

	pthread_mutex_lock(&tab.lock);
	i = tab_find(ptr);
	region = i < tab.nr && tab.bufs[i].owner;
	pthread_mutex_unlock(&tab.lock);
	return region;
}

/* Free the buffers of session `id` (0: all) left unfreed, with a warning:
 * afterwards their plugin or its region may be gone. */
static void drop_left(struct vaccel_session *sess, vaccel_id_t id)
{
	for (;;) {
		struct shared_buf b = {NULL, 0, 0, NULL};

		pthread_mutex_lock(&tab.lock);
		for (size_t i = 0; i < tab.nr; i++) {
			if (id && tab.bufs[i].sess != id)
				continue;
			b = tab.bufs[i];
			tab.bufs[i] = tab.bufs[--tab.nr];
			break;
		}
		if (!tab.nr) {
			free(tab.bufs);
			tab.bufs = NULL;
			tab.cap = 0;
		}
		pthread_mutex_unlock(&tab.lock);
		if (!b.ptr)
			return;
		vaccel_warn("session %lld: shared buffer %p (%zu bytes) was "
			    "not freed; freeing it now",
			    (long long)b.sess, b.ptr, b.size);
		if (!b.owner)
			free(b.ptr);
		else
			b.owner->shared_free(sess, b.ptr);
	}
}

void vaccel_shared_session_released(struct vaccel_session *sess)
{
	drop_left(sess, sess->id);
}

void vaccel_shared_report_leaks(void)
{
	drop_left(NULL, 0);
}

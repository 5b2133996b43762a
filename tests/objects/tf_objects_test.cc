/* Torch and tf buffers, tf nodes and tf statuses. */

#include "../core/vaccel_test.h"

#include <cstring>

namespace
{

class BufferTest : public VaccelTest
{
};

TEST_F(BufferTest, TorchBufferOwnsItsData)
{
	struct vaccel_torch_buffer b;
	char *data = strdup("run-options");

	ASSERT_EQ(vaccel_torch_buffer_init(&b, data, 12), VACCEL_OK);
	EXPECT_EQ(b.data, data);
	EXPECT_EQ(b.size, 12u);
	/* Release frees the data (ASan reports a leak otherwise). */
	EXPECT_EQ(vaccel_torch_buffer_release(&b), VACCEL_OK);
	EXPECT_EQ(b.data, nullptr);
	EXPECT_EQ(b.size, 0u);

	struct vaccel_torch_buffer positional = {nullptr, 0};
	EXPECT_EQ(vaccel_torch_buffer_release(&positional), VACCEL_OK);

	EXPECT_EQ(vaccel_torch_buffer_init(nullptr, nullptr, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_torch_buffer_release(nullptr), VACCEL_EINVAL);
}

TEST_F(BufferTest, TorchBufferTakeData)
{
	struct vaccel_torch_buffer *b = nullptr;
	char *data = strdup("abc");
	void *out = nullptr;
	size_t size = 0;

	ASSERT_EQ(vaccel_torch_buffer_new(&b, data, 4), VACCEL_OK);
	ASSERT_EQ(vaccel_torch_buffer_take_data(b, &out, &size), VACCEL_OK);
	EXPECT_EQ(out, data);
	EXPECT_EQ(size, 4u);
	EXPECT_EQ(b->data, nullptr);
	EXPECT_EQ(b->size, 0u);
	EXPECT_EQ(vaccel_torch_buffer_take_data(b, nullptr, &size),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_torch_buffer_take_data(b, &out, nullptr),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_torch_buffer_take_data(nullptr, &out, &size),
		  VACCEL_EINVAL);
	EXPECT_EQ(vaccel_torch_buffer_delete(b), VACCEL_OK);
	EXPECT_STREQ(static_cast<char *>(out), "abc");
	free(out);

	EXPECT_EQ(vaccel_torch_buffer_new(nullptr, nullptr, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_torch_buffer_delete(nullptr), VACCEL_EINVAL);
}

TEST_F(BufferTest, TfBuffer)
{
	struct vaccel_tf_buffer *b = nullptr;
	struct vaccel_tf_buffer s;
	void *data = malloc(16);
	void *out;
	size_t size;

	ASSERT_NE(data, nullptr);
	ASSERT_EQ(vaccel_tf_buffer_new(&b, data, 16), VACCEL_OK);
	EXPECT_EQ(b->data, data);
	EXPECT_EQ(b->size, 16u);
	EXPECT_EQ(vaccel_tf_buffer_delete(b), VACCEL_OK); /* frees data */

	ASSERT_EQ(vaccel_tf_buffer_init(&s, malloc(8), 8), VACCEL_OK);
	ASSERT_EQ(vaccel_tf_buffer_take_data(&s, &out, &size), VACCEL_OK);
	EXPECT_EQ(size, 8u);
	EXPECT_EQ(vaccel_tf_buffer_release(&s), VACCEL_OK);
	free(out);

	EXPECT_EQ(vaccel_tf_buffer_init(nullptr, nullptr, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_buffer_new(nullptr, nullptr, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_buffer_release(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_buffer_delete(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_buffer_take_data(nullptr, &out, &size),
		  VACCEL_EINVAL);
}

class TfNodeTest : public VaccelTest
{
};

TEST_F(TfNodeTest, InitCopiesTheName)
{
	char name[] = "serving_default_x";
	struct vaccel_tf_node n;

	ASSERT_EQ(vaccel_tf_node_init(&n, name, 3), VACCEL_OK);
	EXPECT_NE(n.name, name);
	name[0] = 'S';
	EXPECT_STREQ(n.name, "serving_default_x");
	EXPECT_EQ(n.id, 3);
	EXPECT_EQ(vaccel_tf_node_release(&n), VACCEL_OK);
	EXPECT_EQ(n.name, nullptr);
	EXPECT_EQ(n.id, -1);

	/* Positional init, as applications write it. */
	struct vaccel_tf_node positional = {(char *)"in", 0};
	EXPECT_STREQ(positional.name, "in");
	EXPECT_EQ(positional.id, 0);
}

TEST_F(TfNodeTest, NewAndDelete)
{
	struct vaccel_tf_node *n = nullptr;

	ASSERT_EQ(vaccel_tf_node_new(&n, "StatefulPartitionedCall", 0),
		  VACCEL_OK);
	EXPECT_STREQ(n->name, "StatefulPartitionedCall");
	EXPECT_EQ(vaccel_tf_node_delete(n), VACCEL_OK);

	n = nullptr;
	EXPECT_EQ(vaccel_tf_node_new(&n, nullptr, 0), VACCEL_EINVAL);
	EXPECT_EQ(n, nullptr);
	EXPECT_LOG_HAS("tf node name: NULL string");
	EXPECT_EQ(vaccel_tf_node_new(nullptr, "x", 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_node_init(nullptr, "x", 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_node_release(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_node_delete(nullptr), VACCEL_EINVAL);
}

class TfStatusTest : public VaccelTest
{
};

TEST_F(TfStatusTest, InitCopiesTheMessage)
{
	char msg[] = "Invalid argument";
	struct vaccel_tf_status s;

	ASSERT_EQ(vaccel_tf_status_init(&s, 3, msg), VACCEL_OK);
	msg[0] = 'X';
	EXPECT_STREQ(s.message, "Invalid argument");
	EXPECT_EQ(s.code, 3);
	EXPECT_EQ(s.error_code, 3); /* vAccel 0.7's name for the same field */
	EXPECT_EQ(vaccel_tf_status_release(&s), VACCEL_OK);
	EXPECT_EQ(s.message, nullptr);
	EXPECT_EQ(s.code, 0);
}

TEST_F(TfStatusTest, NewAndDelete)
{
	struct vaccel_tf_status *s = nullptr;

	ASSERT_EQ(vaccel_tf_status_new(&s, 0, "OK"), VACCEL_OK);
	EXPECT_STREQ(s->message, "OK");
	EXPECT_EQ(vaccel_tf_status_delete(s), VACCEL_OK);

	s = nullptr;
	EXPECT_EQ(vaccel_tf_status_new(&s, 1, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(s, nullptr);
	EXPECT_LOG_HAS("tf status message: NULL string");
	EXPECT_EQ(vaccel_tf_status_new(nullptr, 1, "x"), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_status_init(nullptr, 1, "x"), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_status_release(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_tf_status_delete(nullptr), VACCEL_EINVAL);
}

} // namespace

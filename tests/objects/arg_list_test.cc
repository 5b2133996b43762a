/* vAccel's deprecated arg-list API (vaccel/arg_list.h), as older vAccel
 * programs use it: build the read and write lists of an exec call, then
 * read the results back. */

#include "../core/vaccel_test.h"

#include <cstdlib>
#include <cstring>

/* The API is deprecated (as in vAccel); these tests call it on purpose. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace
{

/* A "non-serial" value: two ints, serialized as their sum and product. */
struct pair {
	int32_t a, b;
};

void *serialize_pair(void *data, uint32_t *bytes)
{
	const struct pair *p = static_cast<const struct pair *>(data);
	int32_t *out = static_cast<int32_t *>(malloc(2 * sizeof(int32_t)));
	if (!out)
		return nullptr;
	out[0] = p->a + p->b;
	out[1] = p->a * p->b;
	*bytes = 2 * sizeof(int32_t);
	return out;
}

void *serialize_nothing(void *, uint32_t *bytes)
{
	*bytes = 0;
	return nullptr;
}

int32_t last_size;

void *deserialize_first(void *buf, uint32_t size)
{
	last_size = (int32_t)size;
	return buf;
}

class ArgListTest : public VaccelTest
{
};

TEST_F(ArgListTest, SerialArgsPointAtTheCallersBuffers)
{
	int32_t x = 40, y = 2, sum = 0;
	struct vaccel_arg_list *read = vaccel_args_init(2);
	struct vaccel_arg_list *write = vaccel_args_init(1);
	ASSERT_NE(read, nullptr);
	ASSERT_NE(write, nullptr);
	EXPECT_EQ(read->size, 2u);
	EXPECT_EQ(read->curr_idx, 0);

	ASSERT_EQ(vaccel_add_serial_arg(read, &x, sizeof(x)), VACCEL_OK);
	ASSERT_EQ(vaccel_add_serial_arg(read, &y, sizeof(y)), VACCEL_OK);
	ASSERT_EQ(vaccel_expect_serial_arg(write, &sum, sizeof(sum)),
		  VACCEL_OK);
	EXPECT_EQ(read->curr_idx, 2);
	EXPECT_EQ(read->list[0].buf, &x);
	EXPECT_EQ(read->list[0].size, sizeof(x));
	EXPECT_EQ(read->list[0].type, VACCEL_ARG_RAW);
	EXPECT_FALSE(read->list[0].owned);
	EXPECT_EQ(read->list[1].buf, &y);
	EXPECT_EQ(read->idcs_allocated_space[0], 0);
	EXPECT_EQ(write->list[0].buf, &sum);

	/* The list is full: a third add is refused. */
	int32_t z = 0;
	EXPECT_EQ(vaccel_add_serial_arg(read, &z, sizeof(z)), VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_add_serial_arg: the list of 2 args is full");
	EXPECT_EQ(read->curr_idx, 2);

	/* What a plugin does with them. */
	EXPECT_EQ(*(int32_t *)vaccel_extract_serial_arg(read->list, 1), 2);
	int32_t result = 42;
	ASSERT_EQ(vaccel_write_serial_arg(write->list, 0, &result), VACCEL_OK);
	EXPECT_EQ(sum, 42);

	EXPECT_EQ(vaccel_delete_args(read), VACCEL_OK);
	EXPECT_EQ(vaccel_delete_args(write), VACCEL_OK);
	EXPECT_EQ(x, 40); /* the caller's buffers are left alone */
}

TEST_F(ArgListTest, NonserialArgsAreOwnedByTheList)
{
	struct pair p = {3, 4};
	struct vaccel_arg_list *read = vaccel_args_init(1);
	struct vaccel_arg_list *write = vaccel_args_init(1);
	ASSERT_NE(read, nullptr);
	ASSERT_NE(write, nullptr);

	ASSERT_EQ(vaccel_add_nonserial_arg(read, &p, 77, serialize_pair),
		  VACCEL_OK);
	EXPECT_EQ(read->list[0].type, VACCEL_ARG_CUSTOM);
	EXPECT_EQ(read->list[0].custom_type_id, 77u);
	EXPECT_EQ(read->list[0].size, 2 * sizeof(int32_t));
	EXPECT_EQ(read->idcs_allocated_space[0], 1);
	int32_t *got = static_cast<int32_t *>(
	    vaccel_extract_nonserial_arg(read->list, 0, deserialize_first));
	ASSERT_NE(got, nullptr);
	EXPECT_EQ(got[0], 7);
	EXPECT_EQ(got[1], 12);
	EXPECT_EQ(last_size, 8);

	/* An output the list allocates, zeroed, filled by the plugin. */
	ASSERT_EQ(vaccel_expect_nonserial_arg(write, 8), VACCEL_OK);
	EXPECT_EQ(write->idcs_allocated_space[0], 1);
	const int32_t zero[2] = {0, 0};
	ASSERT_NE(write->list[0].buf, nullptr);
	EXPECT_EQ(memcmp(write->list[0].buf, zero, sizeof(zero)), 0);
	struct pair q = {5, 6};
	ASSERT_EQ(
	    vaccel_write_nonserial_arg(write->list, 0, &q, serialize_pair),
	    VACCEL_OK);
	int32_t *out =
	    static_cast<int32_t *>(vaccel_extract_serial_arg(write->list, 0));
	EXPECT_EQ(out[0], 11);
	EXPECT_EQ(out[1], 30);

	/* The list frees what it allocated (ASan reports a leak if not). */
	EXPECT_EQ(vaccel_delete_args(read), VACCEL_OK);
	EXPECT_EQ(vaccel_delete_args(write), VACCEL_OK);
}

TEST_F(ArgListTest, BadUseIsRefused)
{
	int32_t v = 1;
	EXPECT_EQ(vaccel_args_init(0), nullptr);
	EXPECT_LOG_HAS("vaccel_args_init: size is 0");

	struct vaccel_arg_list *l = vaccel_args_init(1);
	ASSERT_NE(l, nullptr);
	EXPECT_EQ(vaccel_add_serial_arg(nullptr, &v, 4), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_add_serial_arg(l, nullptr, 4), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_add_serial_arg(l, &v, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_expect_serial_arg(l, nullptr, 4), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_expect_nonserial_arg(l, 0), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_add_nonserial_arg(l, &v, 1, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_add_nonserial_arg(l, &v, 1, serialize_nothing),
		  VACCEL_EINVAL);
	EXPECT_EQ(l->curr_idx, 0);

	/* A serialized output larger than its arg is refused, not copied
	 * past the end. */
	ASSERT_EQ(vaccel_expect_nonserial_arg(l, 4), VACCEL_OK);
	struct pair p = {1, 2};
	EXPECT_EQ(vaccel_write_nonserial_arg(l->list, 0, &p, serialize_pair),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("8 serialized bytes do not fit arg 0 of 4 bytes");

	EXPECT_EQ(vaccel_extract_serial_arg(nullptr, 0), nullptr);
	EXPECT_EQ(vaccel_extract_serial_arg(l->list, -1), nullptr);
	EXPECT_EQ(vaccel_extract_nonserial_arg(l->list, 0, nullptr), nullptr);
	EXPECT_EQ(vaccel_write_serial_arg(l->list, 0, nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_delete_args(nullptr), VACCEL_EINVAL);
	EXPECT_EQ(vaccel_delete_args(l), VACCEL_OK);
}

} // namespace

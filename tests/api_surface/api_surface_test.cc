/* Run-time half of the API contract check (the compile-time half is in the
 * generated surface_check*.c[c] and struct_layout_check.c): every function
 * of the spec has an address, and positional initialisers put each value in
 * the spec's field. exports_test.cc checks libvaccel.so's symbols. */

#include <gtest/gtest.h>

#include <string>

extern "C" {
#include <vaccel.h>

struct surface_function {
	const char *name;
	const void *addr;
};
extern const struct surface_function surface_functions[];
extern const unsigned surface_function_count;

extern struct vaccel_tf_node layout_node;
extern struct vaccel_arg layout_arg;
extern struct vaccel_arg_array layout_array;
extern struct vaccel_torch_buffer layout_torch_buffer;
extern struct vaccel_tf_status layout_status;
extern struct vaccel_config layout_config;
}

namespace surface_cxx
{
struct surface_function {
	const char *name;
	const void *addr;
};
extern const struct surface_function surface_functions[];
extern const unsigned surface_function_count;
} // namespace surface_cxx

TEST(ApiSurface, CoversTheWholeSpec)
{
	/* 166 listed functions, 78 typed arg_array functions, 1 alias. */
	EXPECT_EQ(surface_function_count, 245u);
	EXPECT_EQ(surface_cxx::surface_function_count, surface_function_count);
	for (unsigned i = 0; i < surface_function_count; i++)
		EXPECT_NE(surface_functions[i].addr, nullptr)
		    << surface_functions[i].name;
}

TEST(ApiSurface, PositionalInitialisersFillTheSpecFields)
{
	EXPECT_STREQ(layout_node.name, "serving_default_x");
	EXPECT_EQ(layout_node.id, 7);

	EXPECT_EQ(*(int32_t *)layout_arg.buf, 42);
	EXPECT_EQ(layout_arg.size, sizeof(int32_t));
	EXPECT_EQ(layout_arg.type, VACCEL_ARG_INT32);
	EXPECT_EQ(layout_arg.custom_type_id, 3u);
	EXPECT_FALSE(layout_arg.owned);

	EXPECT_EQ(layout_array.args, &layout_arg);
	EXPECT_EQ(layout_array.count, 1u);
	EXPECT_EQ(layout_array.capacity, 1u);
	EXPECT_EQ(layout_array.position, 0u);

	EXPECT_EQ(layout_torch_buffer.size, 5u);
	EXPECT_EQ(layout_status.code, 9);
	EXPECT_EQ(layout_status.error_code, 9);
	EXPECT_STREQ(layout_status.message, "serving_default_x");

	EXPECT_STREQ(layout_config.plugins, "serving_default_x");
	EXPECT_EQ(layout_config.log_level, VACCEL_LOG_WARN);
	EXPECT_EQ(layout_config.log_file, nullptr);
	EXPECT_TRUE(layout_config.profiling_enabled);
	EXPECT_TRUE(layout_config.version_ignore);
}

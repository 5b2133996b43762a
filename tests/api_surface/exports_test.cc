/* Every function of the spec is exported by libvaccel.so under its name.
 * This test does not link the runtime: a second copy of it beside the
 * dlopen'd one would be an ODR violation (and ASan reports it). */

#include <gtest/gtest.h>

#include <cstdlib>
#include <dlfcn.h>
#include <fstream>
#include <string>
#include <vector>

static std::vector<std::string> SpecNames()
{
	std::ifstream in("tests/api_surface/surface_names.txt");
	std::vector<std::string> names;
	std::string line;

	while (std::getline(in, line))
		if (!line.empty())
			names.push_back(line);
	return names;
}

TEST(ApiExports, SharedLibraryExportsEveryFunction)
{
	std::vector<std::string> names = SpecNames();

	/* 166 listed functions, 78 typed arg_array functions, 1 alias. */
	ASSERT_EQ(names.size(), 245u);
	/* Only the symbols are needed: no bootstrap, no cleanup. */
	setenv("VACCEL_BOOTSTRAP_ENABLED", "0", 1);
	setenv("VACCEL_CLEANUP_ENABLED", "0", 1);
	void *lib = dlopen("./libvaccel.so", RTLD_NOW | RTLD_LOCAL);
	ASSERT_NE(lib, nullptr) << dlerror();
	for (const std::string &name : names)
		EXPECT_NE(dlsym(lib, name.c_str()), nullptr)
		    << name << " is not exported";
	EXPECT_EQ(dlsym(lib, "vaccel_no_such_function"), nullptr);
	dlclose(lib);
}

/* vAccel's libvaccel.so exports fs_file_read(), which vAccel's example
 * programs call (utils/fs.h, in vaccel/compat). */
TEST(ApiExports, ExportsTheFileReaderOfVaccelExamples)
{
	setenv("VACCEL_BOOTSTRAP_ENABLED", "0", 1);
	setenv("VACCEL_CLEANUP_ENABLED", "0", 1);
	void *lib = dlopen("./libvaccel.so", RTLD_NOW | RTLD_LOCAL);
	ASSERT_NE(lib, nullptr) << dlerror();
	EXPECT_NE(dlsym(lib, "fs_file_read"), nullptr);
	dlclose(lib);
}

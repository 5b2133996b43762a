#pragma once

/* What the exec plugin's tests share: a raw arg over a caller buffer, and
 * a fixture that loads the plugin into a fresh runtime on Start() (after a
 * test has set the environment it wants) and clears that environment. */

#include "tests/core/vaccel_test.h"

#include <cstdlib>

#define EXEC_PLUGIN "c/plugins/exec/libvaccel-exec.so"
#define TEST_LIB "tests/backends/libexec-test.so"

static inline struct vaccel_arg Arg(const void *buf, size_t size)
{
	return {const_cast<void *>(buf), size, VACCEL_ARG_RAW, 0, false};
}

class ExecFixture : public VaccelTest
{
      protected:
	struct vaccel_session sess = {};
	bool started = false;

	void Start(uint32_t hint = 0)
	{
		ASSERT_EQ(LoadBackend(EXEC_PLUGIN), VACCEL_OK);
		ASSERT_EQ(vaccel_session_init(&sess, hint), VACCEL_OK);
		started = true;
	}

	void TearDown() override
	{
		if (started)
			vaccel_session_release(&sess);
		VaccelTest::TearDown();
		unsetenv("VACCEL_EXEC_DLOPEN_MODE");
		unsetenv("VACCEL_EXEC_DLCLOSE_ENABLED");
		unsetenv("VACCEL_EXEC_DLCLOSE");
	}
};

#include "exec_fixture.h"

#include <atomic>
#include <cstdint>
#include <sys/stat.h>
#include <thread>
#include <vector>

#define LAZY_LIB "tests/backends/libexec-lazy.so"

/* vaccel_exec through the exec plugin (docs/exec.md). Each test loads the
 * plugin itself, after setting the environment it wants. */
class ExecTest : public ExecFixture
{
      protected:
	int Add(const char *lib, int32_t x, int32_t y, int32_t *sum)
	{
		struct vaccel_arg read[] = {Arg(&x, 4), Arg(&y, 4)};
		struct vaccel_arg write[] = {Arg(sum, 4)};
		return vaccel_exec(&sess, lib, "add_int32", read, 2, write, 1);
	}

	int32_t Count()
	{
		int32_t n = -1;
		struct vaccel_arg write[] = {Arg(&n, 4)};
		EXPECT_EQ(vaccel_exec(&sess, TEST_LIB, "count_calls", nullptr,
				      0, write, 1),
			  VACCEL_OK);
		return n;
	}
};

TEST_F(ExecTest, CallsTheFunction)
{
	Start();
	int32_t sum = 0;
	ASSERT_EQ(Add(TEST_LIB, 40, 2, &sum), VACCEL_OK);
	EXPECT_EQ(sum, 42);
	ASSERT_EQ(Add(TEST_LIB, -5, -6, &sum), VACCEL_OK);
	EXPECT_EQ(sum, -11);
}

/* Hints are a preference (vAccel): a program that asks for the debug
 * plugin and loads only exec gets exec. */
TEST_F(ExecTest, UnmatchedHintFallsBackToExec)
{
	Start(VACCEL_PLUGIN_DEBUG);
	int32_t sum = 0;
	ASSERT_EQ(Add(TEST_LIB, 40, 2, &sum), VACCEL_OK);
	EXPECT_EQ(sum, 42);
	ASSERT_NE(sess.plugin, nullptr);
	EXPECT_STREQ(sess.plugin->info->name, "exec");
}

/* An older vAccel program: the arg lists go straight to vaccel_exec. */
TEST_F(ExecTest, DeprecatedArgListsReachTheFunction)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
	Start();
	int32_t x = 40, y = 2, sum = 0;
	struct vaccel_arg_list *read = vaccel_args_init(2);
	struct vaccel_arg_list *write = vaccel_args_init(1);
	ASSERT_TRUE(read && write);
	ASSERT_EQ(vaccel_add_serial_arg(read, &x, sizeof(x)), VACCEL_OK);
	ASSERT_EQ(vaccel_add_serial_arg(read, &y, sizeof(y)), VACCEL_OK);
	ASSERT_EQ(vaccel_expect_serial_arg(write, &sum, sizeof(sum)),
		  VACCEL_OK);
	ASSERT_EQ(vaccel_exec(&sess, TEST_LIB, "add_int32", read->list,
			      read->size, write->list, write->size),
		  VACCEL_OK);
	EXPECT_EQ(sum, 42);
	EXPECT_EQ(vaccel_delete_args(read), VACCEL_OK);
	EXPECT_EQ(vaccel_delete_args(write), VACCEL_OK);
#pragma GCC diagnostic pop
}

TEST_F(ExecTest, SeveralWriteArgs)
{
	Start();
	char in[] = "vaccel", out[16];
	uint64_t len = 0;
	struct vaccel_arg read[] = {Arg(in, sizeof(in))};
	struct vaccel_arg write[] = {Arg(out, sizeof(out)), Arg(&len, 8)};
	ASSERT_EQ(vaccel_exec(&sess, TEST_LIB, "reverse", read, 1, write, 2),
		  VACCEL_OK);
	EXPECT_STREQ(out, "leccav");
	EXPECT_EQ(len, 6u);
}

TEST_F(ExecTest, MissingLibraryIsEinval)
{
	Start();
	int32_t sum = 0;
	EXPECT_EQ(Add("tests/backends/libnot-there.so", 1, 2, &sum),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("cannot load library tests/backends/libnot-there.so");
	EXPECT_LOG_HAS("No such file or directory"); /* dlerror() */
}

/* dlopen of a FIFO blocks until a writer comes: refused before that. */
TEST_F(ExecTest, FifoLibraryIsEinval)
{
	Start();
	char dir[] = "/tmp/vaccel-exec-fifo.XXXXXX";
	ASSERT_NE(mkdtemp(dir), nullptr);
	std::string fifo = std::string(dir) + "/libfifo.so";
	ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
	int32_t sum = 0;
	alarm(20); /* before the fix this blocked: fail instead */
	EXPECT_EQ(Add(fifo.c_str(), 1, 2, &sum), VACCEL_EINVAL);
	alarm(0);
	EXPECT_LOG_HAS("cannot load library " + fifo + ": not a regular file");
	unlink(fifo.c_str());
	rmdir(dir);
}

TEST_F(ExecTest, MissingSymbolIsEnosys)
{
	Start();
	int32_t n = 0;
	struct vaccel_arg write[] = {Arg(&n, 4)};
	EXPECT_EQ(
	    vaccel_exec(&sess, TEST_LIB, "no_such_fn", nullptr, 0, write, 1),
	    VACCEL_ENOSYS);
	EXPECT_LOG_HAS("library " TEST_LIB " has no function no_such_fn");
	EXPECT_LOG_HAS("undefined symbol: no_such_fn"); /* dlerror() */
}

TEST_F(ExecTest, FunctionFailureIsEbackend)
{
	Start();
	EXPECT_EQ(
	    vaccel_exec(&sess, TEST_LIB, "fail_7", nullptr, 0, nullptr, 0),
	    VACCEL_EBACKEND);
	EXPECT_LOG_HAS("fail_7() of " TEST_LIB " returned 7");
	/* A function that refuses its arguments fails the same way. */
	int32_t sum;
	int32_t x = 1;
	struct vaccel_arg read[] = {Arg(&x, 4)};
	struct vaccel_arg write[] = {Arg(&sum, 4)};
	EXPECT_EQ(vaccel_exec(&sess, TEST_LIB, "add_int32", read, 1, write, 1),
		  VACCEL_EBACKEND);
}

TEST_F(ExecTest, LibraryStaysLoadedByDefault)
{
	Start();
	EXPECT_EQ(Count(), 1);
	EXPECT_EQ(Count(), 2);
	EXPECT_EQ(Count(), 3);
}

TEST_F(ExecTest, DlcloseEnabledUnloadsAfterEachCall)
{
	setenv("VACCEL_EXEC_DLCLOSE_ENABLED", "1", 1);
	Start();
	EXPECT_EQ(Count(), 1);
	EXPECT_EQ(Count(), 1);
	EXPECT_EQ(Count(), 1);
}

TEST_F(ExecTest, DlcloseEnabledTrueAndFalse)
{
	setenv("VACCEL_EXEC_DLCLOSE_ENABLED", "TRUE", 1);
	Start();
	EXPECT_EQ(Count(), 1);
	EXPECT_EQ(Count(), 1);
	vaccel_session_release(&sess);
	started = false;
	vaccel_cleanup();
	Bootstrap(VACCEL_LOG_DEBUG, false);
	setenv("VACCEL_EXEC_DLCLOSE_ENABLED", "false", 1);
	Start();
	EXPECT_EQ(Count(), 1);
	EXPECT_EQ(Count(), 2);
}

/* The one boolean parser (vaccel/helpers/env.h), as the runtime's own
 * switches: empty means unset (the default, off); "On" is a true word. */
TEST_F(ExecTest, DlcloseEmptyIsTheDefaultAsForEverySwitch)
{
	setenv("VACCEL_EXEC_DLCLOSE_ENABLED", "", 1);
	Start();
	EXPECT_EQ(Count(), 1);
	EXPECT_EQ(Count(), 2);
	vaccel_session_release(&sess);
	started = false;
	vaccel_cleanup();
	Bootstrap(VACCEL_LOG_DEBUG, false);
	setenv("VACCEL_EXEC_DLCLOSE_ENABLED", "On", 1);
	Start();
	EXPECT_EQ(Count(), 1);
	EXPECT_EQ(Count(), 1);
}

TEST_F(ExecTest, OldDlcloseNameStillWorks)
{
	setenv("VACCEL_EXEC_DLCLOSE", "1", 1);
	Start();
	EXPECT_EQ(Count(), 1);
	EXPECT_EQ(Count(), 1);
	EXPECT_LOG_HAS("VACCEL_EXEC_DLCLOSE is deprecated");
}

TEST_F(ExecTest, LazyModeLoadsLibraryWithUnresolvedFunction)
{
	Start(); /* lazy is the default */
	int32_t n = 0;
	struct vaccel_arg write[] = {Arg(&n, 4)};
	ASSERT_EQ(vaccel_exec(&sess, LAZY_LIB, "answer", nullptr, 0, write, 1),
		  VACCEL_OK);
	EXPECT_EQ(n, 42);
}

TEST_F(ExecTest, NowModeRefusesLibraryWithUnresolvedFunction)
{
	setenv("VACCEL_EXEC_DLOPEN_MODE", "now", 1);
	Start();
	int32_t n = 0;
	struct vaccel_arg write[] = {Arg(&n, 4)};
	EXPECT_EQ(vaccel_exec(&sess, LAZY_LIB, "answer", nullptr, 0, write, 1),
		  VACCEL_EINVAL);
	EXPECT_LOG_HAS("cannot load library " LAZY_LIB);
	EXPECT_LOG_HAS("undefined symbol: exec_test_missing_function");
	/* Libraries without unresolved symbols load as usual. */
	int32_t sum = 0;
	ASSERT_EQ(Add(TEST_LIB, 2, 3, &sum), VACCEL_OK);
	EXPECT_EQ(sum, 5);
}

TEST_F(ExecTest, ModeIsCaseInsensitive)
{
	setenv("VACCEL_EXEC_DLOPEN_MODE", "LAZY", 1);
	Start();
	int32_t n = 0;
	struct vaccel_arg write[] = {Arg(&n, 4)};
	EXPECT_EQ(vaccel_exec(&sess, LAZY_LIB, "answer", nullptr, 0, write, 1),
		  VACCEL_OK);
}

TEST_F(ExecTest, InvalidDlopenModeFailsTheLoad)
{
	setenv("VACCEL_EXEC_DLOPEN_MODE", "sometimes", 1);
	EXPECT_EQ(vaccel_plugin_load(EXEC_PLUGIN), VACCEL_EINVAL);
	EXPECT_LOG_HAS("VACCEL_EXEC_DLOPEN_MODE is 'sometimes'; expected "
		       "'lazy' or 'now'");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

TEST_F(ExecTest, InvalidDlcloseValueFailsTheLoad)
{
	setenv("VACCEL_EXEC_DLCLOSE_ENABLED", "maybe", 1);
	EXPECT_EQ(vaccel_plugin_load(EXEC_PLUGIN), VACCEL_EINVAL);
	EXPECT_LOG_HAS("VACCEL_EXEC_DLCLOSE_ENABLED is 'maybe'");
	EXPECT_EQ(vaccel_plugin_count(), 0u);
}

TEST_F(ExecTest, ConcurrentCallsShareTheCache)
{
	Start();
	std::atomic<int> bad{0};
	std::vector<std::thread> threads;
	for (int t = 0; t < 8; t++)
		threads.emplace_back([&, t] {
			for (int i = 0; i < 200; i++) {
				int32_t sum = 0;
				if (Add(TEST_LIB, t, i, &sum) != VACCEL_OK ||
				    sum != t + i)
					bad++;
			}
		});
	for (auto &th : threads)
		th.join();
	EXPECT_EQ(bad, 0);
}

TEST_F(ExecTest, ThroughGenop)
{
	Start();
	vaccel_op_type_t op = VACCEL_OP_EXEC;
	const char lib[] = TEST_LIB, fn[] = "add_int32";
	int32_t x = 20, y = 22, sum = 0;
	struct vaccel_arg read[] = {Arg(&op, sizeof(op)), Arg(lib, sizeof(lib)),
				    Arg(fn, sizeof(fn)), Arg(&x, 4),
				    Arg(&y, 4)};
	struct vaccel_arg write[] = {Arg(&sum, 4)};
	ASSERT_EQ(vaccel_genop(&sess, read, 5, write, 1), VACCEL_OK);
	EXPECT_EQ(sum, 42);
}

/* Issue 16 item 2: a NULL arg array with a count is refused by the core
 * (the plugin used to read every arg for its log), on either side. */
TEST_F(ExecTest, NullArgsWithCountIsEinval)
{
	Start();
	int32_t sum = 0;
	struct vaccel_arg write[] = {Arg(&sum, 4)};
	EXPECT_EQ(
	    vaccel_exec(&sess, TEST_LIB, "add_int32", nullptr, 5, nullptr, 0),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_exec: 'read' is NULL with a count of 5");
	EXPECT_EQ(
	    vaccel_exec(&sess, TEST_LIB, "add_int32", write, 1, nullptr, 3),
	    VACCEL_EINVAL);
	EXPECT_LOG_HAS("vaccel_exec: 'write' is NULL with a count of 3");
	/* NULL with a count of 0 is an empty array: the call goes ahead. */
	EXPECT_EQ(
	    vaccel_exec(&sess, TEST_LIB, "count_calls", nullptr, 0, write, 1),
	    VACCEL_OK);
}

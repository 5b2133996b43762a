#pragma once

/* Shared fixture: every test starts a fresh runtime with no plugins and a
 * private log file, and cleans it up afterwards. */

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" {
#include <vaccel.h>
}

/*
 * Running a backend test three ways. By default a test loads its backend
 * plugin in-process. The *_unix and *_tcp variants of a test target set
 * VACCEL_TEST_REMOTE=unix|tcp: LoadBackend() then starts one vaccel-agent
 * for the test process (with the plugins in VACCEL_TEST_AGENT_PLUGINS, on
 * a UNIX socket in a temp dir or a free loopback port) and loads the rpc
 * plugin instead, so the same assertions check the same results through
 * the wire. The agent logs to a file that the fixture's Log() appends, so
 * tests that check a backend's log lines keep working. The agent dies
 * with the test process (PR_SET_PDEATHSIG), also when a test crashes.
 */

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/* VACCEL_TEST_AGENT_BINARY names another agent build (one linked with a
 * test IDL's runtime). */
#define DEFAULT_AGENT_BINARY "c/agent/vaccel-agent"
#define RPC_PLUGIN "c/plugins/rpc/libvaccel-rpc.so"

struct TestAgent {
	pid_t pid = -1;
	std::string dir, address, log_path;
};

static inline TestAgent &TheTestAgent()
{
	static TestAgent agent;
	return agent;
}

/* "unix", "tcp", or nullptr when the test runs in-process. */
static inline const char *RemoteMode()
{
	const char *m = getenv("VACCEL_TEST_REMOTE");
	return m && *m ? m : nullptr;
}

/* VACCEL_TEST_EXPECT_SHM (the _unix_shm runs): some call must have gone
 * through a shared-memory region, seen in the agent's log before each
 * truncation of it and at exit. */
static inline bool &SawShm()
{
	static bool seen;
	return seen;
}

static inline void NoteShm()
{
	TestAgent &a = TheTestAgent();
	FILE *f = a.log_path.empty() ? nullptr : fopen(a.log_path.c_str(), "r");
	char line[1024];

	while (f && fgets(line, sizeof(line), f))
		if (strstr(line, "memfd region of"))
			SawShm() = true;
	if (f)
		fclose(f);
}

static inline void StopTestAgentProcess();

static inline void StopTestAgent()
{
	TestAgent &a = TheTestAgent();

	NoteShm();
	if (getenv("VACCEL_TEST_EXPECT_SHM") && a.pid > 0 && !SawShm()) {
		fprintf(stderr, "VACCEL_TEST_EXPECT_SHM: no connection of this "
				"test attached a shared-memory region\n");
		StopTestAgentProcess();
		_exit(1);
	}
	StopTestAgentProcess();
}

static inline void StopTestAgentProcess()
{
	TestAgent &a = TheTestAgent();

	if (a.pid > 0) {
		kill(a.pid, SIGTERM);
		int status;
		for (int i = 0; i < 500; i++) {
			if (waitpid(a.pid, &status, WNOHANG) == a.pid) {
				a.pid = -1;
				break;
			}
			usleep(10000);
		}
		if (a.pid > 0) {
			kill(a.pid, SIGKILL);
			waitpid(a.pid, &status, 0);
		}
		a.pid = -1;
	}
	if (!a.dir.empty()) {
		std::string cmd = "rm -rf '" + a.dir + "'";
		if (system(cmd.c_str()) != 0)
			fprintf(stderr, "cannot remove %s\n", a.dir.c_str());
		a.dir.clear();
	}
}

/* The directory holding `lib`, symlinks resolved: what the agent's exec
 * allow-list compares against. */
static inline std::string RealDir(const char *lib)
{
	char real[PATH_MAX];

	if (!lib || !realpath(lib, real))
		return "";
	std::string s(real);
	return s.substr(0, s.rfind('/'));
}

/* Start the agent; "" on success, else why not. */
static inline std::string StartTestAgent(const char *mode)
{
	TestAgent &a = TheTestAgent();
	char tmpl[] = "/tmp/vaccel-agent-test.XXXXXX";
	int out[2];

	if (!mkdtemp(tmpl))
		return "mkdtemp failed";
	a.dir = tmpl;
	a.log_path = a.dir + "/agent.log";
	std::string listen = strcmp(mode, "tcp") == 0
				 ? std::string("tcp://127.0.0.1:0")
				 : "unix://" + a.dir + "/agent.sock";
	std::string allow = RealDir(getenv("VACCEL_TEST_EXEC_LIB"));
	if (pipe(out))
		return "pipe failed";
	a.pid = fork();
	if (a.pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		dup2(out[1], 1);
		close(out[0]);
		close(out[1]);
		const char *plugins = getenv("VACCEL_TEST_AGENT_PLUGINS");
		setenv("VACCEL_PLUGINS", plugins ? plugins : "", 1);
		setenv("VACCEL_LOG_FILE", a.log_path.c_str(), 1);
		setenv("VACCEL_LOG_LEVEL", "4", 1);
		unsetenv("VACCEL_RPC_ADDRESS");
		const char *agent = getenv("VACCEL_TEST_AGENT_BINARY");
		if (!agent || !*agent)
			agent = DEFAULT_AGENT_BINARY;
		if (allow.empty())
			execl(agent, agent, "-a", listen.c_str(),
			      (char *)nullptr);
		else
			execl(agent, agent, "-a", listen.c_str(),
			      "--exec-allow-dir", allow.c_str(),
			      (char *)nullptr);
		_exit(127);
	}
	close(out[1]);
	if (a.pid < 0) {
		close(out[0]);
		return "fork failed";
	}
	atexit(StopTestAgent);
	/* The agent prints "... listening on ADDRESS" once it listens. */
	std::string line;
	char c;
	struct pollfd pfd = {out[0], POLLIN, 0};
	while (poll(&pfd, 1, 20000) > 0 && read(out[0], &c, 1) == 1) {
		if (c == '\n')
			break;
		line += c;
	}
	close(out[0]);
	size_t at = line.find("listening on ");
	if (at == std::string::npos)
		return "the agent did not start: '" + line + "'";
	a.address = line.substr(at + strlen("listening on "));
	return "";
}

/* Load backend `plugin`: in-process, or behind the test agent. */
static inline int LoadBackend(const char *plugin)
{
	const char *mode = RemoteMode();

	if (!mode)
		return vaccel_plugin_load(plugin);
	if (TheTestAgent().pid <= 0) {
		std::string why = StartTestAgent(mode);
		if (!why.empty()) {
			fprintf(stderr, "LoadBackend: %s\n", why.c_str());
			return VACCEL_EIO;
		}
	}
	/* Each test sees only the agent's log lines of its own calls. */
	NoteShm();
	if (truncate(TheTestAgent().log_path.c_str(), 0) != 0)
		perror("truncate");
	setenv("VACCEL_RPC_ADDRESS", TheTestAgent().address.c_str(), 1);
	int ret = vaccel_plugin_load(RPC_PLUGIN);
	/* Several backends of one test share the one agent connection. */
	return ret == VACCEL_EEXIST ? VACCEL_OK : ret;
}

/* The agent's log, or "" in-process. */
static inline std::string AgentLog()
{
	if (!RemoteMode() || TheTestAgent().log_path.empty())
		return "";
	FILE *f = fopen(TheTestAgent().log_path.c_str(), "r");
	std::string s;
	char buf[4096];
	size_t n;

	if (!f)
		return "";
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		s.append(buf, n);
	fclose(f);
	return s;
}

static inline void ClearAgentLog()
{
	NoteShm();
	if (RemoteMode() && !TheTestAgent().log_path.empty())
		if (truncate(TheTestAgent().log_path.c_str(), 0) != 0)
			perror("truncate");
}

/* Runfiles paths of the test plugins (tests run in the workspace root). */
#define TEST_PLUGIN(name) "tests/plugins/libtest-" name ".so"
#define NOOP_PLUGIN "c/plugins/noop/libvaccel-noop.so"

/* The lines of a log text. */
static inline std::vector<std::string> Lines(const std::string &text)
{
	std::vector<std::string> lines;
	std::istringstream in(text);
	std::string line;

	while (std::getline(in, line))
		lines.push_back(line);
	return lines;
}

/* A tiny in-memory resource of `type` registered to `sess` (ops refuse
 * resources their session was not given), released at scope end. */
struct RegisteredResource {
	struct vaccel_resource res = {};
	bool ok = false;

	RegisteredResource(struct vaccel_session *sess,
			   vaccel_resource_type_t type)
	{
		static const char bytes[] = "test";
		ok = vaccel_resource_init_from_buf(&res, bytes, sizeof(bytes),
						   type, "test.bin",
						   true) == VACCEL_OK;
		EXPECT_TRUE(ok);
		if (ok) {
			EXPECT_EQ(vaccel_resource_register(&res, sess),
				  VACCEL_OK);
		}
	}
	~RegisteredResource()
	{
		if (ok)
			vaccel_resource_release(&res);
	}
	RegisteredResource(const RegisteredResource &) = delete;
	RegisteredResource &operator=(const RegisteredResource &) = delete;
};

class VaccelTest : public ::testing::Test
{
      protected:
	std::string log_path;

	void SetUp() override
	{
		char tmpl[] = "/tmp/vaccel-test-log.XXXXXX";
		int fd = mkstemp(tmpl);
		ASSERT_GE(fd, 0);
		close(fd);
		log_path = tmpl;
		Bootstrap(VACCEL_LOG_DEBUG, false);
	}

	void TearDown() override
	{
		vaccel_cleanup();
		unlink(log_path.c_str());
	}

	void Bootstrap(vaccel_log_level_t level, bool profiling,
		       const char *plugins = nullptr)
	{
		struct vaccel_config config;
		ASSERT_EQ(vaccel_config_init(&config, plugins, level,
					     log_path.c_str(), profiling,
					     false),
			  VACCEL_OK);
		ASSERT_EQ(vaccel_bootstrap_with_config(&config), VACCEL_OK);
		vaccel_config_release(&config);
	}

	std::string Log() const
	{
		std::ifstream in(log_path);
		std::stringstream ss;
		ss << in.rdbuf();
		/* Through an agent, the backend logs there. */
		return ss.str() + AgentLog();
	}

	/* Empties the log so a test can check only what follows. */
	void ClearLog() const
	{
		std::ofstream(log_path, std::ios::trunc);
		ClearAgentLog();
	}
};

#define EXPECT_LOG_HAS(text)                                                   \
	EXPECT_NE(Log().find(text), std::string::npos)                         \
	    << "log lacks \"" << (text) << "\"; log:\n"                        \
	    << Log()

#pragma once

/*
 * One vaccel-agent process per test, started from the runfiles with its
 * log in a temp dir, killed by PID when the fixture goes (also after a
 * failed assertion), and killed by the kernel if the test process dies
 * (PR_SET_PDEATHSIG). Restartable on the same address.
 */

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern "C" {
#include <vaccel.h>
}

#define AGENT_BIN "c/agent/vaccel-agent"
#define NOOP_SO "c/plugins/noop/libvaccel-noop.so"
#define BLAS_SO "c/plugins/blas/libvaccel-blas.so"
#define CPU_SO "c/plugins/cpu/libvaccel-cpu.so"
#define EXEC_SO "c/plugins/exec/libvaccel-exec.so"
#define RPC_SO "c/plugins/rpc/libvaccel-rpc.so"
#define FNS_SO "tests/remote/libremote-fns.so"

/* The directory holding `path`, symlinks resolved (what the agent's exec
 * allow-list compares against), and the resolved path itself. */
static inline std::string RealPath(const char *path)
{
	char real[PATH_MAX];

	return realpath(path, real) ? std::string(real) : std::string();
}

static inline std::string DirOf(const std::string &path)
{
	return path.substr(0, path.rfind('/'));
}

/* exec of sleep_ms(ms) in the test library (FNS_SO). */
static inline int ExecSleep(struct vaccel_session *sess, uint32_t ms)
{
	struct vaccel_arg read = {&ms, sizeof(ms), VACCEL_ARG_RAW, 0, false};
	return vaccel_exec(sess, RealPath(FNS_SO).c_str(), "sleep_ms", &read, 1,
			   nullptr, 0);
}

class AgentProcess
{
      public:
	pid_t pid = -1;
	std::string dir, log_path;
	/* What the agent printed it listens on, one per -a. */
	std::vector<std::string> addresses;

	AgentProcess()
	{
		char tmpl[] = "/tmp/vaccel-remote-test.XXXXXX";

		if (mkdtemp(tmpl))
			dir = tmpl;
		log_path = dir + "/agent.log";
	}

	~AgentProcess()
	{
		Kill(SIGKILL);
		std::string cmd = "rm -rf '" + dir + "'";
		if (!dir.empty() && system(cmd.c_str()) != 0)
			fprintf(stderr, "cannot remove %s\n", dir.c_str());
	}

	std::string UnixAddress(const char *name = "agent.sock") const
	{
		return "unix://" + dir + "/" + name;
	}

	/* Start listening on `listen` (each an -a) with `args` after them.
	 * "" on success, else why not (what the agent printed). */
	std::string Start(const std::vector<std::string> &listen,
			  const std::vector<std::string> &args)
	{
		int out[2];

		addresses.clear();
		if (pipe(out))
			return "pipe failed";
		std::vector<std::string> argv = {AGENT_BIN};
		for (const auto &a : listen) {
			argv.push_back("-a");
			argv.push_back(a);
		}
		argv.insert(argv.end(), args.begin(), args.end());
		pid = fork();
		if (pid == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			dup2(out[1], 1);
			dup2(out[1], 2);
			close(out[0]);
			close(out[1]);
			setenv("VACCEL_LOG_FILE", log_path.c_str(), 1);
			setenv("VACCEL_LOG_LEVEL", "4", 1);
			unsetenv("VACCEL_PLUGINS");
			unsetenv("VACCEL_RPC_ADDRESS");
			std::vector<char *> cargv;
			for (auto &s : argv)
				cargv.push_back(const_cast<char *>(s.c_str()));
			cargv.push_back(nullptr);
			execv(AGENT_BIN, cargv.data());
			_exit(127);
		}
		close(out[1]);
		if (pid < 0) {
			close(out[0]);
			return "fork failed";
		}
		/* "vaccel-agent <ver>: listening on ADDRESS", one per -a. */
		std::string line, all;
		char c;
		struct pollfd pfd = {out[0], POLLIN, 0};
		while (addresses.size() < listen.size() &&
		       poll(&pfd, 1, 20000) > 0 && read(out[0], &c, 1) == 1) {
			all += c;
			if (c != '\n') {
				line += c;
				continue;
			}
			size_t at = line.find("listening on ");
			if (at != std::string::npos)
				addresses.push_back(
				    line.substr(at + strlen("listening on ")));
			line.clear();
		}
		close(out[0]);
		if (addresses.size() != listen.size())
			return "the agent did not start: '" + all + line + "'";
		return "";
	}

	/* Send `sig` and reap the agent (SIGKILL after 5 s if it lingers). */
	int Kill(int sig = SIGKILL)
	{
		int status = -1;

		if (pid <= 0)
			return status;
		kill(pid, sig);
		for (int i = 0; i < 500; i++) {
			if (waitpid(pid, &status, WNOHANG) == pid) {
				pid = -1;
				return status;
			}
			usleep(10000);
		}
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		pid = -1;
		return status;
	}

	std::string Log() const
	{
		std::ifstream in(log_path);
		std::stringstream ss;

		ss << in.rdbuf();
		return ss.str();
	}

	/* Poll the log up to `ms` for `needle`. */
	bool WaitLog(const std::string &needle, int ms = 5000) const
	{
		for (int t = 0; t < ms; t += 10) {
			if (Log().find(needle) != std::string::npos)
				return true;
			usleep(10000);
		}
		return Log().find(needle) != std::string::npos;
	}

	/* VmRSS of the agent in KiB, or -1. */
	long RssKb() const
	{
		std::ifstream in("/proc/" + std::to_string(pid) + "/status");
		std::string line;

		while (std::getline(in, line))
			if (line.rfind("VmRSS:", 0) == 0)
				return strtol(line.c_str() + 6, nullptr, 10);
		return -1;
	}
};

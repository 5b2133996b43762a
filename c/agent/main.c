/* vaccel-agent: listen, accept, serve until SIGTERM/SIGINT (agent.h). */

#include "agent.h"
#include "rpc/address.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

struct agent_stats agent_stats;

struct listener {
	int fd;
	char address[256];
	struct agent_shm_file *shm; /* --shm-file, or NULL */
};

static int listen_all(struct listener *ls)
{
	for (int i = 0; i < agent_opts.nr_addresses; i++) {
		char err[256];

		ls[i].fd =
		    vrpc_listen(agent_opts.addresses[i], 128, err, sizeof(err));
		if (ls[i].fd < 0) {
			fprintf(stderr, "vaccel-agent: %s\n", err);
			return -1;
		}
		if (vrpc_listener_address(ls[i].fd, ls[i].address,
					  sizeof(ls[i].address)) < 0)
			snprintf(ls[i].address, sizeof(ls[i].address), "%s",
				 agent_opts.addresses[i]);
		/* One line per address: tests and scripts read the port a
		 * tcp://host:0 listener got from here. */
		printf("vaccel-agent %s: listening on %s\n", VACCEL_VERSION,
		       ls[i].address);
	}
	fflush(stdout);
	return 0;
}

static void serve(struct listener *ls, int nr, int sigfd)
{
	struct pollfd pfd[AGENT_MAX_ADDRESSES + 1];

	for (int i = 0; i < nr; i++)
		pfd[i] = (struct pollfd){.fd = ls[i].fd, .events = POLLIN};
	pfd[nr] = (struct pollfd){.fd = sigfd, .events = POLLIN};
	for (;;) {
		if (poll(pfd, (nfds_t)nr + 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			vaccel_log(VACCEL_LOG_ERROR, "agent: poll: %s",
				   strerror(errno));
			return;
		}
		if (pfd[nr].revents) {
			struct signalfd_siginfo si;

			if (read(sigfd, &si, sizeof(si)) == sizeof(si))
				vaccel_log(VACCEL_LOG_INFO,
					   "agent: signal %u: shutting down",
					   si.ssi_signo);
			return;
		}
		for (int i = 0; i < nr; i++) {
			char peer[300];
			int fd;

			if (!pfd[i].revents)
				continue;
			fd = vrpc_accept(ls[i].fd);
			if (fd < 0)
				continue;
			snprintf(peer, sizeof(peer), "%s#%d", ls[i].address,
				 fd);
			agent_client_start(fd, peer, ls[i].shm);
		}
	}
}

int main(int argc, char **argv)
{
	struct listener ls[AGENT_MAX_ADDRESSES];
	sigset_t set;
	int code, sigfd, ret;

	ret = agent_parse_options(argc, argv, &code);
	if (ret)
		return code;
	/* Every thread inherits this mask: the signals arrive only through
	 * the signalfd, and a client gone mid-reply is an error, not a
	 * SIGPIPE. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	sigfd = signalfd(-1, &set, SFD_CLOEXEC);
	if (sigfd < 0) {
		perror("vaccel-agent: signalfd");
		return 1;
	}
	if (!vaccel_is_initialized() && vaccel_bootstrap()) {
		fprintf(stderr, "vaccel-agent: the vaccel runtime did not "
				"start (see the log above)\n");
		return 1;
	}
	if (agent_opts.plugins &&
	    vaccel_plugin_parse_and_load(agent_opts.plugins)) {
		fprintf(stderr, "vaccel-agent: cannot load plugins '%s'\n",
			agent_opts.plugins);
		return 1;
	}
	if (agent_pool_start(agent_opts.workers)) {
		fprintf(stderr, "vaccel-agent: cannot start workers\n");
		return 1;
	}
	/* Without it the agent still works, through the pool only. */
	agent_watch_start();
	for (int i = 0; i < agent_opts.nr_addresses; i++) {
		const char *path = agent_opts.shm_files[i];

		ls[i].fd = -1;
		ls[i].shm = NULL;
		/* Two addresses naming one file share its leases. */
		for (int k = 0; path && k < i && !ls[i].shm; k++)
			if (agent_opts.shm_files[k] &&
			    strcmp(agent_opts.shm_files[k], path) == 0)
				ls[i].shm = ls[k].shm;
		if (path && !ls[i].shm &&
		    !(ls[i].shm = agent_shm_file_open(path)))
			return 1;
	}
	if (listen_all(ls) == 0)
		serve(ls, agent_opts.nr_addresses, sigfd);
	else
		ret = 1;
	for (int i = 0; i < agent_opts.nr_addresses; i++)
		if (ls[i].fd >= 0) {
			close(ls[i].fd);
			/* Its socket file goes too (only ever a socket). */
			vrpc_listen_remove(agent_opts.addresses[i]);
		}
	agent_clients_stop();
	agent_clients_join();
	agent_watch_stop();
	agent_pool_stop();
	agent_cache_clear();
	close(sigfd);
	vaccel_log(VACCEL_LOG_INFO, "agent: stopped");
	return ret;
}

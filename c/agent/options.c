/* vaccel-agent's command line (docs/agent.md "Options"). */

#include "agent.h"
#include "protocol.h"
#include "vaccel/version.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct agent_options agent_opts;

static const char usage[] =
    "Usage: vaccel-agent -a ADDRESS [-a ADDRESS ...] [options]\n"
    "\n"
    "Serve vaccel operations to remote clients (the rpc plugin).\n"
    "\n"
    "  -a, --address ADDR        listen on ADDR (repeatable):\n"
    "                            unix:///path, unix://@abstract,\n"
    "                            tcp://host:port, tcp://[v6]:port,\n"
    "                            vsock://cid:port; for hybrid VSOCK\n"
    "                            guests, unix://<uds-path>_<port>\n"
    "      --shm-file PATH       the host file behind the ivshmem device\n"
    "                            of the guests that connect to the -a\n"
    "                            before it (e.g. /dev/shm/vaccel)\n"
    "  -p, --plugins LIST        backend plugins to load, ':'-separated\n"
    "                            (default: $VACCEL_PLUGINS, loaded by\n"
    "                            the runtime at start)\n"
    "      --exec-allow-dir DIR  allow exec of libraries inside DIR and\n"
    "                            exec_with_resource (refused when unset)\n"
    "      --max-frame-bytes N   largest frame payload (default 4194304)\n"
    "      --max-clients N       connections at once (default 64)\n"
    "      --max-sessions-per-client N  (default 64)\n"
    "      --max-bytes-per-client N     largest message and output\n"
    "                            allocation per call (default 4 GiB)\n"
    "      --workers N           worker threads (default 2 x CPUs, >= 4)\n"
    "  -V, --version             print the version and exit\n"
    "  -h, --help                print this help and exit\n"
    "\n"
    "SIGTERM/SIGINT: stop accepting, finish calls in flight, release\n"
    "everything, exit 0.\n";

static int number(const char *opt, const char *v, uint64_t min, uint64_t *out)
{
	char *end;
	unsigned long long n;

	errno = 0;
	n = strtoull(v, &end, 0);
	if (errno || *end || !*v || v[0] == '-' || n < min) {
		fprintf(stderr,
			"vaccel-agent: %s: '%s' is not a number >= %llu\n", opt,
			v, (unsigned long long)min);
		return -1;
	}
	*out = n;
	return 0;
}

enum {
	OPT_EXEC = 256,
	OPT_FRAME,
	OPT_CLIENTS,
	OPT_SESSIONS,
	OPT_BYTES,
	OPT_WORKERS,
	OPT_SHM_FILE,
};

int agent_parse_options(int argc, char **argv, int *exit_code)
{
	static const struct option longs[] = {
	    {"address", required_argument, NULL, 'a'},
	    {"plugins", required_argument, NULL, 'p'},
	    {"exec-allow-dir", required_argument, NULL, OPT_EXEC},
	    {"max-frame-bytes", required_argument, NULL, OPT_FRAME},
	    {"max-clients", required_argument, NULL, OPT_CLIENTS},
	    {"max-sessions-per-client", required_argument, NULL, OPT_SESSIONS},
	    {"max-bytes-per-client", required_argument, NULL, OPT_BYTES},
	    {"workers", required_argument, NULL, OPT_WORKERS},
	    {"shm-file", required_argument, NULL, OPT_SHM_FILE},
	    {"version", no_argument, NULL, 'V'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	static char allow[PATH_MAX];
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	uint64_t workers = (uint64_t)(cpus > 2 ? 2 * cpus : 4);
	int c;

	agent_opts.max_frame = WIRE_DEFAULT_MAX_FRAME;
	agent_opts.max_clients = 64;
	agent_opts.max_sessions = 64;
	agent_opts.max_bytes = 4ull << 30;
	*exit_code = 2;
	while ((c = getopt_long(argc, argv, "a:p:Vh", longs, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (agent_opts.nr_addresses == AGENT_MAX_ADDRESSES) {
				fprintf(stderr,
					"vaccel-agent: at most %d "
					"addresses\n",
					AGENT_MAX_ADDRESSES);
				return -1;
			}
			agent_opts.addresses[agent_opts.nr_addresses++] =
			    optarg;
			break;
		case 'p':
			agent_opts.plugins = optarg;
			break;
		case OPT_SHM_FILE:
			if (!agent_opts.nr_addresses) {
				fprintf(stderr,
					"vaccel-agent: --shm-file %s: give it "
					"after the -a address it serves\n",
					optarg);
				return -1;
			}
			agent_opts.shm_files[agent_opts.nr_addresses - 1] =
			    optarg;
			break;
		case OPT_EXEC:
			if (!realpath(optarg, allow)) {
				fprintf(stderr,
					"vaccel-agent: --exec-allow-dir %s: "
					"%s\n",
					optarg, strerror(errno));
				return -1;
			}
			agent_opts.exec_allow_dir = allow;
			break;
		case OPT_FRAME:
			if (number("--max-frame-bytes", optarg, 4096,
				   &agent_opts.max_frame))
				return -1;
			break;
		case OPT_CLIENTS:
			if (number("--max-clients", optarg, 1,
				   &agent_opts.max_clients))
				return -1;
			break;
		case OPT_SESSIONS:
			if (number("--max-sessions-per-client", optarg, 1,
				   &agent_opts.max_sessions))
				return -1;
			break;
		case OPT_BYTES:
			if (number("--max-bytes-per-client", optarg, 4096,
				   &agent_opts.max_bytes))
				return -1;
			break;
		case OPT_WORKERS:
			if (number("--workers", optarg, 1, &workers) ||
			    workers > 1024)
				return -1;
			break;
		case 'V':
			printf("vaccel-agent %s (protocol %d)\n",
			       VACCEL_VERSION, WIRE_PROTOCOL_VERSION);
			*exit_code = 0;
			return 1;
		case 'h':
			fputs(usage, stdout);
			*exit_code = 0;
			return 1;
		default:
			fputs(usage, stderr);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "vaccel-agent: unexpected argument '%s'\n",
			argv[optind]);
		return -1;
	}
	if (!agent_opts.nr_addresses) {
		fprintf(stderr, "vaccel-agent: no address to listen on (-a)\n"
				"Try 'vaccel-agent --help'.\n");
		return -1;
	}
	agent_opts.workers = (int)workers;
	return 0;
}

/* The `vaccel` command-line tool: info, ping, bench (docs/agent.md). */

#define _GNU_SOURCE
#include "tool.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *f)
{
	fprintf(
	    f,
	    "usage: vaccel [OPTIONS] COMMAND [ADDRESS]\n"
	    "\n"
	    "commands:\n"
	    "  info           the runtime version, the plugins loaded from\n"
	    "                 VACCEL_PLUGINS and the ops each implements\n"
	    "  ping ADDRESS   the agent's protocol version and op set, then\n"
	    "                 noop round trips (p50/p99) through the rpc "
	    "plugin\n"
	    "  bench ADDRESS  noop round trips next to a raw socket "
	    "ping-pong, and\n"
	    "                 fpga_arraycopy echo throughput next to "
	    "memcpy and a\n"
	    "                 raw socket stream (the agent needs the noop "
	    "and cpu plugins)\n"
	    "  stats ADDRESS  the agent's counts: clients (this one "
	    "included),\n"
	    "                 sessions, resource handles, cached resources, "
	    "calls;\n"
	    "                 its profiling regions when it profiles\n"
	    "\n"
	    "ADDRESS: unix:///path, unix://@abstract, tcp://host:port, "
	    "vsock://cid:port\n"
	    "\n"
	    "options:\n"
	    "  --rpc-plugin PATH  the rpc plugin (default: beside this "
	    "program in a\n"
	    "                     Bazel tree or in ../lib when installed, "
	    "else\n"
	    "                     libvaccel-rpc.so on the library path)\n"
	    "  -n, --count N      round trips per latency measurement "
	    "(default 10000)\n"
	    "  --max-bytes N      largest echo of bench, in bytes; K, M, G "
	    "suffixes\n"
	    "                     (default 64M, at most 1G)\n"
	    "  --min-bytes N      smallest echo of bench (default 4K); sizes "
	    "grow 4x\n"
	    "                     from there\n"
	    "  --timeout-ms N     bound on every wait (default 10000)\n"
	    "  --shared           bench echoes arrays from "
	    "vaccel_shared_alloc (slots\n"
	    "                     of the shared region: the client copies "
	    "nothing)\n"
	    "  -h, --help         this text\n"
	    "\n"
	    "exit status: 0 success, 1 the agent or an op failed, 2 bad "
	    "usage\n");
}

/* The rpc plugin beside this program: in a Bazel tree
 * (bazel-bin/c/tools/vaccel/vaccel -> bazel-bin/c/plugins/rpc/), or
 * installed (PREFIX/bin/vaccel -> PREFIX/lib/); else the library path. */
static const char *default_plugin(void)
{
	static const char *const rel[] = {
	    "../../plugins/rpc/libvaccel-rpc.so",
	    "../lib/libvaccel-rpc.so",
	};
	static char path[PATH_MAX + 64];
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]);
			     i++) {
				snprintf(path, sizeof(path), "%s/%s", exe,
					 rel[i]);
				if (access(path, R_OK) == 0)
					return path;
			}
		}
	}
	return "libvaccel-rpc.so";
}

static int parse_num(const char *what, const char *s, uint64_t max,
		     uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end == 'K' || *end == 'k')
		v <<= 10, end++;
	else if (*end == 'M' || *end == 'm')
		v <<= 20, end++;
	else if (*end == 'G' || *end == 'g')
		v <<= 30, end++;
	if (errno || end == s || *end || v == 0 || v > max || s[0] == '-') {
		fprintf(stderr, "vaccel: %s '%s' is not a number in 1..%llu\n",
			what, s, (unsigned long long)max);
		return -1;
	}
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"rpc-plugin", required_argument, NULL, 'P'},
	    {"count", required_argument, NULL, 'n'},
	    {"max-bytes", required_argument, NULL, 'B'},
	    {"min-bytes", required_argument, NULL, 'b'},
	    {"timeout-ms", required_argument, NULL, 'T'},
	    {"shared", no_argument, NULL, 'S'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	struct tool_opts o = {NULL, 10000, 4096, 64u << 20, 10000, 0};
	uint64_t v;
	const char *cmd;
	int c;

	while ((c = getopt_long(argc, argv, "n:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'P':
			o.rpc_plugin = optarg;
			break;
		case 'n':
			if (parse_num("--count", optarg, 10000000, &v))
				return TOOL_USAGE;
			o.count = (int)v;
			break;
		case 'B':
			if (parse_num("--max-bytes", optarg, 1u << 30, &v))
				return TOOL_USAGE;
			if (v < 4096) {
				fprintf(stderr,
					"vaccel: --max-bytes %s is "
					"below the smallest echo "
					"(4096)\n",
					optarg);
				return TOOL_USAGE;
			}
			o.max_bytes = v;
			break;
		case 'b':
			if (parse_num("--min-bytes", optarg, 1u << 30, &v))
				return TOOL_USAGE;
			if (v < 4096 || v % sizeof(int)) {
				fprintf(stderr,
					"vaccel: --min-bytes %s is not "
					"a multiple of 4 of at least "
					"4096\n",
					optarg);
				return TOOL_USAGE;
			}
			o.min_bytes = v;
			break;
		case 'T':
			if (parse_num("--timeout-ms", optarg, 86400000, &v))
				return TOOL_USAGE;
			o.timeout_ms = (int)v;
			break;
		case 'S':
			o.shared = 1;
			break;
		case 'h':
			usage(stdout);
			return TOOL_OK;
		default:
			usage(stderr);
			return TOOL_USAGE;
		}
	}
	if (o.min_bytes > o.max_bytes) {
		fprintf(stderr, "vaccel: --min-bytes is above --max-bytes\n");
		return TOOL_USAGE;
	}
	if (!o.rpc_plugin)
		o.rpc_plugin = default_plugin();
	if (optind >= argc) {
		fprintf(stderr,
			"vaccel: no command (info, ping, bench, stats)\n");
		usage(stderr);
		return TOOL_USAGE;
	}
	cmd = argv[optind++];
	if (!strcmp(cmd, "info") && optind == argc)
		return cmd_info();
	if (!strcmp(cmd, "stats") && optind == argc - 1)
		return cmd_stats(argv[optind], &o);
	if ((!strcmp(cmd, "ping") || !strcmp(cmd, "bench")) &&
	    optind == argc - 1)
		return cmd[0] == 'p' ? cmd_ping(argv[optind], &o)
				     : cmd_bench(argv[optind], &o);
	if (!strcmp(cmd, "info") || !strcmp(cmd, "ping") ||
	    !strcmp(cmd, "bench") || !strcmp(cmd, "stats"))
		fprintf(stderr, "vaccel: '%s' takes %s\n", cmd,
			cmd[0] == 'i' ? "no argument" : "one ADDRESS");
	else
		fprintf(stderr, "vaccel: unknown command '%s'\n", cmd);
	usage(stderr);
	return TOOL_USAGE;
}

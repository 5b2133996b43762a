#!/usr/bin/env bash
# The demo: build the example programs and the plugins with Bazel, then run
# a tour of them, each with the plugin it needs (set by its target in
# examples/BUILD through VACCEL_PLUGINS): noop with INFO logging, sgemm on
# OpenBLAS, exec_with_resource calling a function of a shared library given
# as a resource (from a file and from memory), minmax on the cpu reference
# backend, and classify: handwritten digits (PNG and JPEG) classified by a
# small CNN that the build trains on scikit-learn's digits, run by libtorch.
# Then the main job: vaccel-agent serving the torch plugin on a temporary
# UNIX socket, the same digits classified through it, and the in-process
# and remote latencies side by side (examples/classify_compare.c).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

examples="noop sgemm exec_with_resource minmax classify"
targets=""
for e in $examples; do
	targets="$targets //examples:$e"
done
echo "demo: bazel build$targets"
# shellcheck disable=SC2086 # one word per target
bazel build $targets

rc=0
for e in $examples; do
	echo
	echo "demo: bazel run //examples:$e"
	level=1
	[ "$e" = noop ] && level=3
	VACCEL_LOG_LEVEL=$level bazel run --ui_event_filters=-info,-stdout,-stderr \
		--noshow_progress "//examples:$e" || rc=$?
done

# The main job: the same classification through vaccel-agent, the way a
# guest or container runs it (only the rpc plugin between the program and
# the agent), next to the in-process run, measured in the same process.
echo
echo "demo: remote execution: vaccel-agent with the torch plugin on a UNIX socket"
bazel build --ui_event_filters=-info --noshow_progress //c/agent:vaccel-agent \
	//c/plugins/rpc:libvaccel-rpc.so //c/plugins/torch:libvaccel-torch.so \
	//examples:classify_compare //examples/models:digits
bin="$(bazel info bazel-bin 2>/dev/null)"
tmp="$(mktemp -d /tmp/vaccel-demo.XXXXXX)"
sock="$tmp/agent.sock"
agent_pid=""
stop_agent() {
	if [ -n "$agent_pid" ]; then
		kill "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null
		agent_pid=""
	fi
	rm -rf "$tmp"
}
# Stop the agent however the demo ends: normally, on an error, on Ctrl-C.
trap stop_agent EXIT
trap 'stop_agent; exit 130' INT TERM
"$bin/c/agent/vaccel-agent" -a "unix://$sock" \
	-p "$bin/c/plugins/torch/libvaccel-torch.so" >"$tmp/agent.out" &
agent_pid=$!
for _ in $(seq 100); do
	grep -q listening "$tmp/agent.out" 2>/dev/null && break
	sleep 0.1
done
cat "$tmp/agent.out"
echo "demo: VACCEL_PLUGINS=libvaccel-torch.so:libvaccel-rpc.so VACCEL_RPC_ADDRESS=unix://$sock classify_compare"
samples=()
for i in 0 1 2 3 4 5 6 7 8 9; do
	samples+=("$bin/examples/models/samples/digit_$i.png")
done
VACCEL_LOG_LEVEL=1 \
	VACCEL_PLUGINS="$bin/c/plugins/torch/libvaccel-torch.so:$bin/c/plugins/rpc/libvaccel-rpc.so" \
	VACCEL_RPC_ADDRESS="unix://$sock" \
	"$bin/examples/classify_compare" -n 20 "$bin/examples/models/digits" \
	"${samples[@]}" || rc=$?
stop_agent
echo "demo: agent stopped"

echo
echo "demo: exit status $rc"
exit "$rc"

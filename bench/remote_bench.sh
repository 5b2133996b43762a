#!/bin/bash
# Remote execution numbers for docs/performance.md "Remote execution", all
# in one run: `bazel run -c opt //bench:remote_bench [-- --max-bytes 1G]`.
#   1. noop round trip and fpga_arraycopy echo over UNIX and TCP, each next
#      to a raw socket ping-pong / stream and memcpy (vaccel bench); over
#      UNIX twice: the socket path (VACCEL_RPC_SHM_BYTES=0) and the
#      shared-memory path (a memfd large enough for the largest echo);
#   2. the agent's peak RSS (VmHWM) and its sampled peak private memory
#      (RssAnon) for one 64 MiB and one 1 GiB echo, through the socket and
#      through shared memory (a fresh agent each);
#   3. torch_model_run remote vs in-process: the digits model, a tiny
#      Linear and a ResNet-18-shaped model (remote_torch_bench).
# Not a test: timings assert nothing.
set -u
TOOL=$1 AGENT=$2 RPC=$3 CPU=$4 TORCH=$5 TORCH_BENCH=$6 # CPU: the noop:cpu plugin list
shift 6
MAX=64M HWM_SIZES="64M 1G" RUNS=30
MODELS=()
while [ $# -gt 0 ]; do
	case $1 in
	--max-bytes) MAX=$2; shift 2 ;;
	--hwm-sizes) HWM_SIZES=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--model) MODELS+=("$2"); shift 2 ;;
	*) echo "remote_bench: unknown argument $1" >&2; exit 2 ;;
	esac
done
DIR=$(mktemp -d /tmp/vaccel-remote-bench.XXXXXX)
PID=""
stop() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; PID=""; }
trap 'stop; rm -rf "$DIR"' EXIT
trap 'exit 130' INT TERM
# start_agent PLUGINS ADDRESS...: a fresh agent; its TCP address in $TCP.
start_agent() {
	local plugins=$1 args=()
	shift
	for a in "$@"; do args+=(-a "$a"); done
	rm -f "$DIR/out"
	"$AGENT" "${args[@]}" -p "$plugins" >"$DIR/out" 2>"$DIR/err" &
	PID=$!
	for _ in $(seq 200); do
		[ "$(grep -c listening "$DIR/out" 2>/dev/null)" = $# ] && break
		sleep 0.05
	done
	TCP=$(grep -o 'tcp://[0-9.]*:[0-9]*' "$DIR/out")
}
hwm_kb() { sed -n 's/^VmHWM:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$1/status"; }
# sample_private PID FILE: the largest RssAnon (the agent's private memory:
# heap and anonymous maps, not the client's shared region it maps) seen
# every 2 ms while PID lives, written to FILE. VmHWM has no private-only
# counterpart, so this samples; an echo of 64 MiB lasts far longer.
sample_private() {
	local max=0 v
	echo 0 >"$2"
	while [ -r "/proc/$1/status" ]; do
		v=$(sed -n 's/^RssAnon:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$1/status" 2>/dev/null)
		if [ -n "$v" ] && [ "$v" -gt "$max" ]; then
			max=$v
			echo "$max" >"$2"
		fi
		sleep 0.002
	done
}
# bytes SIZE: 64M, 1G, 4K or a number, in bytes.
bytes() {
	local n=${1%[KMG]}
	case $1 in
	*K) echo $((n << 10)) ;; *M) echo $((n << 20)) ;; *G) echo $((n << 30)) ;;
	*) echo "$n" ;;
	esac
}
# A memfd for an echo of SIZE: its input and its output, and some slack.
shm_for() { echo $((2 * $(bytes "$1") + (1 << 20))); }

echo "== host: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), kernel $(uname -r)"
start_agent "$CPU" "unix://$DIR/a.sock" tcp://127.0.0.1:0
# unix-shared: the echo's arrays from vaccel_shared_alloc (slots of the
# region, so the client copies nothing).
for RUN in "unix-socket unix://$DIR/a.sock 0" \
	"unix-shm unix://$DIR/a.sock $(shm_for "$MAX")" \
	"unix-shared unix://$DIR/a.sock $(shm_for "$MAX") --shared" \
	"tcp $TCP 0"; do
	set -- $RUN
	echo
	echo "== vaccel bench $2 --max-bytes $MAX ${4:+$4 }($1; VACCEL_RPC_SHM_BYTES=$3)"
	VACCEL_RPC_SHM_BYTES=$3 "$TOOL" bench "$2" --rpc-plugin "$RPC" \
		--max-bytes "$MAX" -n 10000 ${4:-} || echo "(failed)"
done
stop

for S in $HWM_SIZES; do
	for SHM in 0 "$(shm_for "$S")"; do
		start_agent "$CPU" "unix://$DIR/a.sock"
		BEFORE=$(hwm_kb "$PID")
		sample_private "$PID" "$DIR/anon" &
		SAMPLER=$!
		VACCEL_RPC_SHM_BYTES=$SHM "$TOOL" bench "unix://$DIR/a.sock" \
			--rpc-plugin "$RPC" -n 100 --min-bytes "$S" \
			--max-bytes "$S" >"$DIR/hwm.out" 2>&1 ||
			{ cat "$DIR/hwm.out"; echo "(failed)"; }
		AFTER=$(hwm_kb "$PID")
		stop
		wait "$SAMPLER" 2>/dev/null
		WAY="the socket"
		[ "$SHM" != 0 ] && WAY="shared memory ($SHM-byte memfd)"
		echo
		echo "== agent peak RSS, one $S echo over UNIX through $WAY: VmHWM $((BEFORE / 1024)) MiB at start, $((AFTER / 1024)) MiB after; private (RssAnon, sampled) peak $(cat "$DIR/anon") KiB"
	done
done

if [ ${#MODELS[@]} -gt 0 ]; then
	start_agent "$TORCH" "unix://$DIR/a.sock"
	echo
	echo "== remote_torch_bench over UNIX"
	VACCEL_PLUGINS="$TORCH:$RPC" VACCEL_RPC_ADDRESS="unix://$DIR/a.sock" \
		"$TORCH_BENCH" --runs "$RUNS" "${MODELS[@]}" || echo "(failed)"
	stop
fi

#!/bin/bash
# Remote execution numbers for docs/performance.md "Remote execution", all
# in one run: `bazel run -c opt //bench:remote_bench [-- --max-bytes 1G]`.
#   1. noop round trip and fpga_arraycopy echo over UNIX and TCP, each next
#      to a raw socket ping-pong / stream and memcpy (vaccel bench);
#   2. the agent's peak RSS (VmHWM) for one 64 MiB and one 1 GiB echo
#      (a fresh agent per size);
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

echo "== host: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), kernel $(uname -r)"
start_agent "$CPU" "unix://$DIR/a.sock" tcp://127.0.0.1:0
for ADDR in "unix://$DIR/a.sock" "$TCP"; do
	echo
	echo "== vaccel bench $ADDR --max-bytes $MAX"
	"$TOOL" bench "$ADDR" --rpc-plugin "$RPC" --max-bytes "$MAX" -n 10000 ||
		echo "(failed)"
done
stop

for S in $HWM_SIZES; do
	start_agent "$CPU" "unix://$DIR/a.sock"
	BEFORE=$(hwm_kb "$PID")
	"$TOOL" bench "unix://$DIR/a.sock" --rpc-plugin "$RPC" -n 100 \
		--min-bytes "$S" --max-bytes "$S" >"$DIR/hwm.out" 2>&1 ||
		{ cat "$DIR/hwm.out"; echo "(failed)"; }
	AFTER=$(hwm_kb "$PID")
	echo
	echo "== agent peak RSS, one $S echo over UNIX: VmHWM $((BEFORE / 1024)) MiB at start, $((AFTER / 1024)) MiB after"
	stop
done

if [ ${#MODELS[@]} -gt 0 ]; then
	start_agent "$TORCH" "unix://$DIR/a.sock"
	echo
	echo "== remote_torch_bench over UNIX"
	VACCEL_PLUGINS="$TORCH:$RPC" VACCEL_RPC_ADDRESS="unix://$DIR/a.sock" \
		"$TORCH_BENCH" --runs "$RUNS" "${MODELS[@]}" || echo "(failed)"
	stop
fi

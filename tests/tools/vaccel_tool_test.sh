#!/bin/bash
# `vaccel info`, `ping`, `bench`, `stats` and the exit codes, against a real
# vaccel-agent on a temporary UNIX socket and a free TCP port.
set -u
TOOL=$1 AGENT=$2 RPC=$3 NOOP=$4 CPU=$5 ENUMS=$6
# /tmp: TEST_TMPDIR is too long a path for sun_path (107 bytes).
DIR=$(mktemp -d /tmp/vaccel-tool-test.XXXXXX)
SOCK=$DIR/agent.sock
FAILS=0
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
# expect NAME REGEX TEXT: TEXT has a line matching REGEX.
expect() { grep -Eq -- "$2" <<<"$3" || fail "$1: no line matching '$2' in:
$3"; }

"$AGENT" -a "unix://$SOCK" -a tcp://127.0.0.1:0 -p "$NOOP:$CPU" \
	>"$DIR/agent.out" 2>"$DIR/agent.err" &
AGENT_PID=$!
trap 'kill $AGENT_PID 2>/dev/null; wait $AGENT_PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 100); do
	[ "$(grep -c listening "$DIR/agent.out")" = 2 ] && break
	sleep 0.1
done
TCP=$(grep -o 'tcp://127\.0\.0\.1:[0-9]*' "$DIR/agent.out")
[ -n "$TCP" ] || { cat "$DIR/agent.out" "$DIR/agent.err"; exit 1; }
NR_OPS=$(sed -n 's/.*VACCEL_OP_MAX = \([0-9]*\).*/\1/p' "$ENUMS")

# info: the plugins of VACCEL_PLUGINS, in dispatch order, with their ops.
OUT=$(VACCEL_PLUGINS="$NOOP:$CPU" "$TOOL" info)
[ $? = 0 ] || fail "info exit status"
expect info '^vaccel [0-9]+\.[0-9]+\.[0-9]+$' "$OUT"
expect info '^plugins: 2$' "$OUT"
expect info '^plugin cpu [0-9.]+$' "$OUT"
expect info '^  type: CPU, priority 0$' "$OUT"
expect info '^  typed ops: 5 fpga_arraycopy fpga_mmult fpga_parallel fpga_vectoradd minmax$' "$OUT"
expect info '^plugin noop [0-9.]+$' "$OUT"
expect info '^  generic entry: yes \(serves every op\)$' "$OUT"
[ "$(grep -c 'generic entry' <<<"$OUT")" = 1 ] ||
	fail "info: only noop has a generic entry: $OUT"
expect info '^  typed ops: [0-9]+ noop exec ' "$OUT"
# Every "typed ops: N" lists exactly N op names.
while read -r _ _ N NAMES; do
	set -- $NAMES
	[ "$N" = $# ] || fail "info: typed ops: $N, but $# names: $NAMES"
done < <(grep 'typed ops:' <<<"$OUT")
OUT=$(VACCEL_PLUGINS= "$TOOL" info)
expect "info, no plugins" '^plugins: 0$' "$OUT"

# ping over UNIX and TCP: the HELLO results and real round trips.
for ADDR in "unix://$SOCK" "$TCP"; do
	OUT=$("$TOOL" ping "$ADDR" -n 200 --rpc-plugin "$RPC")
	[ $? = 0 ] || fail "ping $ADDR exit status"
	expect "ping $ADDR" "^agent $ADDR: protocol 1, max frame 4194304 bytes$" "$OUT"
	expect "ping $ADDR" "^ops: $NR_OPS \($NR_OPS callable from here\)$" "$OUT"
	expect "ping $ADDR" '^ +0 noop +[0-9a-f]{8}$' "$OUT"
	expect "ping $ADDR" '^ +18 fpga_arraycopy +[0-9a-f]{8}$' "$OUT"
	expect "ping $ADDR" '^noop round trip: p50 [0-9]+\.[0-9] us, p99 [0-9]+\.[0-9] us \(200 calls\)$' "$OUT"
done

# stats: the pings closed their sessions; only stats' own connection is
# a client, and the calls counted include both pings' 200 each.
OUT=$("$TOOL" stats "unix://$SOCK")
[ $? = 0 ] || fail "stats exit status"
expect stats "^agent unix://$SOCK: clients 1, sessions 0, resource handles 0, cached resources 0, calls [0-9]+$" "$OUT"
CALLS=$(sed -n 's/.*calls \([0-9]*\)$/\1/p' <<<"$OUT")
[ "${CALLS:-0}" -ge 400 ] || fail "stats: calls ${CALLS:-?} < 400: $OUT"
OUT=$("$TOOL" stats "$TCP")
expect "stats tcp" "^agent $TCP: clients 1, sessions 0," "$OUT"
grep -q '\[prof\]' <<<"$OUT" && fail "stats: profiling regions from an agent not profiling: $OUT"

# stats of a profiling agent: its per-op regions, one sample per call.
PSOCK=$DIR/prof.sock
VACCEL_PROFILING_ENABLED=1 "$AGENT" -a "unix://$PSOCK" -p "$NOOP" \
	>"$DIR/prof.out" 2>&1 &
PROF_PID=$!
for _ in $(seq 100); do
	grep -q listening "$DIR/prof.out" && break
	sleep 0.1
done
"$TOOL" ping "unix://$PSOCK" -n 50 --rpc-plugin "$RPC" >/dev/null ||
	fail "ping of the profiling agent"
OUT=$("$TOOL" stats "unix://$PSOCK")
kill $PROF_PID; wait $PROF_PID 2>/dev/null
PCALLS=$(sed -n 's/.*calls \([0-9]*\)$/\1/p' <<<"$OUT")
[ "${PCALLS:-0}" -ge 50 ] || fail "stats, profiling: calls ${PCALLS:-?} < 50: $OUT"
for R in vaccel_noop_op agent.noop.decode agent.noop.run agent.noop.reply; do
	expect "stats, profiling" "^\[prof\] $R: calls ${PCALLS:-x} total [0-9]+\.[0-9]{3} ms$" "$OUT"
done

# bench, small: every echo is checked byte for byte by the tool.
OUT=$("$TOOL" bench "unix://$SOCK" -n 100 --max-bytes 64K --rpc-plugin "$RPC")
[ $? = 0 ] || fail "bench exit status: $OUT"
expect bench '^  raw 1-byte ping-pong +p50' "$OUT"
expect bench '^  4 KiB +[0-9]+ +[0-9]+ +[0-9]+$' "$OUT"
expect bench '^  64 KiB +[0-9]+ +[0-9]+ +[0-9]+$' "$OUT"
grep -q '256 KiB' <<<"$OUT" && fail "bench went past --max-bytes: $OUT"

# Errors: exit 1 naming the address; 2 for usage.
ERR=$("$TOOL" ping "unix://$DIR/nobody.sock" --rpc-plugin "$RPC" 2>&1)
[ $? = 1 ] || fail "ping of a dead address should exit 1"
expect "dead address" "nobody\.sock" "$ERR"
ERR=$("$TOOL" ping "unix://$SOCK" --rpc-plugin "$DIR/none.so" 2>&1)
[ $? = 1 ] || fail "a missing rpc plugin should exit 1"
expect "missing plugin" "none\.so" "$ERR"
ERR=$("$TOOL" stats "unix://$DIR/nobody.sock" 2>&1)
[ $? = 1 ] || fail "stats of a dead address should exit 1"
expect "stats dead address" "nobody\.sock" "$ERR"
"$TOOL" stats >/dev/null 2>&1
[ $? = 2 ] || fail "stats without an address should exit 2"
"$TOOL" frob >/dev/null 2>&1
[ $? = 2 ] || fail "unknown command should exit 2"
"$TOOL" ping >/dev/null 2>&1
[ $? = 2 ] || fail "ping without an address should exit 2"
"$TOOL" bench x --max-bytes 2G >/dev/null 2>&1
[ $? = 2 ] || fail "--max-bytes over 1G should exit 2"
OUT=$("$TOOL" --help)
[ $? = 0 ] || fail "--help exit status"
expect help '^usage: vaccel' "$OUT"

[ $FAILS = 0 ] && echo PASS
exit $((FAILS > 0))

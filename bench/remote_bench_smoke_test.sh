#!/bin/bash
# //bench:remote_bench on small sizes: every step must produce its rows.
set -u
BENCH=$1
shift
OUT=$("$BENCH" "$@" --max-bytes 64K --hwm-sizes 1M --runs 3 2>&1)
echo "$OUT"
fail() { echo "FAIL: $*"; exit 1; }
grep -q '(failed)' <<<"$OUT" && fail "a step failed"
[ "$(grep -c '^  raw 1-byte ping-pong' <<<"$OUT")" = 4 ] || fail "no ping-pong rows for UNIX (socket, shm, shared buffers) and TCP"
[ "$(grep -cE '^  64 KiB +[0-9]+ +[0-9]+ +[0-9]+$' <<<"$OUT")" = 4 ] || fail "no 64 KiB echo rows"
grep -qE '^== vaccel bench unix://.*\(unix-shm; VACCEL_RPC_SHM_BYTES=[1-9][0-9]*\)$' <<<"$OUT" || fail "no shared-memory run"
grep -qE '^== vaccel bench unix://.* --shared \(unix-shared; VACCEL_RPC_SHM_BYTES=[1-9][0-9]*\)$' <<<"$OUT" || fail "no shared-buffer run"
grep -q 'no room in a shared region' <<<"$OUT" && fail "the shared-buffer run used the heap"
grep -qE '^== agent peak RSS, one 1M echo over UNIX through the socket: VmHWM [0-9]+ MiB at start, [0-9]+ MiB after; private \(RssAnon, sampled\) peak [0-9]+ KiB$' <<<"$OUT" || fail "no VmHWM row (socket)"
grep -qE '^== agent peak RSS, one 1M echo over UNIX through shared memory \([0-9]+-byte memfd\): VmHWM [0-9]+ MiB at start, [0-9]+ MiB after; private \(RssAnon, sampled\) peak [0-9]+ KiB$' <<<"$OUT" || fail "no VmHWM row (shared memory)"
for m in digits tiny; do
	grep -qE "^$m .* outputs equal\)$" <<<"$OUT" || fail "no equal-output row for $m"
done
echo PASS

#!/bin/bash
# Runs a TensorFlow/LiteRT benchmark's quick pass (args: the binary, then
# its arguments) and checks it printed one row per --model. Equality of
# the direct and vaccel outputs is checked by the benchmark itself (it
# exits 2 otherwise).
set -euo pipefail
bin=$1
shift
out=$("$bin" --quick "$@")
echo "$out"
models=()
while [ $# -gt 0 ]; do
	[ "$1" = --model ] && models+=("${2%%:*}")
	shift
done
for m in "${models[@]}"; do
	# Squeeze the table's padding so the pattern stays short.
	if ! tr -s ' ' <<<"$out" | grep -q "^| $m | [0-9]* |.*| identical |$"; then
		echo "FAIL: no checked row for $m" >&2
		exit 1
	fi
done
[ "$(grep -c '| identical |' <<<"$out")" -eq "${#models[@]}" ] || {
	echo "FAIL: expected ${#models[@]} checked rows" >&2
	exit 1
}
echo PASS

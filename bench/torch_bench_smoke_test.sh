#!/bin/bash
# Runs the benchmark's quick pass (args: the binary, then its arguments) and
# checks it printed one row per model and batch. Equality of the direct and
# vaccel outputs is checked by the benchmark itself (it exits 2 otherwise).
set -euo pipefail
bin=$1
shift
out=$("$bin" --quick "$@")
echo "$out"
for row in "digits | 1 " "digits | 16 " "resnet18 | 1 " "resnet18 | 16 " \
	"tiny | 1 "; do
	# Squeeze the table's padding so the patterns stay short.
	if ! tr -s ' ' <<<"$out" | grep -q "^| $row|"; then
		echo "FAIL: no row for $row" >&2
		exit 1
	fi
done
[ "$(grep -c '| identical |' <<<"$out")" -eq 5 ] || {
	echo "FAIL: expected 5 checked rows" >&2
	exit 1
}
echo PASS

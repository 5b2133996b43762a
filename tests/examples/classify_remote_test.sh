#!/bin/bash
# classify_compare against a real vaccel-agent with the torch plugin: the
# image_classify op names no resource, so the rpc plugin must bring the
# session's model to the agent; both paths must label every digit right.
set -u
COMPARE=$1 AGENT=$2 TORCH=$3 RPC=$4 MODEL=$5
shift 5
DIR=$(mktemp -d /tmp/classify-remote-test.XXXXXX) # sun_path: keep it short
"$AGENT" -a "unix://$DIR/a.sock" -p "$TORCH" >"$DIR/out" 2>"$DIR/err" &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR"' EXIT
for _ in $(seq 100); do
	grep -q listening "$DIR/out" && break
	sleep 0.1
done
OUT=$(VACCEL_PLUGINS="$TORCH:$RPC" VACCEL_RPC_ADDRESS="unix://$DIR/a.sock" \
	"$COMPARE" -n 2 "$MODEL" "$@")
RC=$?
echo "$OUT"
[ $RC = 0 ] || { echo "FAIL: exit status $RC"; cat "$DIR/err"; exit 1; }
NAMES=(zero one two three four five six seven eight nine)
for i in $(seq 0 9); do
	n=${NAMES[$i]}
	grep -Eq "^digit_$i\.png +$n \([01]\.[0-9]+\) +$n \([01]\.[0-9]+\) +[0-9]+ us +[0-9]+ us$" <<<"$OUT" ||
		{ echo "FAIL: digit $i not '$n' on both paths"; exit 1; }
done
echo PASS

#!/usr/bin/env bash
# //examples:tflite_inference prints the scores Python LiteRT computed for
# the same image (example_scores.txt, from make_models.py); and the plugin
# refuses a libLiteRt.so whose VERSION is not the pinned release.
set -uo pipefail

example=examples/tflite_inference
model=tests/tflite/conv_b1_16x16.tflite
plugin=c/plugins/tflite/libvaccel-tflite.so
fails=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

check() {
	if grep -qF -- "$2" "$tmp/out"; then
		echo "ok: $1"
	else
		echo "FAIL: $1: no line '$2' in:"
		cat "$tmp/out"
		fails=$((fails + 1))
	fi
}

# 1. The example, as `bazel run //examples:tflite_inference` runs it.
VACCEL_PLUGINS=$plugin $example $model 3 >"$tmp/out" 2>&1
echo "exit status $?" >>"$tmp/out"
check "example runs" "exit status 0"
check "model loads" "vaccel_tflite_model_load: VACCEL_OK"
check "run status" "vaccel_tflite_model_run: VACCEL_OK, status 0"
check "scores match Python LiteRT" "scores: $(cat tests/tflite/example_scores.txt)"
[ "$(grep -c '^scores:' "$tmp/out")" -eq 3 ] || {
	echo "FAIL: expected 3 runs"
	fails=$((fails + 1))
}

# 2. A libLiteRt.so of another release: the same library, with a VERSION
# beside it that says 2.2.0, found first through LD_LIBRARY_PATH.
lib="$(find -L . -name libLiteRt.so | head -1)"
cp "$lib" "$tmp/libLiteRt.so" || {
	echo "FAIL: no libLiteRt.so in the runfiles"
	exit 1
}
echo "ai-edge-litert 2.2.0" >"$tmp/VERSION"
LD_LIBRARY_PATH="$tmp" VACCEL_PLUGINS=$plugin $example $model \
	>"$tmp/out" 2>&1
echo "exit status $?" >>"$tmp/out"
check "other release refused" "is ai-edge-litert 2.2.0, but this plugin is built for ai-edge-litert 2.3.0"
check "example fails" "exit status 1"

# 3. ... unless told to go on.
LD_LIBRARY_PATH="$tmp" VACCEL_TFLITE_VERSION_IGNORE=1 VACCEL_LOG_LEVEL=2 \
	VACCEL_PLUGINS=$plugin $example $model >"$tmp/out" 2>&1
echo "exit status $?" >>"$tmp/out"
check "override goes on" "going on (VACCEL_TFLITE_VERSION_IGNORE=1)"
check "override runs" "exit status 0"

# 4. No VERSION file at all.
rm "$tmp/VERSION"
LD_LIBRARY_PATH="$tmp" VACCEL_PLUGINS=$plugin $example $model \
	>"$tmp/out" 2>&1
echo "exit status $?" >>"$tmp/out"
check "unknown release refused" "of unknown version (no VERSION file beside it)"

echo "$fails failed"
[ "$fails" -eq 0 ]

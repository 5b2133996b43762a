#!/usr/bin/env bash
# //examples:tf_inference prints the scores Python TensorFlow computed for
# the same image (example_scores.txt, from make_models.py) with the node
# names the saved signature has (conv.nodes); and the plugin refuses a
# TensorFlow of another release.
set -uo pipefail

example=examples/tf_inference
model=tests/tf/conv
plugin=c/plugins/tf/libvaccel-tf.so
fake=tests/tf/libfake_tf_version.so
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

# The exit status line exactly (139, a crash, is not 1).
check_exit() {
	if grep -qxF -- "exit status $2" "$tmp/out"; then
		echo "ok: $1"
	else
		echo "FAIL: $1: not exit status $2:"
		cat "$tmp/out"
		fails=$((fails + 1))
	fi
}

# 0. The example's node names are the ones read from the SavedModel.
cp tests/tf/conv.nodes "$tmp/out"
check "input node" "in image serving_default_image 0 1"
check "output node" "out scores StatefulPartitionedCall 0 1"

# 1. The example, as `bazel run //examples:tf_inference` runs it.
VACCEL_PLUGINS=$plugin $example $model 3 >"$tmp/out" 2>&1
echo "exit status $?" >>"$tmp/out"
check_exit "example runs" 0
check "model loads" "vaccel_tf_model_load: VACCEL_OK, status 0"
check "run status" "vaccel_tf_model_run: VACCEL_OK, status 0"
check "scores match Python TensorFlow" "scores: $(cat tests/tf/example_scores.txt)"
# TensorFlow's INFO lines (I0000 ... reader.cc) are hidden by the plugin;
# only the one it prints while loading, before any plugin code runs, stays.
[ "$(grep -c '^I[0-9]' "$tmp/out")" -le 1 ] || {
	echo "FAIL: TensorFlow INFO lines:"
	grep '^I[0-9]' "$tmp/out"
	fails=$((fails + 1))
}
[ "$(grep -c '^scores:' "$tmp/out")" -eq 3 ] || {
	echo "FAIL: expected 3 runs"
	fails=$((fails + 1))
}

# 2. A TensorFlow of another release: a preloaded TF_Version says 2.20.0.
# Under --config=asan the preload comes before ASan's runtime, which ASan
# refuses by default; the stand-in allocates nothing, so that order is safe.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
LD_PRELOAD="$PWD/$fake" VACCEL_PLUGINS=$plugin $example $model \
	>"$tmp/out" 2>&1
echo "exit status $?" >>"$tmp/out"
check "other release refused" "TensorFlow is 2.20.0, but this plugin is built for 2.21.0"
check_exit "example fails" 1

# 3. ... unless told to go on.
LD_PRELOAD="$PWD/$fake" VACCEL_TF_VERSION_IGNORE=1 VACCEL_LOG_LEVEL=2 \
	VACCEL_PLUGINS=$plugin $example $model >"$tmp/out" 2>&1
echo "exit status $?" >>"$tmp/out"
check "override goes on" "going on (VACCEL_TF_VERSION_IGNORE=1)"
check_exit "override runs" 0
check "override scores" "scores: $(cat tests/tf/example_scores.txt)"

echo "$fails failed"
[ "$fails" -eq 0 ]

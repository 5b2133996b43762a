#!/usr/bin/env bash
# The demo: build the example programs and the plugins with Bazel, then run
# a tour of them, each with the plugin it needs (set by its target in
# examples/BUILD through VACCEL_PLUGINS): noop with INFO logging, sgemm on
# OpenBLAS, exec_with_resource calling a function of a shared library given
# as a resource (from a file and from memory), minmax on the cpu reference
# backend, and classify: handwritten digits (PNG and JPEG) classified by a
# small CNN that the build trains on scikit-learn's digits, run by libtorch.
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
echo
echo "demo: exit status $rc"
exit "$rc"

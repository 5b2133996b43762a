#!/usr/bin/env bash
# The demo: build the example program and the noop plugin with Bazel, then
# run the program with the plugin loaded and INFO logging on.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "demo: bazel build //examples:noop //c/plugins/noop:libvaccel-noop.so"
bazel build //examples:noop //c/plugins/noop:libvaccel-noop.so

# An absolute path, so the plugin is found wherever the program runs.
plugin="$(cd bazel-bin/c/plugins/noop && pwd)/libvaccel-noop.so"
echo "demo: VACCEL_PLUGINS=$plugin VACCEL_LOG_LEVEL=3 bazel-bin/examples/noop"
set +e
VACCEL_PLUGINS="$plugin" VACCEL_LOG_LEVEL=3 bazel-bin/examples/noop
rc=$?
echo "demo: exit status $rc"
exit "$rc"

#!/usr/bin/env bash
# Run every test suite: generator (pytest), format (clang-format), bazel
# (GoogleTest), asan (the same under ASan+UBSan), tsan (the tests tagged
# "tsan" under ThreadSanitizer: core, resources, plugin registry, threaded
# backends), install (install, then build an application with pkg-config
# outside Bazel), arm64 (the client cross-built for aarch64, run under
# qemu-user against the native agent), go (the Go binding, go test -race),
# python (the Python binding's wheel in a fresh venv, pytest) and guest (a
# Debian kernel under QEMU calling vaccel-agent over VSOCK and TCP, pytest).
#
# Each suite prints its own summary line; the last line of the output is
# "N passed, N failed" over all suites. Exit status: 0 only when every suite
# ran and nothing failed. Extra arguments go to both `bazel test` runs.
#
# No `set -e`: a failing suite must not stop the ones after it.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
root="$PWD"

# setup.sh installs what is missing and sets VACCEL_PYTHON.
# shellcheck source=scripts/setup.sh
source scripts/setup.sh || {
	echo "test: setup failed"
	echo "0 passed, 1 failed"
	exit 1
}
py="${VACCEL_PYTHON:-python3}"
# A Bazel server started before setup installed the ML runtimes still holds
# the old answer of third_party/ml_runtimes.bzl: ask it again.
bazel sync --configure >/dev/null 2>&1 || true

tmp="$(mktemp -d "${TMPDIR:-/tmp}/vaccel-test.XXXXXX")" || exit 1
trap 'rm -rf "$tmp"' EXIT

total_pass=0
total_fail=0
failed_suites=""

# record SUITE PASSED FAILED STATUS: add a suite's counts to the totals. A
# suite that exits non-zero with no failed test on record (it could not run)
# counts as one failed test, so the totals never look clean when it failed.
record() {
	local suite="$1" pass="$2" fail="$3" rc="$4"

	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		echo "$suite: exited with status $rc (counted as 1 failed)"
		fail=1
	fi
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
	if [ "$rc" -ne 0 ] || [ "$fail" -ne 0 ]; then
		failed_suites="$failed_suites $suite"
	fi
}

# The number before WORD in a pytest summary line ("3 passed, 1 failed in
# 0.2s"), or 0.
pytest_count() {
	local n
	n="$(grep -oE "[0-9]+ $2" <<<"$1" | tail -1 | cut -d' ' -f1)"
	echo "${n:-0}"
}

suite_generator() {
	local log="$tmp/pytest.log" line rc pass fail

	echo "=== generator: $py -m pytest -q idl/tests"
	if [ ! -d idl/tests ]; then
		echo "generator: no idl/tests yet, 0 tests"
		record generator 0 0 0
		return
	fi
	# No cache provider: keep .pytest_cache out of the tree.
	"$py" -m pytest -q -p no:cacheprovider idl/tests 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	# pytest exits 5 when it collects nothing: not a failure.
	[ "$rc" -eq 5 ] && rc=0
	# The summary is the last line that ends in "in <time>s".
	line="$(grep -E ' in [0-9.]+s' "$log" | tail -1)"
	pass="$(pytest_count "$line" passed)"
	fail=$(($(pytest_count "$line" failed) + $(pytest_count "$line" error)))
	echo "generator: $pass passed, $fail failed"
	record generator "$pass" "$fail" "$rc"
}

suite_format() {
	local f clean=0 bad=0 list=""

	echo "=== format: clang-format --dry-run -Werror"
	# Hand-written sources only: generated files say so on their first line.
	while IFS= read -r -d '' f; do
		if head -n 1 "$f" | grep -q "Generated from"; then
			continue
		fi
		if clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
			clean=$((clean + 1))
		else
			bad=$((bad + 1))
			list="$list $f"
		fi
	done < <(find c tests examples -type f \
		\( -name '*.c' -o -name '*.h' -o -name '*.cc' \) -print0 \
		2>/dev/null | sort -z)
	echo "format: $clean files clean, $bad need formatting"
	for f in $list; do
		echo "  needs formatting: $f (clang-format -i $f)"
	done
	record format "$clean" "$bad" 0
}

# run_bazel SUITE [BAZEL FLAGS...]: one `bazel test //...` run (plus the
# script's own arguments), counted from the summary Bazel prints and the
# test.xml files of those targets.
run_bazel() {
	local suite="$1" log="$tmp/$1.log" rc testlogs counts t p f
	shift

	echo "=== $suite: bazel test $* //... --test_output=errors"
	touch "$tmp/$suite.start"
	# --keep_going: a target that fails to build must not stop the rest.
	# --nocache_test_results: every run really runs every test.
	bazel test "$@" ${extra[@]+"${extra[@]}"} --keep_going --nocache_test_results \
		--test_output=errors //... 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	# Exit status 4: everything built but there were no tests to run.
	[ "$rc" -eq 4 ] && rc=0
	# Where this configuration's test logs are (the bazel-testlogs link
	# may point at another configuration's).
	testlogs="$(bazel info "$@" bazel-testlogs 2>/dev/null)"
	[ -n "$testlogs" ] || testlogs="$root/bazel-testlogs"
	if counts="$(python3 scripts/bazel_test_counts.py "$log" "$testlogs")"; then
		read -r t p f <<<"$counts"
	else
		t=0 p=0 f=0
	fi
	# GoogleTest's own summary line of every test this run executed.
	find "$testlogs" -name test.log -newer "$tmp/$suite.start" \
		-exec grep -HaE '^\[  (PASSED|FAILED)  \] [0-9]+ tests?' {} + \
		2>/dev/null | sed "s|^$testlogs/||; s|/test.log:| |" | sort
	echo "$suite: $t tests, $p passed, $f failed"
	record "$suite" "$p" "$f" "$rc"
}

suite_install() {
	local prefix="$tmp/prefix" out="$tmp/noop.out" rc=0
	local want='vaccel_image_classification: VACCEL_OK, text "This is a dummy classification tag!"'

	echo "=== install: bazel run //:install, then cc with pkg-config"
	if ! bazel run //:install -- --prefix "$prefix"; then
		echo "install: FAILED: bazel run //:install"
		record install 0 1 1
		return
	fi
	# Outside Bazel, as a user would: only what was installed is used.
	# shellcheck disable=SC2046 # pkg-config's flags are meant to split
	if ! cc examples/noop.c $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" \
		pkg-config --cflags --libs vaccel) -o "$prefix/noop"; then
		echo "install: FAILED: compiling examples/noop.c against $prefix"
		record install 0 1 1
		return
	fi
	# vAccel's example programs include "utils/fs.h" (vaccel.pc's
	# vaccel/compat directory) and call fs_file_read().
	# shellcheck disable=SC2046 # pkg-config's flags are meant to split
	if ! printf '%s\n' '#include "utils/fs.h"' '#include "vaccel.h"' \
		'int main(void) { void *d; size_t n;' \
		'return fs_file_read("/nonexistent", &d, &n) != VACCEL_ENOENT; }' |
		cc -x c - $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" \
			pkg-config --cflags --libs vaccel) -o "$prefix/fsread" ||
		! LD_LIBRARY_PATH="$prefix/lib" "$prefix/fsread" 2>/dev/null; then
		echo "install: FAILED: utils/fs.h / fs_file_read against $prefix"
		record install 0 1 1
		return
	fi
	LD_LIBRARY_PATH="$prefix/lib" \
		VACCEL_PLUGINS="$prefix/lib/libvaccel-noop.so" \
		"$prefix/noop" >"$out" 2>&1 || rc=$?
	cat "$out"
	# The installed agent and tool: `vaccel ping` finds the installed rpc
	# plugin in ../lib by itself.
	local sock="$tmp/install-agent.sock" apid ping_rc=0
	"$prefix/bin/vaccel-agent" -a "unix://$sock" \
		-p "$prefix/lib/libvaccel-noop.so" >"$tmp/install-agent.out" &
	apid=$!
	for _ in $(seq 100); do
		grep -q listening "$tmp/install-agent.out" && break
		sleep 0.1
	done
	LD_LIBRARY_PATH="$prefix/lib" "$prefix/bin/vaccel" ping \
		"unix://$sock" -n 100 >"$tmp/install-ping.out" 2>&1 || ping_rc=$?
	kill "$apid" && wait "$apid" || true
	cat "$tmp/install-ping.out"
	if [ "$ping_rc" -ne 0 ] ||
		! grep -q '^noop round trip: p50' "$tmp/install-ping.out"; then
		echo "install: FAILED: installed vaccel ping against vaccel-agent"
		rc=1
	fi
	if [ "$rc" -eq 0 ] && grep -qF "$want" "$out"; then
		echo "install: 1 passed, 0 failed"
		record install 1 0 0
	else
		echo "install: FAILED (exit status $rc, expected output line:" \
			"$want)"
		record install 0 1 0
	fi
}

# The client side (libvaccel, the rpc plugin, the noop/sgemm/classify
# examples) cross-built for aarch64 and run under qemu-user against the
# x86-64 agent; its results must equal the native client's
# (tests/arm64/arm64_test.sh prints one ok/FAIL line per check).
suite_arm64() {
	local log="$tmp/arm64.log" rc line pass fail

	echo "=== arm64: tests/arm64/arm64_test.sh (aarch64 clients under qemu-user)"
	tests/arm64/arm64_test.sh 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	line="$(grep -E '^arm64: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)"
	pass="$(pytest_count "$line" passed)"
	fail="$(pytest_count "$line" failed)"
	record arm64 "$pass" "$fail" "$rc"
}

# The Go binding (bindings/go): `go test -race ./...` against the plugins,
# agent, exec test library and models that bazel builds (default
# configuration, so their paths do not depend on the sanitizer runs).
GO_TEST_TARGETS=(
	//c/plugins/noop:libvaccel-noop.so //c/plugins/exec:libvaccel-exec.so
	//c/plugins/blas:libvaccel-blas.so //c/plugins/cpu:libvaccel-cpu.so
	//c/plugins/torch:libvaccel-torch.so //c/plugins/tf:libvaccel-tf.so
	//c/plugins/tflite:libvaccel-tflite.so //c/plugins/rpc:libvaccel-rpc.so
	//c/agent:vaccel-agent //tests/backends:libexec-test.so
	//tests/torch:models //tests/tf:models //tests/tflite:models
	//examples/models:digits_gen
)

suite_go() {
	local log="$tmp/go.json" gobin rc counts t p f

	echo "=== go: go test -race ./... (bindings/go, examples/go)"
	gobin="$(command -v go || true)"
	[ -n "$gobin" ] || [ ! -x /usr/local/go/bin/go ] || gobin=/usr/local/go/bin/go
	if [ -z "$gobin" ]; then
		echo "go: FAILED: no go toolchain on PATH or in /usr/local/go"
		record go 0 1 1
		return
	fi
	if ! bazel build "${GO_TEST_TARGETS[@]}"; then
		echo "go: FAILED: bazel build of the plugins, agent and models"
		record go 0 1 1
		return
	fi
	rc=0
	# The binding, then the examples (a module of their own).
	for d in bindings/go examples/go; do
		(cd "$d" && PATH="$(dirname "$gobin"):$PATH" GOTOOLCHAIN=local \
			CGO_ENABLED=1 \
			VACCEL_GO_BAZEL_BIN="$(bazel info bazel-bin 2>/dev/null)" \
			"$gobin" test -race -count=1 -json ./... >>"$log" 2>&1) || rc=1
		(cd "$d" && "$gobin" vet ./... &&
			test -z "$("$(dirname "$gobin")/gofmt" -l .)") || {
			echo "go: go vet or gofmt found problems in $d"
			rc=1
		}
	done
	# Again against the libvaccel that suite_install installed (the build
	# tag vaccel_system: pkg-config instead of the compiled-in runtime).
	if [ -f "$tmp/prefix/lib/pkgconfig/vaccel.pc" ]; then
		(cd bindings/go && GOTOOLCHAIN=local CGO_ENABLED=1 \
			PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig" \
			LD_LIBRARY_PATH="$tmp/prefix/lib" \
			VACCEL_GO_BAZEL_BIN="$(bazel info bazel-bin 2>/dev/null)" \
			"$gobin" test -tags vaccel_system -count=1 -json ./... \
			>>"$log" 2>&1) || rc=1
	else
		echo "go: no installed libvaccel (suite install failed): the vaccel_system build is not tested"
		rc=1
	fi
	python3 scripts/go_test_counts.py "$log" >"$tmp/go.counts"
	head -n -1 "$tmp/go.counts"
	read -r t p f < <(tail -1 "$tmp/go.counts")
	: "${t:=0}" "${p:=0}" "${f:=0}"
	echo "go: $t tests, $p passed, $f failed"
	record go "$p" "$f" "$rc"
}

# The Python binding (bindings/python), as a user installs it: a wheel built
# from the checkout, installed into a fresh venv of Debian's Python (whose
# numpy and torch it sees), then pytest against the plugins, models and
# agent Bazel built.
suite_python() {
	local log="$tmp/python.log" venv="$tmp/pyvenv" bin line rc pass fail
	local targets=(//c/plugins/noop:libvaccel-noop.so
		//c/plugins/exec:libvaccel-exec.so //c/plugins/blas:libvaccel-blas.so
		//c/plugins/cpu:libvaccel-cpu.so //c/plugins/torch:libvaccel-torch.so
		//c/plugins/tf:libvaccel-tf.so //c/plugins/tflite:libvaccel-tflite.so
		//c/plugins/rpc:libvaccel-rpc.so //c/agent:vaccel-agent
		//examples:libmytestlib.so //examples/models:digits_gen
		//tests/backends:libexec-dep.so //tests/backends:libexec-main.so
		//tests/extra_op:extra-agent //tests/extra_op:libtest-scale.so
		//tests/tflite:models //tests/tf:models)

	echo "=== python: wheel into a fresh venv, pytest bindings/python/tests"
	if ! bazel build "${targets[@]}"; then
		echo "python: FAILED: bazel build of the plugins and models"
		record python 0 1 1
		return
	fi
	bin="$(bazel info bazel-bin 2>/dev/null)"
	# python -m build makes the sdist, then the wheel from the sdist: the
	# wheel tested is one built with no checkout (and no SWIG run) behind it.
	if ! /usr/bin/python3 -m venv --system-site-packages "$venv" ||
		! "$venv/bin/pip" install -q build ||
		! "$venv/bin/python" -m build -o "$tmp/dist" ./bindings/python >"$tmp/build.log" 2>&1 ||
		! "$venv/bin/pip" install -q "$tmp"/dist/vaccel-*.whl; then
		tail -20 "$tmp/build.log" 2>/dev/null
		echo "python: FAILED: building or installing the wheel"
		record python 0 1 1
		return
	fi
	"$venv/bin/python" -c 'import pytest' 2>/dev/null ||
		"$venv/bin/pip" install -q pytest || {
		echo "python: FAILED: no pytest"
		record python 0 1 1
		return
	}
	# From the tests directory, so `import vaccel` is the installed wheel.
	(cd bindings/python/tests && VACCEL_BAZEL_BIN="$bin" \
		"$venv/bin/python" -m pytest -q -s -p no:cacheprovider .) 2>&1 |
		tee "$log"
	rc=${PIPESTATUS[0]}
	line="$(grep -E ' in [0-9.]+s' "$log" | tail -1)"
	pass="$(pytest_count "$line" passed)"
	fail=$(($(pytest_count "$line" failed) + $(pytest_count "$line" error)))
	echo "python: $pass passed, $fail failed"
	record python "$pass" "$fail" "$rc"
}

# A real guest kernel calling the agent (tests/guest/test_guest.py): QEMU
# boots, each under `timeout -s KILL`; the whole suite under a bound too
# (SIGTERM: the test then stops its processes; SIGKILL 20 s later).
suite_guest() {
	local log="$tmp/guest.log" bin line rc pass fail

	echo "=== guest: QEMU guests against vaccel-agent, pytest tests/guest"
	if ! bazel build //tests/guest:guest_deps; then
		echo "guest: FAILED: bazel build //tests/guest:guest_deps"
		record guest 0 1 1
		return
	fi
	bin="$(bazel info bazel-bin 2>/dev/null)"
	VACCEL_BAZEL_BIN="$bin" timeout -k 20 400 \
		"$py" -m pytest -q -s -p no:cacheprovider tests/guest 2>&1 |
		tee "$log"
	rc=${PIPESTATUS[0]}
	line="$(grep -E ' in [0-9.]+s' "$log" | tail -1)"
	pass="$(pytest_count "$line" passed)"
	fail=$(($(pytest_count "$line" failed) + $(pytest_count "$line" error)))
	echo "guest: $pass passed, $fail failed"
	record guest "$pass" "$fail" "$rc"
}

suite_generator
suite_format
extra=("$@")
run_bazel bazel
run_bazel asan --config=asan
# Only the tests tagged "tsan", and only what they need is built: the
# torch/tf/tflite suites are not tagged (their runtimes are not built with
# TSan, so it cannot see their threads' synchronisation and reports races
# that are not), nor blas_test (OpenBLAS's own thread pool, likewise).
run_bazel tsan --config=tsan --test_tag_filters=tsan --build_tests_only
suite_install
suite_arm64
suite_go
suite_python
suite_guest

echo "=== summary"
if [ -n "$failed_suites" ]; then
	echo "failed suites:$failed_suites"
fi
echo "$total_pass passed, $total_fail failed"
[ -z "$failed_suites" ] && [ "$total_fail" -eq 0 ]

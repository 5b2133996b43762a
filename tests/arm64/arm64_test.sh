#!/usr/bin/env bash
# The client side cross-built for aarch64 (scripts/cross_build.py with
# Debian's aarch64-linux-gnu-gcc) and run under qemu-user against the
# x86-64 vaccel-agent over UNIX sockets: the noop, sgemm and classify
# examples, with only the aarch64 rpc plugin loaded, must print exactly what
# the native x86-64 build of the same programs prints through the same agent,
# and that must be the right answer (checked here too, so both being wrong
# the same way fails).
#
#   tests/arm64/arm64_test.sh      (scripts/test.sh runs it as suite arm64)
#
# Prints "ok: ..." or "FAIL: ..." per check, then "arm64: N passed, N
# failed"; exits non-zero when a check failed. Every agent is stopped by
# its PID, also when the test fails; every client run has a time limit.
set -uo pipefail

cd "$(dirname "$0")/../.." || exit 1
CROSS_CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
SYSROOT=${SYSROOT:-/usr/aarch64-linux-gnu}
QEMU=(qemu-aarch64 -L "$SYSROOT")

pass=0
fail=0
ok() {
	echo "ok: $*"
	pass=$((pass + 1))
}
bad() {
	echo "FAIL: $*"
	fail=$((fail + 1))
}
# Every check below; fewer results at the end means one was skipped.
CHECKS=7
finish() {
	if [ "${1:-}" = last ] && [ $((pass + fail)) -ne "$CHECKS" ]; then
		bad "$((pass + fail)) results for $CHECKS checks: one did not report"
	fi
	echo "arm64: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}

for tool in "$CROSS_CC" "${QEMU[0]}"; do
	command -v "$tool" >/dev/null || {
		bad "$tool not found (scripts/setup.sh installs gcc-aarch64-linux-gnu and qemu-user)"
		finish
	}
done

# A short directory: it holds the agents' sockets (sun_path is 108 bytes).
tmp=$(mktemp -d /tmp/vaccel-arm64.XXXXXX) || exit 1
agents=()
cleanup() {
	local pid
	for pid in ${agents[@]+"${agents[@]}"}; do
		kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

# The native side: the agent, its backends, and the x86-64 clients.
if ! bazel build --ui_event_filters=-info --noshow_progress \
	//c/agent:vaccel-agent //c/plugins/noop:libvaccel-noop.so \
	//c/plugins/blas:libvaccel-blas.so //c/plugins/torch:libvaccel-torch.so \
	//c/plugins/rpc:libvaccel-rpc.so //examples:noop //examples:sgemm \
	//examples:classify //examples/models:digits_gen; then
	bad "bazel build of the agent, plugins and native examples"
	finish
fi
bin=$(bazel info bazel-bin 2>/dev/null)

# The aarch64 side: libvaccel.so, the rpc plugin and the examples, from
# the sources and flags of the same Bazel targets.
arm="$tmp/aarch64"
if python3 scripts/cross_build.py --cc "$CROSS_CC" --out "$arm"; then
	ok "cross build with $CROSS_CC"
else
	bad "cross build with $CROSS_CC"
	finish
fi
# The same noop example linked against the cross-built libvaccel.so, the
# way an application outside Bazel uses it (flags of .bazelrc).
if "$CROSS_CC" -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE \
	-Ic/include examples/noop.c -L"$arm" -lvaccel \
	-Wl,-rpath,'$ORIGIN' -o "$arm/noop_shared"; then
	ok "examples/noop.c compiled and linked against the aarch64 libvaccel.so"
else
	bad "examples/noop.c against the aarch64 libvaccel.so"
fi

# Every output is an AArch64 ELF; the rpc plugin needs only libc and
# keeps the plugin SDK promise (one exported symbol).
elf_ok=1
for f in libvaccel.so libvaccel-rpc.so noop sgemm classify noop_shared; do
	m=$(readelf -h "$arm/$f" 2>/dev/null | sed -n 's/^ *Machine: *//p')
	[ "$m" = AArch64 ] || {
		echo "  $f: machine '${m:-none}', want AArch64"
		elf_ok=0
	}
done
needed=$(readelf -d "$arm/libvaccel-rpc.so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | xargs)
if [ "$needed" != "ld-linux-aarch64.so.1 libc.so.6" ]; then
	echo "  libvaccel-rpc.so needs: $needed (want only libc.so.6 and ld-linux-aarch64.so.1)"
	elf_ok=0
fi
bash c/check_plugin_symbols.sh "$arm/libvaccel-rpc.so" >/dev/null || elf_ok=0
if [ "$elf_ok" = 1 ]; then
	ok "every output is AArch64; libvaccel-rpc.so needs only libc and exports only vaccel_plugin_descriptor"
else
	bad "aarch64 outputs (see above)"
fi

# One agent per backend, as `bazel run //examples:<name>` loads them.
for backend in noop blas torch; do
	"$bin/c/agent/vaccel-agent" -a "unix://$tmp/$backend.sock" \
		-p "$bin/c/plugins/$backend/libvaccel-$backend.so" \
		>"$tmp/agent-$backend.out" 2>"$tmp/agent-$backend.err" &
	agents+=($!)
done
for backend in noop blas torch; do
	for _ in $(seq 100); do
		grep -q listening "$tmp/agent-$backend.out" && break
		sleep 0.1
	done
	grep -q listening "$tmp/agent-$backend.out" || {
		bad "vaccel-agent with the $backend plugin did not start"
		cat "$tmp/agent-$backend.err"
		finish
	}
done

# run_both NAME AGENT EXPECTED-FILE ARGS...: examples/NAME natively and
# under qemu-aarch64 through AGENT's socket; both must succeed, print the
# same, and for every line of EXPECTED-FILE (an extended regex matching a
# whole line) print a line that matches it.
run_both() {
	local name=$1 backend=$2 want=$3 prog=$1 rc_n=0 rc_a=0
	shift 3
	[ "$name" = noop_shared ] && prog=noop
	VACCEL_PLUGINS="$bin/c/plugins/rpc/libvaccel-rpc.so" \
		VACCEL_RPC_ADDRESS="unix://$tmp/$backend.sock" \
		timeout 60 "$bin/examples/$prog" "$@" \
		>"$tmp/$name.x86_64" 2>"$tmp/$name.x86_64.err" || rc_n=$?
	VACCEL_PLUGINS="$arm/libvaccel-rpc.so" \
		VACCEL_RPC_ADDRESS="unix://$tmp/$backend.sock" \
		timeout 60 "${QEMU[@]}" "$arm/$name" "$@" \
		>"$tmp/$name.aarch64" 2>"$tmp/$name.aarch64.err" || rc_a=$?
	echo "--- $name (aarch64 under qemu, agent with the $backend plugin):"
	cat "$tmp/$name.aarch64" "$tmp/$name.aarch64.err"
	if [ "$rc_n" -ne 0 ] || [ "$rc_a" -ne 0 ]; then
		cat "$tmp/$name.x86_64.err"
		bad "$name: exit status x86_64 $rc_n, aarch64 $rc_a (want 0 and 0)"
	elif ! diff -u "$tmp/$name.x86_64" "$tmp/$name.aarch64"; then
		bad "$name: the aarch64 client printed other results than the x86_64 one (diff above)"
	elif missing=$(missing_lines "$want" "$tmp/$name.aarch64") &&
		[ -z "$missing" ]; then
		ok "$name: aarch64 and x86_64 print the same $(wc -l <"$tmp/$name.aarch64") lines, the expected results"
	else
		echo "  no line matches:"
		sed 's/^/    /' <<<"$missing"
		bad "$name: both clients agree but not on the expected results"
	fi
}

# missing_lines WANT OUT: the patterns of WANT that no line of OUT matches.
missing_lines() {
	local re
	while IFS= read -r re; do
		grep -qxE -- "$re" "$2" || echo "$re"
	done <"$1"
}

cat >"$tmp/noop.want" <<'EOF'
session [0-9]+
vaccel_noop: VACCEL_OK
vaccel_genop\(VACCEL_OP_NOOP\): VACCEL_OK
vaccel_image_classification: VACCEL_OK, text "This is a dummy classification tag!"
EOF
cat >"$tmp/sgemm.want" <<'EOF'
vaccel_sgemm: VACCEL_OK
C = A x B:
  58 64
  139 154
C = 2 \* A x B \+ C:
  174 192
  417 462
EOF
# The demo model (trained by the build: examples/models) labels every
# sample digit right, with a score in [0, 1].
names=(zero one two three four five six seven eight nine)
images=()
for ext in png jpg; do
	for i in $(seq 0 9); do
		echo "digit_$i\\.$ext: ${names[$i]} \\((0\\.[0-9]{3}|1\\.000)\\)"
		images+=("$bin/examples/models/samples/digit_$i.$ext")
	done
done >"$tmp/classify.want"

run_both noop noop "$tmp/noop.want"
run_both noop_shared noop "$tmp/noop.want"
run_both sgemm blas "$tmp/sgemm.want"
run_both classify torch "$tmp/classify.want" \
	"$bin/examples/models/digits" "${images[@]}"

finish last

#!/usr/bin/env bash
# Runs each example program the way `bazel run //examples:<name>` does
# (VACCEL_PLUGINS naming the plugins it needs, the example library as the
# argument of the exec ones) and checks its exit status and that every
# expected line appears in its output. Runs in the runfiles tree, where the
# plugin paths below resolve.
set -u

lib=examples/libmytestlib.so
blas=c/plugins/blas/libvaccel-blas.so
cpu=c/plugins/cpu/libvaccel-cpu.so
exec=c/plugins/exec/libvaccel-exec.so
noop=c/plugins/noop/libvaccel-noop.so
torch=c/plugins/torch/libvaccel-torch.so
digits=examples/models/digits
samples=examples/models/samples

pass=0
fail=0

# check NAME PLUGINS WANT_STATUS [ARG]: runs examples/NAME; the expected
# output lines come on stdin, each must appear as a whole line (a fixed
# string, or an extended regular expression when match=E).
check() {
	local name="$1" plugins="$2" want="$3" out rc line ok=1
	shift 3
	out="$(VACCEL_PLUGINS="$plugins" "examples/$name" "$@" 2>&1)"
	rc=$?
	if { [ "$want" = 0 ] && [ "$rc" -ne 0 ]; } ||
		{ [ "$want" != 0 ] && [ "$rc" -eq 0 ]; }; then
		echo "FAIL $name $*: exit status $rc"
		ok=0
	fi
	while IFS= read -r line; do
		if ! grep -qx"${match:-F}" -- "$line" <<<"$out"; then
			echo "FAIL $name $*: no line '$line'"
			ok=0
		fi
	done
	if [ "$ok" = 1 ]; then
		echo "PASS $name $*"
		pass=$((pass + 1))
	else
		echo "--- output of $name:"
		echo "$out"
		echo "---"
		fail=$((fail + 1))
	fi
}

check noop "$noop" 0 <<'OUT'
vaccel_noop: VACCEL_OK
vaccel_genop(VACCEL_OP_NOOP): VACCEL_OK
vaccel_image_classification: VACCEL_OK, text "This is a dummy classification tag!"
OUT

check noop_generic "$noop" 0 <<'OUT'
vaccel_genop(VACCEL_OP_NOOP): VACCEL_OK
OUT

check exec "$exec" 0 "$lib" <<'OUT'
vaccel_exec: VACCEL_OK
mytestfunc(10) = 20
OUT

check exec_generic "$exec" 0 "$lib" <<'OUT'
vaccel_genop(VACCEL_OP_EXEC): VACCEL_OK
mytestfunc(21) = 42
OUT

check exec_with_resource "$exec" 0 "$lib" <<'OUT'
vaccel_exec_with_resource (file): VACCEL_OK
file: mytestfunc(10) = 20
vaccel_exec_with_resource (memory): VACCEL_OK
memory: mytestfunc(10) = 20
OUT

check exec_serialized "$exec" 0 "$lib" <<'OUT'
input: 1 2 3 4 5 6
vaccel_exec: VACCEL_OK
reversed: 6 5 4 3 2 1
OUT

# C = A x B with A = [1 2 3; 4 5 6], B = [7 8; 9 10; 11 12], then
# 2 * A x B + C.
check sgemm "$blas" 0 <<'OUT'
vaccel_sgemm: VACCEL_OK
C = A x B:
  58 64
  139 154
C = 2 * A x B + C:
  174 192
  417 462
OUT

check sgemm_generic "$blas" 0 <<'OUT'
vaccel_genop(VACCEL_OP_BLAS_SGEMM): VACCEL_OK
C = A x B:
  58 64
  139 154
OUT

check minmax "$cpu" 0 <<'OUT'
vaccel_minmax: VACCEL_OK
min -3
max 12
clamped to [0, 8]: 4.5 0 8 7 0.25 8
OUT

check fpga "$cpu" 0 <<'OUT'
vaccel_fpga_arraycopy: VACCEL_OK
copy: 1 2 3 4 5
vaccel_fpga_mmult: VACCEL_OK
[1 2; 3 4] x [5 6; 7 8]: 19 22 43 50
vaccel_fpga_parallel: VACCEL_OK
sum: 5 7 9
product: 4 10 18
vaccel_fpga_vadd: VACCEL_OK
vadd: 2 4 9 8 10
OUT

# The demo model (examples/models): every sample digit gets its own class,
# as a tensor and as a PNG and a JPEG image (label and a score in [0, 1]).
check torch_inference "$torch" 0 "$digits/digits.pt" "$samples"/digit_{0..9}.f32 < <(
	echo "vaccel_torch_model_load: VACCEL_OK"
	for k in {0..9}; do echo "digit_$k.f32: argmax $k"; done
)

words=(zero one two three four five six seven eight nine)
match=E check classify "$torch" 0 "$digits" "$samples"/digit_{0..9}.{png,jpg} < <(
	for k in {0..9}; do
		for ext in png jpg; do
			echo "digit_$k\.$ext: ${words[k]} \((0\.[0-9]{3}|1\.000)\)"
		done
	done
)

# Failures are reported, not hidden: a missing library, and no plugin.
check exec "$exec" 1 examples/libnot-there.so <<'OUT'
vaccel_exec: VACCEL_EINVAL
OUT

check sgemm "" 1 <<'OUT'
vaccel_sgemm: VACCEL_ENOTSUP
OUT

check classify "$torch" 1 "$digits" "$digits/digits_labels.txt" <<'OUT'
digits_labels.txt: VACCEL_EINVAL
OUT

echo "examples: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

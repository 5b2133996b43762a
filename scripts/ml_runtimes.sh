#!/usr/bin/env bash
# Install the pinned ML runtimes that the tflite (and tf) plugins link
# against, into a cache OUTSIDE the source tree (nothing here is committed):
#
#   $VACCEL_CACHE/wheels/                  the pinned wheels (sha256-checked)
#   $VACCEL_CACHE/ml/litert-2.3.0/         libLiteRt.so + VERSION
#   $VACCEL_CACHE/ml/tensorflow-2.21.0/    lib/libtensorflow_{cc,framework}.so.2
#                                          + include/ (the TF C API headers)
#   $VACCEL_CACHE/ml/venv/                 Python with tensorflow-cpu and
#                                          ai-edge-litert, for test models
#
# VACCEL_CACHE defaults to $HOME/.cache/vaccel. Idempotent: every step
# writes a stamp (.complete, holding the wheel's sha256) last and is skipped
# when its stamp matches. Debian has none of these libraries; the PyPI
# wheels carry them (see notes/ml-runtimes.md). third_party/ml_runtimes.bzl
# finds the result; Bazel builds the plugins only when it is complete.
#
# Usage: scripts/ml_runtimes.sh [--no-venv]
#   --no-venv   libraries only (enough to build the plugins; the tests need
#               the venv to make their models)
set -uo pipefail

LITERT_VERSION=2.3.0
LITERT_WHEEL=ai_edge_litert-2.3.0-cp311-cp311-manylinux_2_27_x86_64.whl
LITERT_SHA256=1f15078a6725d2357d9de9221664c29afa0545d807559c5f7199ce5e40b96b23
TF_VERSION=2.21.0
TF_WHEEL=tensorflow_cpu-2.21.0-cp311-cp311-manylinux_2_27_x86_64.whl
TF_SHA256=2b847d217b02ee7731ed91431daf3250daa0196c3c94614d23be27232e6e5b6c

# The venv's other packages, pinned to what these two resolved to on PyPI
# (pip freeze), so that every machine gets the same set (pip install -c).
VENV_CONSTRAINTS="
absl-py==2.5.1
astunparse==1.6.3
backports.strenum==1.2.8
certifi==2026.10.19.post1
charset-normalizer==3.5.2
flatbuffers==25.12.19
gast==0.7.0
google-pasta==0.2.0
grpcio==1.85.3
h5py==3.14.0
idna==3.20
keras==3.15.1
libclang==18.1.1
markdown-it-py==4.3.0
mdurl==0.1.2
ml_dtypes==0.6.0
namex==0.1.0
numpy==2.4.6
opt_einsum==3.4.0
optree==0.20.0
packaging==26.3
protobuf==7.36.2
Pygments==2.21.0
requests==2.34.2
rich==15.0.0
six==1.17.0
termcolor==3.3.0
tqdm==4.70.1
typing_extensions==4.16.0
urllib3==2.8.0
wrapt==2.5.2
"

cache="${VACCEL_CACHE:-$HOME/.cache/vaccel}"
ml="$cache/ml"
wheels="$cache/wheels"
want_venv=1
[ "${1:-}" = "--no-venv" ] && want_venv=0

say() { echo "ml_runtimes: $*"; }
fail() {
	echo "ml_runtimes: FAILED: $*" >&2
	exit 1
}

# stamp_ok DIR VALUE: DIR was completed with VALUE.
stamp_ok() { [ -f "$1/.complete" ] && [ "$(cat "$1/.complete")" = "$2" ]; }

# fetch_wheel FILE SHA PKG==VER: the wheel in $wheels, with its sha256
# checked (whether just downloaded or already there).
fetch_wheel() {
	local file="$1" sha="$2" spec="$3" got

	if [ -f "$wheels/$file" ] &&
		[ "$(sha256sum "$wheels/$file" | cut -d' ' -f1)" = "$sha" ]; then
		say "skip: $file already downloaded (sha256 ok)"
		return 0
	fi
	say "downloading $spec"
	mkdir -p "$wheels" || fail "mkdir $wheels"
	rm -f "$wheels/$file"
	python3 -m pip download --quiet --no-deps --only-binary=:all: \
		--python-version 3.11 --platform manylinux_2_28_x86_64 \
		--platform manylinux_2_27_x86_64 -d "$wheels" "$spec" ||
		fail "pip download $spec"
	[ -f "$wheels/$file" ] || fail "pip download $spec did not give $file"
	got="$(sha256sum "$wheels/$file" | cut -d' ' -f1)"
	if [ "$got" != "$sha" ]; then
		rm -f "$wheels/$file"
		fail "$file: sha256 $got, expected $sha (pinned in $0)"
	fi
	say "downloaded $file (sha256 ok)"
}

# unpack DEST WHEEL PATTERN...: extract only the named members of the
# wheel into a fresh DEST/.tmp (the callers move them into place).
unpack() {
	local dest="$1" whl="$2"
	shift 2
	rm -rf "$dest" && mkdir -p "$dest/.tmp" || fail "mkdir $dest"
	unzip -q -o "$wheels/$whl" "$@" -d "$dest/.tmp" ||
		fail "unzip $whl $*"
}

install_litert() {
	local d="$ml/litert-$LITERT_VERSION"

	if stamp_ok "$d" "$LITERT_SHA256"; then
		say "skip: LiteRT $LITERT_VERSION already in $d"
		return
	fi
	fetch_wheel "$LITERT_WHEEL" "$LITERT_SHA256" "ai-edge-litert==$LITERT_VERSION"
	unpack "$d" "$LITERT_WHEEL" 'ai_edge_litert/libLiteRt.so'
	mv "$d/.tmp/ai_edge_litert/libLiteRt.so" "$d/" || fail "mv libLiteRt.so"
	rm -rf "$d/.tmp"
	# The C library reports no release version of its own: this file, read
	# by the tflite plugin beside the libLiteRt.so it loaded, says which
	# wheel it came from.
	echo "ai-edge-litert $LITERT_VERSION" >"$d/VERSION"
	echo "$LITERT_SHA256" >"$d/.complete"
	say "installed LiteRT $LITERT_VERSION into $d"
}

install_tf() {
	local d="$ml/tensorflow-$TF_VERSION"
	# Bump the suffix when the set of unpacked files changes.
	local key="$TF_SHA256 files=2"

	if stamp_ok "$d" "$key"; then
		say "skip: TensorFlow $TF_VERSION C library already in $d"
		return
	fi
	fetch_wheel "$TF_WHEEL" "$TF_SHA256" "tensorflow-cpu==$TF_VERSION"
	unpack "$d" "$TF_WHEEL" \
		'tensorflow/libtensorflow_cc.so.2' \
		'tensorflow/libtensorflow_framework.so.2' \
		'tensorflow/include/tensorflow/c/*' \
		'tensorflow/include/xla/tsl/c/*' \
		'tensorflow/include/tsl/platform/ctstring*' \
		'tensorflow/include/tensorflow/core/platform/ctstring*'
	mkdir -p "$d/lib" || fail "mkdir $d/lib"
	mv "$d/.tmp/tensorflow/"lib*.so.2 "$d/lib/" || fail "mv TF libraries"
	mv "$d/.tmp/tensorflow/include" "$d/include" || fail "mv TF headers"
	rm -rf "$d/.tmp"
	echo "tensorflow-cpu $TF_VERSION" >"$d/VERSION"
	echo "$key" >"$d/.complete"
	say "installed TensorFlow $TF_VERSION C library into $d"
}

install_venv() {
	local d="$ml/venv" key="tf=$TF_SHA256 litert=$LITERT_SHA256"

	if [ "$want_venv" -eq 0 ]; then
		say "skip: Python venv (--no-venv)"
		return
	fi
	if stamp_ok "$d" "$key"; then
		say "skip: Python venv already in $d"
		return
	fi
	rm -rf "$d"
	say "creating the Python venv $d ($(python3 --version 2>&1))"
	python3 -m venv "$d" || fail "python3 -m venv $d"
	printf '%s\n' $VENV_CONSTRAINTS >"$d/constraints.txt"
	# The two pinned wheels from the checked files; their dependencies
	# from PyPI, pinned by the constraints.
	"$d/bin/python" -m pip install --quiet --disable-pip-version-check \
		-c "$d/constraints.txt" "$wheels/$TF_WHEEL" "$wheels/$LITERT_WHEEL" ||
		fail "pip install into $d"
	"$d/bin/python" -c 'import tensorflow, ai_edge_litert.interpreter' \
		2>/dev/null || fail "the venv cannot import tensorflow and ai_edge_litert"
	echo "$key" >"$d/.complete"
	say "installed tensorflow-cpu $TF_VERSION and ai-edge-litert $LITERT_VERSION into $d"
}

command -v unzip >/dev/null || fail "unzip is missing (apt-get install unzip)"
case "$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" in
3.11) ;;
*) fail "python3 on PATH must be 3.11 (the pinned wheels are cp311)" ;;
esac
start=$SECONDS
install_litert
install_tf
# The wheel download for the venv reuses the checked files above.
install_venv
say "done in $((SECONDS - start)) s; cache $cache"

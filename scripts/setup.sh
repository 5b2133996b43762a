#!/usr/bin/env bash
# Install what a fresh Debian 12 machine lacks to build and test vaccel.
# Idempotent: each package is checked with dpkg first, and apt-get runs only
# when something is missing. Run it (bash scripts/setup.sh) or source it;
# when sourced it leaves VACCEL_PYTHON set to the interpreter that has pytest.
#
# No `set -e` here: this file may be sourced into a shell that must not
# inherit it; failures are checked explicitly instead.

VACCEL_SETUP_PACKAGES="bazel-bootstrap bazel-bootstrap-source libgtest-dev
pkg-config clang-format gcc g++ python3 libcurl4-openssl-dev
libopenblas-dev libtorch-dev python3-torch python3-sklearn python3-numpy
libstb-dev libjansson-dev libssl-dev unzip swig python3-dev python3-venv
qemu-system-x86 busybox-static gcc-aarch64-linux-gnu qemu-user"

# apt-get as root, or through sudo when we are not root and sudo exists.
_vaccel_apt() {
	if [ "$(id -u)" -eq 0 ]; then
		DEBIAN_FRONTEND=noninteractive apt-get "$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo DEBIAN_FRONTEND=noninteractive apt-get "$@"
	else
		echo "setup: need root or sudo to run apt-get $*" >&2
		return 1
	fi
}

_vaccel_have_pkg() {
	dpkg -s "$1" >/dev/null 2>&1
}

# Install the given packages, updating the package lists first (only once
# per run, and only because something is missing).
_vaccel_install() {
	if [ -z "${_vaccel_apt_updated:-}" ]; then
		echo "setup: apt-get update"
		_vaccel_apt update -qq || return 1
		_vaccel_apt_updated=1
	fi
	echo "setup: apt-get install $*"
	# Once more after a failure: a transient dpkg error was seen with
	# qemu-system-x86 on these machines; a real one fails twice.
	_vaccel_apt install -y --no-install-recommends "$@" || {
		echo "setup: apt-get install failed; retrying once"
		sleep 5
		_vaccel_apt install -y --no-install-recommends "$@"
	}
}

vaccel_setup() {
	local missing="" p

	for p in $VACCEL_SETUP_PACKAGES; do
		if _vaccel_have_pkg "$p"; then
			echo "setup: $p already installed"
		else
			echo "setup: $p missing"
			missing="$missing $p"
		fi
	done
	if [ -n "$missing" ]; then
		# shellcheck disable=SC2086 # word splitting is the point
		_vaccel_install $missing || {
			echo "setup: FAILED to install:$missing" >&2
			return 1
		}
	fi

	# The Python test runner: the python3 on PATH if it has pytest (the
	# pyenv one does), else Debian's pytest for the system interpreter.
	if python3 -c 'import pytest' >/dev/null 2>&1; then
		VACCEL_PYTHON=python3
		echo "setup: pytest available for $(command -v python3)"
	else
		if _vaccel_have_pkg python3-pytest; then
			echo "setup: python3-pytest already installed"
		else
			_vaccel_install python3-pytest || {
				echo "setup: FAILED to install python3-pytest" >&2
				return 1
			}
		fi
		VACCEL_PYTHON=/usr/bin/python3
		echo "setup: using /usr/bin/python3 -m pytest"
	fi
	export VACCEL_PYTHON

	# The pinned TensorFlow / LiteRT runtimes (PyPI wheels; Debian has
	# none), cached outside the tree.
	bash "$(dirname "${BASH_SOURCE[0]}")/ml_runtimes.sh" || {
		echo "setup: FAILED: scripts/ml_runtimes.sh" >&2
		return 1
	}
	# The guest test's kernel (downloaded, unpacked, never installed) and
	# vhost-device-vsock 0.3.0 (cargo), cached outside the tree.
	# Not fatal: only the guest suite needs them, and it fails saying so.
	bash "$(dirname "${BASH_SOURCE[0]}")/guest_tools.sh" >/dev/null ||
		echo "setup: WARNING: scripts/guest_tools.sh failed; the guest" \
			"suite will fail" >&2
	echo "setup: done"
}

vaccel_setup
_vaccel_rc=$?
# Sourced: hand the status back without exiting the caller's shell.
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
	return $_vaccel_rc
fi
exit $_vaccel_rc

#!/usr/bin/env bash
# What the guest test (tests/guest) needs besides apt packages, cached
# outside the source tree (nothing here is committed):
#
#   $VACCEL_CACHE/guest/linux-<ver>/vmlinux      the stock Debian kernel of
#                                                linux-image-amd64, as a
#                                                plain ELF (boots ~5 s faster
#                                                than the compressed bzImage)
#   $VACCEL_CACHE/guest/linux-<ver>/modules/     the virtio, net and vsock
#                                                modules the guest loads
#   $VACCEL_CACHE/guest/linux-<ver>/VERSION      e.g. 6.1.0-57-amd64
#   ~/.cargo/bin/vhost-device-vsock              0.3.0, the hybrid VSOCK
#                                                backend QEMU talks to
#
# The kernel .deb is fetched with `apt-get download` and unpacked with
# dpkg-deb -x: it is never installed on the host. Idempotent: a finished
# kernel directory has a .complete stamp; vhost-device-vsock is installed
# only when `vhost-device-vsock --version` is not 0.3.0. Without cargo,
# rustup's minimal stable toolchain is installed first (find_cargo below
# says why not Debian's cargo).
#
# Usage: scripts/guest_tools.sh [--kernel-only]
# Prints the kernel directory on its last line.
set -uo pipefail

VHOST_VSOCK_VERSION=0.3.0
# The modules the guest loads (virtio-pci, virtio-net and vsock are
# modules in Debian's kernel), listed in load order by the test.
GUEST_MODULES="$(grep -v '^#' "$(dirname "$0")/../tests/guest/modules.order")"

cache="${VACCEL_CACHE:-$HOME/.cache/vaccel}/guest"
say() { echo "guest_tools: $*" >&2; }
fail() {
	say "FAILED: $*"
	exit 1
}

# The kernel package that linux-image-amd64 depends on right now.
kernel_package() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		awk '/Depends: linux-image-[0-9]/ { print $2; exit }'
}

# decompress_kernel BZIMAGE OUT: the ELF inside a bzImage (the payload
# starts at the compressor's magic; xz and gzip stop at its end and warn
# about the trailing bytes, which are not kernel).
decompress_kernel() {
	local img="$1" out="$2" off magic tool
	for magic in 'xz:\xfd7zXZ\x00' 'gzip:\x1f\x8b\x08' 'zstd:\x28\xb5\x2f\xfd'; do
		tool="${magic%%:*}"
		off="$(LC_ALL=C grep -obUaP "${magic#*:}" "$img" | head -1 | cut -d: -f1)"
		[ -n "$off" ] || continue
		tail -c +"$((off + 1))" "$img" | "$tool" -dc >"$out" 2>/dev/null
		if [ "$(head -c 4 "$out" | od -An -c | tr -d ' ')" = '177ELF' ]; then
			return 0
		fi
	done
	return 1
}

install_kernel() {
	local pkg ver dir tmp m f
	pkg="$(kernel_package)"
	[ -n "$pkg" ] || fail "apt-cache knows no linux-image-amd64 (apt-get update?)"
	ver="${pkg#linux-image-}"
	dir="$cache/linux-$ver"
	if [ -f "$dir/.complete" ]; then
		say "kernel $ver already unpacked in $dir"
		echo "$dir"
		return 0
	fi
	say "kernel $ver: apt-get download $pkg"
	mkdir -p "$cache" || fail "cannot create $cache"
	tmp="$(mktemp -d "$cache/tmp.XXXXXX")" || fail "mktemp in $cache"
	# apt-get download writes into the current directory; as root it
	# warns that _apt cannot write there, which is harmless.
	(cd "$tmp" && apt-get download "$pkg" >/dev/null 2>&1) ||
		(cd "$tmp" && apt-get download "$pkg") ||
		{ rm -rf "$tmp"; fail "apt-get download $pkg"; }
	dpkg-deb -x "$tmp"/"$pkg"_*.deb "$tmp/root" ||
		{ rm -rf "$tmp"; fail "dpkg-deb -x $pkg"; }
	rm -rf "$dir"
	mkdir -p "$dir/modules"
	decompress_kernel "$tmp/root/boot/vmlinuz-$ver" "$dir/vmlinux" ||
		{ rm -rf "$tmp"; fail "no compressed ELF found in vmlinuz-$ver"; }
	for m in $GUEST_MODULES; do
		f="$(find "$tmp/root/lib/modules/$ver" -name "$m.ko*" | head -1)"
		[ -n "$f" ] || { rm -rf "$tmp"; fail "module $m not in $pkg"; }
		cp "$f" "$dir/modules/" || fail "copying $f"
	done
	echo "$ver" >"$dir/VERSION"
	rm -rf "$tmp"
	echo "$ver" >"$dir/.complete"
	say "kernel $ver unpacked in $dir"
	echo "$dir"
}

# Rust's package manager: ~/.cargo/bin/cargo, else one on PATH, else
# rustup's minimal toolchain. Debian 12's own cargo (0.66, rustc 1.63) is
# older than what vhost-device-vsock 0.3.0's dependencies need, so a fresh
# machine gets rustup: Debian's `rustup` package where the release has one
# (Debian 13), else the official installer from static.rust-lang.org.
find_cargo() {
	if [ -x "$HOME/.cargo/bin/cargo" ]; then
		echo "$HOME/.cargo/bin/cargo"
	elif command -v cargo >/dev/null 2>&1 &&
		cargo --version 2>/dev/null | grep -q '^cargo 1\.'; then
		command -v cargo
	else
		return 1
	fi
}

install_cargo() {
	say "no cargo: installing rustup's minimal stable toolchain"
	if apt-cache show rustup >/dev/null 2>&1; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y \
			--no-install-recommends rustup >&2 &&
			rustup toolchain install stable --profile minimal >&2 &&
			rustup default stable >&2 && return 0
	fi
	command -v curl >/dev/null 2>&1 || return 1
	curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
		sh -s -- -y --profile minimal --no-modify-path >&2
}

install_vhost_vsock() {
	local have cargo
	have="$("$HOME/.cargo/bin/vhost-device-vsock" --version 2>/dev/null |
		awk '{ print $2 }')"
	if [ "$have" = "$VHOST_VSOCK_VERSION" ]; then
		say "vhost-device-vsock $have already installed"
		return 0
	fi
	cargo="$(find_cargo)" || { install_cargo && cargo="$(find_cargo)"; } ||
		fail "no cargo, and rustup could not be installed"
	say "cargo install --locked vhost-device-vsock@$VHOST_VSOCK_VERSION (about a minute)"
	"$cargo" install --locked "vhost-device-vsock@$VHOST_VSOCK_VERSION" >&2 ||
		fail "cargo install vhost-device-vsock@$VHOST_VSOCK_VERSION"
}

if [ "${1:-}" != "--kernel-only" ]; then
	install_vhost_vsock
fi
install_kernel

#!/usr/bin/env bash
# Install vaccel's headers, libraries, plugins, pkg-config file, agent and
# command-line tool.
#
#   bazel run //:install -- --prefix DIR     (default: $PREFIX, else /usr/local)
#
# Everything installed comes from this target's runfiles (the data deps of
# //:install in the top-level BUILD), so Bazel builds it first.
set -euo pipefail

usage() {
	echo "usage: bazel run //:install -- [--prefix DIR]" >&2
	exit 2
}

prefix="${PREFIX:-/usr/local}"
while [ $# -gt 0 ]; do
	case "$1" in
	--prefix) [ $# -ge 2 ] || usage; prefix="$2"; shift 2 ;;
	--prefix=*) prefix="${1#--prefix=}"; shift ;;
	-h | --help) usage ;;
	*) echo "install: unknown argument '$1'" >&2; usage ;;
	esac
done
[ -n "$prefix" ] || usage
# `bazel run` starts us inside the runfiles tree: a relative prefix means
# relative to where the user typed the command.
case "$prefix" in
/*) ;;
*) prefix="${BUILD_WORKING_DIRECTORY:-$PWD}/$prefix" ;;
esac

# Find the workspace's runfiles root: RUNFILES_DIR when Bazel sets it,
# else <script>.runfiles beside us, else the tree we are running inside.
find_runfiles() {
	local d
	for d in "${RUNFILES_DIR:-}" "$0.runfiles" "${0%%.runfiles/*}.runfiles" \
		"$PWD/.."; do
		if [ -n "$d" ] && [ -e "$d/vaccel/c/include/vaccel.h" ]; then
			echo "$d/vaccel"
			return 0
		fi
	done
	echo "install: cannot find the runfiles (run me with bazel run //:install)" >&2
	return 1
}
rf="$(find_runfiles)"

# Runfiles are read-only symlinks: `install -m` copies the content with the
# mode we want.
inc="$prefix/include"
lib="$prefix/lib"
install -d -m 0755 "$inc" "$lib" "$lib/pkgconfig"

# Headers keep their tree under c/include (vaccel.h, vaccel/, vaccel/ops/).
n=0
while IFS= read -r -d '' h; do
	rel="${h#"$rf/c/include/"}"
	install -D -m 0644 "$h" "$inc/$rel"
	n=$((n + 1))
done < <(find -L "$rf/c/include" -name '*.h' -type f -print0)
echo "install: $n headers -> $inc"

install -m 0755 "$rf/libvaccel.so" "$lib/libvaccel.so"
install -m 0644 "$rf/libvaccel.a" "$lib/libvaccel.a"
echo "install: libvaccel.so, libvaccel.a -> $lib"

# Every plugin shared object among the data deps.
while IFS= read -r -d '' p; do
	install -m 0755 "$p" "$lib/$(basename "$p")"
	echo "install: plugin $(basename "$p") -> $lib"
done < <(find -L "$rf/c/plugins" -name 'libvaccel-*.so' -type f -print0)

# The agent and the command-line tool.
install -d -m 0755 "$prefix/bin"
install -m 0755 "$rf/c/agent/vaccel-agent" "$prefix/bin/vaccel-agent"
install -m 0755 "$rf/c/tools/vaccel/vaccel" "$prefix/bin/vaccel"
echo "install: vaccel-agent, vaccel -> $prefix/bin"

version="$(sed -n 's/^#define VACCEL_VERSION "\(.*\)"$/\1/p' \
	"$rf/c/include/vaccel/version.h")"
[ -n "$version" ] || { echo "install: no VACCEL_VERSION in version.h" >&2; exit 1; }
# '|' as the sed delimiter (prefixes contain '/'); escape what sed would
# still treat specially in a replacement.
prefix_sed="$(printf '%s' "$prefix" | sed 's/[|&\\]/\\&/g')"
sed -e "s|@PREFIX@|$prefix_sed|g" -e "s|@VERSION@|$version|g" \
	"$rf/tools/vaccel.pc.in" >"$lib/pkgconfig/vaccel.pc"
chmod 0644 "$lib/pkgconfig/vaccel.pc"
echo "install: vaccel.pc (version $version) -> $lib/pkgconfig"

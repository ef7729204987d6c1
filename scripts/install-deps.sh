#!/bin/sh
# Install the Debian packages of the given groups (configs/packages.txt) that
# are missing, and the pinned base source. Silent when everything is present.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -gt 0 ] || set -- core
for g in "$@"; do
	grep -q "^$g " "$TOP/configs/packages.txt" ||
		die "unknown package group '$g' (see configs/packages.txt)"
done

installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=""
for g in "$@"; do
	pkgs=$(sed -n "s/^$g //p" "$TOP/configs/packages.txt")
	for p in $pkgs; do
		installed "$p" || missing="$missing $p"
	done
done

# The base source: the pinned version, or the newest 6.12 if it is gone.
base=""
if [ "$(dpkg-query -W -f='${Version}' "$BASE_PACKAGE" 2>/dev/null || true)" != "$BASE_VERSION" ]; then
	base="$BASE_PACKAGE=$BASE_VERSION"
fi

[ -n "$missing$base" ] || exit 0

[ "$(id -u)" = 0 ] || die "missing packages:$missing $base; run as root or install them"
note "installing:$missing $base"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null || die "apt-get update failed"
if [ -n "$base" ] && ! apt-cache madison "$BASE_PACKAGE" | grep -q " $BASE_VERSION "; then
	newest=$(apt-cache madison "$BASE_PACKAGE" | awk 'NR == 1 { print $3 }')
	[ -n "$newest" ] || die "package $BASE_PACKAGE is not in the archive"
	note "WARNING: pinned $BASE_PACKAGE $BASE_VERSION is gone from the archive; using $newest"
	note "WARNING: set BASE_VERSION=$newest in configs/base.conf and check that patches/ still apply"
	base="$BASE_PACKAGE=$newest"
fi
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing $base >"${TMPDIR:-/tmp}/install-deps.log" 2>&1 ||
	die "apt-get install failed for:$missing $base (log: ${TMPDIR:-/tmp}/install-deps.log)"

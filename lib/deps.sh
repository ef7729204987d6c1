#!/bin/sh
# Install the Debian packages of the given groups (configs/packages.txt) that
# are missing. Silent when everything is present. (The base's source:
# lib/base-fetch.sh.)
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

[ -n "$missing" ] || exit 0

[ "$(id -u)" = 0 ] || die "missing packages:$missing; run as root or install them"
note "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null || die "apt-get update failed"
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >"${TMPDIR:-/tmp}/workbench-deps.log" 2>&1 ||
	die "apt-get install failed for:$missing (log: ${TMPDIR:-/tmp}/workbench-deps.log)"

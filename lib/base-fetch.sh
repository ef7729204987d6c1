#!/bin/sh
# base-fetch.sh: make the source tarball of the base (configs/bases/$BASE/
# base.conf) present, and print "VERSION TARBALL".
#
# The version is pinned (BASE_VERSION). When the archive no longer has it,
# this stops with a one-line error naming the newest version it does have;
# BASE_VERSION=VERSION (that one) or BASE_VERSION=newest (whatever is newest
# in the package's line) in the environment overrides the pin.
#
#   BASE_SOURCES=system  the machine's own apt sources: the package is
#                        installed (root needed), the tarball is /$BASE_TARBALL
#   BASE_SOURCES=FILE    a sources list of the base's directory, used through a
#                        private apt configuration in $CACHE/apt (the system's
#                        sources and lists are not touched); the package is
#                        downloaded and unpacked (dpkg -x), not installed, in
#                        $CACHE/$BASE/VERSION
set -eu
. "$(dirname "$0")/common.sh"

# pick MADISON_OUTPUT: the version to use, or die naming what is there.
pick() {
	if [ "$BASE_VERSION" = newest ]; then
		v=$(printf '%s\n' "$1" | awk -F'|' 'NR == 1 { gsub(/ /, "", $2); print $2 }')
		[ -n "$v" ] || die "package $BASE_PACKAGE is not in the archive ($where)"
		note "WARNING: BASE_VERSION=newest: using $BASE_PACKAGE $v, not the pinned version"
		echo "$v"
	elif printf '%s\n' "$1" | grep -q "| $BASE_VERSION |"; then
		echo "$BASE_VERSION"
	else
		v=$(printf '%s\n' "$1" | awk -F'|' 'NR == 1 { gsub(/ /, "", $2); print $2 }')
		die "$BASE_PACKAGE $BASE_VERSION (base $BASE) is not in the archive ($where; newest: ${v:-none}): set BASE_VERSION=${v:-VERSION} or BASE_VERSION=newest"
	fi
}

if [ "$BASE_SOURCES" = system ]; then
	where="the system's apt sources"
	have=$(dpkg-query -W -f='${Version}' "$BASE_PACKAGE" 2>/dev/null || true)
	if [ -z "$have" ] || { [ "$have" != "$BASE_VERSION" ] && [ "$BASE_VERSION" != newest ]; }; then
		[ "$(id -u)" = 0 ] || die "$BASE_PACKAGE $BASE_VERSION is not installed: run as root or install it"
		mkdir -p "$CACHE"
		note "base $BASE: $BASE_PACKAGE $BASE_VERSION is not installed: looking it up (the system's apt sources)"
		apt-get update -q >/dev/null || die "apt-get update failed"
		ver=$(pick "$(apt-cache madison "$BASE_PACKAGE")")
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
			"$BASE_PACKAGE=$ver" >"$CACHE/install.log" 2>&1 ||
			die "apt-get install $BASE_PACKAGE=$ver failed (log: $CACHE/install.log)"
		have=$ver
	fi
	tarball=/$BASE_TARBALL
	[ -f "$tarball" ] || die "$BASE_PACKAGE $have is installed but $tarball is missing"
	echo "$have $tarball"
	exit 0
fi

list=$BASE_DIR/$BASE_SOURCES
[ -f "$list" ] || die "base $BASE: no sources list $list"
where="sources: ${list#"$TOP"/}"
# The pinned version, once unpacked, needs no network.
if [ "$BASE_VERSION" != newest ] && [ -f "$CACHE/$BASE/$BASE_VERSION/$BASE_TARBALL" ]; then
	echo "$BASE_VERSION $CACHE/$BASE/$BASE_VERSION/$BASE_TARBALL"
	exit 0
fi
apt=$CACHE/apt/$BASE
mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/download"
set -- -o Dir::Etc::sourcelist="$list" -o Dir::Etc::sourceparts=- \
	-o Dir::State::Lists="$apt/lists" -o Dir::Cache::archives="$apt/archives" \
	-o APT::Get::List-Cleanup=0
note "base $BASE: looking up $BASE_PACKAGE ($where, private apt lists in $apt)"
apt-get "$@" update >"$apt/update.log" 2>&1 ||
	die "apt-get update with ${list#"$TOP"/} failed (log: $apt/update.log)"
ver=$(pick "$(apt-cache "$@" madison "$BASE_PACKAGE")")
dest=$CACHE/$BASE/$ver
if [ ! -f "$dest/$BASE_TARBALL" ]; then
	rm -f "$apt/download"/*.deb
	note "base $BASE: downloading $BASE_PACKAGE $ver"
	(cd "$apt/download" && apt-get "$@" download "$BASE_PACKAGE=$ver") >"$apt/download.log" 2>&1 ||
		die "apt-get download $BASE_PACKAGE=$ver failed (log: $apt/download.log)"
	deb=$(ls "$apt/download"/*.deb)
	rm -rf "$dest.tmp"
	mkdir -p "$dest.tmp"
	dpkg -x "$deb" "$dest.tmp" || die "dpkg -x $deb failed"
	[ -f "$dest.tmp/$BASE_TARBALL" ] || die "$deb has no $BASE_TARBALL"
	rm -rf "$dest"
	mv "$dest.tmp" "$dest"
	rm -f "$deb"
fi
echo "$ver $dest/$BASE_TARBALL"

#!/bin/sh
# kbuild-touched.sh ARCH FRAGMENT OUT: configure $TREE for ARCH (defconfig +
# FRAGMENT, every value checked) in OUT, and compile the objects the series
# touches (lib/kbuild.sh touched_objects) with W=1. ARCH is one of
# configs/arch/ (x86_64; arm64 and riscv64 cross-compiled). Fails on a W=1
# warning in a file the series changes.
set -eu
. "$(dirname "$0")/common.sh"
. "$TOP/lib/kbuild.sh"

[ $# -eq 3 ] || die "usage: kbuild-touched.sh ARCH FRAGMENT OUT (ARCH: x86_64, arm64, riscv64)"
arch=$1 frag=$2 out=$3
[ -f "$frag" ] || die "no configuration fragment $frag"
mkdir -p "$out"
out=$(cd "$out" && pwd)
log=$out/build.log
kconfigure "$arch" "$TREE" "$out" defconfig "$frag"
objs=$(touched_objects "$arch" "$out/.config")
note "$arch: compiling $objs with W=1 (log: $log)"
# shellcheck disable=SC2086
if ! kbuild "$arch" "$TREE" "$out" W=1 $objs >"$log" 2>&1; then
	grep -E -A5 'error:' "$log" | head -n 40 >&2
	die "$arch: the touched objects do not build (log: $log)"
fi
# W=1 warnings in the files the series touches (others are the base's).
touched=$(git -C "$TREE" diff --name-only base..HEAD -- '*.c' '*.h')
warned=$(grep -E '^[^ ]+:[0-9]+:[0-9]+: warning:' "$log" | while IFS=: read -r file rest; do
	for t in $touched; do
		case $file in */"$t" | "$t") echo "$file:$rest" ;; esac
	done
done)
[ -z "$warned" ] || {
	printf '%s\n' "$warned" >&2
	die "$arch: W=1 warnings in files the series touches (log: $log)"
}
note "$arch: touched objects build, no W=1 warning in the series' files"

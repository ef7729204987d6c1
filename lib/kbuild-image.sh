#!/bin/sh
# kbuild-image.sh OUT: print the bzImage of a completed build of OUT, or fail.
# A kernel is trusted only if kbuild-kernel.sh finished it and it is unchanged.
set -eu
. "$(dirname "$0")/common.sh"
[ $# -eq 1 ] || die "usage: kbuild-image.sh OUT"
img=$1/arch/x86/boot/bzImage
stamp=$1/.workbench-built
[ -f "$stamp" ] || die "$1: no completed kernel build there (run the build first)"
[ -f "$img" ] || die "$img missing: rebuild"
[ "$(sha1sum <"$img" | cut -c1-40)" = "$(sed -n 's/^bzimage=//p' "$stamp")" ] ||
	die "$img does not match its build record: rebuild"
echo "$img"

#!/bin/sh
# kbuild-image.sh OUT: print the kernel image of a completed build of OUT
# for $ARCH (bzImage, arm64's Image), or fail.
# A kernel is trusted only if kbuild-kernel.sh finished it and it is unchanged.
set -eu
. "$(dirname "$0")/common.sh"
[ $# -eq 1 ] || die "usage: kbuild-image.sh OUT"
img=$1/arch/$ARCH_SRCARCH/boot/$ARCH_IMAGE
stamp=$1/.workbench-built
[ -f "$stamp" ] || die "$1: no completed kernel build there (run the build first)"
grep -qx "arch=$ARCH" "$stamp" || die "$1: not a kernel for ARCH=$ARCH: rebuild"
[ -f "$img" ] || die "$img missing: rebuild"
[ "$(sha1sum <"$img" | cut -c1-40)" = "$(sed -n 's/^image=//p' "$stamp")" ] ||
	die "$img does not match its build record: rebuild"
echo "$img"

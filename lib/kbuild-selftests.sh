#!/bin/sh
# kbuild-selftests.sh SRC KOUT OUT PROGRAM...
#
# Build the named KVM selftests of SRC into OUT, against the UAPI headers
# exported by the kernel build in KOUT (so tests and kernel always match).
# PROGRAM is relative to tools/testing/selftests/kvm (e.g. x86_64/foo_test).
# For a cross-compiled $ARCH (configs/arch/$ARCH.conf: arm64) they are
# cross-built and linked statically: the guest's initramfs has no C library.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -ge 4 ] || die "usage: kbuild-selftests.sh SRC KOUT OUT PROGRAM..."
SRC=$(cd "$1" && pwd) || die "no source tree $1"
KOUT=$(cd "$2" && pwd) || die "no kernel build $2"
OUT=$3
shift 3
[ -f "$KOUT/usr/include/linux/kvm.h" ] || die "$KOUT has no exported headers: build the kernel first"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
log=$OUT/build.log
targets="" progs="$*"
for p in "$@"; do
	[ -f "$SRC/tools/testing/selftests/kvm/$p.c" ] || die "no KVM selftest '$p' in $SRC"
	targets="$targets $OUT/$p"
done
cc=gcc
if [ -n "$ARCH_CROSS_COMPILE" ]; then
	command -v "${ARCH_CROSS_COMPILE}gcc" >/dev/null ||
		die "${ARCH_CROSS_COMPILE}gcc missing: run 'lib/deps.sh $ARCH_PACKAGES'"
	cc=${ARCH_CROSS_COMPILE}gcc
	set -- ARCH="$ARCH_SELFTESTS" CROSS_COMPILE="$ARCH_CROSS_COMPILE"
	# In the environment, so that the Makefile's own LDFLAGS are kept.
	LDFLAGS=-static
	export LDFLAGS
else
	set --
fi
note "building KVM selftests for $ARCH: $progs (log: $log)"
# shellcheck disable=SC2086
if ! make -C "$SRC/tools/testing/selftests/kvm" -j"${JOBS:-3}" OUTPUT="$OUT" \
	CC="ccache $cc" KHDR_INCLUDES="-isystem $KOUT/usr/include" "$@" $targets >"$log" 2>&1; then
	grep -E -B2 -A6 'error:|Error [0-9]|undefined reference' "$log" | head -n 60 >&2
	die "KVM selftests build failed (full log: $log)"
fi

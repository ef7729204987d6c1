#!/bin/sh
# build-touched.sh ARCH FRAGMENT OUT: configure SRC=$TREE for ARCH
# (defconfig + FRAGMENT, every value checked) in OUT, and compile the objects
# the series touches, with W=1. ARCH is x86_64 or arm64 (cross-compiled).
set -eu
. "$(dirname "$0")/common.sh"

[ $# -eq 3 ] || die "usage: build-touched.sh x86_64|arm64 FRAGMENT OUT"
arch=$1 frag=$2 out=$3
case $arch in
x86_64)
	set -- ARCH=x86_64
	cc=gcc
	;;
arm64)
	command -v aarch64-linux-gnu-gcc >/dev/null ||
		die "aarch64-linux-gnu-gcc missing: run scripts/install-deps.sh cross"
	set -- ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
	cc=aarch64-linux-gnu-gcc
	;;
*) die "unknown architecture '$arch' (x86_64 or arm64)" ;;
esac
[ -f "$frag" ] || die "no configuration fragment $frag"
mkdir -p "$out"
out=$(cd "$out" && pwd)
log=$out/build.log
kmake() {
	make -s -C "$TREE" O="$out" "$@" >>"$log" 2>&1
}
: >"$log"
kmake "$@" defconfig || die "$arch defconfig failed (log: $log)"
cat "$frag" >>"$out/.config"
kmake "$@" olddefconfig || die "$arch olddefconfig failed (log: $log)"
sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(.*\)/\1 \2/p' \
	-e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set/\1 n/p' "$frag" |
	while read -r sym val; do
		got=$(sed -n -e "s/^$sym=//p" -e "s/^# $sym is not set/n/p" "$out/.config")
		[ "$got" = "$val" ] || [ "$val$got" = n ] ||
			die "$arch: $sym=$val requested, got '${got:-n}'"
	done

# The objects the series touches, in this configuration.
objs="mm/vmscan.o"
grep -q '^CONFIG_MMU_NOTIFIER=y' "$out/.config" && objs="$objs mm/mmu_notifier.o"
if grep -q '^CONFIG_KVM=y' "$out/.config"; then
	case $arch in
	x86_64) objs="$objs arch/x86/kvm/" ;;
	arm64) objs="$objs arch/arm64/kvm/" ;;
	esac
fi
note "$arch: compiling $objs with W=1 (log: $log)"
# shellcheck disable=SC2086
if ! kmake "$@" CC="ccache $cc" W=1 -j"${JOBS:-3}" $objs; then
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

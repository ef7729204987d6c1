#!/bin/sh
# build-kernel.sh SRC OUT FRAGMENT...
#
# Configure (x86_64_defconfig + kvm_guest.config + FRAGMENTs) and build an
# x86_64 kernel from SRC in the out-of-tree directory OUT, with ccache.
# The configuration is regenerated every time but only replaces OUT/.config
# when its content changed, so rebuilds stay incremental. Every value a
# fragment asks for is checked in the result. On success OUT/.workbench-built
# records what was built; scripts/kernel-image.sh only trusts such a kernel.
set -eu
. "$(dirname "$0")/common.sh"

[ $# -ge 2 ] || die "usage: build-kernel.sh SRC OUT FRAGMENT..."
SRC=$(cd "$1" && pwd) || die "no source tree $1"
OUT=$2
shift 2
JOBS=${JOBS:-3}
CC="ccache gcc"
command -v ccache >/dev/null || die "ccache missing: run scripts/install-deps.sh"
export KBUILD_BUILD_TIMESTAMP="${BASE_DATE}" KBUILD_BUILD_USER=workbench KBUILD_BUILD_HOST=workbench
# Paths under the work directory are hashed relative to it, so that a clone
# in another directory (CI) gets ccache hits from this one's builds.
CCACHE_BASEDIR=${CCACHE_BASEDIR:-$WORK}
export CCACHE_BASEDIR

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
rm -f "$OUT/.workbench-built"
log=$OUT/build.log
name=${OUT#"$WORK"/}

kmake() {
	make -s -C "$SRC" O="$OUT" CC="$CC" HOSTCC="$CC" "$@"
}

# 1. Configuration, checked against the fragments.
new=.config.new
kmake KCONFIG_CONFIG=$new x86_64_defconfig >"$log" 2>&1 ||
	{ cat "$log" >&2; die "$name: x86_64_defconfig failed"; }
cat "$SRC/kernel/configs/kvm_guest.config" "$@" >>"$OUT/$new"
kmake KCONFIG_CONFIG=$new olddefconfig >>"$log" 2>&1 ||
	{ cat "$log" >&2; die "$name: olddefconfig failed"; }
bad=$(for f in "$@"; do
	sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(.*\)/\1 \2/p' \
		-e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set/\1 n/p' "$f"
done | while read -r sym val; do
	got=$(sed -n -e "s/^$sym=//p" -e "s/^# $sym is not set/n/p" "$OUT/$new")
	[ -n "$got" ] || got=n
	[ "$got" = "$val" ] || echo "$sym=$val(got:$got)"
done)
[ -z "$bad" ] || die "$name: the configuration lost requested values: $(echo "$bad" | tr '\n' ' ')"
if cmp -s "$OUT/$new" "$OUT/.config"; then
	rm -f "$OUT/$new"
else
	mv "$OUT/$new" "$OUT/.config"
	note "$name: configuration updated"
fi

# 2. Build, with progress, in the background of this script.
note "$name: building with $JOBS jobs (log: $log)"
start=$(date +%s)
make -C "$SRC" O="$OUT" CC="$CC" HOSTCC="$CC" -j"$JOBS" bzImage headers >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' INT TERM
shown=$start
while kill -0 $pid 2>/dev/null; do
	sleep 5
	now=$(date +%s)
	t=$((now - start))
	if [ $((now - shown)) -ge 60 ]; then
		shown=$now
		n=$(grep -c '^  CC ' "$log" || true)
		last=$(grep '^  CC ' "$log" | tail -n 1 | awk '{print $2}')
		note "$name: $((t / 60))m elapsed, $n files compiled (${last:-...})"
	fi
done
if ! wait $pid; then
	grep -E -B2 -A6 'error:|Error [0-9]|undefined reference' "$log" | head -n 60 >&2
	die "$name: kernel build failed (full log: $log)"
fi
img=$OUT/arch/x86/boot/bzImage
[ -f "$img" ] || die "$name: build finished without $img"
{
	echo "src=$SRC"
	echo "head=$(git -C "$SRC" rev-parse HEAD 2>/dev/null || echo none)"
	echo "config=$(sha1sum <"$OUT/.config" | cut -c1-40)"
	echo "bzimage=$(sha1sum <"$img" | cut -c1-40)"
} >"$OUT/.workbench-built"
note "$name: built in $(($(date +%s) - start))s: $img"

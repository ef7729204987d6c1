#!/bin/sh
# kbuild-kernel.sh SRC OUT FRAGMENT...
#
# Configure ($ARCH_DEFCONFIG of configs/arch/$ARCH.conf + FRAGMENTs,
# lib/kbuild.sh kconfigure) and build a kernel for $ARCH (x86_64 unless
# ARCH= says otherwise) from SRC in OUT, with ccache.
# Progress: a line a minute with the files compiled out of the expected
# total (the previous full build's count in OUT, else the count measured
# for the same fragments on this base, configs/bases/$BASE/compiled-files.txt).
# On success OUT/.workbench-built records what was built;
# lib/kbuild-image.sh only trusts such a kernel.
set -eu
. "$(dirname "$0")/common.sh"
. "$TOP/lib/kbuild.sh"

[ $# -ge 2 ] || die "usage: kbuild-kernel.sh SRC OUT FRAGMENT..."
SRC=$(cd "$1" && pwd) || die "no source tree $1"
OUT=$2
shift 2
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
rm -f "$OUT/.workbench-built"
log=$OUT/build.log
name=${OUT#"$WORK"/}

# 1. Configuration, checked against the fragments.
kconfigure "$ARCH" "$SRC" "$OUT" "$ARCH_DEFCONFIG" "$@"

# 2. Build, with progress, in the background of this script.
# The expected total: this directory's previous full build, else the count
# measured for these fragments on this base (configs/bases/$BASE/
# compiled-files.txt: FRAGMENT+FRAGMENT... COUNT).
key=$(for f in "$@"; do printf '%s+' "${f##*/}"; done)
expect=$(cat "$OUT/.workbench-cc-count" 2>/dev/null ||
	awk -v k="${key%+}" '$1 == k { print $2 }' "$BASE_DIR/compiled-files.txt" 2>/dev/null || true)
note "$name: building for $ARCH with ${JOBS:-3} jobs (log: $log)"
start=$(date +%s)
kbuild "$ARCH" "$SRC" "$OUT" "$ARCH_IMAGE" headers >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' INT TERM
shown=$start
while kill -0 $pid 2>/dev/null; do
	sleep 5
	now=$(date +%s)
	if [ $((now - shown)) -ge 60 ]; then
		shown=$now
		n=$(grep -c '^  CC ' "$log" || true)
		last=$(grep '^  CC ' "$log" | tail -n 1 | awk '{print $2}')
		if [ -n "$expect" ] && [ "$expect" -gt 0 ]; then
			pct=$((n * 100 / expect))
			[ $pct -le 99 ] || pct=99
			of="$n of ~$expect files compiled ($pct%)"
		else
			of="$n files compiled (no expected total for this configuration yet)"
		fi
		note "$name: $(((now - start) / 60))m elapsed, $of (${last:-...})"
	fi
done
if ! wait $pid; then
	grep -E -B2 -A6 'error:|Error [0-9]|undefined reference' "$log" | head -n 60 >&2
	die "$name: kernel build failed (full log: $log)"
fi
img=$OUT/arch/$ARCH_SRCARCH/boot/$ARCH_IMAGE
[ -f "$img" ] || die "$name: build finished without $img"
n=$(grep -c '^  CC ' "$log" || true)
# The total of a full build, for the next build's progress: a build that
# compiled a few files (incremental) keeps the previous total.
if [ -z "$expect" ] || [ "$n" -gt "$((expect / 2))" ]; then echo "$n" >"$OUT/.workbench-cc-count"; fi
{
	echo "src=$SRC"
	echo "head=$(git -C "$SRC" rev-parse HEAD 2>/dev/null || echo none)"
	echo "config=$(sha1sum <"$OUT/.config" | cut -c1-40)"
	echo "arch=$ARCH"
	echo "image=$(sha1sum <"$img" | cut -c1-40)"
} >"$OUT/.workbench-built"
note "$name: built in $(($(date +%s) - start))s ($n files compiled): $img"

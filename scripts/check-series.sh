#!/bin/sh
# check-series.sh: bisectability. For every patch of the series, in order,
# check out the tree at that patch and compile (W=1) the objects the series
# touches -- KVM x86, virt/kvm, mm/mmu_notifier.o, mm/vmscan.o, and the KVM
# selftests at patches that touch them -- in a build directory of its own
# (configuration: configs/kernel.config). A failure names the patch.
# The tree is returned to the series' head afterwards.
set -eu
. "$(dirname "$0")/common.sh"

OUT=$WORK/build/bisect
STOUT=$WORK/selftests/bisect
"$TOP/scripts/prepare-tree.sh"
[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted changes"
head=$(git -C "$TREE" symbolic-ref -q --short HEAD || git -C "$TREE" rev-parse HEAD)
trap 'git -C "$TREE" checkout -q "$head"' EXIT
export CCACHE_BASEDIR="$WORK"

# Configure once, at the head of the series.
"$TOP/scripts/build-kernel.sh" "$TREE" "$OUT" "$TOP/configs/kernel.config" >/dev/null 2>&1 ||
	die "the series' head does not build: run 'make build' for the error"

n=0
for c in $(git -C "$TREE" rev-list --reverse base..HEAD); do
	n=$((n + 1))
	subject=$(git -C "$TREE" log -1 --format=%s "$c")
	git -C "$TREE" checkout -q "$c"
	log=$OUT/bisect-$n.log
	if ! make -s -C "$TREE" O="$OUT" CC="ccache gcc" W=1 -j"${JOBS:-3}" olddefconfig \
		arch/x86/kvm/ mm/mmu_notifier.o mm/vmscan.o >"$log" 2>&1; then
		grep -E -A5 'error:' "$log" | head -n 30 >&2
		die "patch $n ($subject) does not build (log: $log)"
	fi
	if git -C "$TREE" diff --name-only "$c~1" "$c" | grep -q '^tools/testing/selftests/kvm/'; then
		progs=""
		for p in access_tracking_perf_test x86_64/aging_stress_test; do
			[ ! -f "$TREE/tools/testing/selftests/kvm/$p.c" ] || progs="$progs $p"
		done
		# shellcheck disable=SC2086
		"$TOP/scripts/build-selftests.sh" "$TREE" "$OUT" "$STOUT" $progs 2>"$log.st" ||
			die "patch $n ($subject): KVM selftests do not build (log: $log.st)"
	fi
	note "patch $n builds: $subject"
done

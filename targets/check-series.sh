#!/bin/sh
# check-series.sh: bisectability ("make check-series"). For every patch of
# the series, in order, check out the tree at that patch and
#   1. run checkpatch --strict on the patch file (patches/$BASE/NNNN-*.patch);
#   2. build the whole kernel (bzImage, configs/kernel/kernel.config),
#      incrementally, with ccache, in a build directory of its own;
#   3. compile the objects the series touches (KVM x86, virt/kvm,
#      mm/mmu_notifier.o, mm/vmscan.o) with W=1, in another one, and the
#      KVM selftests at patches that touch them.
# Any failure names the patch. Then, at the head of the series, the static
# analysis of lib/series-static.sh (sparse, kernel-doc). The tree is
# returned to the series' head afterwards.
#
#   FULL=0   skip step 2 (the first full run rebuilds most of the kernel at
#            the patches that change include/linux/mmu_notifier.h)
set -eu
. "$(dirname "$0")/../lib/common.sh"
arch_only x86_64
. "$TOP/lib/kbuild.sh"

FULL=${FULL:-1}
OUT=$WORK/build/bisect
WOUT=$WORK/build/bisect-w1
STOUT=$WORK/selftests/bisect
start=$(date +%s)
# The selftests of make check, built at the patches that touch selftests.
programs=$(python3 -m workbench plan programs "$(base_data tests check.txt)")
"$TOP/lib/deps.sh" core
"$TOP/lib/tree-prepare.sh"
[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted changes"
head=$(git -C "$TREE" symbolic-ref -q --short HEAD || git -C "$TREE" rev-parse HEAD)
trap 'git -C "$TREE" checkout -q "$head"' EXIT

# Configure the build directories once, at the head of the series: $OUT
# with a full build, $WOUT (which only ever builds the touched objects) with
# the same .config.
"$TOP/lib/kbuild-kernel.sh" "$TREE" "$OUT" "$(base_data kernel kernel.config)" >/dev/null 2>&1 ||
	die "the series' head does not build: run 'make build' for the error"
mkdir -p "$WOUT"
cmp -s "$OUT/.config" "$WOUT/.config" || cp "$OUT/.config" "$WOUT/.config"

total=$(git -C "$TREE" rev-list --count base..HEAD)
n=0
for c in $(git -C "$TREE" rev-list --reverse base..HEAD); do
	n=$((n + 1))
	subject=$(git -C "$TREE" log -1 --format=%s "$c")
	what="patch $n/$total ($subject)"
	patch=$(ls "$PATCHES/$(printf '%04d' $n)"-*.patch 2>/dev/null) ||
		die "$what: no ${PATCHES#"$TOP"/}/$(printf '%04d' $n)-*.patch: run 'make export-patches'"
	# The tree at this patch: series-checkpatch.sh looks up the files it adds in
	# MAINTAINERS.
	git -C "$TREE" checkout -q "$c"
	"$TOP/lib/series-checkpatch.sh" "$patch" || die "$what: checkpatch --strict complains"
	t0=$(date +%s)
	if [ "$FULL" = 1 ]; then
		log=$OUT/bisect-$n.log
		if ! kbuild x86_64 "$TREE" "$OUT" olddefconfig bzImage >"$log" 2>&1; then
			grep -E -A5 'error:|undefined reference' "$log" | head -n 30 >&2
			die "$what: the kernel does not build (log: $log)"
		fi
	fi
	log=$WOUT/bisect-$n.log
	# shellcheck disable=SC2046
	if ! kbuild x86_64 "$TREE" "$WOUT" W=1 olddefconfig \
		$(touched_objects x86_64 "$WOUT/.config") >"$log" 2>&1; then
		grep -E -A5 'error:' "$log" | head -n 30 >&2
		die "$what: the touched objects do not build with W=1 (log: $log)"
	fi
	if git -C "$TREE" diff --name-only "$c~1" "$c" | grep -q '^tools/testing/selftests/kvm/'; then
		progs=""
		for p in $programs; do
			[ ! -f "$TREE/tools/testing/selftests/kvm/$p.c" ] || progs="$progs $p"
		done
		# shellcheck disable=SC2086
		"$TOP/lib/kbuild-selftests.sh" "$TREE" "$OUT" "$STOUT" $progs 2>"$log.st" ||
			die "$what: KVM selftests do not build (log: $log.st)"
	fi
	note "$what: checkpatch clean, $([ "$FULL" = 1 ] && echo "kernel builds, ")touched objects build with W=1 ($(($(date +%s) - t0))s)"
done
git -C "$TREE" checkout -q "$head"
"$TOP/lib/series-static.sh"
note "all $total patches pass, in $((($(date +%s) - start) / 60)) minutes"

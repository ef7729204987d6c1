#!/bin/sh
# check-sanitizers.sh: "make check-sanitizers". The series' tests
# (configs/tests/sanitizers.txt) on KASAN and KCSAN kernels, the base and the
# patched one (same configuration: configs/kernel/kernel.config + the sanitizer's
# fragment), under the same QEMU settings and at the same time, in every
# MMU mode of $MODES.
# A report from a function the series changes, or a failed test, on the
# patched kernel fails the run; other reports are listed, with whether the
# base kernel showed them too (workbench/sanitizers.py).
#
#   SANITIZERS="kasan kcsan"   which ones (configs/kernel/NAME.config each)
#   MODES=all                  MMU modes (configs/tests/mmu-modes.txt)
set -eu
. "$(dirname "$0")/../lib/common.sh"
arch_only x86_64

SANITIZERS=${SANITIZERS:-kasan kcsan}
LIST=$(base_data tests sanitizers.txt)
STOUT=$WORK/selftests/patched
R=$WORK/sanitizers
start=$(date +%s)

for s in $SANITIZERS; do
	[ -f "$(base_data kernel "$s.config")" ] || die "no configs/kernel/$s.config for sanitizer '$s'"
done
modes=$(select_modes all)
programs=$(python3 -m workbench plan programs "$LIST")
dry_run "modes: $modes; tests: ${LIST#"$TOP"/}"
"$TOP/lib/deps.sh" core
"$TOP/lib/tree-prepare.sh"
BASE_TREE=$("$TOP/lib/tree-base-worktree.sh")

for s in $SANITIZERS; do
	for k in base patched; do
		src=$TREE
		[ $k = patched ] || src=$BASE_TREE
		"$TOP/lib/kbuild-kernel.sh" "$src" "$WORK/build/$k-$s" \
			"$(base_data kernel kernel.config)" "$(base_data kernel "$s.config")"
	done
done
# One set of test binaries, from the patched tree, runs on every kernel.
first=$(echo "$SANITIZERS" | awk '{ print $1 }')
# shellcheck disable=SC2086
"$TOP/lib/kbuild-selftests.sh" "$TREE" "$WORK/build/patched-$first" "$STOUT" $programs

rm -rf "$R"
mkdir -p "$R"
python3 -m workbench sanitizers touched "$TREE" >"$R/touched-functions.txt"
note "$(wc -l <"$R/touched-functions.txt") functions changed by the series (list: $R/touched-functions.txt)"
# The base and the patched kernel boot at the same time, so that both see
# the same machine load (the tests have time limits).
for s in $SANITIZERS; do
	for mode in $modes; do
		for k in base patched; do
			"$TOP/lib/guest-plan.sh" "$WORK/build/$k-$s" "$STOUT" "$LIST" "$mode" \
				"$R/$s/$mode/$k" || true &
		done
		wait
		for k in base patched; do
			note "$s $mode $k: $(grep -c '^ok' "$R/$s/$mode/$k/output.log" 2>/dev/null) ok," \
				"$(grep -c '^not ok' "$R/$s/$mode/$k/output.log" 2>/dev/null) not ok," \
				"$(grep -c 'BUG: K[AC]SAN' "$R/$s/$mode/$k/console.log" 2>/dev/null) report line(s)"
		done
	done
done
rc=0
python3 -m workbench sanitizers report "$R/touched-functions.txt" "$R" |
	tee "$R/report.txt" || rc=$?
grep -q '^sanitizers: PASS' "$R/report.txt" || rc=1
note "done in $((($(date +%s) - start) / 60)) minutes; report: $R/report.txt"
exit $rc

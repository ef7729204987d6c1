#!/bin/sh
# check-sanitizers.sh: "make check-sanitizers". The series' tests
# (configs/sanitizer-tests.txt) on KASAN and KCSAN kernels, the base and the
# patched one (same configuration: configs/kernel.config + the sanitizer's
# fragment), under the same QEMU settings and at the same time, in every
# MMU mode of $MODES.
# A report from a function the series changes, or a failed test, on the
# patched kernel fails the run; other reports are listed, with whether the
# base kernel showed them too (scripts/sanitizer_report.py).
#
#   SANITIZERS="kasan kcsan"   which ones (configs/NAME.config each)
#   MODES=all                  MMU modes (configs/mmu-modes.txt)
set -eu
. "$(dirname "$0")/common.sh"

SANITIZERS=${SANITIZERS:-kasan kcsan}
MODES=${MODES:-all}
LIST=$TOP/configs/sanitizer-tests.txt
STOUT=$WORK/selftests/patched
R=$WORK/sanitizers
start=$(date +%s)

for s in $SANITIZERS; do
	[ -f "$TOP/configs/$s.config" ] || die "no configs/$s.config for sanitizer '$s'"
done
modes=$(python3 "$TOP/scripts/test_plan.py" modes "$MODES")
programs=$(python3 "$TOP/scripts/test_plan.py" programs "$LIST")
"$TOP/scripts/prepare-tree.sh"
BASE_TREE=$("$TOP/scripts/base-tree.sh")

for s in $SANITIZERS; do
	for k in base patched; do
		src=$TREE
		[ $k = patched ] || src=$BASE_TREE
		"$TOP/scripts/build-kernel.sh" "$src" "$WORK/build/$k-$s" \
			"$TOP/configs/kernel.config" "$TOP/configs/$s.config"
	done
done
# One set of test binaries, from the patched tree, runs on every kernel.
first=$(echo "$SANITIZERS" | awk '{ print $1 }')
# shellcheck disable=SC2086
"$TOP/scripts/build-selftests.sh" "$TREE" "$WORK/build/patched-$first" "$STOUT" $programs

rm -rf "$R"
mkdir -p "$R"
python3 "$TOP/scripts/sanitizer_report.py" touched "$TREE" >"$R/touched-functions.txt"
note "$(wc -l <"$R/touched-functions.txt") functions changed by the series (list: $R/touched-functions.txt)"
# The base and the patched kernel boot at the same time, so that both see
# the same machine load (the tests have time limits).
for s in $SANITIZERS; do
	for mode in $modes; do
		for k in base patched; do
			"$TOP/scripts/run-plan.sh" "$WORK/build/$k-$s" "$STOUT" "$LIST" "$mode" \
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
python3 "$TOP/scripts/sanitizer_report.py" report "$R/touched-functions.txt" "$R" |
	tee "$R/report.txt" || rc=$?
grep -q '^sanitizers: PASS' "$R/report.txt" || rc=1
note "done in $((($(date +%s) - start) / 60)) minutes; report: $R/report.txt"
exit $rc

#!/bin/sh
# run.sh: "make run". Build what is missing, boot the patched (non-debug)
# kernel with lru_gen enabled under multi-threaded TCG, run the tests of
# configs/run-tests.txt in the MMU modes of $MODES, and summarise what they
# measured.
set -eu
. "$(dirname "$0")/common.sh"

MODES=${MODES:-tdp}
KOUT=${KOUT:-$WORK/build/patched}
STOUT=${STOUT:-$WORK/selftests/patched}
LIST=$TOP/configs/run-tests.txt
R=$WORK/run

modes=$(python3 "$TOP/scripts/test_plan.py" modes "$MODES")
programs=$(python3 "$TOP/scripts/test_plan.py" programs "$LIST")
"$TOP/scripts/prepare-tree.sh"
"$TOP/scripts/build-kernel.sh" "$TREE" "$KOUT" "$TOP/configs/kernel.config"
# shellcheck disable=SC2086
"$TOP/scripts/build-selftests.sh" "$TREE" "$KOUT" "$STOUT" $programs

rm -rf "$R"
mkdir -p "$R"
: >"$R/results.tsv"
for mode in $modes; do
	rundir=$R/$mode
	mkdir -p "$rundir"
	python3 "$TOP/scripts/test_plan.py" plan "$mode" "$STOUT" "$LIST" >"$rundir/plan.txt"
	kargs=$(python3 "$TOP/scripts/test_plan.py" kargs "$mode")
	timeout=$(awk -F'\t' '{ s += $2 + 10 } END { print s + 120 }' "$rundir/plan.txt")
	set --
	[ -z "$kargs" ] || set -- -a "$kargs"
	note "mode $mode: booting the patched kernel${kargs:+ with $kargs}"
	"$TOP/scripts/run-guest.sh" -T multi -k "$KOUT" -o "$rundir" -t "$timeout" "$@" -- \
		"$TOP/scripts/guest-tests.sh /run/results/plan.txt" 2>"$rundir/runner.err" || true
	cat "$rundir/runner.err" >&2
	python3 "$TOP/scripts/results.py" collect "$mode" "$rundir" "$R/results.tsv" >/dev/null
done
python3 "$TOP/scripts/perf_summary.py" "$R"/*/output.log
python3 "$TOP/scripts/results.py" summary "$R/results.tsv"

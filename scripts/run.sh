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
	"$TOP/scripts/run-plan.sh" -T multi "$KOUT" "$STOUT" "$LIST" "$mode" "$R/$mode" || true
	cat "$R/$mode/runner.err" >&2
	python3 "$TOP/scripts/results.py" collect "$mode" "$R/$mode" "$R/results.tsv" >/dev/null
done
python3 "$TOP/scripts/perf_summary.py" "$R"/*/output.log
python3 "$TOP/scripts/results.py" summary "$R/results.tsv"

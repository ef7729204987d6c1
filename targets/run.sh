#!/bin/sh
# run.sh: "make run". Build what is missing, boot the patched (non-debug)
# kernel with lru_gen enabled under multi-threaded TCG, run the base's run
# list (configs/tests/run.txt, or configs/bases/$BASE/run.txt) in the MMU
# modes of $MODES (default tdp), and summarise what the tests measured.
# ARCH=arm64: the arm64 kernel, list and modes (run-arm64.txt,
# mmu-modes-arm64.txt).
set -eu
. "$(dirname "$0")/../lib/common.sh"

KOUT=$WORK/build/$(arch_name patched)
STOUT=$WORK/selftests/$(arch_name patched)
LIST=$(base_data tests "$(arch_name run.txt)")
R=$WORK/$(arch_name run)

modes=$(select_modes "$(python3 -m workbench plan modes all | cut -d' ' -f1)")
programs=$(python3 -m workbench plan programs "$LIST")
dry_run "arch $ARCH; modes: $modes; tests: ${LIST#"$TOP"/}"
# shellcheck disable=SC2086 # the package groups
"$TOP/lib/deps.sh" $ARCH_PACKAGES
"$TOP/lib/tree-prepare.sh"
"$TOP/lib/kbuild-kernel.sh" "$TREE" "$KOUT" "$(base_data kernel "$(arch_name kernel.config)")"
# shellcheck disable=SC2086
"$TOP/lib/kbuild-selftests.sh" "$TREE" "$KOUT" "$STOUT" $programs

rm -rf "$R"
mkdir -p "$R"
: >"$R/results.tsv"
for mode in $modes; do
	"$TOP/lib/guest-plan.sh" -T multi "$KOUT" "$STOUT" "$LIST" "$mode" "$R/$mode" || true
	cat "$R/$mode/runner.err" >&2
	python3 -m workbench results collect "$mode" "$R/$mode" "$R/results.tsv" >/dev/null
done
python3 -m workbench perf "$R"/*/output.log
python3 -m workbench results summary "$R/results.tsv"

#!/bin/sh
# run.sh: "make run". Build what is missing (the base and the patched
# kernel, same non-debug configuration, and the selftests), boot each with
# lru_gen enabled under single-threaded TCG (multi-threaded TCG can run a
# stale translation of the kernel text that the aging probes patch: "Oops:
# int3"), run the base's run list (configs/tests/run.txt, or
# configs/bases/$BASE/run.txt) in the MMU modes of $MODES (default tdp),
# base then patched. Prints the tests' numbers, the summary, and last what
# the series changes, side by side (workbench/headline.py: KVM aging calls
# a pass, the aging pass's time in the kernel, the test's own check).
# ARCH=arm64: the arm64 kernels, list and modes (run-arm64.txt,
# mmu-modes-arm64.txt).
set -eu
. "$(dirname "$0")/../lib/common.sh"

STOUT=$WORK/selftests/$(arch_name patched)
LIST=$(base_data tests "$(arch_name run.txt)")
R=$WORK/$(arch_name run)

modes=$(select_modes "$(python3 -m workbench plan modes all | cut -d' ' -f1)")
programs=$(python3 -m workbench plan programs "$LIST")
dry_run "arch $ARCH; modes: $modes; tests: ${LIST#"$TOP"/}; kernels: base, patched"
# shellcheck disable=SC2086 # the package groups
"$TOP/lib/deps.sh" $ARCH_PACKAGES
BENCH_PROGRAMS=$programs "$TOP/lib/kbuild-bench-kernels.sh"
# shellcheck source=configs/guest/qemu-x86_64.conf
. "$TOP/configs/guest/qemu-$ARCH.conf"
. "$TOP/lib/guest-accel.sh"

rm -rf "$R"
mkdir -p "$R"
: >"$R/results.tsv"
for mode in $modes; do
	for kernel in base patched; do
		run=$R/$kernel-$mode
		"$TOP/lib/guest-plan.sh" "$WORK/build/$(arch_name "$kernel")" "$STOUT" "$LIST" "$mode" "$run" ||
			true
		cat "$run/runner.err" >&2
		python3 -m workbench results collect "$mode" "$run" "$R/results.tsv" "$kernel/" >/dev/null
	done
done
python3 -m workbench perf "$R"/*/output.log
rc=0
python3 -m workbench results summary "$R/results.tsv" || rc=1
# shellcheck disable=SC2046 # the run directories
python3 -m workbench headline "$BASE_VERSION, $(accel_desc single), -smp $QEMU_SMP, one run each" \
	$(for mode in $modes; do echo "$R/base-$mode $R/patched-$mode"; done) || rc=1
exit $rc

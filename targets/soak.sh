#!/bin/sh
# soak.sh: "make soak". aging_stress_test (and lru_gen_reclaim_test's
# integrity test) for SOAK_MINUTES each, on the debug kernel (lockdep,
# PROVE_RCU, DEBUG_VM, KVM_PROVE_MMU...), in every MMU mode of $MODES, one
# guest boot per mode. Any splat, hang (the guest outlives the test's
# time plus a margin) or integrity error fails the run.
#
#   SOAK_MINUTES=10   minutes per test and mode (an hour in all, by default)
#   MODES=all         MMU modes (configs/tests/mmu-modes.txt)
set -eu
. "$(dirname "$0")/../lib/common.sh"
arch_only x86_64

SOAK_MINUTES=${SOAK_MINUTES:-10}
KOUT=$WORK/build/patched-debug
STOUT=$WORK/selftests/patched
R=$WORK/soak
case $SOAK_MINUTES in '' | *[!0-9]* | 0) die "SOAK_MINUTES must be a number of minutes" ;; esac
modes=$(select_modes all)
dry_run "modes: $modes"
secs=$((SOAK_MINUTES * 60))
limit=$((secs + secs / 2 + 300))

rm -rf "$R"
mkdir -p "$R"
python3 -m workbench plan expand "$(base_data tests soak.txt)" seconds=$secs limit=$limit >"$R/tests.txt"
"$TOP/lib/deps.sh" core
"$TOP/lib/tree-prepare.sh"
"$TOP/lib/kbuild-kernel.sh" "$TREE" "$KOUT" "$(base_data kernel kernel.config)" "$(base_data kernel debug.config)"
# shellcheck disable=SC2046
"$TOP/lib/kbuild-selftests.sh" "$TREE" "$KOUT" "$STOUT" $(python3 -m workbench plan programs "$R/tests.txt")
note "$SOAK_MINUTES minutes per test, 2 tests x $(echo "$modes" | wc -w) mode(s): about $((SOAK_MINUTES * 2 * $(echo "$modes" | wc -w))) minutes"
start=$(date +%s)
: >"$R/results.tsv"
for mode in $modes; do
	"$TOP/lib/guest-plan.sh" "$KOUT" "$STOUT" "$R/tests.txt" "$mode" "$R/$mode" || true
	python3 -m workbench results collect "$mode" "$R/$mode" "$R/results.tsv"
	grep -h '^# \(Integrity\|Iterations\|Aging\|Host check\|Eviction\)' "$R/$mode/output.log" >&2 || true
done
note "soak done in $((($(date +%s) - start) / 60)) minutes"
exec python3 -m workbench results summary "$R/results.tsv"

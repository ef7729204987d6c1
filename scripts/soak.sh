#!/bin/sh
# soak.sh: "make soak". aging_stress_test (and lru_gen_reclaim_test's
# integrity test) for SOAK_MINUTES each, on the debug kernel (lockdep,
# PROVE_RCU, DEBUG_VM, KVM_PROVE_MMU...), in every MMU mode of $MODES, one
# guest boot per mode. Any splat, hang (the guest outlives the test's
# time plus a margin) or integrity error fails the run.
#
#   SOAK_MINUTES=10   minutes per test and mode (an hour in all, by default)
#   MODES=all         MMU modes (configs/mmu-modes.txt)
set -eu
. "$(dirname "$0")/common.sh"

SOAK_MINUTES=${SOAK_MINUTES:-10}
MODES=${MODES:-all}
KOUT=$WORK/build/patched-debug
STOUT=$WORK/selftests/patched
R=$WORK/soak
case $SOAK_MINUTES in '' | *[!0-9]* | 0) die "SOAK_MINUTES must be a number of minutes" ;; esac
modes=$(python3 "$TOP/scripts/test_plan.py" modes "$MODES")
secs=$((SOAK_MINUTES * 60))
limit=$((secs + secs / 2 + 300))

"$TOP/scripts/prepare-tree.sh"
"$TOP/scripts/build-kernel.sh" "$TREE" "$KOUT" "$TOP/configs/kernel.config" "$TOP/configs/debug.config"
"$TOP/scripts/build-selftests.sh" "$TREE" "$KOUT" "$STOUT" x86_64/aging_stress_test lru_gen_reclaim_test
rm -rf "$R"
mkdir -p "$R"
cat >"$R/tests.txt" <<EOT
aging_stress     all  $limit  x86_64/aging_stress_test -d $secs
lru_gen_reclaim  all  $limit  zram-swap=1G  lru_gen_reclaim_test -b 64M -v 2 -d $secs
EOT
note "$SOAK_MINUTES minutes per test, 2 tests x $(echo "$modes" | wc -w) mode(s): about $((SOAK_MINUTES * 2 * $(echo "$modes" | wc -w))) minutes"
start=$(date +%s)
: >"$R/results.tsv"
for mode in $modes; do
	"$TOP/scripts/run-plan.sh" "$KOUT" "$STOUT" "$R/tests.txt" "$mode" "$R/$mode" || true
	python3 "$TOP/scripts/results.py" collect "$mode" "$R/$mode" "$R/results.tsv"
	grep -h '^# \(Integrity\|Iterations\|Aging\|Host check\|Eviction\)' "$R/$mode/output.log" >&2 || true
done
note "soak done in $((($(date +%s) - start) / 60)) minutes"
exec python3 "$TOP/scripts/results.py" summary "$R/results.tsv"

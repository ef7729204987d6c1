#!/bin/sh
# check-regression.sh: "make check-regression". Every KVM selftest the tree
# builds for x86_64, run on the base and on the patched kernel (same
# non-debug configuration, same QEMU settings, both guests at the same time
# so that they see the same machine load), in the MMU modes of $MODES;
# results side by side (workbench/regression.py). Fails if a test
# passes on the base and not on the patched kernel. Tests known not to pass
# under TCG are listed in configs/tests/regression-known.txt, with the reason.
#
#   MODES=tdp           MMU modes (configs/tests/mmu-modes.txt), "all" for three
#   REG_TIMEOUT=60      seconds per test
set -eu
. "$(dirname "$0")/../lib/common.sh"
arch_only x86_64

REG_TIMEOUT=${REG_TIMEOUT:-60}
STOUT=$WORK/selftests/all
R=$WORK/regression
start=$(date +%s)
case $REG_TIMEOUT in '' | *[!0-9]* | 0) die "REG_TIMEOUT must be a number of seconds" ;; esac
modes=$(select_modes tdp)
dry_run "modes: $modes"

"$TOP/lib/deps.sh" core
"$TOP/lib/tree-prepare.sh"
BASE_TREE=$("$TOP/lib/tree-base-worktree.sh")
"$TOP/lib/kbuild-kernel.sh" "$BASE_TREE" "$WORK/build/base" "$(base_data kernel kernel.config)"
"$TOP/lib/kbuild-kernel.sh" "$TREE" "$WORK/build/patched" "$(base_data kernel kernel.config)"

# The test list: TEST_GEN_PROGS of the KVM selftests Makefile, for x86_64.
rm -rf "$R"
mkdir -p "$R"
# shellcheck disable=SC2016 # $(TEST_GEN_PROGS) is make's
make -s --no-print-directory -C "$TREE/tools/testing/selftests/kvm" OUTPUT="$STOUT" \
	--eval='workbench-list-tests: ; @echo $(TEST_GEN_PROGS)' workbench-list-tests |
	tr ' ' '\n' | sed -n "s|^$STOUT/||p" >"$R/programs.txt"
[ -s "$R/programs.txt" ] || die "no KVM selftests found in $TREE"
awk -v t="$REG_TIMEOUT" '{ n = $1; gsub("/", "_", n); print n, "all", t, $1 }' \
	"$R/programs.txt" >"$R/tests.txt"
# shellcheck disable=SC2046
"$TOP/lib/kbuild-selftests.sh" "$TREE" "$WORK/build/patched" "$STOUT" $(cat "$R/programs.txt")
n=$(grep -c . "$R/programs.txt")
note "$n tests x $(echo "$modes" | wc -w) mode(s), at most ${REG_TIMEOUT}s each, base and patched in parallel"

for mode in $modes; do
	for k in base patched; do
		"$TOP/lib/guest-plan.sh" "$WORK/build/$k" "$STOUT" "$R/tests.txt" "$mode" \
			"$R/$mode/$k" &
	done
	wait
	for k in base patched; do
		python3 -m workbench results collect "$mode" "$R/$mode/$k" "$R/$k.tsv" >/dev/null
	done
done
rc=0
python3 -m workbench regression "$R/base.tsv" "$R/patched.tsv" \
	"$TOP/configs/tests/regression-known.txt" | tee "$R/report.txt" || rc=$?
grep -q '^regression: PASS' "$R/report.txt" || rc=1
note "done in $((($(date +%s) - start) / 60)) minutes; report: $R/report.txt"
exit $rc

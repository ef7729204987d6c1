#!/bin/sh
# guest-plan.sh [-T single|multi] KOUT STOUT LIST MODE RUNDIR
#
# Boot the kernel built in KOUT once, in MMU mode MODE (configs/tests/mmu-modes.txt),
# and run the tests of the test list LIST that apply to MODE, from the KVM
# selftests built in STOUT. RUNDIR gets the plan (plan.txt), the console
# (console.log), the tests' TAP stream (output.log) and the runner's errors
# (runner.err); workbench/results.py collect reads them. The guest's timeout
# is the sum of the tests' own, plus boot time. Exits with the runner's
# status (non-zero if a test failed or the console shows a splat).
set -eu
. "$(dirname "$0")/common.sh"

tcg=""
while getopts T: opt; do
	case $opt in
	T) tcg=$OPTARG ;;
	*) die "usage: guest-plan.sh [-T single|multi] KOUT STOUT LIST MODE RUNDIR" ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 5 ] || die "usage: guest-plan.sh [-T single|multi] KOUT STOUT LIST MODE RUNDIR"
kout=$1 stout=$2 list=$3 mode=$4 rundir=$5

mkdir -p "$rundir"
python3 -m workbench plan plan "$mode" "$stout" "$list" >"$rundir/plan.txt"
kargs=$(python3 -m workbench plan kargs "$mode")
timeout=$(awk -F'\t' '{ s += $2 + 10 } END { print s + 120 }' "$rundir/plan.txt")
set -- -q -k "$kout" -o "$rundir" -t "$timeout"
[ -z "$tcg" ] || set -- "$@" -T "$tcg"
[ -z "$kargs" ] || set -- "$@" -a "$kargs"
note "mode $mode: $(grep -c . "$rundir/plan.txt") tests on ${kout#"$WORK"/}${kargs:+ with $kargs} (at most ${timeout}s)"
"$TOP/lib/guest-boot.sh" "$@" -- "$TOP/guest/tests.sh /run/results/plan.txt" \
	2>"$rundir/runner.err"

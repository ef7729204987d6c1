#!/bin/sh
# bench-interference.sh: "make bench-interference". How much does a second
# busy CPU alone slow an L2 vCPU populating memory under QEMU TCG, next to
# the slowdown of MGLRU aging in a loop? For the base and the patched kernel,
# interleaved, REPS times: access_tracking_perf_test -a (population without,
# then with aging) with the guest's other CPU idle, then with it busy in a
# user-space spin loop or copying memory in the kernel
# (guest/busy-cpu.sh). The CSV and a text table go to
# $WORK/bench-interference (workbench/bench.py interference).
#
#   REPS=N     repetitions (default 3)
#   MODE=M     MMU mode (default tdp), MEM=SIZE guest memory (default 512M)
#   MAX_TRIES=N  attempts per run (default 5; lib/guest-retry.sh)
set -eu
. "$(dirname "$0")/../lib/common.sh"
arch_only x86_64
case " $BENCH_KINDS " in
*" full "*) ;;
*) die "bench-interference needs access_tracking_perf_test -a, which base $BASE does not have (BASE=6.12 has it)" ;;
esac

REPS=${REPS:-3}
MODE=${MODE:-tdp}
MEM=${MEM:-512M}
case $REPS in '' | *[!0-9]* | 0) die "REPS must be a positive number, not '$REPS'" ;; esac
"$TOP/lib/deps.sh" core bench
kargs=$(python3 -m workbench plan kargs "$MODE")
"$TOP/lib/kbuild-bench-kernels.sh"

R=$WORK/bench-interference
rm -rf "$R"
mkdir -p "$R"
csv=$R/results.csv
echo "rep,kernel,load,populate_s,populate_aging_s,aging_passes,avg_aging_pass_s" >"$csv"
total=$((REPS * 2 * 3))
note "$total guest runs of about half a minute each ($MODE, 1 vCPU x $MEM; keep the machine otherwise idle)"
set --
[ -z "$kargs" ] || set -- -a "$kargs"
rep=1
while [ $rep -le "$REPS" ]; do
	for load in idle spin copy; do
		for kernel in base patched; do
			run=$R/runs/$rep-$kernel-$load
			note "[$(($(grep -c . "$csv")))/$total] $kernel kernel, other CPU $load, repetition $rep"
			"$TOP/lib/bench-measure.sh" "$run" "${MAX_TRIES:-5}" "$csv" "$rep,$kernel,$load" -- \
				-T multi -m 4G -t 900 -k "$WORK/build/$kernel" "$@" -- \
				"$TOP/guest/busy-cpu.sh $load" \
				"$WORK/selftests/patched/access_tracking_perf_test -a -b $MEM -v 1"
		done
	done
	rep=$((rep + 1))
done
python3 -m workbench bench interference "$csv" "$R" "$MODE, 1 vCPU x $MEM"

#!/bin/sh
# bench.sh: "make bench". The base and the patched kernel (same non-debug
# configuration, same QEMU settings), interleaved (base, patched, base,
# patched...) REPS times. Raw numbers go to a CSV, the summary to a text
# table and a PNG chart (workbench/bench.py).
#
#   BENCH=aging        (default) what an MGLRU aging pass over a populated VM
#                      costs: time in the kernel's aging write, KVM aging
#                      notifier calls, a guest profile (lib/bench-aging.sh)
#   BENCH=slowdown     what MGLRU aging costs running vCPUs: their time
#                      alone, beside a busy thread (control) and beside an
#                      aging thread, each on a CPU of its own
#                      (access_tracking_perf_test -i; lib/bench-slowdown.sh)
#   BENCH=full|quick   the population benchmark of the 6.12 series'
#                      access_tracking_perf_test -a (populate guest memory
#                      without, then with, MGLRU aging in a loop) for every
#                      line of configs/bench/full.txt or quick.txt; only on
#                      bases whose base.conf lists it in BENCH_KINDS
#   REPS=N             repetitions (default 3)
#   MAX_TRIES=N        attempts per run before giving up (default 5;
#                      lib/guest-retry.sh)
set -eu
. "$(dirname "$0")/../lib/common.sh"

BENCH=${BENCH:-aging}
case " $BENCH_KINDS " in
*" $BENCH "*) ;;
*) die "BENCH=$BENCH is not available on base $BASE (it has: $BENCH_KINDS)" ;;
esac
[ "$BENCH" != aging ] || exec "$TOP/lib/bench-aging.sh"
[ "$BENCH" != slowdown ] || exec "$TOP/lib/bench-slowdown.sh"
REPS=${REPS:-3}
MAX_TRIES=${MAX_TRIES:-5}
matrix=$TOP/configs/bench/$BENCH.txt
case $REPS in '' | *[!0-9]* | 0) die "REPS must be a positive number, not '$REPS'" ;; esac
"$TOP/lib/deps.sh" core bench
. "$TOP/configs/guest/qemu-x86_64.conf"
. "$TOP/lib/guest-accel.sh"

R=$WORK/bench
start=$(date +%s)

rows=$(grep -v '^#' "$matrix" | grep -c .)
modes=$(awk '!/^#/ && NF { print $1 }' "$matrix" | sort -u | paste -sd, -)
python3 -m workbench plan modes "$modes" >/dev/null

"$TOP/lib/kbuild-bench-kernels.sh"

est=$(python3 -m workbench bench estimate "$matrix" "$REPS")
note "$rows configurations x 2 kernels x $REPS repetitions = $((rows * 2 * REPS)) guest runs," \
	"estimated $((est / 60)) minutes (multi-threaded TCG; keep the machine otherwise idle)"

rm -rf "$R"
mkdir -p "$R"
csv=$R/results.csv
echo "rep,kernel,mmu,vcpus,mem_per_vcpu,populate_s,populate_aging_s,aging_passes,avg_aging_pass_s" >"$csv"
n=0
total=$((rows * 2 * REPS))
rep=1
while [ $rep -le "$REPS" ]; do
	grep -v '^#' "$matrix" | while read -r mode vcpus mem; do
		[ -n "$mode" ] || continue
		kargs=$(python3 -m workbench plan kargs "$mode")
		for kernel in base patched; do
			n=$(( $(grep -c . "$csv") ))
			run=$R/runs/$rep-$kernel-$mode-$vcpus-$mem
			note "[$n/$total] $kernel kernel, $mode, $vcpus vCPU x $mem, repetition $rep"
			set --
			[ -z "$kargs" ] || set -- -a "$kargs"
			sizes=$(python3 -m workbench bench guest "$vcpus" "$mem")
			gmem=${sizes% *} secs=${sizes#* }
			"$TOP/lib/bench-measure.sh" "$run" "$MAX_TRIES" "$csv" "$rep,$kernel,$mode,$vcpus,$mem" -- \
				-T multi -m "$gmem" -t "$secs" -k "$WORK/build/$kernel" "$@" -- \
				"cd $WORK/selftests/patched && ./access_tracking_perf_test -a -b $mem -v $vcpus"
		done
	done
	rep=$((rep + 1))
done

python3 -m workbench bench report "$csv" "$R" "$(qemu_settings "VM size + 3G")"
note "finished in $((($(date +%s) - start) / 60)) minutes; table: $R/table.txt, CSV: $csv, chart: $R/chart.png"

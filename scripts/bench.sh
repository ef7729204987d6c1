#!/bin/sh
# bench.sh: "make bench". The base and the patched kernel (same non-debug
# configuration, same QEMU settings) run the aging benchmark of
# access_tracking_perf_test (-a: populate guest memory without, then with,
# MGLRU aging in a loop) for every line of the matrix, interleaved (base,
# patched, base, patched...) REPS times. Raw numbers go to a CSV, the
# summary to a text table and a PNG chart (scripts/bench_report.py).
#
#   BENCH=full|quick   matrix: configs/bench.txt or configs/bench-quick.txt
#   REPS=N             repetitions (default 3)
#   MAX_TRIES=N        attempts per run before giving up (default 5;
#                      scripts/bench-run.sh)
set -eu
. "$(dirname "$0")/common.sh"

REPS=${REPS:-3}
MAX_TRIES=${MAX_TRIES:-5}
case ${BENCH:-full} in
full) matrix=$TOP/configs/bench.txt ;;
quick) matrix=$TOP/configs/bench-quick.txt ;;
*) die "unknown BENCH '${BENCH}' (full or quick)" ;;
esac
case $REPS in '' | *[!0-9]* | 0) die "REPS must be a positive number, not '$REPS'" ;; esac
"$TOP/scripts/install-deps.sh" core bench
. "$TOP/configs/qemu-x86_64.conf"

qemu_settings() {
	printf '%s; TCG thread=multi, -cpu %s, -smp %s, guest memory VM size + 3G; host: %s CPUs (%s)' \
		"$("$QEMU" --version | head -n 1)" "$QEMU_CPU" "$QEMU_SMP" "$(nproc)" \
		"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
}
R=$WORK/bench
start=$(date +%s)

rows=$(grep -v '^#' "$matrix" | grep -c .)
modes=$(awk '!/^#/ && NF { print $1 }' "$matrix" | sort -u | paste -sd, -)
python3 "$TOP/scripts/test_plan.py" modes "$modes" >/dev/null

"$TOP/scripts/build-bench-kernels.sh"

# Rough estimate, from the full matrix on the 2-core development machine:
# ~15 s to boot, ~35 s per GiB of VM memory for both populations; failed
# runs that are redone come on top.
est=$(awk -v reps="$REPS" '!/^#/ && NF {
	m = $3; g = (m ~ /G$/) ? m + 0 : (m + 0) / 1024
	s += 15 + 35 * g * $2
} END { printf "%d", s * 2 * reps }' "$matrix")
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
		kargs=$(python3 "$TOP/scripts/test_plan.py" kargs "$mode")
		for kernel in base patched; do
			n=$(( $(grep -c . "$csv") ))
			run=$R/runs/$rep-$kernel-$mode-$vcpus-$mem
			note "[$n/$total] $kernel kernel, $mode, $vcpus vCPU x $mem, repetition $rep"
			set --
			[ -z "$kargs" ] || set -- -a "$kargs"
			# Memory: the guest's VM needs vcpus x mem, plus headroom.
			# Time: a run takes 20-70 s here; one that stalls (seen
			# with 2 vCPUs) times out after 4 to 10 times that.
			gib=$(awk -v v="$vcpus" -v m="$mem" 'BEGIN {
				printf "%g", v * ((m ~ /G$/) ? m + 0 : (m + 0) / 1024) }')
			gmem=$(awk -v g="$gib" 'BEGIN { printf "%dG", g + 3 }')
			secs=$(awk -v g="$gib" 'BEGIN { printf "%d", 180 + 180 * g }')
			"$TOP/scripts/bench-run.sh" "$run" "$MAX_TRIES" "$R/discarded.txt" -- \
				-T multi -m "$gmem" -t "$secs" -k "$WORK/build/$kernel" "$@" -- \
				"cd $WORK/selftests/patched && ./access_tracking_perf_test -a -b $mem -v $vcpus"
			python3 "$TOP/scripts/bench_report.py" row "$run/output.log" \
				"$rep,$kernel,$mode,$vcpus,$mem" >>"$csv"
		done
	done
	rep=$((rep + 1))
done

python3 "$TOP/scripts/bench_report.py" report "$csv" "$R" "$(qemu_settings)"
note "finished in $((($(date +%s) - start) / 60)) minutes; table: $R/table.txt, CSV: $csv, chart: $R/chart.png"

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
set -eu
. "$(dirname "$0")/common.sh"

REPS=${REPS:-3}
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

# Kernels: the patched tree, and the base in a worktree of it at tag "base".
"$TOP/scripts/prepare-tree.sh"
BASE_TREE=$("$TOP/scripts/base-tree.sh")
"$TOP/scripts/build-kernel.sh" "$BASE_TREE" "$WORK/build/base" "$TOP/configs/kernel.config"
"$TOP/scripts/build-kernel.sh" "$TREE" "$WORK/build/patched" "$TOP/configs/kernel.config"
# One test binary, built from the patched tree, runs on both kernels.
"$TOP/scripts/build-selftests.sh" "$TREE" "$WORK/build/patched" "$WORK/selftests/patched" \
	access_tracking_perf_test

# Rough estimate: boot plus two populations at ~40 s per GiB of guest memory.
est=$(awk -v reps="$REPS" '!/^#/ && NF {
	m = $3; g = (m ~ /G$/) ? m + 0 : (m + 0) / 1024
	s += 30 + 2 * 40 * g * $2
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
			mkdir -p "$run"
			note "[$n/$total] $kernel kernel, $mode, $vcpus vCPU x $mem, repetition $rep"
			set --
			[ -z "$kargs" ] || set -- -a "$kargs"
			# Memory: the guest's VM needs vcpus x mem, plus headroom.
			gmem=$(awk -v v="$vcpus" -v m="$mem" 'BEGIN {
				g = (m ~ /G$/) ? m + 0 : (m + 0) / 1024; printf "%dG", v * g + 3 }')
			# A run that fails (e.g. multi-threaded TCG's rare stale
			# translation of live-patched kernel text: "Oops: int3")
			# is discarded, never used, and redone on a fresh boot,
			# at most twice; every discarded run is listed.
			try=1
			until "$TOP/scripts/run-guest.sh" -q -T multi -m "$gmem" -t 1800 \
				-k "$WORK/build/$kernel" -o "$run" "$@" -- \
				"cd $WORK/selftests/patched && ./access_tracking_perf_test -a -b $mem -v $vcpus" \
				2>"$run.err"; do
				# Why: the runner's error (a splat, a timeout), or
				# the test's own last words (an assertion).
				first=$(grep -m1 'error:' "$run.err" | cut -c1-200)
				last=$(grep -v '^[[:space:]]*$' "$run/output.log" 2>/dev/null |
					tail -n 1 | cut -c1-200)
				first="${first:+$first; }test: ${last:-no output}"
				[ "$try" -lt 3 ] || die "benchmark run failed 3 times: $run ($first)"
				mv "$run" "$run.discarded-$try"
				mv "$run.err" "$run.discarded-$try.err"
				mkdir -p "$run"
				echo "$run attempt $try discarded: $first" >>"$R/discarded.txt"
				note "run discarded ($first); retrying on a fresh boot"
				try=$((try + 1))
			done
			python3 "$TOP/scripts/bench_report.py" row "$run/output.log" \
				"$rep,$kernel,$mode,$vcpus,$mem" >>"$csv"
		done
	done
	rep=$((rep + 1))
done

discarded=$(grep -c . "$R/discarded.txt" 2>/dev/null || true)
python3 "$TOP/scripts/bench_report.py" report "$csv" "$R" \
	"$(qemu_settings); ${discarded:-0} failed runs discarded and redone (discarded.txt)"
note "finished in $((($(date +%s) - start) / 60)) minutes; table: $R/table.txt, CSV: $csv, chart: $R/chart.png"

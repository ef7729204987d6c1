#!/bin/sh
# bench-slowdown.sh: "make bench" with BENCH=slowdown. What MGLRU aging costs
# running vCPUs, base vs patched kernel (same non-debug configuration, same
# QEMU settings), interleaved: every line of configs/bench/slowdown.txt
# (ARCH=arm64: slowdown-arm64.txt; configs/bases/$BASE/ may have its own) in
# each of its MMU modes (MODES narrows them), on base then patched, REPS
# times, one fresh guest per run. Each run is access_tracking_perf_test -i
# (6.12: -a): the vCPUs write populated memory alone (baseline), beside a
# thread aging their memcg (aging) and beside that thread's replay without
# aging (control), each on a CPU of its own; workbench/slowdown.py turns
# its "aging_cost:" lines into the CSV,
# the table and the chart in $WORK/bench-slowdown/ (-arm64).
#
#   REPS=N        repetitions (default 3)
#   MAX_TRIES=N   attempts per run before giving up (default 5); failed
#                 runs are listed in discarded.txt and counted in the table
set -eu
. "$(dirname "$0")/common.sh"

REPS=${REPS:-3}
MAX_TRIES=${MAX_TRIES:-5}
case $REPS in '' | *[!0-9]* | 0) die "REPS must be a positive number, not '$REPS'" ;; esac
LIST=$(base_data bench "$(arch_name slowdown.txt)")
STOUT=$WORK/selftests/$(arch_name patched)
R=$WORK/$(arch_name bench-slowdown)

runs=$(for mode in $(select_modes all); do
	python3 -m workbench plan plan "$mode" "$STOUT" "$LIST"
done)
[ -n "$runs" ] || die "no line of ${LIST#"$TOP"/} runs in MODES=${MODES:-all}"
total=$((2 * REPS * $(printf '%s\n' "$runs" | grep -c .)))
dry_run "arch $ARCH; list ${LIST#"$TOP"/}, REPS=$REPS; $total guest runs"
start=$(date +%s)
# shellcheck disable=SC2086 # the package groups
"$TOP/lib/deps.sh" $ARCH_PACKAGES bench
# shellcheck source=configs/guest/qemu-x86_64.conf
. "$TOP/configs/guest/qemu-$ARCH.conf"
. "$TOP/lib/guest-accel.sh"
BENCH_PROGRAMS=$(python3 -m workbench plan programs "$LIST") "$TOP/lib/kbuild-bench-kernels.sh"

note "$total guest runs (keep the machine otherwise idle)"
rm -rf "$R"
mkdir -p "$R"
csv=$R/slowdown.csv
echo "rep,kernel,config,mmu,$(python3 -m workbench slowdown header | cut -d, -f5-)" >"$csv"
n=0
rep=1
while [ "$rep" -le "$REPS" ]; do
	while IFS="$(printf '\t')" read -r id timeout command; do
		mode=${id%%/*} name=${id#*/}
		kargs=$(python3 -m workbench plan kargs "$mode")
		for kernel in base patched; do
			n=$((n + 1))
			run=$R/runs/$rep-$kernel-$mode-$name
			note "[$n/$total] $kernel kernel, $mode, $name, repetition $rep"
			set -- -T multi -t "$timeout" -k "$WORK/build/$(arch_name "$kernel")"
			[ -z "$kargs" ] || set -- "$@" -a "$kargs"
			"$TOP/lib/guest-retry.sh" "$run" "$MAX_TRIES" "$R/discarded.txt" -- "$@" -- "$command"
			python3 -m workbench slowdown row "$run/output.log" "$rep,$kernel,$name,$mode" >>"$csv"
		done
	done <<EOF
$runs
EOF
	rep=$((rep + 1))
done

settings="$(qemu_settings "$QEMU_MEM"); base $BASE_VERSION, REPS=$REPS"
python3 -m workbench slowdown report "$csv" "$R" "$settings"
t=$(($(date +%s) - start))
note "finished in $((t / 60)) min $((t % 60)) s; table: $R/table.txt, CSV: $csv, chart: $R/chart.png"

#!/bin/sh
# bench-aging.sh: "make bench" with BENCH=aging (the default). What an MGLRU
# aging pass over a populated VM costs, base vs patched kernel (same
# non-debug configuration, same QEMU settings), interleaved: every line of
# the base's aging list (configs/bench/aging.txt, or
# configs/bases/$BASE/aging.txt) in each of its MMU modes (MODES narrows
# them), on base then patched, REPS times, one fresh guest per run (ARCH=arm64:
# aging-arm64.txt, the arm64 kernels and guests). Each run
# times every aging write in the kernel and counts KVM's aging notifier
# calls (guest/aging-calls.sh). Then, unless PROFILE=0, one guest perf
# profile per kernel (aging-profile.txt): the notifier path's share of the
# aging write. Unless LOCKSTAT=0, a second pair of kernels, built alike
# with configs/kernel/lockstat.config, runs the lock-statistics list
# (lockstat.txt) under guest/aging-lockstat.sh: who took kvm->mmu_lock,
# who waited for it and behind whom. CSVs, the table and the chart go to
# $WORK/bench/.
#
#   REPS=N        repetitions (default 3: 6 timed passes per kernel and line)
#   MAX_TRIES=N   attempts per run before giving up (default 5)
#   PROFILE=0|1   the profile runs (default 1)
#   LOCKSTAT=0|1  the lock-statistics kernels and runs (default 1), REPS
#                 times like the aging runs
set -eu
. "$(dirname "$0")/common.sh"

REPS=${REPS:-3}
MAX_TRIES=${MAX_TRIES:-5}
PROFILE=${PROFILE:-1}
LOCKSTAT=${LOCKSTAT:-1}
case $REPS in '' | *[!0-9]* | 0) die "REPS must be a positive number, not '$REPS'" ;; esac
case $PROFILE in 0 | 1) ;; *) die "PROFILE must be 0 or 1, not '$PROFILE'" ;; esac
case $LOCKSTAT in 0 | 1) ;; *) die "LOCKSTAT must be 0 or 1, not '$LOCKSTAT'" ;; esac
LIST=$(base_data bench "$(arch_name aging.txt)")
PROFILE_LIST=$(base_data bench "$(arch_name aging-profile.txt)")
LOCKSTAT_LIST=$(base_data bench "$(arch_name lockstat.txt)")
STOUT=$WORK/selftests/$(arch_name patched)
R=$WORK/$(arch_name bench)

# The runs: "MODE/NAME<TAB>TIMEOUT<TAB>COMMAND" lines of the lists.
plan() {
	for mode in $(select_modes all); do
		python3 -m workbench plan plan "$mode" "$STOUT" "$1"
	done
}
runs=$(plan "$LIST")
[ -n "$runs" ] || die "no line of ${LIST#"$TOP"/} runs in MODES=${MODES:-all}"
profiles=""
[ "$PROFILE" = 0 ] || profiles=$(plan "$PROFILE_LIST")
locks="" variants=""
[ "$LOCKSTAT" = 0 ] || { locks=$(plan "$LOCKSTAT_LIST") variants=lockstat; }
nruns=$(printf '%s\n' "$runs" | grep -c .)
nprof=$(printf '%s\n' "$profiles" | grep -c . || true)
nlock=$(printf '%s\n' "$locks" | grep -c . || true)
total=$((2 * (nruns * REPS + nlock * REPS + nprof)))
dry_run "arch $ARCH; aging list ${LIST#"$TOP"/} ($nruns runs a kernel and repetition), REPS=$REPS," \
	"lock-statistics runs a kernel and repetition: $nlock (LOCKSTAT=$LOCKSTAT)," \
	"profile runs a kernel: $nprof (PROFILE=$PROFILE); $total guest runs"
start=$(date +%s)
# shellcheck disable=SC2086 # the package groups
"$TOP/lib/deps.sh" $ARCH_PACKAGES bench
# shellcheck source=configs/guest/qemu-x86_64.conf
. "$TOP/configs/guest/qemu-$ARCH.conf"
. "$TOP/lib/guest-accel.sh"
programs=$(for l in "$LIST" "$PROFILE_LIST" "$LOCKSTAT_LIST"; do python3 -m workbench plan programs "$l"; done |
	tr ' ' '\n' | sort -u | paste -sd ' ' -)
# shellcheck disable=SC2086 # the variants, none or lockstat
BENCH_PROGRAMS=$programs "$TOP/lib/kbuild-bench-kernels.sh" $variants

note "$total guest runs (about 2 minutes each for 1 GiB under TCG; keep the machine otherwise idle)"
rm -rf "$R"
mkdir -p "$R"
csv=$R/aging.csv pcsv=$R/profile.csv lcsv=$R/lockstat.csv
echo "rep,kernel,config,mmu,mem_mib,populate_s,pass,kind,test_s,write_s,clear_young_calls,fast_only_calls" >"$csv"
echo "kernel,symbol,children,self" >"$pcsv"
[ "$LOCKSTAT" = 0 ] || echo "rep,kernel,config,mmu,$(python3 -m workbench bench lockstat-header)" >"$lcsv"

# The runs finished so far (their directories; not the discarded ones).
finished() {
	find "$R/runs" -mindepth 1 -maxdepth 1 -type d ! -name '*.discarded-*' 2>/dev/null | grep -c . || true
}

# one REP KIND LINES: run every plan line on both kernels; KIND is "aging",
# "lockstat" (on the lock-statistics kernels) or "profile" (which CSV the
# run's measurements go to).
one() {
	rep=$1 kind=$2
	printf '%s\n' "$3" | while IFS="$(printf '\t')" read -r id timeout command; do
		[ -n "$id" ] || continue
		mode=${id%%/*} name=${id#*/}
		kargs=$(python3 -m workbench plan kargs "$mode")
		for kernel in base patched; do
			run=$R/runs/$kind-$rep-$kernel-$mode-$name
			note "[$(($(finished) + 1))/$total] $kind: $kernel kernel, $mode, $name, repetition $rep"
			build=$kernel
			[ "$kind" != lockstat ] || build=$kernel-lockstat
			set -- -T multi -t "$timeout" -k "$WORK/build/$(arch_name "$build")"
			[ -z "$kargs" ] || set -- "$@" -a "$kargs"
			"$TOP/lib/guest-retry.sh" "$run" "$MAX_TRIES" "$R/discarded.txt" -- "$@" -- "$command"
			if [ "$kind" = aging ]; then
				python3 -m workbench bench aging-row "$run/output.log" "$rep,$kernel,$name,$mode" >>"$csv"
			elif [ "$kind" = lockstat ]; then
				python3 -m workbench bench lockstat-row "$run/output.log" "$rep,$kernel,$name,$mode" >>"$lcsv"
			else
				python3 -m workbench bench profile-row "$run/output.log" "$kernel" >>"$pcsv"
			fi
		done
	done
}
rep=1
while [ "$rep" -le "$REPS" ]; do
	one "$rep" aging "$runs"
	[ -z "$locks" ] || one "$rep" lockstat "$locks"
	rep=$((rep + 1))
done
[ -z "$profiles" ] || one 1 profile "$profiles"

settings="$(qemu_settings "$QEMU_MEM"); base $BASE_VERSION, REPS=$REPS"
python3 -m workbench bench aging-report "$csv" "$pcsv" "$lcsv" "$R" "$settings"
t=$(($(date +%s) - start))
note "finished in $((t / 60)) min $((t % 60)) s; table: $R/table.txt, CSVs: $csv $pcsv, chart: $R/chart.png"

#!/bin/sh
# aging-calls.sh COMMAND...: in a workbench guest, run COMMAND while
# measuring what each MGLRU aging write costs the kernel, and print
#   # aging-calls EVENT N     KVM aging notifier calls: the trace events
#                             kvm_age_hva (clear_young, per page or folio
#                             batch), kvm_age_hva_fast_only (the batched
#                             fast op), kvm_test_age_hva, for each the
#                             kernel has; one tracing instance per event,
#                             so that each count is exact (entries plus
#                             overruns)
#   # aging-write SECONDS     one line per write to the lru_gen debugfs
#                             file, in order: the time from entering to
#                             leaving lru_gen_seq_write() (a kprobe and a
#                             kretprobe, trace clock "mono"), i.e. the
#                             aging pass alone, without the test's reads
#                             and parsing of the lru_gen file
# Exits with COMMAND's status.
set -eu
T=/sys/kernel/tracing
[ -e "$T/trace" ] || mount -t tracefs nodev "$T"
events=""
for e in kvm_age_hva kvm_age_hva_fast_only kvm_test_age_hva; do
	[ -d "$T/events/kvm/$e" ] || continue
	mkdir "$T/instances/$e"
	echo 64 >"$T/instances/$e/buffer_size_kb"
	echo 1 >"$T/instances/$e/events/kvm/$e/enable"
	events="$events $e"
done
[ -w "$T/kprobe_events" ] || { echo "aging-calls.sh: the kernel has no kprobe events" >&2; exit 1; }
echo 'p:agebench/write_in lru_gen_seq_write' >>"$T/kprobe_events"
echo 'r:agebench/write_out lru_gen_seq_write' >>"$T/kprobe_events"
W=$T/instances/aging_write
mkdir "$W"
echo mono >"$W/trace_clock"
echo 1 >"$W/events/agebench/enable"
rc=0
"$@" || rc=$?
for e in $events; do
	echo 0 >"$T/instances/$e/events/kvm/$e/enable"
	n=$(cat "$T"/instances/"$e"/per_cpu/cpu*/stats |
		awk '/^entries:/ || /^overrun:/ { n += $2 } END { print n + 0 }')
	echo "# aging-calls $e $n"
	rmdir "$T/instances/$e"
done
echo 0 >"$W/events/agebench/enable"
# "COMM-PID [CPU] FLAGS TIMESTAMP: write_in: ..." -> the time between each
# entry and the return that follows it in the same task.
awk '$0 !~ /^#/ {
	for (i = 1; i <= NF; i++)
		if ($i ~ /^write_(in|out):$/) { ev = $i; ts = $(i - 1); break }
	sub(/:$/, "", ts)
	if (ev == "write_in:") { start[$1] = ts }
	else if (ev == "write_out:" && ($1 in start)) {
		printf "# aging-write %.6f\n", ts - start[$1]; delete start[$1]
	}
	ev = ""
}' "$W/trace"
rmdir "$W"
echo '-:agebench/write_in' >>"$T/kprobe_events"
echo '-:agebench/write_out' >>"$T/kprobe_events"
exit $rc

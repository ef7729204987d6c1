#!/bin/sh
# aging-calls.sh COMMAND...: in a workbench guest, run COMMAND while counting
# the KVM aging notifier calls (trace events kvm_age_hva, the per-page or
# per-range clear_young, and kvm_age_hva_fast_only, the batched fast op),
# one tracing instance per event so that each count is exact, and print
#   # aging-calls EVENT N
# for each event the kernel has. Exits with COMMAND's status.
set -eu
T=/sys/kernel/tracing
mountpoint -q "$T" || mount -t tracefs nodev "$T"
events=""
for e in kvm_age_hva kvm_age_hva_fast_only kvm_test_age_hva; do
	[ -d "$T/events/kvm/$e" ] || continue
	mkdir "$T/instances/$e"
	echo 64 >"$T/instances/$e/buffer_size_kb"
	echo 1 >"$T/instances/$e/events/kvm/$e/enable"
	events="$events $e"
done
rc=0
"$@" || rc=$?
for e in $events; do
	echo 0 >"$T/instances/$e/events/kvm/$e/enable"
	n=$(cat "$T"/instances/"$e"/per_cpu/cpu*/stats |
		awk '/^entries:/ || /^overrun:/ { n += $2 } END { print n + 0 }')
	echo "# aging-calls $e $n"
	rmdir "$T/instances/$e"
done
exit $rc

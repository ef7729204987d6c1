#!/bin/sh
# aging-lockstat.sh COMMAND...: in a workbench guest booted on a
# lock-statistics kernel (configs/kernel/lockstat.config), run COMMAND
# under guest/aging-calls.sh (its "# aging-calls" and "# aging-write"
# lines: the aging passes) and report what happened to kvm->mmu_lock
# meanwhile:
#   # mmu_lock-acquire N FRAME,FRAME...  N acquisitions of mmu_lock (read
#                             or write) from this call stack, innermost
#                             frame first: a histogram trigger keyed on the
#                             stack, on the lock:lock_acquire trace event
#   # mmu_lock-dropped N      stacks the histogram had no room for
#   # lock_stat LINE          the header and the kvm->mmu_lock block of
#                             /proc/lock_stat, cleared before COMMAND:
#                             acquisitions, contentions and wait times for
#                             the write (-W) and read (-R) side, and the
#                             code that waited and that held the lock
# Exits with COMMAND's status.
set -eu
T=/sys/kernel/tracing
[ -e "$T/trace" ] || mount -t tracefs nodev "$T"
[ -e /proc/lock_stat ] || {
	echo "aging-lockstat.sh: no /proc/lock_stat: not a CONFIG_LOCK_STAT kernel" >&2
	exit 1
}
[ -e "$T/events/lock/lock_acquire/trigger" ] || {
	echo "aging-lockstat.sh: no lock:lock_acquire trace event with triggers (CONFIG_LOCKDEP, CONFIG_HIST_TRIGGERS)" >&2
	exit 1
}
echo 1 >/proc/sys/kernel/lock_stat
H=$T/instances/mmu_lock
mkdir "$H"
trigger='hist:keys=common_stacktrace:vals=hitcount:size=8192 if name ~ "*kvm*->mmu_lock"'
echo "$trigger" >"$H/events/lock/lock_acquire/trigger"
echo 0 >/proc/lock_stat
rc=0
"$(dirname "$0")/aging-calls.sh" "$@" || rc=$?
# The class is "&(kvm)->mmu_lock" (KVM_MMU_LOCK_INIT()) or "&kvm->mmu_lock".
# A class's block: its -W/-R (or single) line (the name, which may have
# spaces, ends with ":", then 12 numbers), then its points, up to a line
# of dots, or the next class where it had no contention at all.
awk '/class name/ { print "# lock_stat " $0; next }
NF >= 13 && $(NF - 12) ~ /:$/ { on = ($0 ~ /kvm\)?->mmu_lock(-[WR])?: /) }
/^\.\.\.\./ { on = 0 }
on && NF { print "# lock_stat " $0 }' /proc/lock_stat
awk '/^\{ (common_)?stacktrace:/ { s = ""; next }
/^\} hitcount:/ { print "# mmu_lock-acquire " $3 " " s; next }
/^ +[^ ]+\+0x/ { f = $1; sub(/\+.*/, "", f); s = s (s == "" ? "" : ",") f }
/^ *Dropped:/ { print "# mmu_lock-dropped " $2 }' "$H/events/lock/lock_acquire/hist"
# The trigger stays: removing it disables the lock:lock_acquire tracepoint,
# which live-patches lock_acquire(), the hottest function of a lockdep
# kernel; under multi-threaded TCG a vCPU can then run a stale translation
# of the patch site and die in a recursive int3 (seen on x86, 2026-12-01).
# The guest powers off after the test, so nothing needs it gone.
exit $rc

#!/bin/sh
# guest-boot.sh [options] -- COMMAND...
#
# Boot a built kernel for $ARCH under QEMU TCG (configs/guest/qemu-$ARCH.conf;
# ACCEL=kvm: on /dev/kvm, lib/guest-accel.sh)
# with the host root shared read-only (x86_64: as the guest's root; arm64:
# beside an initramfs, lib/guest-rootfs.sh), run COMMAND (a shell command line) in the guest, and exit with its status.
# The whole console is kept in OUTDIR/console.log, the command's output in
# OUTDIR/output.log (shown while running unless -q). The run fails (status 1)
# when the guest hangs past the timeout, dies without reporting a status, or
# its console shows a kernel splat (configs/guest/splat-patterns.txt), even if the
# command passed. A guest still running 10 s before the timeout gets its
# vCPUs' registers sampled into OUTDIR/registers.txt (python3 -m workbench vcpu-registers).
#
#   -k DIR     kernel build directory (required)
#   -o DIR     results directory (emptied; default $WORK/runs/last)
#   -a ARGS    extra kernel arguments (repeatable), e.g. kvm.tdp_mmu=0
#   -t SECS    timeout for the whole boot (default 600)
#   -m SIZE    guest memory (default from configs/guest/qemu-$ARCH.conf)
#   -T MODE    TCG threading: single or multi (ignored with ACCEL=kvm)
#   -q         do not echo the console while running
set -eu
. "$(dirname "$0")/common.sh"
[ -f "$TOP/configs/guest/qemu-$ARCH.conf" ] || die "no QEMU settings for ARCH=$ARCH (configs/guest/qemu-$ARCH.conf)"
# shellcheck source=configs/guest/qemu-x86_64.conf
. "$TOP/configs/guest/qemu-$ARCH.conf"
. "$TOP/lib/guest-accel.sh"

kdir="" out=$WORK/runs/last args="" timeout=600 tcg=$QEMU_TCG_DEFAULT quiet=0
mem=$QEMU_MEM
while getopts k:o:a:t:m:T:q opt; do
	case $opt in
	k) kdir=$OPTARG ;;
	o) out=$OPTARG ;;
	a) args="$args $OPTARG" ;;
	t) timeout=$OPTARG ;;
	m) mem=$OPTARG ;;
	T) tcg=$OPTARG ;;
	q) quiet=1 ;;
	*) die "usage: guest-boot.sh -k KERNEL_BUILD_DIR [-o DIR] [-a ARGS] [-t SECS] [-m MEM] [-T single|multi] [-q] -- COMMAND" ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || die "no command given"
[ -n "$kdir" ] || die "no kernel given (-k BUILD_DIR)"
case $tcg in single | multi) ;; *) die "unknown TCG mode '$tcg' (single or multi)" ;; esac
case $timeout in '' | *[!0-9]*) die "timeout '$timeout' is not a number of seconds" ;; esac
img=$("$TOP/lib/kbuild-image.sh" "$kdir")
# shellcheck disable=SC2086 # the package groups
command -v "$QEMU" >/dev/null || die "$QEMU missing: run lib/deps.sh $ARCH_PACKAGES"
rootfs=""
[ "$QEMU_ROOT" != initramfs ] || rootfs=$("$TOP/lib/guest-rootfs.sh")

mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out/status" "$out/output.log" "$out/console.log" "$out/cmd.sh" "$out/keep" \
	"$out/registers.txt"
printf '%s\n' "$*" >"$out/cmd.sh"
# Host paths the guest must see although it mounts tmpfs on /tmp and /run.
case $TOP/ in /run/*) die "the workbench cannot run from under /run ($TOP)" ;; esac
case $WORK/ in /run/*) die "the work directory cannot be under /run ($WORK)" ;; esac
printf '%s\n' "$TOP" "$WORK" >"$out/keep"

console=$out/console.log
# The QEMU monitor, for workbench/vcpu_registers.py (a short path: sockets have a
# length limit).
mon=$(mktemp -d "${TMPDIR:-/tmp}/run-guest.XXXXXX")
trap 'rm -rf "$mon"' EXIT
set -- "$QEMU" -machine "$QEMU_MACHINE" -accel "$(accel_args "$tcg")" -cpu "$QEMU_CPU" \
	-smp "$QEMU_SMP" -m "$mem" -nodefaults -display none -no-reboot \
	-monitor "unix:$mon/monitor.sock,server=on,wait=off" \
	-serial "file:$console" -kernel "$img"
if [ "$QEMU_ROOT" = host ]; then
	set -- "$@" \
		-virtfs "local,id=hostroot,path=/,mount_tag=/dev/root,security_model=none,readonly=on,multidevs=remap" \
		-virtfs "local,id=results,path=$out,mount_tag=results,security_model=none,multidevs=remap" \
		-append "$QEMU_CMDLINE root=/dev/root init=$TOP/guest/init.sh$args"
else
	# guest/initramfs-init.sh mounts the host's root (tag hostroot) and
	# runs guest/init.sh from it.
	set -- "$@" \
		-fsdev "local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap" \
		-device "$QEMU_9P_DEVICE,fsdev=hostroot,mount_tag=hostroot" \
		-fsdev "local,id=results,path=$out,security_model=none,multidevs=remap" \
		-device "$QEMU_9P_DEVICE,fsdev=results,mount_tag=results" \
		-initrd "$rootfs" -append "$QEMU_CMDLINE$args"
fi
echo "$*" >"$out/qemu.cmd"

start=$(date +%s)
[ $quiet = 1 ] || note "booting ${kdir#"$WORK"/} ($(accel_desc "$tcg"), $mem,${args:- no extra args}): $(cat "$out/cmd.sh")"
# Shortly before the timeout, sample where the vCPUs are (registers.txt):
# what a hung or stalled guest was executing.
if [ "$timeout" -gt 20 ]; then before=$((timeout - 10)); else before=$((timeout / 2)); fi
python3 -m workbench vcpu-registers --after "$before" "$mon/monitor.sock" \
	"$kdir/System.map" >"$out/registers.txt" 2>&1 &
sampler=$!
rc=0
if [ $quiet = 1 ]; then
	timeout -k 10 "$timeout" "$@" </dev/null >"$out/qemu.log" 2>&1 || rc=$?
else
	touch "$out/output.log"
	tail -n +1 -f "$out/output.log" &
	tailpid=$!
	timeout -k 10 "$timeout" "$@" </dev/null >"$out/qemu.log" 2>&1 || rc=$?
	sleep 0.5
	kill $tailpid 2>/dev/null || true
fi
elapsed=$(($(date +%s) - start))
echo "$elapsed" >"$out/seconds"
kill $sampler 2>/dev/null || true
wait $sampler 2>/dev/null || true
sampled=""
if [ -s "$out/registers.txt" ]; then sampled=1; else rm -f "$out/registers.txt"; fi

if [ $rc = 124 ] || [ $rc = 137 ]; then
	die "guest timed out after ${timeout}s (console: $console${sampled:+, vCPU registers: $out/registers.txt})"
fi
[ $rc = 0 ] || die "QEMU failed with status $rc: $(tail -n 3 "$out/qemu.log" | tr '\n' ' ') (console: $console)"
python3 -m workbench console "$console" ||
	die "kernel splat in the guest console (see above; console: $console)"
[ -f "$out/status" ] || die "guest died without reporting a status (console: $console)"
status=$(cat "$out/status")
[ $quiet = 1 ] || note "guest finished in ${elapsed}s, command exit status $status"
exit "$status"

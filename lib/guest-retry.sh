#!/bin/sh
# guest-retry.sh RUN MAX_TRIES DISCARDED -- GUEST-BOOT-OPTIONS -- COMMAND: one
# benchmark guest (guest-boot.sh -q -o RUN GUEST-BOOT-OPTIONS -- COMMAND).
# A run that fails is discarded, never used, and redone on a fresh boot, at
# most MAX_TRIES times in all; a discarded run stays as RUN.discarded-N and
# gets a line in DISCARDED saying why (the runner's error, such as a splat or
# a timeout, and the test's exit reason or last words). Fails when every
# attempt failed.
#
# Under multi-threaded TCG two failures recur on the base and the patched
# kernel alike: a stale translation of live-patched kernel text ("Oops:
# int3"), and, with 2 vCPUs, an L2 triple fault ("exit reason 8
# (SHUTDOWN)") while populating memory, with or without aging.
set -eu
. "$(dirname "$0")/common.sh"

{ [ $# -ge 5 ] && [ "$4" = -- ]; } ||
	die "usage: guest-retry.sh RUN MAX_TRIES DISCARDED -- GUEST-BOOT-OPTIONS -- COMMAND"
run=$1 max=$2 discarded=$3
shift 4
case $max in '' | *[!0-9]* | 0) die "MAX_TRIES must be a positive number, not '$max'" ;; esac
try=1
mkdir -p "$run"
until "$TOP/lib/guest-boot.sh" -q -o "$run" "$@" 2>"$run.err"; do
	why=$(grep -m1 'error:' "$run.err" | cut -c1-200)
	test=$(grep -m1 'exit reason' "$run/output.log" 2>/dev/null ||
		grep -v '^[[:space:]]*$' "$run/output.log" 2>/dev/null | tail -n 1)
	why="${why:+$why; }test: $(printf '%s' "${test:-no output}" | cut -c1-200)"
	[ "$try" -lt "$max" ] || die "run failed $max times: $run ($why)"
	mv "$run" "$run.discarded-$try"
	mv "$run.err" "$run.discarded-$try.err"
	mkdir -p "$run"
	echo "$run attempt $try discarded: $why" >>"$discarded"
	note "run discarded ($why); retrying on a fresh boot"
	try=$((try + 1))
done

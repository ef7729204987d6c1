#!/bin/sh
# bench.sh: "make bench". The base and the patched kernel (same non-debug
# configuration, same QEMU settings), interleaved (base, patched, base,
# patched...) REPS times. Raw numbers go to a CSV, the summary to a text
# table and a PNG chart (workbench/bench.py, workbench/slowdown.py).
#
#   BENCH=aging        (default) what an MGLRU aging pass over a populated VM
#                      costs: time in the kernel's aging write, KVM aging
#                      notifier calls, a guest profile (lib/bench-aging.sh)
#   BENCH=slowdown     what MGLRU aging costs running vCPUs: their time
#                      alone, beside an aging thread and beside its replay
#                      without aging (control), each on a CPU of its own
#                      (access_tracking_perf_test -i on base 7.3, -a on
#                      6.12; lib/bench-slowdown.sh)
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
die "BENCH=$BENCH: no such benchmark (aging, slowdown)"

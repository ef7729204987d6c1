#!/bin/sh
# bench-measure.sh RUN MAX_TRIES CSV ROW -- GUEST-BOOT-OPTIONS -- COMMAND:
# one benchmark measurement. Boot a guest for COMMAND (lib/guest-retry.sh:
# a failed boot is discarded, listed in the CSV's directory's
# discarded.txt, and redone, MAX_TRIES times at most), then append ROW and
# the run's four measurements to CSV (python3 -m workbench bench row).
set -eu
. "$(dirname "$0")/common.sh"

{ [ $# -ge 6 ] && [ "$5" = -- ]; } ||
	die "usage: bench-measure.sh RUN MAX_TRIES CSV ROW -- GUEST-BOOT-OPTIONS -- COMMAND"
run=$1 max=$2 csv=$3 row=$4
shift 4
"$TOP/lib/guest-retry.sh" "$run" "$max" "$(dirname "$csv")/discarded.txt" "$@"
python3 -m workbench bench row "$run/output.log" "$row" >>"$csv"

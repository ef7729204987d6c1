#!/bin/sh
# help.sh: "make help", the targets of configs/targets.txt.
set -eu
. "$(dirname "$0")/../lib/common.sh"
echo "make TARGET [BASE=7.3|6.12] [MODES=tdp,shadow,shadow-paging|all] (base now: $BASE)"
python3 -m workbench targets help

#!/bin/sh
# zram-swap.sh SIZE COMMAND [ARGS...]: in a workbench guest, run
# COMMAND with SIZE (e.g. 1G) of swap on zram0, set up first and removed
# afterwards. Exits with COMMAND's status, or 4 (skip) if the kernel has no
# zram; failing to set up the swap is an error (1).
set -eu
[ $# -ge 2 ] || { echo "usage: zram-swap.sh SIZE COMMAND [ARGS...]" >&2; exit 2; }
size=$1
shift
sys=/sys/block/zram0
if [ ! -d $sys ]; then
	echo "no zram device: the kernel lacks CONFIG_ZRAM"
	exit 4
fi
if grep -q '^/dev/zram0 ' /proc/swaps; then
	echo "zram-swap.sh: /dev/zram0 is already in use as swap" >&2
	exit 1
fi
echo 1 >$sys/reset
echo "$size" >$sys/disksize
mkswap /dev/zram0 >/dev/null
swapon /dev/zram0
trap 'swapoff /dev/zram0 && echo 1 >$sys/reset' EXIT
echo "zram-swap.sh: $size of swap on zram0 ($(cat $sys/comp_algorithm | sed 's/.*\[\(.*\)\].*/\1/'))"
set +e
"$@"
exit $?

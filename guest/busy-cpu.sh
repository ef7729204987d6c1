#!/bin/sh
# guest-busy-cpu.sh LOAD COMMAND [ARGS...]: in a workbench guest, run COMMAND
# while one more task keeps a CPU busy, then stop it. LOAD is
#   idle   nothing more
#   spin   a user-space loop that touches no memory
#   copy   dd copying /dev/zero to /dev/null (kernel memory traffic)
# Exits with COMMAND's status.
set -eu
[ $# -ge 2 ] || { echo "usage: guest-busy-cpu.sh idle|spin|copy COMMAND [ARGS...]" >&2; exit 2; }
load=$1
shift
case $load in
idle) exec "$@" ;;
spin) sh -c 'while :; do :; done' & ;;
copy) dd if=/dev/zero of=/dev/null bs=64k count=100000000000 2>/dev/null & ;;
*) echo "guest-busy-cpu.sh: unknown load '$load'" >&2; exit 2 ;;
esac
pid=$!
trap 'kill $pid' EXIT
echo "guest-busy-cpu.sh: load '$load' running as pid $pid"
set +e
"$@"
exit $?

#!/bin/sh
# kunit.sh SUITE: in a guest, report a built-in KUnit suite that ran
# at boot, from debugfs. Exit 0 if it passed, 1 if not, 4 (skip) if the
# kernel does not have it.
set -u
[ $# -eq 1 ] || { echo "usage: kunit.sh SUITE" >&2; exit 2; }
results=/sys/kernel/debug/kunit/$1/results
if [ ! -r "$results" ]; then
	echo "KUnit suite $1 is not in this kernel"
	exit 4
fi
cat "$results"
# The suite's own result is its last unindented "ok"/"not ok" line.
last=$(grep -E '^(not )?ok [0-9]+ ' "$results" | tail -n 1)
case $last in
ok*) exit 0 ;;
*) exit 1 ;;
esac

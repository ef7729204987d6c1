#!/bin/sh
# tests.sh PLAN: run the tests of PLAN inside a workbench guest and print
# one KTAP stream (parsed on the host by workbench/ktap.py; the kernel's own
# tools/testing/kunit/kunit.py parse accepts it too).
#
# PLAN has one test a line: NAME<TAB>TIMEOUT_SECONDS<TAB>COMMAND.
# A test passes with exit status 0, is skipped with 4 (KSFT_SKIP), and
# fails otherwise. Markers in the kernel log attribute splats to tests.
set -u
plan=$1
n=$(grep -c . "$plan")
echo "KTAP version 1"
echo "1..$n"
i=0 failed=0
tab=$(printf '\t')
while IFS=$tab read -r name limit cmd; do
	[ -n "$name" ] || continue
	i=$((i + 1))
	echo "# workbench: begin $name"
	echo "workbench-test: begin $name" >/dev/kmsg
	start=$(date +%s)
	log=/tmp/test.$i.log
	timeout -k 5 "$limit" sh -c "$cmd" </dev/null >"$log" 2>&1
	rc=$?
	t=$(($(date +%s) - start))
	echo "workbench-test: end $name" >/dev/kmsg
	# Every line, the last one too, ends before the result line.
	awk '{ print "# " $0 }' "$log"
	case $rc in
	0) echo "ok $i $name # time=${t}s" ;;
	4) echo "ok $i $name # SKIP $(tail -n 1 "$log" | tr -d '#') time=${t}s" ;;
	124 | 137)
		echo "not ok $i $name # TIMEOUT after ${limit}s time=${t}s"
		failed=1
		;;
	*)
		echo "not ok $i $name # exit=$rc time=${t}s"
		failed=1
		;;
	esac
done <"$plan"
exit $failed

#!/bin/sh
# check.sh: the workbench tests ("make check"), of base $BASE, for $ARCH
# (x86_64; ARCH=arm64: a cross-built kernel and selftests, guests at the
# emulated EL2; configs/arch/$ARCH.conf).
#
#   1. the series (patches/$BASE/) applies to the base
#   2. checkpatch --strict on every patch
#   3. the workbench's own unit tests
#   4. the debug kernel builds; the KVM selftests build against it; the
#      guest runner fails on a kernel WARNING
#   5. the base's check list (configs/tests/check.txt, or
#      configs/bases/$BASE/check.txt; arm64: check-arm64.txt) in every MMU
#      mode of configs/tests/mmu-modes.txt (arm64: mmu-modes-arm64.txt;
#      MODES=tdp,shadow to choose), one guest boot per mode
#
# One result line per step, test and mode; the last line is
# "N passed, N failed, N skipped"; exit status 1 if anything failed.
set -eu
. "$(dirname "$0")/../lib/common.sh"

KOUT=$WORK/build/$(arch_name patched-debug)
STOUT=$WORK/selftests/$(arch_name patched)
LIST=$(base_data tests "$(arch_name check.txt)")
R=$WORK/$(arch_name check)
res=$R/results.tsv

record() { # STATUS NAME SECONDS DETAIL
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$res"
	printf '%-5s %s (%ss)%s\n' "$1" "$2" "$3" "${4:+: $4}"
}
finish() {
	exec python3 -m workbench results summary "$res"
}
# step NAME COMMAND...: run a step, its messages (progress, errors) shown as
# they come; record PASS, or FAIL with its last error line.
step() {
	name=$1
	shift
	t0=$(date +%s)
	{
		if "$@"; then rc=0; else rc=$?; fi
		echo "$rc" >"$R/step.rc"
	} 2>&1 | tee "$R/step.err" >&2
	if [ "$(cat "$R/step.rc")" = 0 ]; then
		record PASS "$name" $(($(date +%s) - t0)) ""
	else
		record FAIL "$name" $(($(date +%s) - t0)) "$(grep -v '^ ' "$R/step.err" | tail -n 1)"
		return 1
	fi
}

# Which modes and tests: check the data before spending time on builds.
modes=$(select_modes all)
programs=$(python3 -m workbench plan programs "$LIST") || exit 1
dry_run "arch $ARCH; modes: $modes; tests: ${LIST#"$TOP"/}"
rm -rf "$R"
mkdir -p "$R"
: >"$res"

# shellcheck disable=SC2086 # the package groups
step "dependencies" "$TOP/lib/deps.sh" $ARCH_PACKAGES || finish
guest_rootfs() { "$TOP/lib/guest-rootfs.sh" >/dev/null; }
if [ -f "$TOP/configs/guest/rootfs-$ARCH.conf" ]; then
	step "guest userspace: Debian $ARCH packages (configs/guest/rootfs-$ARCH.conf)" \
		guest_rootfs || finish
fi
step "series: ${PATCHES#"$TOP"/}/ applies to $BASE_PACKAGE $BASE_VERSION" "$TOP/lib/tree-prepare.sh" || finish

n=0
for p in $(series_patches); do
	n=$((n + 1))
	step "checkpatch: ${p##*/}" "$TOP/lib/series-checkpatch.sh" "$p" || true
done
[ $n -gt 0 ] || record SKIP "checkpatch" 0 "${PATCHES#"$TOP"/}/ has no patches yet: the pristine base is tested"

step "workbench unit tests" python3 -m unittest discover -q -s "$TOP/tests" -t "$TOP" || true

step "build: debug kernel (${KOUT#"$WORK_ROOT"/})" "$TOP/lib/kbuild-kernel.sh" "$TREE" "$KOUT" \
	"$(base_data kernel "$(arch_name kernel.config)")" \
	"$(base_data kernel "$(arch_name debug.config)")" || finish
# shellcheck disable=SC2086
step "build: KVM selftests" "$TOP/lib/kbuild-selftests.sh" "$TREE" "$KOUT" "$STOUT" $programs || finish

# The runner must fail a run whose console shows a kernel splat, even when
# the command passes: inject a WARNING line into the kernel log.
runner_catches_splats() {
	if "$TOP/lib/guest-boot.sh" -q -k "$KOUT" -o "$R/runner-selftest" -t 120 -- \
		'echo "WARNING: CPU: 0 PID: 1 at workbench/runner-selftest" >/dev/kmsg' \
		2>"$R/runner-selftest.err"; then
		echo "the runner passed a guest whose console shows a WARNING" >&2
		return 1
	fi
	grep -q 'kernel splat' "$R/runner-selftest.err" || {
		cat "$R/runner-selftest.err" >&2
		return 1
	}
}
step "workbench: the runner fails on a kernel WARNING" runner_catches_splats || true

for mode in $modes; do
	"$TOP/lib/guest-plan.sh" "$KOUT" "$STOUT" "$LIST" "$mode" "$R/$mode" || true
	python3 -m workbench results collect "$mode" "$R/$mode" "$res"
done
finish

#!/bin/sh
# kbuild-bench-kernels.sh [VARIANT...]: the two kernels and the test
# binaries that the benchmarks (bench-aging.sh, bench-slowdown.sh)
# compare: the base (a worktree at tag "base") and
# the patched tree, built with the same non-debug configuration in
# $WORK/build/base and $WORK/build/patched, and the selftests
# $BENCH_PROGRAMS (default: access_tracking_perf_test) built once from the
# patched tree (they run on both kernels) in $WORK/selftests/patched.
# Each VARIANT (configs/kernel/VARIANT.config, e.g. lockstat) adds a pair
# built alike with that fragment on top: build/base-VARIANT,
# build/patched-VARIANT. Reuses what is already built.
# For ARCH=arm64: build/base-arm64, build/patched-arm64 (base-VARIANT-arm64...),
# selftests/patched-arm64.
set -eu
. "$(dirname "$0")/common.sh"

"$TOP/lib/tree-prepare.sh"
base_tree=$("$TOP/lib/tree-base-worktree.sh")
config=$(base_data kernel "$(arch_name kernel.config)")
for v in "$@"; do
	[ -f "$(base_data kernel "$v.config")" ] || die "no configs/kernel/$v.config for kernel variant '$v'"
done
"$TOP/lib/kbuild-kernel.sh" "$base_tree" "$WORK/build/$(arch_name base)" "$config"
"$TOP/lib/kbuild-kernel.sh" "$TREE" "$WORK/build/$(arch_name patched)" "$config"
for v in "$@"; do
	fragment=$(base_data kernel "$v.config")
	"$TOP/lib/kbuild-kernel.sh" "$base_tree" "$WORK/build/$(arch_name "base-$v")" "$config" "$fragment"
	"$TOP/lib/kbuild-kernel.sh" "$TREE" "$WORK/build/$(arch_name "patched-$v")" "$config" "$fragment"
done
# shellcheck disable=SC2086 # a list of programs
"$TOP/lib/kbuild-selftests.sh" "$TREE" "$WORK/build/$(arch_name patched)" \
	"$WORK/selftests/$(arch_name patched)" ${BENCH_PROGRAMS:-access_tracking_perf_test}

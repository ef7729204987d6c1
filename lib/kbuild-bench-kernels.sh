#!/bin/sh
# build-bench-kernels.sh: the two kernels and the test binary that the
# benchmarks (bench.sh, bench-interference.sh) compare: the base (a worktree
# at tag "base") and the patched tree, built with the same non-debug
# configuration in $WORK/build/base and $WORK/build/patched, and
# access_tracking_perf_test built once from the patched tree (it runs on
# both kernels) in $WORK/selftests/patched. Reuses what is already built.
# For ARCH=arm64: build/base-arm64, build/patched-arm64, selftests/patched-arm64.
set -eu
. "$(dirname "$0")/common.sh"

"$TOP/lib/tree-prepare.sh"
base_tree=$("$TOP/lib/tree-base-worktree.sh")
config=$(base_data kernel "$(arch_name kernel.config)")
"$TOP/lib/kbuild-kernel.sh" "$base_tree" "$WORK/build/$(arch_name base)" "$config"
"$TOP/lib/kbuild-kernel.sh" "$TREE" "$WORK/build/$(arch_name patched)" "$config"
"$TOP/lib/kbuild-selftests.sh" "$TREE" "$WORK/build/$(arch_name patched)" \
	"$WORK/selftests/$(arch_name patched)" access_tracking_perf_test

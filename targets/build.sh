#!/bin/sh
# build.sh: "make build", the patched kernel in $WORK/build/patched (for
# ARCH=arm64: build/patched-arm64, configs/kernel/kernel-arm64.config).
set -eu
. "$(dirname "$0")/../lib/common.sh"
# shellcheck disable=SC2086 # the package groups
"$TOP/lib/deps.sh" $ARCH_PACKAGES
"$TOP/lib/tree-prepare.sh"
exec "$TOP/lib/kbuild-kernel.sh" "$TREE" "$WORK/build/$(arch_name patched)" \
	"$(base_data kernel "$(arch_name kernel.config)")"

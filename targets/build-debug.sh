#!/bin/sh
# build-debug.sh: "make build-debug", the patched debug kernel of make check
# in $WORK/build/patched-debug (ARCH=arm64: patched-debug-arm64, from
# kernel-arm64.config and debug-arm64.config).
set -eu
. "$(dirname "$0")/../lib/common.sh"
# shellcheck disable=SC2086 # the package groups
"$TOP/lib/deps.sh" $ARCH_PACKAGES
"$TOP/lib/tree-prepare.sh"
exec "$TOP/lib/kbuild-kernel.sh" "$TREE" "$WORK/build/$(arch_name patched-debug)" \
	"$(base_data kernel "$(arch_name kernel.config)")" \
	"$(base_data kernel "$(arch_name debug.config)")"

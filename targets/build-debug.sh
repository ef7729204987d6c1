#!/bin/sh
# build-debug.sh: "make build-debug", the patched debug kernel of make check
# in $WORK/build/patched-debug.
set -eu
. "$(dirname "$0")/../lib/common.sh"
"$TOP/lib/deps.sh" core
"$TOP/lib/tree-prepare.sh"
exec "$TOP/lib/kbuild-kernel.sh" "$TREE" "$WORK/build/patched-debug" \
	"$(base_data kernel kernel.config)" "$(base_data kernel debug.config)"

#!/bin/sh
# build.sh: "make build", the patched kernel in $WORK/build/patched.
set -eu
. "$(dirname "$0")/../lib/common.sh"
"$TOP/lib/deps.sh" core
"$TOP/lib/tree-prepare.sh"
exec "$TOP/lib/kbuild-kernel.sh" "$TREE" "$WORK/build/patched" "$(base_data kernel kernel.config)"

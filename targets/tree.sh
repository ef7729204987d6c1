#!/bin/sh
# tree.sh: "make tree", the base's tree with its series (lib/tree-prepare.sh).
set -eu
. "$(dirname "$0")/../lib/common.sh"
"$TOP/lib/deps.sh" core
"$TOP/lib/tree-prepare.sh"
note "base $BASE: $TREE at $(git -C "$TREE" log -1 --format='%h %s')"

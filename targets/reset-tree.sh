#!/bin/sh
# reset-tree.sh: "make reset-tree". Drop the tree's own commits and
# uncommitted changes, and re-apply patches/$BASE/.
set -eu
. "$(dirname "$0")/../lib/common.sh"
[ -d "$TREE/.git" ] || die "no tree at $TREE: run 'make tree'"
git -C "$TREE" reset -q --hard base
rm -f "$TREE/.git/workbench-series"
git -C "$TREE" update-ref -d refs/workbench/applied 2>/dev/null || true
exec "$TOP/lib/tree-prepare.sh"

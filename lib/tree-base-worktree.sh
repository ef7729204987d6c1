#!/bin/sh
# tree-base-worktree.sh: make $WORK/linux-base a worktree of the tree at tag "base"
# (the unpatched kernel), for building base kernels next to patched ones.
# Prints its path.
set -eu
. "$(dirname "$0")/common.sh"

BASE_TREE=$WORK/linux-base
[ -d "$TREE/.git" ] || die "no tree at $TREE: run 'make tree' first"
if [ ! -d "$BASE_TREE" ]; then
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$BASE_TREE" base
fi
[ "$(git -C "$BASE_TREE" rev-parse HEAD)" = "$(git -C "$TREE" rev-parse base)" ] ||
	die "$BASE_TREE is not at the base commit"
[ -z "$(git -C "$BASE_TREE" status --porcelain --untracked-files=no)" ] ||
	die "$BASE_TREE has local changes"
echo "$BASE_TREE"

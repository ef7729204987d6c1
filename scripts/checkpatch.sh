#!/bin/sh
# checkpatch.sh PATCH...: scripts/checkpatch.pl --strict of the tree on each
# patch; its report goes to stderr, the exit status says if any complained.
set -eu
. "$(dirname "$0")/common.sh"
[ -x "$TREE/scripts/checkpatch.pl" ] || die "no tree at $TREE: run 'make tree'"
rc=0
for p in "$@"; do
	"$TREE/scripts/checkpatch.pl" --strict --no-tree --terse --show-types -q "$p" >&2 || {
		note "${p##*/}: checkpatch --strict complains"
		rc=1
	}
done
exit $rc

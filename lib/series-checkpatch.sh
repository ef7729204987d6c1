#!/bin/sh
# series-checkpatch.sh PATCH...: scripts/checkpatch.pl --strict of the tree on each
# patch; its report goes to stderr, the exit status says if any complained.
#
# Run it from the kernel tree: from a git repo that tracks the patch files
# (like this one), checkpatch takes a tracked .patch for a source file.
#
# checkpatch warns about every added file ("does MAINTAINERS need
# updating?") whether or not MAINTAINERS covers it. Instead of that warning,
# this checks that scripts/get_maintainer.pl finds a maintainer for each file
# a patch adds, and fails if it does not.
set -eu
. "$(dirname "$0")/common.sh"
[ -x "$TREE/scripts/checkpatch.pl" ] || die "no tree at $TREE: run 'make tree'"
# checkpatch runs scripts/spdxcheck.py with the python3 on PATH; it needs
# Debian's python3-ply and python3-git, which only Debian's python3 has.
PATH=/usr/bin:$PATH
export PATH
rc=0
for p in "$@"; do
	p=$(cd "$(dirname "$p")" && pwd)/${p##*/}
	# Run from the kernel tree: checkpatch reads its environment (git,
	# spelling and const-struct lists) from the current directory.
	if ! out=$(cd "$TREE" && ./scripts/checkpatch.pl --strict --terse --show-types -q \
		--ignore FILE_PATH_CHANGES "$p" 2>&1); then
		printf '%s\n' "$out" >&2
		note "${p##*/}: checkpatch --strict complains"
		rc=1
	fi
	added=$(awk '/^--- \/dev\/null/ { getline; sub(/^\+\+\+ b\//, ""); print }' "$p")
	for f in $added; do
		m=$(cd "$TREE" && perl scripts/get_maintainer.pl --no-git --no-git-fallback \
			--no-rolestats -f "$f" 2>/dev/null | grep -v '^linux-kernel@') || true
		if [ -z "$m" ]; then
			note "${p##*/}: new file $f has no MAINTAINERS entry"
			rc=1
		fi
	done
done
exit $rc

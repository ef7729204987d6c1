#!/bin/sh
# tree-prepare.sh: make $TREE ($WORK_ROOT/$BASE/linux) a git tree of the
# base's source with patches/$BASE/ applied on top.
#
#   first commit (tag "base"): the pristine Debian source, reproducible id
#   then one commit per patches/$BASE/0*.patch, applied with git am
#   (no patches: the pristine base, with a note)
#
# The tree remembers which series it was made from (refs/workbench/applied,
# .git/workbench-series: the series id of lib/common.sh). If the series
# changed and the tree holds no work of its own, it is re-applied; if the
# tree has commits that are not in patches/$BASE/, it is left alone: run
# "make export-patches" (keep them) or "make reset-tree" (drop them).
# A series that does not apply stops with a one-line error naming the patch
# and leaves the tree as it was.
set -eu
. "$(dirname "$0")/common.sh"

git_t() { git -C "$TREE" "$@"; }

make_base() {
	fetched=$("$TOP/lib/base-fetch.sh") || exit 1
	ver=${fetched% *} tarball=${fetched#* }
	note "unpacking $BASE_PACKAGE $ver into $TREE (about a minute)"
	rm -rf "$TREE.tmp"
	mkdir -p "$TREE.tmp"
	tar -C "$TREE.tmp" --strip-components=1 -xf "$tarball" ||
		die "cannot unpack $tarball"
	git -C "$TREE.tmp" init -q -b series
	git -C "$TREE.tmp" config core.autocrlf false
	# A scratch tree: no automatic repacking of its ~90000 objects
	# (git am would start one in the background, minutes of CPU).
	git -C "$TREE.tmp" config gc.auto 0
	note "committing the base tree"
	git -C "$TREE.tmp" add -A -f .
	GIT_AUTHOR_NAME="Debian linux-source" GIT_AUTHOR_EMAIL=base@localhost \
	GIT_COMMITTER_NAME="Debian linux-source" GIT_COMMITTER_EMAIL=base@localhost \
	GIT_AUTHOR_DATE=$BASE_DATE GIT_COMMITTER_DATE=$BASE_DATE \
		git -C "$TREE.tmp" commit -q -m "Linux $ver ($BASE_PACKAGE)" \
		-m "Pristine $BASE_PACKAGE $ver as shipped by Debian."
	git -C "$TREE.tmp" tag base
	rm -rf "$TREE"
	mv "$TREE.tmp" "$TREE"
}

apply_series() {
	old=$(git_t rev-parse HEAD)
	git_t reset -q --hard base
	git_t clean -q -fdx
	n=0
	for p in $(series_patches); do
		if ! git_t am -q --keep-cr "$p" >"$WORK/am.log" 2>&1; then
			git_t am --abort >/dev/null 2>&1 || true
			# Leave the tree as it was: the next run tries again.
			git_t reset -q --hard "$old"
			grep -v 'git am --abort\|git am --skip\|git am --continue\|^hint:' \
				"$WORK/am.log" | sed 's/^/  /' >&2
			die "patch ${PATCHES#"$TOP"/}/${p##*/} does not apply to $BASE_PACKAGE (base $BASE)"
		fi
		n=$((n + 1))
	done
	git_t update-ref refs/workbench/applied HEAD
	echo "$1" >"$TREE/.git/workbench-series"
	if [ $n = 0 ]; then
		note "NOTE: no patches in ${PATCHES#"$TOP"/}/: the tree is the pristine base $BASE"
	else
		note "applied $n patches of ${PATCHES#"$TOP"/}/ on top of base $BASE"
	fi
}

mkdir -p "$WORK"
if [ ! -d "$TREE/.git" ] || ! git_t rev-parse -q --verify base >/dev/null; then
	make_base
fi

want=$(series_id)
have=$(cat "$TREE/.git/workbench-series" 2>/dev/null || true)
head=$(git_t rev-parse HEAD)
applied=$(git_t rev-parse -q --verify refs/workbench/applied || true)

if [ -n "$(git_t status --porcelain --untracked-files=no)" ]; then
	if [ "$want" = "$have" ]; then
		note "WARNING: $TREE has uncommitted changes; building them as they are"
		exit 0
	fi
	die "$TREE has uncommitted changes and ${PATCHES#"$TOP"/}/ changed: commit and 'make export-patches', or 'make reset-tree'"
fi
if [ "$want" = "$have" ] && [ "$head" = "$applied" ]; then
	exit 0
fi
if [ -n "$applied" ] && [ "$head" != "$applied" ]; then
	if [ "$want" = "$have" ]; then
		note "WARNING: $TREE has commits not exported to ${PATCHES#"$TOP"/}/ ('make export-patches')"
		exit 0
	fi
	die "$TREE has commits not in ${PATCHES#"$TOP"/}/ and the series changed: 'make export-patches' to keep them or 'make reset-tree' to drop them"
fi
apply_series "$want"

#!/bin/sh
# Make $TREE a git tree of the base source with patches/ applied on top.
#
#   first commit (tag "base"): the pristine Debian source, reproducible id
#   then one commit per patches/0*.patch, applied with git am
#
# The tree remembers which patches/ it was made from (refs/workbench/applied).
# If patches/ changed and the tree holds no work of its own, the series is
# re-applied; if the tree has commits that are not in patches/, it is left
# alone: run "make export-patches" (keep them) or "make reset-tree" (drop them).
set -eu
. "$(dirname "$0")/common.sh"

PATCHES=${PATCHES:-$TOP/patches}
git_t() { git -C "$TREE" "$@"; }

# What the tree is made of: the code patches (the cover letter's text is not).
series_id() {
	for p in "$PATCHES"/0*.patch; do
		case ${p##*/} in 0000-*) ;; *) [ -f "$p" ] && cat "$p" ;; esac
	done | sha1sum | cut -c1-40
}

make_base() {
	[ -f "$BASE_TARBALL" ] || die "$BASE_TARBALL missing: run scripts/install-deps.sh"
	ver=$(dpkg-query -W -f='${Version}' "$BASE_PACKAGE")
	note "unpacking $BASE_PACKAGE $ver into $TREE (about a minute)"
	rm -rf "$TREE" "$TREE.tmp"
	mkdir -p "$TREE.tmp"
	tar -C "$TREE.tmp" --strip-components=1 -xf "$BASE_TARBALL" ||
		die "cannot unpack $BASE_TARBALL"
	git -C "$TREE.tmp" init -q -b series
	git -C "$TREE.tmp" config core.autocrlf false
	note "committing the base tree"
	git -C "$TREE.tmp" add -A -f .
	GIT_AUTHOR_NAME=$BASE_AUTHOR_NAME GIT_AUTHOR_EMAIL=$BASE_AUTHOR_EMAIL \
	GIT_COMMITTER_NAME=$BASE_AUTHOR_NAME GIT_COMMITTER_EMAIL=$BASE_AUTHOR_EMAIL \
	GIT_AUTHOR_DATE=$BASE_DATE GIT_COMMITTER_DATE=$BASE_DATE \
		git -C "$TREE.tmp" commit -q -m "Linux $ver ($BASE_PACKAGE)" \
		-m "Pristine $BASE_PACKAGE $ver as shipped by Debian."
	git -C "$TREE.tmp" tag base
	mv "$TREE.tmp" "$TREE"
}

apply_series() {
	git_t reset -q --hard base
	git_t clean -q -fdx
	n=0
	for p in "$PATCHES"/0*.patch; do
		[ -f "$p" ] || continue
		case ${p##*/} in 0000-*) continue ;; esac
		if ! git_t am -q --keep-cr "$p" >"$WORK/am.log" 2>&1; then
			git_t am --abort >/dev/null 2>&1 || true
			# Leave no half-applied series behind: the next run
			# starts again from the base.
			git_t reset -q --hard base
			git_t update-ref -d refs/workbench/applied 2>/dev/null || true
			rm -f "$TREE/.git/workbench-series"
			grep -v 'git am --abort\|git am --skip\|git am --continue\|^hint:' \
				"$WORK/am.log" | sed 's/^/  /' >&2
			die "patch ${p##*/} does not apply to the base"
		fi
		n=$((n + 1))
	done
	git_t update-ref refs/workbench/applied HEAD
	echo "$1" >"$TREE/.git/workbench-series"
	note "applied $n patches on top of base"
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
	die "$TREE has uncommitted changes and patches/ changed: commit and 'make export-patches', or 'make reset-tree'"
fi
if [ "$want" = "$have" ] && [ "$head" = "$applied" ]; then
	exit 0
fi
if [ -n "$applied" ] && [ "$head" != "$applied" ]; then
	if [ "$want" = "$have" ]; then
		note "WARNING: $TREE has commits not exported to patches/ ('make export-patches')"
		exit 0
	fi
	die "$TREE has commits not in patches/ and patches/ changed: 'make export-patches' to keep them or 'make reset-tree' to drop them"
fi
apply_series "$want"

#!/bin/sh
# export-patches.sh: "make export-patches". Regenerate patches/$BASE/ from
# the commits base..HEAD of $TREE, as submitted by you: From: and
# Signed-off-by: carry the identity of "git config user.name/user.email"
# (an author other than you stays as a "From:" line in the body, as the
# kernel's submitting-patches asks). The cover letter keeps its subject and
# text (patches/$BASE/0000-cover-letter.patch); its shortlog, diffstat and
# base-commit are regenerated. A first export writes git's template cover
# letter: edit its subject and text.
set -eu
. "$(dirname "$0")/../lib/common.sh"

name=$(git -C "$TOP" config user.name || true)
email=$(git -C "$TOP" config user.email || true)
{ [ -n "$name" ] && [ -n "$email" ]; } ||
	die "no submitter identity: set git config user.name and user.email (they sign the exported patches)"
[ -d "$TREE/.git" ] || die "no tree at $TREE: run 'make tree' first"
[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted changes: commit them first"
n=$(git -C "$TREE" rev-list --count base..HEAD)
[ "$n" -gt 0 ] || die "$TREE has no commits on top of base: nothing to export"

tmp=$WORK/export.tmp
rm -rf "$tmp"
mkdir -p "$tmp" "$PATCHES"
git -C "$TREE" -c user.name="$name" -c user.email="$email" format-patch -q \
	--cover-letter --base=base --subject-prefix=PATCH --signoff \
	--from="$name <$email>" -o "$tmp" base..HEAD
# Date the cover letter like the newest commit, so that exporting an
# unchanged series changes nothing.
date=$(git -C "$TREE" log -1 --format=%aD HEAD)
sed -i "1,/^\$/s/^Date: .*/Date: $date/" "$tmp/0000-cover-letter.patch"
if [ -f "$PATCHES/0000-cover-letter.patch" ]; then
	python3 -m workbench cover-letter "$PATCHES/0000-cover-letter.patch" \
		"$tmp/0000-cover-letter.patch" >"$tmp/cover.new"
	mv "$tmp/cover.new" "$tmp/0000-cover-letter.patch"
else
	note "NOTE: a new cover letter: write its subject and text in ${PATCHES#"$TOP"/}/0000-cover-letter.patch"
fi
rm -f "$PATCHES"/0*.patch
mv "$tmp"/0*.patch "$PATCHES"/
rmdir "$tmp"
# The tree now matches the series exactly: record it, as tree-prepare.sh does.
git -C "$TREE" update-ref refs/workbench/applied HEAD
series_id >"$TREE/.git/workbench-series"
note "exported $n patches and the cover letter to ${PATCHES#"$TOP"/}/ as $name <$email>"

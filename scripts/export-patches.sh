#!/bin/sh
# export-patches.sh: regenerate patches/ from the commits base..HEAD of $TREE.
# The cover letter keeps its subject and text (patches/0000-cover-letter.patch);
# its shortlog, diffstat and base-commit are regenerated.
set -eu
. "$(dirname "$0")/common.sh"

PATCHES=${PATCHES:-$TOP/patches}
[ -d "$TREE/.git" ] || die "no tree at $TREE: run 'make tree' first"
[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted changes: commit them first"
n=$(git -C "$TREE" rev-list --count base..HEAD)
[ "$n" -gt 0 ] || die "$TREE has no commits on top of base: nothing to export"

tmp=$WORK/export.tmp
rm -rf "$tmp"
mkdir -p "$tmp"
git -C "$TREE" format-patch -q --cover-letter --base=base --subject-prefix=PATCH \
	-o "$tmp" base..HEAD
# Date the cover letter like the newest commit, so that exporting an
# unchanged series changes nothing.
date=$(git -C "$TREE" log -1 --format=%aD HEAD)
sed -i "1,/^\$/s/^Date: .*/Date: $date/" "$tmp/0000-cover-letter.patch"
python3 "$TOP/scripts/cover_letter.py" "$PATCHES/0000-cover-letter.patch" \
	"$tmp/0000-cover-letter.patch" >"$tmp/cover.new"
mv "$tmp/cover.new" "$tmp/0000-cover-letter.patch"
rm -f "$PATCHES"/0*.patch
mv "$tmp"/0*.patch "$PATCHES"/
rmdir "$tmp"
# The tree now matches patches/ exactly: record it, as prepare-tree.sh does.
git -C "$TREE" update-ref refs/workbench/applied HEAD
for p in "$PATCHES"/0*.patch; do
	case ${p##*/} in 0000-*) ;; *) cat "$p" ;; esac
done | sha1sum | cut -c1-40 >"$TREE/.git/workbench-series"
note "exported $n patches and the cover letter to ${PATCHES#"$TOP"/}/"

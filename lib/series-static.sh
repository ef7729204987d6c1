#!/bin/sh
# series-static.sh: static analysis of what the series touches, at its head.
#   - sparse (make C=2) on the touched objects, in the base and the patched
#     kernel builds of configs/kernel/kernel.config (work/build/{base,patched}, built
#     or brought up to date first): a sparse
#     warning in the patched tree that the base does not have (same file
#     and message, line numbers aside) fails, unless configs/bases/$BASE/sparse-known.txt
#     lists it, with the reason;
#   - scripts/kernel-doc -none on every touched .c/.h file: a warning that
#     the base's version of the file does not have fails.
set -eu
. "$(dirname "$0")/common.sh"
. "$TOP/lib/kbuild.sh"

"$TOP/lib/deps.sh" analysis
BASE_TREE=$("$TOP/lib/tree-base-worktree.sh")
R=$WORK/static
mkdir -p "$R"

for k in base patched; do
	src=$TREE
	[ $k = patched ] || src=$BASE_TREE
	out=$WORK/build/$k
	"$TOP/lib/kbuild-kernel.sh" "$src" "$out" "$(base_data kernel kernel.config)" >/dev/null 2>&1 ||
		die "$k: the kernel does not build in $out: run 'make build' for the error"
done
# The same objects in both trees, from the patched kernel's configuration,
# which a fresh clone has only once the loop above built it.
objs=$(touched_objects x86_64 "$WORK/build/patched/.config")
for k in base patched; do
	src=$TREE
	[ $k = patched ] || src=$BASE_TREE
	out=$WORK/build/$k
	note "sparse (C=2) on $objs of the $k tree"
	# shellcheck disable=SC2086
	kbuild x86_64 "$src" "$out" C=2 $objs >"$R/sparse-$k.log" 2>&1 ||
		die "$k: make C=2 failed (log: $R/sparse-$k.log)"
	# file: message, without line and column, with paths relative to the
	# tree (kbuild prints them relative to the build directory, or absolute).
	grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error):' "$R/sparse-$k.log" |
		sed -E 's#^([^:]*/)?((arch|block|drivers|fs|include|kernel|lib|mm|net|virt)/)#\2#; s#:[0-9]+:[0-9]+:#:#' |
		sort -u >"$R/sparse-$k.txt" || true
done
comm -13 "$R/sparse-base.txt" "$R/sparse-patched.txt" >"$R/sparse-new.txt"
known=$BASE_DIR/sparse-known.txt
{ grep -v '^#' "$known" 2>/dev/null || true; } | grep . | sort -u >"$R/sparse-known.txt" || true
comm -23 "$R/sparse-new.txt" "$R/sparse-known.txt" >"$R/sparse-unexplained.txt"
if [ -s "$R/sparse-unexplained.txt" ]; then
	cat "$R/sparse-unexplained.txt" >&2
	die "sparse: warnings the base does not have (log: $R/sparse-patched.log); explain them in ${known#"$TOP"/} or fix them"
fi
note "sparse: no unexplained new warning ($(wc -l <"$R/sparse-base.txt") in the base," \
	"$(wc -l <"$R/sparse-new.txt") new, listed in ${known#"$TOP"/})"

# kernel-doc's messages for file $2 of tree $1, without line numbers
# ("file:LINE: " up to 6.x, "file:LINE " in 7.x).
kdoc() {
	[ ! -f "$1/$2" ] || (cd "$1" && scripts/kernel-doc -none "$2" 2>&1) |
		sed -E 's/:[0-9]+:? /: /' | sort -u
}
files=$(git -C "$TREE" diff --name-only --diff-filter=AM base HEAD -- '*.c' '*.h' | grep -v '^tools/')
: >"$R/kernel-doc-new.txt"
for f in $files; do
	kdoc "$BASE_TREE" "$f" >"$R/kdoc-base"
	kdoc "$TREE" "$f" >"$R/kdoc-patched"
	comm -13 "$R/kdoc-base" "$R/kdoc-patched" >>"$R/kernel-doc-new.txt"
done
if [ -s "$R/kernel-doc-new.txt" ]; then
	cat "$R/kernel-doc-new.txt" >&2
	die "kernel-doc: new warnings in the files the series touches"
fi
note "kernel-doc -none: no new warning in $(echo "$files" | wc -w) touched files"

#!/bin/sh
# kunit.sh: "make kunit". The series' KUnit suite, run the upstream way:
# the tree's tools/testing/kunit/kunit.py run --kunitconfig=FILE
# --arch=x86_64 (a small kernel of its own, booted under QEMU), built in
# $WORK/kunit. FILE is the .kunitconfig the series adds, if it adds one,
# else configs/kernel/mmu-notifier.kunitconfig (or the base's own).
set -eu
. "$(dirname "$0")/../lib/common.sh"
arch_only x86_64
"$TOP/lib/deps.sh" core
"$TOP/lib/tree-prepare.sh"
kc=$(git -C "$TREE" diff --name-only --diff-filter=AM base HEAD -- '*.kunitconfig' | head -n 1)
if [ -n "$kc" ]; then kc=$TREE/$kc; else kc=$(base_data kernel mmu-notifier.kunitconfig); fi
note "kunit.py run --kunitconfig=$kc (build: $WORK/kunit)"
cd "$TREE"
exec python3 tools/testing/kunit/kunit.py run --kunitconfig="$kc" --arch=x86_64 \
	--build_dir="$WORK/kunit" --jobs="${JOBS:-3}" --make_options="CC=ccache gcc"

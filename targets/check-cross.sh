#!/bin/sh
# check-cross.sh: "make check-cross". The objects the series touches,
# compiled with W=1 for arm64 (cross; KVM with lockless aging on base 7.3,
# without on 6.12), for riscv64 (cross; KVM aging under mmu_lock, no fast
# op) and for x86_64 without MMU notifiers (the stubs),
# lib/kbuild-touched.sh.
set -eu
. "$(dirname "$0")/../lib/common.sh"
"$TOP/lib/deps.sh" core cross
"$TOP/lib/tree-prepare.sh"
"$TOP/lib/kbuild-touched.sh" arm64 "$(base_data kernel cross-arm64.config)" "$WORK/build/cross-arm64"
"$TOP/lib/kbuild-touched.sh" riscv64 "$(base_data kernel cross-riscv64.config)" "$WORK/build/cross-riscv64"
"$TOP/lib/kbuild-touched.sh" x86_64 "$(base_data kernel x86-no-mmu-notifier.config)" \
	"$WORK/build/x86-no-mmu-notifier"
note "the touched objects build for arm64, riscv64 and x86 without MMU notifiers"

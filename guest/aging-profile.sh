#!/bin/sh
# aging-profile.sh SELFTESTS-DIR: in a workbench guest, profile a run of
# access_tracking_perf_test -b 256M (MGLRU mode) with Debian's perf
# (the guest sees the host root), and print the share of all samples of the
# aging pass and of the functions on its path (children, in %).
set -eu
[ $# -eq 1 ] || { echo "usage: aging-profile.sh SELFTESTS-DIR" >&2; exit 2; }
cd "$1"
perf record -q -a -g -e cpu-clock -F 2000 -o /tmp/perf.data -- ./access_tracking_perf_test -v 1 -b 256M
perf report -i /tmp/perf.data --children --sort sym --stdio -g none --percent-limit 0.01 2>/dev/null |
	grep -E "lru_gen_seq_write|walk_pte_range|lru_gen_ask_fast|__mmu_notifier_test_clear_young_fast_only|kvm_mmu_notifier_test_clear_young_fast_only|kvm_mmu_notifier_clear_young|__mmu_notifier_clear_young|kvm_age_gfn|__kvm_tdp_mmu_age_gfn_range|tdp_iter_next|get_pfn_folio|get_pte_pfn|lru_gen_test_young|__srcu_read_lock|lock_acquire|rcu_read_lock" || true

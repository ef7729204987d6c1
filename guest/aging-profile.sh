#!/bin/sh
# aging-profile.sh COMMAND...: in a workbench guest, profile COMMAND (an
# access_tracking_perf_test run in MGLRU mode) with Debian's perf (the
# guest sees the host root): perf record -a -g -e cpu-clock, and print
#   # profile SYMBOL CHILDREN% SELF%
# for the aging write (lru_gen_seq_write) and the functions on its path,
# each in % of all samples (children: with what it calls).
set -eu
[ $# -gt 0 ] || { echo "usage: aging-profile.sh COMMAND..." >&2; exit 2; }
command -v perf >/dev/null || { echo "aging-profile.sh: no perf (Debian's linux-perf) on the host root" >&2; exit 1; }
perf record -q -a -g -e cpu-clock -F 2000 -o /tmp/perf.data -- "$@"
perf report -i /tmp/perf.data --children --sort sym --stdio -g none --percent-limit 0.01 2>/dev/null |
	awk '$3 == "[k]" && $4 ~ /^(lru_gen_seq_write|walk_pte_range|lru_gen_ask_fast|lru_gen_look_around|__mmu_notifier_(test_)?clear_young(_fast_only)?|kvm_mmu_notifier_(test_)?clear_young(_fast_only)?|kvm_age_gfn|kvm_age_gfn_set_young|__kvm_tdp_mmu_age_gfn_range|kvm_rmap_age_gfn_range|tdp_iter_next|get_pfn_folio|get_pte_pfn|lru_gen_test_young)$/ {
		sub(/%/, "", $1); sub(/%/, "", $2); print "# profile", $4, $1, $2 }'

"""Tests of the splat finder (make lint)."""

import os
import sys
import unittest

from workbench import console

PATTERNS = console.load_patterns()


def splats(text):
    return console.find_splats(text.splitlines(True), PATTERNS)


class ConsoleCheckTest(unittest.TestCase):
    def test_clean_boot(self):
        self.assertEqual(splats("[    0.0] Linux version 6.12.57\n"
                                "[    1.0] kvm_amd: Nested Paging enabled\n"
                                "workbench-guest: exit status 0\n"), [])

    def test_each_kind(self):
        for line in ["WARNING: CPU: 1 PID: 77 at arch/x86/kvm/mmu/mmu.c:123 f+0x1/0x2",
                     "BUG: sleeping function called from invalid context at mm/x.c:1",
                     "kernel BUG at mm/vmscan.c:100!",
                     "Oops: int3: 0000 [#1] PREEMPT SMP",
                     "Kernel panic - not syncing: Fatal exception",
                     "WARNING: possible circular locking dependency detected",
                     "WARNING: suspicious RCU usage",
                     "rcu: INFO: rcu_preempt self-detected stall on CPU",
                     "BUG: KASAN: use-after-free in kvm_age_gfn+0x10/0x20",
                     "BUG: KCSAN: data-race in walk_pte_range / kvm_tdp_mmu_age",
                     "INFO: task kworker/0:1:12 blocked for more than 120 seconds."]:
            self.assertEqual(len(splats("[    2.0] " + line + "\n")), 1, line)

    def test_attribution(self):
        found = splats("[ 1.0] workbench-test: begin tdp/access_tracking_perf_test\n"
                       "[ 2.0] WARNING: CPU: 0 PID: 1 at x.c:1\n"
                       "[ 3.0] workbench-test: end tdp/access_tracking_perf_test\n"
                       "[ 4.0] BUG: scheduling while atomic\n")
        self.assertEqual([(n, t) for n, t, _ in found],
                         [(2, "tdp/access_tracking_perf_test"), (4, "boot")])

    def test_test_output_is_not_a_splat(self):
        # A test printing the word "warning" in lower case is not a kernel splat.
        self.assertEqual(splats("# warning: page_idle is slow\n"), [])


if __name__ == "__main__":
    unittest.main()

"""Tests of workbench/results.py: a guest run's results and the summary."""

import contextlib
import io
import os
import tempfile
import unittest

from workbench import results

NO_KVM_TAP = """KTAP version 1
1..2
# workbench: begin 4k/access_tracking_mglru
# 1..0 # SKIP - Cannot open '/dev/kvm': No such file or directory.  Is KVM loaded and enabled?
ok 1 4k/access_tracking_mglru # SKIP 1..0 SKIP - Cannot open '/dev/kvm': No such file or directory.  Is KVM loaded and enabled? time=1s
# workbench: begin 4k/kunit_mmu_notifier_fast_aging
ok 2 4k/kunit_mmu_notifier_fast_aging # time=0s
"""


def run(tap):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "output.log"), "w") as f:
            f.write(tap)
        tsv = os.path.join(d, "results.tsv")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            results.collect("4k", d, tsv)
            rc = results.summary(tsv)
        return rc, out.getvalue()


class NoKvm(unittest.TestCase):
    def test_skip_for_missing_kvm_is_named_and_not_a_pass(self):
        rc, out = run(NO_KVM_TAP)
        self.assertEqual(rc, 1)
        self.assertIn("SKIP  4k/access_tracking_mglru (1s): KVM not available: ", out)
        self.assertIn("1 skipped because KVM not available: no /dev/kvm in the guest", out)
        self.assertTrue(out.rstrip().endswith("1 passed, 0 failed, 1 skipped"))

    def test_other_skips_pass(self):
        rc, out = run(NO_KVM_TAP.replace("'/dev/kvm'", "'/sys/x'"))
        self.assertEqual(rc, 0)
        self.assertNotIn("KVM not available", out)


if __name__ == "__main__":
    unittest.main()

"""Tests of the benchmark summary (make lint)."""

import os
import sys
import unittest

from workbench import bench


class BenchReportTest(unittest.TestCase):
    def test_discarded_count(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            self.assertIn("; 0 failed runs", bench.with_discarded("s", d))
            with open(os.path.join(d, "discarded.txt"), "w") as f:
                f.write("run1 attempt 1 discarded: x\nrun2 attempt 1 discarded: y\n")
            self.assertEqual(bench.with_discarded("s", d),
                             "s; 2 failed runs discarded and redone (discarded.txt)")


DATA = os.path.join(os.path.dirname(__file__), "test_data")


def arow(rep, kernel, kind, write, calls):
    return {"rep": rep, "kernel": kernel, "config": "aging-1g", "mmu": "tdp", "mem_mib": "1024",
            "populate_s": "30", "pass": "2", "kind": kind, "test_s": str(write + 0.01),
            "write_s": str(write), "clear_young_calls": str(calls if kernel == "base" else 0),
            "fast_only_calls": str(calls if kernel == "patched" else 0)}


class AgingBenchTest(unittest.TestCase):
    def test_captured_run(self):
        with open(os.path.join(DATA, "aging-7.3-patched-64M.output.log")) as f:
            run = bench.aging_run(f.readlines())
        self.assertEqual(run["mem_mib"], 64)
        self.assertEqual([k for k, _ in run["passes"]], ["initial", "touched", "touched"])
        self.assertEqual(run["passes"][0][1], None)
        self.assertAlmostEqual(run["passes"][2][1], 0.011221605)
        self.assertEqual(run["writes"], [0.01796, 0.009068, 0.01038])
        self.assertEqual(run["calls"]["kvm_age_hva_fast_only"], 120)
        rows = bench.aging_rows(run, "1,patched,aging-64m,tdp")
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[1], "1,patched,aging-64m,tdp,64,1.537567,2,touched,0.010416,0.009068,0.0,40.0")

    def test_6_12_labels(self):
        lines = ["guest physical test memory: [0x1000, 0x40001000)",
                 "Populating memory : 10.0s", "Aging touched memory : 1.5s",
                 "Aging untouched memory : 1.0s", "Aging touched memory : 1.4s",
                 "# aging-calls kvm_age_hva 786432", "# aging-write 1.4",
                 "# aging-write 0.9", "# aging-write 1.3"]
        run = bench.aging_run(lines)
        self.assertEqual(run["mem_mib"], 1024)
        self.assertEqual(run["passes"], [("touched", 1.5), ("untouched", 1.0), ("touched", 1.4)])
        self.assertTrue(bench.aging_rows(run, "p")[0].endswith(",262144.0,0.0"))

    def test_mismatch_is_an_error(self):
        lines = ["guest physical test memory: [0x1000, 0x40001000)",
                 "Populating memory : 10.0s", "Mark memory idle (lru_gen) : 1.5s",
                 "# aging-calls kvm_age_hva 5"]
        with self.assertRaisesRegex(bench.BenchError, "0 aging writes timed for 1 aging passes"):
            bench.aging_run(lines)
        with self.assertRaisesRegex(bench.BenchError, "no count of KVM aging calls"):
            bench.aging_run(lines[:3] + ["# aging-write 1.4"])

    def test_table(self):
        rows = [arow("1", "base", "touched", 6.0, 262144), arow("1", "base", "touched", 5.8, 262144),
                arow("1", "base", "initial", 9.0, 262144),
                arow("1", "patched", "touched", 1.5, 512), arow("1", "patched", "touched", 2.0, 512)]
        s = bench.aging_summary(rows)[("aging-1g", "tdp")]
        self.assertEqual(s["base"]["passes"], 2)  # the initial pass is not summarised
        self.assertEqual(s["base"]["write"], (5.9, 5.8, 6.0))
        prof = bench.profile_summary([
            {"kernel": "base", "symbol": "lru_gen_seq_write", "children": "5.0", "self": "0"},
            {"kernel": "base", "symbol": "__mmu_notifier_clear_young", "children": "4.0", "self": "0"}])
        text = bench.aging_table(bench.aging_summary(rows), prof, {}, "x")
        self.assertIn("3.37x faster", text)   # 5.9 / 1.75
        self.assertIn("512x fewer calls", text)
        self.assertIn("80.0% of the aging write", text)


if __name__ == "__main__":
    unittest.main()

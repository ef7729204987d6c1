"""Tests of the benchmark summary (make lint)."""

import os
import sys
import unittest

from workbench import bench


def run(rep, kernel, plain, aged, avg):
    return {"rep": rep, "kernel": kernel, "mmu": "tdp", "vcpus": "1", "mem_per_vcpu": "512M",
            "populate_s": plain, "populate_aging_s": aged, "aging_passes": "9",
            "avg_aging_pass_s": avg}


class BenchReportTest(unittest.TestCase):
    def test_summary_medians_and_slowdown(self):
        rows = [run("1", "base", "10", "13", "0.4"), run("2", "base", "12", "15", "0.6"),
                run("3", "base", "11", "14", "0.5"), run("1", "patched", "10", "10.5", "0.1")]
        s = bench.summarise(rows)[("tdp", 1, "512M")]
        self.assertEqual(s["base"]["n"], 3)
        self.assertEqual(s["base"]["plain"], 11)
        self.assertEqual((s["base"]["aged_min"], s["base"]["aged_max"]), (13, 15))
        self.assertAlmostEqual(s["base"]["slowdown"], 100 * (14 / 11 - 1))
        self.assertAlmostEqual(s["patched"]["slowdown"], 5.0)
        text = bench.table(bench.summarise(rows), "x")
        self.assertIn("ratio", text)
        self.assertIn("0.20x", text)  # aging pass 0.1 / 0.5

    def test_interference(self):
        def irun(kernel, load, plain, aged):
            return {"rep": "1", "kernel": kernel, "load": load, "populate_s": plain,
                    "populate_aging_s": aged, "aging_passes": "9", "avg_aging_pass_s": "0.1"}
        rows = [irun("base", "idle", "10", "13"), irun("base", "idle", "12", "14"),
                irun("base", "spin", "15", "20"), irun("patched", "idle", "10", "11")]
        text = bench.interference_table(rows, "x")
        lines = text.splitlines()
        spin = [l for l in lines if "spin" in l]
        self.assertEqual(len(spin), 1)
        self.assertIn("+36.4%", spin[0])  # 15 / 11 - 1
        aging = [l for l in lines if l.startswith("base") and "aging" in l]
        self.assertIn("+22.7%", aging[0])  # 13.5 / 11 - 1
        self.assertIn("+10.0%", [l for l in lines if l.startswith("patched") and "aging" in l][0])
        self.assertFalse([l for l in lines if l.startswith("patched") and "spin" in l])

    def test_discarded_count(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            self.assertIn("; 0 failed runs", bench.with_discarded("s", d))
            with open(os.path.join(d, "discarded.txt"), "w") as f:
                f.write("run1 attempt 1 discarded: x\nrun2 attempt 1 discarded: y\n")
            self.assertEqual(bench.with_discarded("s", d),
                             "s; 2 failed runs discarded and redone (discarded.txt)")

    def test_mem(self):
        self.assertEqual(bench.mem_mib("1G"), 1024)
        self.assertEqual(bench.mem_mib("256M"), 256)


if __name__ == "__main__":
    unittest.main()

"""Tests of the benchmark summary (python3 -m unittest discover scripts/tests)."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import bench_report  # noqa: E402


def run(rep, kernel, plain, aged, avg):
    return {"rep": rep, "kernel": kernel, "mmu": "tdp", "vcpus": "1", "mem_per_vcpu": "512M",
            "populate_s": plain, "populate_aging_s": aged, "aging_passes": "9",
            "avg_aging_pass_s": avg}


class BenchReportTest(unittest.TestCase):
    def test_summary_medians_and_slowdown(self):
        rows = [run("1", "base", "10", "13", "0.4"), run("2", "base", "12", "15", "0.6"),
                run("3", "base", "11", "14", "0.5"), run("1", "patched", "10", "10.5", "0.1")]
        s = bench_report.summarise(rows)[("tdp", 1, "512M")]
        self.assertEqual(s["base"]["n"], 3)
        self.assertEqual(s["base"]["plain"], 11)
        self.assertEqual((s["base"]["aged_min"], s["base"]["aged_max"]), (13, 15))
        self.assertAlmostEqual(s["base"]["slowdown"], 100 * (14 / 11 - 1))
        self.assertAlmostEqual(s["patched"]["slowdown"], 5.0)
        text = bench_report.table(bench_report.summarise(rows), "x")
        self.assertIn("ratio", text)
        self.assertIn("0.20x", text)  # aging pass 0.1 / 0.5

    def test_mem(self):
        self.assertEqual(bench_report.mem_mib("1G"), 1024)
        self.assertEqual(bench_report.mem_mib("256M"), 256)


if __name__ == "__main__":
    unittest.main()

"""Tests of workbench/regression.py."""

import os
import sys
import unittest

from workbench import regression as rr


class Compare(unittest.TestCase):
    def test_regression_only_when_base_passes(self):
        base = {"tdp/a": ("PASS", "1", ""), "tdp/b": ("FAIL", "2", "exit=1"),
                "tdp/c": ("PASS", "1", "")}
        patched = {"tdp/a": ("FAIL", "1", "exit=1"), "tdp/b": ("FAIL", "2", "exit=1"),
                   "tdp/c": ("PASS", "1", "")}
        rows, regressions = rr.compare(base, patched, {})
        self.assertEqual(regressions, ["tdp/a"])
        self.assertEqual(rows[0], ("tdp/a", "PASS 1s", "FAIL 1s", "REGRESSION: exit=1"))

    def test_missing_is_a_regression(self):
        _, regressions = rr.compare({"tdp/a": ("SKIP", "0", "")}, {}, {})
        self.assertEqual(regressions, ["tdp/a"])

    def test_known_tcg_failure_is_marked(self):
        base = {"tdp/x86_64_pmu_test": ("FAIL", "3", "exit=254")}
        rows, regressions = rr.compare(base, dict(base), {"x86_64_pmu_test": "no PMU"})
        self.assertEqual(regressions, [])
        self.assertEqual(rows[0][3], "TCG: no PMU")


if __name__ == "__main__":
    unittest.main()

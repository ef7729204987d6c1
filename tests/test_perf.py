"""Tests of the measurement parser (make lint)."""

import os
import sys
import unittest

from workbench import perf


class PerfSummaryTest(unittest.TestCase):
    def test_metrics(self):
        log = ["Random seed: 0x6b8b4567",
               "Populating memory             : 10.745501990s",
               "Populating memory (aging)      : 18.969643249s",
               "Aging passes                   : 50",
               "Average aging pass             : 0.379580481s",
               "guest physical test memory: [0xfcf7fff000, 0xfcfffff000)"]
        self.assertEqual(perf.measurements(log),
                         [("Populating memory", 10.745501990, "s"),
                          ("Populating memory (aging)", 18.969643249, "s"),
                          ("Aging passes", 50, ""),
                          ("Average aging pass", 0.379580481, "s")])

    def test_format(self):
        self.assertEqual(perf.fmt(50, "").strip(), "50")
        self.assertEqual(perf.fmt(0.3795, "s").strip(), "0.380s")


if __name__ == "__main__":
    unittest.main()

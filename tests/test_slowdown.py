"""Tests of the slowdown benchmark's parsing and summary (make lint)."""

import os
import tempfile
import unittest

from workbench import slowdown

# What access_tracking_perf_test -i prints (trimmed), behind a KTAP "# ".
LOG = """Testing guest mode: PA-bits:ANY, VA-bits:48 or 57, 4K pages
Aging benchmark: 4 iterations a phase, the extra thread on CPU 1, an aging pass every 250 ms
# aging_cost: vcpus=1 vcpu_bytes=268435456 iterations=4
aging_cost: phase=baseline vcpu=0 pcpu=0 iterations=4 wall_s=1.000000000 cpu_s=0.900000000 wall_slowdown_pct=0.00 cpu_slowdown_pct=0.00
aging_cost: phase=aging vcpu=0 pcpu=0 iterations=4 wall_s=1.500000000 cpu_s=1.200000000 wall_slowdown_pct=50.00 cpu_slowdown_pct=33.33
aging_cost: phase=aging extra=aging pcpu=1 work=7 wall_s=1.600000000 cpu_s=1.400000000 pass_avg_s=0.200000000 pass_min_s=0.150000000 pass_max_s=0.300000000 period_ms=250 late=1
aging_cost: phase=control vcpu=0 pcpu=0 iterations=4 wall_s=1.100000000 cpu_s=0.950000000 wall_slowdown_pct=10.00 cpu_slowdown_pct=5.56
aging_cost: phase=control extra=replay pcpu=1 work=6 wall_s=1.100100000 cpu_s=1.000000000
"""


def rows_of(log, rep, kernel, scale=1.0):
    out = []
    for r in slowdown.run_rows(slowdown.parse(log.splitlines())):
        r = dict(r, rep=rep, kernel=kernel, config="c", mmu="tdp")
        if r["thread"] != "extra" and r["phase"] == "aging":
            r["wall_s"] = "%.9f" % (float(r["wall_s"]) * scale)
        out.append(r)
    return out


class SlowdownTest(unittest.TestCase):
    def test_rows(self):
        rows = slowdown.run_rows(slowdown.parse(LOG.splitlines()))
        self.assertEqual(len(rows), 5)
        aging = [r for r in rows if r["phase"] == "aging" and r["thread"] == "extra"][0]
        self.assertEqual((aging["work"], aging["pass_avg_s"], aging["vcpu_mib"]), ("7", "0.200000000", "256"))
        self.assertEqual([r["thread"] for r in rows if r["phase"] == "baseline"], ["vcpu0"])

    def test_incomplete_run_fails(self):
        lines = [l for l in LOG.splitlines() if "phase=aging vcpu" not in l]
        with self.assertRaisesRegex(slowdown.RunError, "phase aging: 0 vCPU lines"):
            slowdown.run_rows(slowdown.parse(lines))
        with self.assertRaisesRegex(slowdown.RunError, "no aging pass"):
            slowdown.run_rows(slowdown.parse(LOG.replace("work=7", "work=0").splitlines()))
        with self.assertRaisesRegex(slowdown.RunError, "header"):
            slowdown.run_rows(slowdown.parse(LOG.splitlines()[3:]))

    def test_summary_pairs_each_run_with_its_baseline(self):
        rows = rows_of(LOG, "1", "base") + rows_of(LOG, "2", "base", 1.2) + rows_of(LOG, "1", "patched", 0.8)
        s = slowdown.summarise(rows)[("c", "tdp")]
        self.assertEqual(s["base"]["runs"], 2)
        med, lo, hi = s["base"]["slow_wall_aging"]
        self.assertAlmostEqual(lo, 50.0)
        self.assertAlmostEqual(hi, 80.0)      # 1.8 / 1.0 - 1
        self.assertAlmostEqual(med, 65.0)
        self.assertAlmostEqual(s["patched"]["slow_wall_aging"][0], 20.0)
        self.assertAlmostEqual(s["base"]["slow_wall_control"][0], 10.0)
        self.assertAlmostEqual(s["base"]["slow_cpu_aging"][0], 100 * (1.2 / 0.9 - 1))
        self.assertEqual(s["base"]["passes"], (7, 7, 7))
        # aging 1.5 (1.8) s - control 1.1 s, over a 1.0 s baseline
        self.assertEqual(tuple(round(v, 6) for v in s["base"]["aging_beyond_control"]), (55.0, 40.0, 70.0))
        self.assertAlmostEqual(s["base"]["aging_beyond_control_pass"][1], 40.0 / 7)
        text = slowdown.table(slowdown.summarise(rows), {("c", "tdp", "patched"): 2}, "x")
        line = [l for l in text.splitlines() if l.strip().startswith("slowdown, aging")][0]
        self.assertIn("+65.0 [+50.0, +80.0]", line)
        self.assertIn("+20.0", line)
        self.assertIn("2 (0)", text)
        self.assertIn("1 (2)", text)
        self.assertIn("an aging pass every 250 ms", text)
        self.assertEqual((s["base"]["late"], s["base"]["replayed"]), ((1, 1, 1), (6, 6, 6)))
        late = [l for l in text.splitlines() if "late (longer" in l][0]
        self.assertIn("1 [1, 1]", late)

    def test_discarded(self):
        keys = [("slowdown-1g", "tdp"), ("slowdown-1g", "shadow-paging")]
        with tempfile.TemporaryDirectory() as d:
            self.assertEqual(slowdown.discarded(d, keys), {})
            with open(os.path.join(d, "discarded.txt"), "w") as f:
                f.write("/w/runs/1-base-tdp-slowdown-1g attempt 1 discarded: x\n"
                        "/w/runs/2-patched-shadow-paging-slowdown-1g attempt 1 discarded: y\n"
                        "/w/runs/2-patched-shadow-paging-slowdown-1g attempt 2 discarded: y\n")
            self.assertEqual(slowdown.discarded(d, keys), {
                ("slowdown-1g", "tdp", "base"): 1, ("slowdown-1g", "shadow-paging", "patched"): 2})


if __name__ == "__main__":
    unittest.main()

"""make run's headline (workbench/headline.py): base and patched side by
side from KTAP runs of access_tracking_perf_test under aging-calls.sh."""

import os
import subprocess
import sys
import tempfile
import unittest

from workbench.layout import TOP

RAW = {"base": os.path.join(TOP, "docs", "results", "bench-aging-7.3", "runs",
                            "aging-1-base-tdp-aging-1g.output.log"),
       "patched": os.path.join(TOP, "docs", "results", "bench-aging-7.3", "runs",
                               "aging-1-patched-tdp-aging-1g.output.log")}


def ktap_run(d, name, raw_lines, result="ok 1 tdp/mglru # time=50s"):
    os.makedirs(os.path.join(d, name))
    with open(os.path.join(d, name, "output.log"), "w") as f:
        f.write("KTAP version 1\n1..1\n# workbench: begin tdp/mglru\n")
        f.writelines("# " + line for line in raw_lines)
        f.write(result + "\n")
    return os.path.join(d, name)


def headline(*dirs):
    return subprocess.run([sys.executable, "-m", "workbench", "headline", "TCG"] + list(dirs),
                          cwd=TOP, capture_output=True, text=True)


class Headline(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def lines(self, kernel):
        with open(RAW[kernel]) as f:
            return f.readlines()

    def test_side_by_side(self):
        r = headline(ktap_run(self.tmp.name, "base-tdp", self.lines("base")),
                     ktap_run(self.tmp.name, "patched-tdp", self.lines("patched")))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"KVM aging calls a pass +262859 +520  505x fewer")
        self.assertRegex(r.stdout, r"aging pass in the kernel \(s\) +0\.628 +0\.181  3\.47x faster")
        self.assertRegex(r.stdout, r"access tracking checked \(the test\) +PASS +PASS")

    def test_failed_test_or_missing_numbers_fail(self):
        patched = [l for l in self.lines("patched") if not l.startswith("# aging-write")]
        r = headline(ktap_run(self.tmp.name, "base-tdp", self.lines("base"), "not ok 1 tdp/mglru # exit=1"),
                     ktap_run(self.tmp.name, "patched-tdp", patched))
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stdout, r"access tracking checked \(the test\) +FAIL +PASS")
        self.assertIn("patched: no aging measurement: 0 aging writes timed for 3 aging passes", r.stdout)

    def test_not_a_run_directory(self):
        os.makedirs(os.path.join(self.tmp.name, "tdp"))
        r = headline(os.path.join(self.tmp.name, "tdp"))
        self.assertIn("not a KERNEL-MODE run directory", r.stderr)


if __name__ == "__main__":
    unittest.main()

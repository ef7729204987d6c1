"""The parsers on real captured guest output (tests/test_data/, as
kunit_tool's test_data/): a "BASE=6.12 MODES=tdp make check" guest run
(output.log: the KTAP stream of guest/tests.sh; console.log: the serial
console) and the runner's self-test guest, whose console has an injected
WARNING. And the kernel's own KTAP parser on the same output."""

import glob
import os
import re
import subprocess
import unittest

from workbench import console, ktap
from workbench.layout import TOP, read_lines

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test_data")


def data(name):
    return read_lines(os.path.join(DATA, name))


class CapturedCheckRun(unittest.TestCase):
    def test_ktap(self):
        stream = ktap.parse(data("check-6.12-tdp.output.log"))
        self.assertEqual(stream.errors, [])
        self.assertEqual(stream.planned, len(stream.results))
        self.assertEqual({r.status for r in stream.results}, {ktap.PASS})
        self.assertIn("tdp/access_tracking_mglru", [r.name for r in stream.results])

    def test_console_clean(self):
        self.assertEqual(console.find_splats(data("check-6.12-tdp.console.log"),
                                             console.load_patterns()), [])

    def test_console_injected_warning(self):
        splats = console.find_splats(data("runner-selftest.console.log"), console.load_patterns())
        self.assertEqual(len(splats), 1)
        self.assertIn("workbench/runner-selftest", splats[0][2])


def kunit_py():
    """The kunit.py of a workbench tree, or None."""
    roots = [os.environ.get("WORK_ROOT") or os.environ.get("WORK") or "",
             os.path.join(TOP, "work")]
    for root in roots:
        found = sorted(glob.glob(os.path.join(root, "*", "linux", "tools", "testing",
                                              "kunit", "kunit.py")))
        if found:
            return found[-1]
    return None


class KernelKtapParser(unittest.TestCase):
    """tools/testing/kunit/kunit.py parse accepts what guest/tests.sh prints,
    and counts what workbench/ktap.py counts."""

    def parse(self, name):
        tool = kunit_py()
        if tool is None:
            self.skipTest("no kernel tree with tools/testing/kunit/kunit.py under "
                          "work/*/linux: run 'make tree' first")
        p = subprocess.run(["python3", tool, "parse", os.path.join(DATA, name)],
                           capture_output=True, text=True, timeout=60)
        return p.returncode, p.stdout + p.stderr

    def test_captured_run(self):
        rc, out = self.parse("check-6.12-tdp.output.log")
        stream = ktap.parse(data("check-6.12-tdp.output.log"))
        self.assertEqual(rc, 0, out)
        self.assertNotIn("[ERROR]", out)
        m = re.search(r"Ran (\d+) tests: passed: (\d+)", out)
        self.assertTrue(m, out)
        self.assertEqual((int(m.group(1)), int(m.group(2))),
                         (len(stream.results), len(stream.results)))

    def test_skip_and_timeout_directives(self):
        rc, out = self.parse("directives.output.log")
        self.assertEqual(rc, 1, out)
        self.assertNotIn("[ERROR]", out)
        self.assertIn("passed: 1, failed: 1, skipped: 1", out)
        stream = ktap.parse(data("directives.output.log"))
        self.assertEqual([r.status for r in stream.results], [ktap.PASS, ktap.SKIP, ktap.FAIL])
        self.assertTrue(stream.results[2].directive.startswith("TIMEOUT"))


if __name__ == "__main__":
    unittest.main()

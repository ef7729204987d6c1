"""Tests of workbench/plan.py: test lists, setups and guest plan lines."""

import os
import sys
import tempfile
import unittest

from workbench import plan

MODES = {"tdp": "", "shadow": "kvm.tdp_mmu=0"}


def load(text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(text)
    try:
        return plan.load_tests(f.name, MODES)
    finally:
        os.unlink(f.name)


class LoadTests(unittest.TestCase):
    def test_plain_test(self):
        (t,) = load("# comment\nfoo all 60 foo_test -a 1\n")
        self.assertEqual(t, ("foo", ["tdp", "shadow"], 60, "foo_test", ["-a", "1"], []))

    def test_setup_before_program(self):
        (t,) = load("foo tdp 60 zram-swap=1G foo_test -d 2\n")
        self.assertEqual(t[3:], ("foo_test", ["-d", "2"], [("zram-swap", "1G")]))

    def test_errors(self):
        for text, error in (("foo tdp 60 swap=1G foo_test\n", "unknown test setup 'swap=1G'"),
                            ("foo tdp 60 zram-swap=1G\n", "expected a PROGRAM"),
                            ("foo ept 60 foo_test\n", "unknown MMU mode 'ept'"),
                            ("foo tdp 6s foo_test\n", "timeout '6s' is not a number")):
            with self.assertRaisesRegex(plan.PlanError, error):
                load(text)


class PlanLine(unittest.TestCase):
    def test_selftest_runs_from_dir(self):
        line = plan.plan_line("tdp", "/st", "foo", ["tdp"], 60, "x86_64/foo", ["-v", "2"], [])
        self.assertEqual(line, "tdp/foo\t60\tcd /st && ./x86_64/foo -v 2")

    def test_setup_wraps_command(self):
        line = plan.plan_line("shadow", "/st", "foo", ["shadow"], 60, "foo", [],
                                   [("zram-swap", "1G")])
        script = os.path.join(plan.GUEST, "zram-swap.sh")
        self.assertEqual(line, "shadow/foo\t60\tcd /st && %s 1G ./foo" % script)

    def test_workbench_script(self):
        line = plan.plan_line("tdp", "/st", "k", ["tdp"], 60, "@kunit.sh", ["s"], [])
        script = os.path.join(plan.GUEST, "kunit.sh")
        self.assertEqual(line, "tdp/k\t60\tcd /st && %s s" % script)


class Expand(unittest.TestCase):
    def test_template_values(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("soak all {limit} foo_test -d {seconds}\n")
        try:
            self.assertEqual(plan.expand(f.name, {"limit": "900", "seconds": "600"}),
                             ["soak all 900 foo_test -d 600\n"])
            with self.assertRaises(plan.PlanError):
                plan.expand(f.name, {"limit": "900"})
        finally:
            os.unlink(f.name)


class ModesFile(unittest.TestCase):
    def test_arch_modes_from_environment(self):
        path = os.path.join(plan.CONFIGS, "tests", "mmu-modes-arm64.txt")
        saved = os.environ.pop("WORKBENCH_MMU_MODES", None)
        try:
            self.assertEqual(list(plan.load_modes()), ["tdp", "shadow", "shadow-paging"])
            os.environ["WORKBENCH_MMU_MODES"] = path
            self.assertEqual(plan.load_modes(), {"4k": ""})
        finally:
            os.environ.pop("WORKBENCH_MMU_MODES", None)
            if saved is not None:
                os.environ["WORKBENCH_MMU_MODES"] = saved


class ShippedLists(unittest.TestCase):
    """Every test list of configs/ parses, with the shipped MMU modes."""

    def test_lists_parse(self):
        lists = []
        for d, _, files in os.walk(plan.CONFIGS):
            lists += [os.path.join(d, f) for f in files
                      if f in ("check.txt", "run.txt", "sanitizers.txt",
                               "check-arm64.txt", "run-arm64.txt")]
        self.assertGreaterEqual(len(lists), 7)
        for path in lists:
            # An arch's own list (NAME-ARCH.txt) has that arch's modes.
            arch = "-arm64" if path.endswith("-arm64.txt") else ""
            modes = plan.load_modes(os.path.join(plan.CONFIGS, "tests", "mmu-modes%s.txt" % arch))
            for test in plan.load_tests(path, modes):
                if test[3].startswith("@"):
                    self.assertTrue(os.path.exists(os.path.join(plan.GUEST, test[3][1:])),
                                    "%s: no guest script %s" % (path, test[3]))


if __name__ == "__main__":
    unittest.main()

"""Tests of the KTAP parser (make lint)."""

import os
import sys
import unittest

from workbench import ktap


def parse(text):
    return ktap.parse(text.splitlines(True))


class KtapTest(unittest.TestCase):
    def test_pass_fail_skip(self):
        s = parse("TAP version 13\n1..3\n"
                  "# workbench: begin a\n# hello\nok 1 a # time=2s\n"
                  "# workbench: begin b\nnot ok 2 b # exit=1 time=1s\n"
                  "# workbench: begin c\nok 3 c # SKIP lru_gen disabled\n")
        self.assertEqual([r.status for r in s.results], [ktap.PASS, ktap.FAIL, ktap.SKIP])
        self.assertEqual(s.results[0].log, ["hello"])
        self.assertEqual(s.results[0].field("time"), "2s")
        self.assertEqual(s.results[1].field("exit"), "1")
        self.assertEqual(s.results[2].skip_reason, "lru_gen disabled")
        self.assertEqual(s.errors, [])

    def test_crash_inside_test(self):
        s = parse("TAP version 13\n1..2\n# workbench: begin a\nok 1 a\n"
                  "# workbench: begin b\n# partial output\n")
        self.assertEqual([r.status for r in s.results], [ktap.PASS, ktap.CRASH])
        self.assertEqual(s.results[1].name, "b")
        self.assertEqual(s.results[1].log, ["partial output"])
        self.assertIn("plan announced 2 tests, 1 reported", s.errors[0])

    def test_short_plan_is_an_error(self):
        s = parse("TAP version 13\n1..3\nok 1 a\n")
        self.assertEqual(len(s.results), 1)
        self.assertTrue(s.errors)

    def test_no_tap_at_all(self):
        s = parse("[    0.1] Linux version 6.12\nKernel panic\n")
        self.assertEqual(s.results, [])
        self.assertIn("did not start", s.errors[0])

    def test_noise_and_nested_tap(self):
        s = parse("TAP version 13\n1..1\n[    3.2] random kernel line\n"
                  "# workbench: begin t\n# TAP version 13\n# ok 1 sub\n"
                  "[    4.0] kvm: something\nok 1 t\n")
        self.assertEqual(s.results[0].status, ktap.PASS)
        self.assertEqual(s.results[0].log,
                         ["TAP version 13", "ok 1 sub", "[    4.0] kvm: something"])

    def test_numbering(self):
        s = parse("TAP version 13\n1..2\nok 1 a\nok 3 b\n")
        self.assertIn("expected 2", s.errors[0])

    def test_ok_with_dash_and_ktap_version(self):
        s = parse("KTAP version 1\n1..1\nok 1 - name\n")
        self.assertEqual(s.results[0].name, "name")
        self.assertEqual(s.version, 1)


if __name__ == "__main__":
    unittest.main()

"""Tests of workbench/sanitizers.py: console reports and touched code."""

import io
import os
import sys
import tempfile
import unittest

from workbench import sanitizers as sr

KCSAN = """\
[   10.000000] workbench-test: begin tdp/aging_stress
[   12.000000] ==================================================================
[   12.000001] BUG: KCSAN: data-race in kvm_rmap_age_gfn_range / pte_list_add.constprop.0
[   12.000002]
[   12.000003] write to 0xffff888003a1b2c0 of 8 bytes by task 321 on cpu 1:
[   12.000004]  pte_list_add.constprop.0+0x3c/0x190
[   12.000005]  rmap_add+0x55/0x90
[   12.000006]
[   12.000007] read to 0xffff888003a1b2c0 of 8 bytes by task 322 on cpu 0:
[   12.000008]  kvm_rmap_age_gfn_range+0x11/0x2a0
[   12.000009]  ? kvm_age_gfn+0x40/0x60
[   12.000010]
[   12.000011] Reported by Kernel Concurrency Sanitizer on:
[   12.000012] ==================================================================
[   13.000000] workbench-test: end tdp/aging_stress
"""

KASAN = """\
==================================================================
BUG: KASAN: slab-use-after-free in some_driver_fn+0x12/0x40
Read of size 8 at addr ffff888012345678 by task foo/1
Call Trace:
 <TASK>
 dump_stack_lvl+0x10/0x20
 some_driver_fn+0x12/0x40
 </TASK>
==================================================================
 unrelated_fn+0x1/0x2
"""

SOURCE = """\
#include <linux/kvm_host.h>

static u64 *rmap_get_first(struct kvm_rmap_head *rmap_head,
			   struct rmap_iterator *iter)
{
	return NULL;
}

struct foo {
	int (*fn)(int);
};

static inline void declared_only(int x);

int other(void)
{
	if (x) {
		y();
	}
	return 0;
}
"""


class ParseReports(unittest.TestCase):
    def test_kcsan(self):
        (r,) = sr.parse_reports(io.StringIO(KCSAN))
        self.assertEqual(r.tool, "KCSAN")
        self.assertEqual(r.test, "tdp/aging_stress")
        self.assertEqual(r.line, 3)
        self.assertEqual(r.frames, ["pte_list_add.constprop.0", "rmap_add",
                                    "kvm_rmap_age_gfn_range", "kvm_age_gfn"])
        self.assertEqual(r.functions(), {"pte_list_add", "rmap_add",
                                         "kvm_rmap_age_gfn_range", "kvm_age_gfn"})

    def test_kasan_title_without_offsets_and_end(self):
        (r,) = sr.parse_reports(io.StringIO(KASAN))
        self.assertEqual(r.signature(), "KASAN: slab-use-after-free in some_driver_fn")
        self.assertEqual(r.test, "boot")
        self.assertEqual(r.frames, ["dump_stack_lvl", "some_driver_fn"])

    def test_no_report(self):
        self.assertEqual(sr.parse_reports(io.StringIO("WARNING: not a sanitizer\n")), [])


class TouchedCode(unittest.TestCase):
    def test_function_spans(self):
        spans = sr.function_spans(SOURCE.splitlines())
        self.assertEqual(spans, [("rmap_get_first", 3, 7), ("other", 15, 21)])

    def test_changed_lines(self):
        diff = ("+++ b/mm/vmscan.c\n@@ -10,2 +10,3 @@ f\n+a\n"
                "@@ -40 +41,0 @@ g\n+++ /dev/null\n@@ -1,3 +0,0 @@\n")
        self.assertEqual(sr.changed_lines(diff), {"mm/vmscan.c": {10, 11, 12, 41, 42}})


class Report(unittest.TestCase):
    def run_report(self, base_console, patched_console, touched):
        with tempfile.TemporaryDirectory() as d:
            for kernel, console in (("base", base_console), ("patched", patched_console)):
                rundir = os.path.join(d, "kcsan", "tdp", kernel)
                os.makedirs(rundir)
                with open(os.path.join(rundir, "console.log"), "w") as f:
                    f.write(console)
                with open(os.path.join(rundir, "output.log"), "w") as f:
                    f.write("TAP version 13\n1..1\nok 1 tdp/aging_stress\n")
            out = io.StringIO()
            return sr.report(touched, d, out), out.getvalue()

    def test_touched_report_fails(self):
        problems, text = self.run_report("", KCSAN, {"kvm_rmap_age_gfn_range"})
        self.assertEqual(problems, 1)
        self.assertIn("FROM CODE THE SERIES TOUCHES (kvm_rmap_age_gfn_range)", text)

    def test_untouched_report_is_listed(self):
        problems, text = self.run_report(KASAN, KASAN, {"kvm_rmap_age_gfn_range"})
        self.assertEqual(problems, 0)
        self.assertIn("untouched code, also on the base", text)

    def test_report_seen_in_another_mode(self):
        with tempfile.TemporaryDirectory() as d:
            for mode, kernel, console in (("tdp", "base", ""), ("tdp", "patched", KASAN),
                                          ("shadow", "base", KASAN), ("shadow", "patched", "")):
                rundir = os.path.join(d, "kasan", mode, kernel)
                os.makedirs(rundir)
                with open(os.path.join(rundir, "console.log"), "w") as f:
                    f.write(console)
            out = io.StringIO()
            sr.report(set(), d, out)
        self.assertIn("untouched code, on the base in another MMU mode", out.getvalue())

    def test_new_untouched_report_is_marked(self):
        problems, text = self.run_report("", KASAN, set())
        self.assertEqual(problems, 0)
        self.assertIn("untouched code, NOT on the base", text)


if __name__ == "__main__":
    unittest.main()

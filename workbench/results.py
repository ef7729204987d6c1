"""Collect and summarise workbench results.

A results file is TSV, one result a line: STATUS, NAME, SECONDS, DETAIL
(STATUS is PASS, FAIL, SKIP or CRASH).

  python3 -m workbench results collect MODE RUNDIR RESULTS [PREFIX]   add the tests of one
      guest run (RUNDIR/output.log is the TAP, RUNDIR/console.log the console,
      RUNDIR/runner.err the runner's error, if any), their names prefixed
      with PREFIX (make run: "base/", "patched/")
  python3 -m workbench results summary RESULTS               print the summary; exit 1 on failures
"""

import os
import sys

from . import console
from . import ktap


from .layout import read_lines  # noqa: F401 (used by sanitizers too)

# A KVM selftest that cannot open /dev/kvm skips ("Cannot open '/dev/kvm':
# No such file or directory.  Is KVM loaded and enabled?"): the guest has
# no KVM (arm64: its kernel did not start at EL2, e.g. QEMU without
# virtualization=on). Such a skip is named, and a run with one is not a pass.
NO_KVM = "KVM not available"
NO_KVM_WHY = ("no /dev/kvm in the guest (arm64: the kernel did not start at EL2, "
              "e.g. QEMU without virtualization=on)")


def collect(mode, rundir, results, prefix=""):
    stream = ktap.parse(read_lines(os.path.join(rundir, "output.log")))
    splats = console.find_splats(read_lines(os.path.join(rundir, "console.log")),
                                       console.load_patterns())
    by_test = {}
    for n, test, line in splats:
        by_test.setdefault(test, []).append("console line %d: %s" % (n, line.strip()))
    rows = []
    for r in stream.results:
        seconds = (r.field("time") or "0s").rstrip("s")
        status, detail = r.status, r.directive
        if r.status == ktap.SKIP:
            detail = " ".join(w for w in r.skip_reason.split() if not w.startswith("time="))
            if "/dev/kvm" in detail:
                detail = "%s: %s" % (NO_KVM, detail)
        elif r.status != ktap.PASS:
            tail = [l for l in r.log if l.strip()][-3:]
            detail = "%s; %s" % (r.directive, " | ".join(tail))
        if r.name in by_test:
            status = ktap.FAIL
            detail = "kernel splat: " + by_test.pop(r.name)[0]
        rows.append((status, prefix + r.name, seconds, detail))
    err = "".join(read_lines(os.path.join(rundir, "runner.err"))).strip()
    problems = list(stream.errors)
    for test, lines in by_test.items():
        problems.append("kernel splat during %s: %s" % (test, lines[0]))
    if problems or (err and not rows):
        detail = "; ".join(([err.splitlines()[-1]] if err else []) + problems)
        rows.append((ktap.FAIL, "%s%s/guest" % (prefix, mode), "0", detail))
    with open(results, "a") as f:
        for row in rows:
            f.write("\t".join(x.replace("\t", " ") for x in row) + "\n")
    for row in rows:
        print_row(row)


def print_row(row):
    status, name, seconds, detail = row
    extra = " (%ss)" % seconds if seconds not in ("", "0") else ""
    print("%-5s %s%s%s" % (status, name, extra, ": " + detail if detail and status != ktap.PASS else ""),
          flush=True)


def summary(results):
    rows = [l.rstrip("\n").split("\t") for l in read_lines(results) if l.strip()]
    counts = {ktap.PASS: 0, ktap.FAIL: 0, ktap.SKIP: 0}
    print("\nSummary (%s):" % results)
    for row in rows:
        status = row[0] if row[0] in counts else ktap.FAIL
        counts[status] += 1
        print_row((row + ["", "", ""])[:4])
    no_kvm = sum(1 for row in rows if row[0] == ktap.SKIP and len(row) > 3
                 and row[3].startswith(NO_KVM))
    if no_kvm:
        print("%d skipped because %s: %s: not a pass" % (no_kvm, NO_KVM, NO_KVM_WHY))
    print("%d passed, %d failed, %d skipped"
          % (counts[ktap.PASS], counts[ktap.FAIL], counts[ktap.SKIP]))
    return 1 if counts[ktap.FAIL] or not rows or no_kvm else 0


def main(argv):
    if len(argv) in (5, 6) and argv[1] == "collect":
        collect(*argv[2:])
        return 0
    if len(argv) == 3 and argv[1] == "summary":
        return summary(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


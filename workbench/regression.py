"""workbench regression BASE_TSV PATCHED_TSV [KNOWN]

Side by side, the results of the same tests on the base and the patched
kernel (TSV files of workbench/results.py: STATUS, NAME, SECONDS, DETAIL).
KNOWN lists tests that cannot pass under QEMU TCG, one a line: the test's
program name (e.g. x86_64/foo_test or foo_test), then the reason.

Exit status 1 (and "regression: FAIL") if a test passes on the base and
does not on the patched kernel, or a test ran on one kernel only.
"""

import sys


def load(path):
    rows = {}
    with open(path) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3:
                rows[fields[1]] = (fields[0], fields[2], fields[3] if len(fields) > 3 else "")
    return rows


def load_known(path):
    known = {}
    if path:
        with open(path) as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    name, _, reason = line.strip().partition(" ")
                    known[name.replace("/", "_")] = reason.strip()
    return known


def program_of(test):
    """tdp/x86_64_foo_test -> x86_64_foo_test"""
    return test.split("/", 1)[-1]


def compare(base, patched, known):
    """Return (rows, regressions): rows are (test, base, patched, note)."""
    rows, regressions = [], []
    for test in sorted(set(base) | set(patched)):
        b = base.get(test, ("MISSING", "", ""))
        p = patched.get(test, ("MISSING", "", ""))
        note = ""
        if b[0] == "PASS" and p[0] != "PASS" or "MISSING" in (b[0], p[0]):
            note = "REGRESSION: %s" % (p[2] or b[2] or "not run")
            regressions.append(test)
        elif program_of(test) in known:
            note = "TCG: " + known[program_of(test)]
        elif p[0] == "FAIL" or b[0] == "FAIL":
            note = (p[2] or b[2])[:100]
        elif p[0] == "SKIP":
            note = p[2][:100]
        rows.append((test, "%s %ss" % (b[0], b[1]), "%s %ss" % (p[0], p[1]), note))
    return rows, regressions


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    base, patched = load(argv[1]), load(argv[2])
    known = load_known(argv[3] if len(argv) == 4 else None)
    rows, regressions = compare(base, patched, known)
    width = max([len(r[0]) for r in rows] + [4])
    print("%-*s  %-12s  %-12s  %s" % (width, "test", "base", "patched", "note"))
    for r in rows:
        print("%-*s  %-12s  %-12s  %s" % (width, *r))
    for kernel, results in (("base", base), ("patched", patched)):
        counts = {}
        for status, _, _ in results.values():
            counts[status] = counts.get(status, 0) + 1
        print("%s: %s" % (kernel, ", ".join("%d %s" % (v, k.lower())
                                            for k, v in sorted(counts.items()))))
    print("regression: %s (%d test(s) pass on the base and not on the patched kernel)"
          % ("FAIL" if regressions else "PASS", len(regressions)))
    return 1 if regressions else 0


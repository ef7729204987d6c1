"""Sanitizer reports (KASAN, KCSAN) of base and patched guest runs.

  workbench sanitizers touched TREE [REV]
      print the kernel functions that the commits REV..HEAD of TREE change
      (REV defaults to "base"; selftests and other tools/ are left out)
  workbench sanitizers report TOUCHED RESULTS
      read RESULTS/SANITIZER/MODE/{base,patched}/{console,output}.log, print
      every report and test failure, and exit 1 if the patched kernel has a
      report from a function of TOUCHED or a test that failed

A report is attributed to the series when its title or any frame of its
stack traces names a touched function (functions the compiler inlined do
not appear in stack traces). Reports from other code are listed, marked
with whether the base kernel showed the same report (same title, with code
offsets removed) with the same sanitizer, in the same MMU mode or another:
KCSAN samples accesses, so one run does not see every race.
"""

import os
import re
import subprocess
import sys

from . import ktap
from .layout import KMSG_MARK as _MARK
from .results import read_lines

_TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\]\s?")
_TITLE = re.compile(r"\bBUG: (KASAN|KCSAN): (.*)")
_FRAME = re.compile(r"^\s*(?:\? )?([A-Za-z_][\w.]*)\+0x[0-9a-f]+/0x[0-9a-f]+")
_OFFSET = re.compile(r"\b([A-Za-z_][\w.]*)\+0x[0-9a-f]+/0x[0-9a-f]+")
_END = re.compile(r"^={20,}\s*$")
# A C function definition starts at column 0 with its return type and name.
_DEF = re.compile(r"^(?![#/ \t{}])(?!typedef\b|struct\s+\w+\s*\{)[^;=(]*?\b([A-Za-z_]\w*)\s*\(")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def base_name(symbol):
    """kvm_age_rmap.constprop.0 -> kvm_age_rmap"""
    return symbol.split(".")[0]


class Report:
    def __init__(self, tool, title, test, line):
        self.tool = tool
        self.title = _OFFSET.sub(r"\1", title).strip()
        self.test = test
        self.line = line
        self.frames = []

    def functions(self):
        names = {base_name(f) for f in self.frames}
        _, _, where = self.title.partition(" in ")
        names.update(base_name(w.strip()) for w in where.split("/") if w.strip())
        return names

    def signature(self):
        return "%s: %s" % (self.tool, self.title)


def parse_reports(lines):
    """Return the sanitizer reports of a console log, in order."""
    reports = []
    current = None
    test = "boot"
    for n, raw in enumerate(lines, 1):
        line = _TIMESTAMP.sub("", raw.rstrip("\r\n"))
        m = _MARK.search(line)
        if m:
            test = m.group(2) if m.group(1) == "begin" else "boot"
            continue
        m = _TITLE.search(line)
        if m:
            current = Report(m.group(1), m.group(2), test, n)
            reports.append(current)
            continue
        if current is None:
            continue
        if _END.match(line):
            current = None
            continue
        m = _FRAME.match(line)
        if m:
            current.frames.append(m.group(1))
    return reports


def function_spans(lines):
    """[(name, first_line, last_line)] of the function definitions of a C file."""
    spans = []
    i = 0
    while i < len(lines):
        m = _DEF.match(lines[i])
        if m:
            j = i
            # The body opens with "{" alone at column 0, before any ";".
            while j < len(lines) and j < i + 16 and lines[j].rstrip() != "{" \
                    and not lines[j].rstrip().endswith(";"):
                j += 1
            if j < len(lines) and lines[j].rstrip() == "{":
                k = j
                while k < len(lines) and lines[k].rstrip() != "}":
                    k += 1
                spans.append((m.group(1), i + 1, k + 1))
                i = k + 1
                continue
        i += 1
    return spans


def changed_lines(diff):
    """{path: set of line numbers of the new file} touched by a -U0 diff."""
    changed = {}
    path = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            path = line[6:] if line.startswith("+++ b/") else None
        elif path and line.startswith("@@"):
            m = _HUNK.match(line)
            start, count = int(m.group(1)), int(m.group(2) or 1)
            # A pure deletion (count 0) sits between lines start and start + 1.
            lines = range(start, start + count) if count else (start, start + 1)
            changed.setdefault(path, set()).update(lines)
    return changed


def touched_functions(tree, rev="base"):
    diff = subprocess.run(["git", "-C", tree, "diff", "-U0", rev, "HEAD", "--",
                           "*.c", "*.h", ":(exclude)tools/"],
                          check=True, capture_output=True, text=True).stdout
    names = set()
    for path, lines in changed_lines(diff).items():
        with open(os.path.join(tree, path), errors="replace") as f:
            source = f.read().splitlines()
        for name, first, last in function_spans(source):
            if any(first <= n <= last for n in lines):
                names.add(name)
    return sorted(names)


def load_runs(results):
    """{(sanitizer, mode): {kernel: (reports, tap stream or None)}}"""
    runs = {}
    for sanitizer in sorted(os.listdir(results)):
        sdir = os.path.join(results, sanitizer)
        if not os.path.isdir(sdir):
            continue
        for mode in sorted(os.listdir(sdir)):
            for kernel in ("base", "patched"):
                rundir = os.path.join(sdir, mode, kernel)
                if not os.path.isdir(rundir):
                    continue
                reports = parse_reports(read_lines(os.path.join(rundir, "console.log")))
                output = read_lines(os.path.join(rundir, "output.log"))
                stream = ktap.parse(output) if output else None
                runs.setdefault((sanitizer, mode), {})[kernel] = (reports, stream)
    return runs


def report(touched, results, out=sys.stdout):
    """Print the comparison; return the number of problems on the patched kernel."""
    problems = 0
    runs = load_runs(results)
    # KCSAN samples: a race seen on the base in another MMU mode is still
    # the base's.
    base_any = {}
    for (sanitizer, _), kernels in runs.items():
        base_any.setdefault(sanitizer, set()).update(
            r.signature() for r in kernels.get("base", ([], None))[0])
    for (sanitizer, mode), kernels in sorted(runs.items()):
        base_sigs = {r.signature() for r in kernels.get("base", ([], None))[0]}
        for kernel in ("base", "patched"):
            if kernel not in kernels:
                print("%s %s %s: no run" % (sanitizer, mode, kernel), file=out)
                problems += kernel == "patched"
                continue
            reports, stream = kernels[kernel]
            if stream is None:
                tests = "no test output (guest did not run)"
                problems += kernel == "patched"
            else:
                counts = {}
                for r in stream.results:
                    counts[r.status] = counts.get(r.status, 0) + 1
                tests = ", ".join("%d %s" % (v, k) for k, v in sorted(counts.items()))
            print("%s %s %s: tests %s; %d sanitizer report(s)"
                  % (sanitizer, mode, kernel, tests, len(reports)), file=out)
            if stream is not None:
                for r in stream.results:
                    if r.status == ktap.FAIL:
                        print("  test failed: %s (%s)" % (r.name, r.directive), file=out)
                        problems += kernel == "patched"
            seen = set()
            for r in reports:
                if r.signature() in seen:
                    continue
                seen.add(r.signature())
                ours = sorted(r.functions() & touched)
                if ours:
                    where = "FROM CODE THE SERIES TOUCHES (%s)" % ", ".join(ours)
                    problems += kernel == "patched"
                elif kernel == "patched":
                    if r.signature() in base_sigs:
                        seen_on = "also on the base"
                    elif r.signature() in base_any.get(sanitizer, ()):
                        seen_on = "on the base in another MMU mode"
                    else:
                        seen_on = "NOT on the base"
                    where = "untouched code, %s" % seen_on
                else:
                    where = "untouched code"
                n = sum(1 for x in reports if x.signature() == r.signature())
                print("  %s [%dx, first during %s, console line %d]: %s"
                      % (r.signature(), n, r.test, r.line, where), file=out)
    return problems


def main(argv):
    if len(argv) in (3, 4) and argv[1] == "touched":
        print("\n".join(touched_functions(*argv[2:])))
        return 0
    if len(argv) == 4 and argv[1] == "report":
        with open(argv[2]) as f:
            touched = {line.strip() for line in f if line.strip()}
        problems = report(touched, argv[3])
        print("sanitizers: %s (%d problem(s) on the patched kernel)"
              % ("PASS" if not problems else "FAIL", problems))
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


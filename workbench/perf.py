"""python3 -m workbench perf OUTPUT_LOG...: summarise what the tests measured.

Reads the TAP output of guest runs (workbench/ktap.py) and, for each test,
the timing lines the KVM selftests print ("Populating memory : 1.234s") and
the workbench's "key: value" metric lines. Prints one table per test with
one column per run (the run's directory names its MMU mode).
"""

import os
import re
import sys

from . import ktap

# "Populating memory             : 10.123456789s" or "Aging passes : 50"
# (access_tracking_perf_test): a label, a colon, a number, an optional "s".
_METRIC = re.compile(r"^(?P<what>[A-Za-z][\w ()/-]*?)\s*:\s*(?P<value>\d+(?:\.\d+)?)(?P<unit>s?)$")


def measurements(log):
    """[(label, value, unit)] in the order printed; unit is "s" or ""."""
    out = []
    for line in log:
        m = _METRIC.match(line.strip())
        if m:
            out.append((m.group("what"), float(m.group("value")), m.group("unit")))
    return out


def fmt(value, unit):
    return "%13.3fs" % value if unit else "%14d" % value


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    table = {}   # test -> {label -> {mode -> (value, unit)}}
    modes = []
    status = {}
    for path in argv[1:]:
        mode = os.path.basename(os.path.dirname(os.path.abspath(path)))
        modes.append(mode)
        with open(path, errors="replace") as f:
            stream = ktap.parse(f)
        for r in stream.results:
            test = r.name.split("/", 1)[-1]
            status.setdefault(test, {})[mode] = r.status
            rows = table.setdefault(test, {})
            for label, value, unit in measurements(r.log):
                rows.setdefault(label, {})[mode] = (value, unit)
    for test, rows in table.items():
        print("\n%s" % test)
        width = max([len(label) for label in rows] + [10])
        print("  %-*s %s" % (width, "", " ".join("%14s" % m for m in modes)))
        print("  %-*s %s" % (width, "result", " ".join(
            "%14s" % status[test].get(m, "-") for m in modes)))
        for label, by_mode in rows.items():
            print("  %-*s %s" % (width, label, " ".join(
                fmt(*by_mode[m]) if m in by_mode else "%14s" % "-" for m in modes)))
    return 0


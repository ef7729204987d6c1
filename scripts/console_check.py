#!/usr/bin/env python3
"""Find kernel splats in a guest console log.

A splat is any console line matching a pattern of configs/splat-patterns.txt
(WARNING, BUG, lockdep and RCU reports, sanitizer reports, panics...). Each
is attributed to the test that was running, from the markers that
scripts/guest-tests.sh writes to /dev/kmsg ("workbench-test: begin NAME",
"workbench-test: end NAME"); outside them it belongs to "boot".

Usage: console_check.py CONSOLE_LOG   (exit 1 and a list if any splat)
"""

import os
import re
import sys

PATTERNS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "configs", "splat-patterns.txt")
_MARK = re.compile(r"workbench-test: (?P<what>begin|end) (?P<name>\S+)")


def load_patterns(path=PATTERNS):
    with open(path) as f:
        return [re.compile(line.rstrip("\n")) for line in f
                if line.strip() and not line.startswith("#")]


def find_splats(lines, patterns):
    """Return [(line_number, test, line)] for every splat line."""
    found = []
    test = "boot"
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        m = _MARK.search(line)
        if m:
            test = m.group("name") if m.group("what") == "begin" else "boot"
            continue
        if any(p.search(line) for p in patterns):
            found.append((n, test, line))
    return found


def main(argv):
    if len(argv) != 2:
        print("usage: console_check.py CONSOLE_LOG", file=sys.stderr)
        return 2
    with open(argv[1], errors="replace") as f:
        splats = find_splats(f, load_patterns())
    for n, test, line in splats[:20]:
        print("splat: %s:%d (during %s): %s" % (argv[1], n, test, line.strip()))
    if len(splats) > 20:
        print("splat: ... and %d more lines" % (len(splats) - 20))
    return 1 if splats else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Find kernel splats in a guest console log.

A splat is any console line matching a pattern of configs/guest/splat-patterns.txt
(WARNING, BUG, lockdep and RCU reports, sanitizer reports, panics...). Each
is attributed to the test that was running, from the markers that
guest/tests.sh writes to /dev/kmsg ("workbench-test: begin NAME",
"workbench-test: end NAME"); outside them it belongs to "boot".

Usage: workbench console CONSOLE_LOG   (exit 1 and a list if any splat)
"""

import os
import re

from .layout import CONFIGS, KMSG_MARK as _MARK, file_argument, read_lines

PATTERNS = os.path.join(CONFIGS, "guest", "splat-patterns.txt")


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
    path = file_argument(argv, "CONSOLE_LOG")
    if path is None:
        return 2
    splats = find_splats(read_lines(path), load_patterns())
    for n, test, line in splats[:20]:
        print("splat: %s:%d (during %s): %s" % (path, n, test, line.strip()))
    if len(splats) > 20:
        print("splat: ... and %d more lines" % (len(splats) - 20))
    return 1 if splats else 0


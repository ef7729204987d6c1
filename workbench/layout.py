"""Where the workbench keeps things, and the markers its layers share."""

import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIGS = os.path.join(TOP, "configs")
GUEST = os.path.join(TOP, "guest")

# guest/tests.sh writes these to /dev/kmsg around each test, so that a splat
# in the console is attributed to the test that was running.
KMSG_MARK = re.compile(r"workbench-test: (?P<what>begin|end) (?P<name>\S+)")
# ... and this diagnostic line into the TAP stream before each test.
TAP_BEGIN = re.compile(r"^# workbench: begin (?P<name>\S+)")


def read_lines(path):
    """The lines of a (guest-written, maybe damaged) file; none if absent."""
    try:
        with open(path, errors="replace") as f:
            return f.readlines()
    except FileNotFoundError:
        return []


def file_argument(argv, what):
    """argv's one file argument, or None after printing the usage."""
    if len(argv) == 2:
        return argv[1]
    print("usage: python3 -m %s %s" % (argv[0], what), file=sys.stderr)
    return None


def by_config_kernel(rows):
    """Benchmark CSV rows grouped: {(config, mmu): {kernel: [row]}}."""
    groups = {}
    for r in rows:
        groups.setdefault((r["config"], r["mmu"]), {}).setdefault(r["kernel"], []).append(r)
    return groups


def write_table(outdir, text):
    """A benchmark's table: OUTDIR/table.txt, and printed."""
    with open(os.path.join(outdir, "table.txt"), "w") as f:
        f.write(text)
    sys.stdout.write(text)

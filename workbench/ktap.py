"""Parse the KTAP that guest/tests.sh prints in a guest.

The guest prints one KTAP stream for a whole boot (the kernel's own
tools/testing/kunit/kunit.py parse reads it too, tests/test_captured.py):

    KTAP version 1
    1..3
    # workbench: begin tdp/access_tracking_mglru
    # <the test's own output, every line prefixed with "# ">
    ok 1 tdp/access_tracking_mglru # time=12s
    ok 2 tdp/lru_gen_reclaim # SKIP no zram device time=0s
    not ok 3 tdp/aging_stress # TIMEOUT after 300s time=300s

Lines that are not KTAP (kernel messages on a shared console, a test's
output that lost its prefix) are kept as diagnostics of the current test.
A plan that promises more tests than were reported means the run was cut
short: the missing tests are reported as crashed.
"""

import re
from dataclasses import dataclass, field

from .layout import TAP_BEGIN as _BEGIN, file_argument, read_lines

PASS, FAIL, SKIP, CRASH = "PASS", "FAIL", "SKIP", "CRASH"

_RESULT = re.compile(r"^(?P<ok>not ok|ok)\s+(?P<num>\d+)(?:\s+-)?\s*(?P<name>[^#]*?)\s*(?:#\s*(?P<directive>.*))?$")
_PLAN = re.compile(r"^1\.\.(?P<count>\d+)")
_VERSION = re.compile(r"^K?TAP version (?P<version>\d+)")


@dataclass
class TestResult:
    """The outcome of one test of the stream."""
    name: str
    status: str
    number: int = 0
    directive: str = ""
    log: list = field(default_factory=list)

    @property
    def skip_reason(self):
        m = re.match(r"(?i)skip\S*\s*(.*)", self.directive)
        return m.group(1) if m else ""

    def field(self, key):
        """A key=value item of the directive (e.g. time=12s), or None."""
        m = re.search(r"(?:^|\s)" + re.escape(key) + r"=(\S+)", self.directive)
        return m.group(1) if m else None


@dataclass
class Stream:
    version: int = 0
    planned: int = -1
    results: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def parse(lines):
    """Parse an iterable of lines into a Stream."""
    stream = Stream()
    pending_log = []
    current = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        # A serial console may put kernel output in front of a TAP line.
        line = line.lstrip("\0")
        m = _VERSION.match(line)
        if m:
            stream.version = int(m.group("version"))
            continue
        m = _PLAN.match(line)
        if m and stream.planned < 0:
            stream.planned = int(m.group("count"))
            continue
        m = _BEGIN.match(line)
        if m:
            current = m.group("name")
            pending_log = []
            continue
        m = _RESULT.match(line)
        if m:
            directive = (m.group("directive") or "").strip()
            if m.group("ok") == "not ok":
                status = FAIL
            elif directive.upper().startswith("SKIP"):
                status = SKIP
            else:
                status = PASS
            name = m.group("name") or current or "test %s" % m.group("num")
            number = int(m.group("num"))
            expected = len(stream.results) + 1
            if number != expected:
                stream.errors.append("test %s reported as number %d, expected %d"
                                     % (name, number, expected))
            stream.results.append(TestResult(name, status, number, directive, pending_log))
            pending_log = []
            current = None
            continue
        pending_log.append(line[2:] if line.startswith("# ") else line)
    reported = len(stream.results)
    if current is not None:
        stream.results.append(TestResult(current, CRASH, len(stream.results) + 1,
                                         "no result: the run ended inside this test",
                                         pending_log))
    if stream.version == 0:
        stream.errors.append("no TAP version line: the tests did not start")
    elif stream.planned < 0:
        stream.errors.append("no plan line")
    elif reported < stream.planned:
        stream.errors.append("plan announced %d tests, %d reported"
                             % (stream.planned, reported))
    return stream


def main(argv):
    path = file_argument(argv, "OUTPUT_LOG")
    if path is None:
        return 2
    stream = parse(read_lines(path))
    for r in stream.results:
        print("%-5s %s%s" % (r.status, r.name, " # " + r.directive if r.directive else ""))
    for e in stream.errors:
        print("error: " + e)
    bad = [r for r in stream.results if r.status in (FAIL, CRASH)]
    return 1 if bad or stream.errors else 0


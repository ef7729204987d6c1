"""Read the test data: configs/tests/mmu-modes.txt (or the ARCH's own,
configs/tests/mmu-modes-ARCH.txt: $WORKBENCH_MMU_MODES) and the test lists.

  plan modes SPEC            mode names of SPEC ("all" or a,b,...)
  plan kargs MODE            the kernel arguments of MODE
  plan programs [LIST]       the selftest programs LIST needs (a guest
                             script's "./NAME" arguments included)
  plan plan MODE DIR [LIST]  guest plan lines for MODE:
                             NAME<TAB>TIMEOUT<TAB>COMMAND
  plan expand LIST KEY=VALUE...  LIST with every {KEY} replaced by VALUE
                             (a template, e.g. configs/tests/soak.txt)

LIST defaults to configs/tests/check.txt. Unknown names are an error.

The test-list format (every list of configs/tests/ and configs/bases/*/),
one test a line, "#" comments:

  NAME  MODES  TIMEOUT  [SETUP=VALUE...]  PROGRAM [ARGS...]

MODES is "all" or a comma-separated list of mode names; TIMEOUT is in
seconds. A PROGRAM starting with "@" is a guest script (guest/NAME), run
with its arguments; any other PROGRAM is a KVM selftest, relative to the
selftests' build directory. Both run from DIR. SETUPs prepare the guest:
  zram-swap=SIZE   SIZE of swap on zram (guest/zram-swap.sh)
"""

import os
import re
import shlex
import sys

from .layout import CONFIGS, GUEST


# Test setups (KEY=VALUE before PROGRAM): the guest script that wraps the
# test's command, given VALUE as its first argument.
SETUPS = {"zram-swap": "zram-swap.sh"}


class PlanError(Exception):
    pass


def data_lines(path):
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                yield n, line.split()


def modes_file():
    """The MMU modes of the workbench's ARCH: lib/common.sh exports their
    file (configs/tests/mmu-modes-ARCH.txt); x86_64's by default."""
    return os.environ.get("WORKBENCH_MMU_MODES") or os.path.join(CONFIGS, "tests", "mmu-modes.txt")


def load_modes(path=None):
    path = path or modes_file()
    modes = {}
    for n, words in data_lines(path):
        if len(words) < 2:
            raise PlanError("%s:%d: expected NAME KERNEL_ARGS DESCRIPTION" % (path, n))
        modes[words[0]] = "" if words[1] == "-" else words[1]
    return modes


def select_modes(spec, modes):
    if spec == "all":
        return list(modes)
    names = [m for m in spec.split(",") if m]
    unknown = [m for m in names if m not in modes]
    if unknown or not names:
        raise PlanError("unknown MMU mode '%s' (known: all, %s)"
                        % (",".join(unknown) or spec, ", ".join(modes)))
    return names


def load_tests(path, modes):
    tests = []
    for n, words in data_lines(path):
        if len(words) < 4:
            raise PlanError("%s:%d: expected NAME MODES TIMEOUT PROGRAM [ARGS...]" % (path, n))
        name, spec, timeout = words[:3]
        if not timeout.isdigit():
            raise PlanError("%s:%d: timeout '%s' is not a number" % (path, n, timeout))
        setups = []
        rest = words[3:]
        while rest and "=" in rest[0] and not rest[0].startswith("@"):
            key, _, value = rest.pop(0).partition("=")
            if key not in SETUPS or not value:
                raise PlanError("%s:%d: unknown test setup '%s=%s' (known: %s)"
                                % (path, n, key, value, ", ".join(
                                    "%s=VALUE" % k for k in sorted(SETUPS))))
            setups.append((key, value))
        if not rest:
            raise PlanError("%s:%d: expected a PROGRAM after the test setups" % (path, n))
        program = rest[0]
        try:
            test_modes = select_modes(spec, modes)
        except PlanError as e:
            raise PlanError("%s:%d: %s" % (path, n, e))
        tests.append((name, test_modes, int(timeout), program, rest[1:], setups))
    return tests


def programs(tests):
    """The selftests that TESTS run: their PROGRAMs, and the "./NAME"
    arguments of guest scripts (which run the selftest NAME)."""
    out = set()
    for t in tests:
        if not t[3].startswith("@"):
            out.add(t[3])
        out.update(a[2:] for a in t[4] if a.startswith("./"))
    return out


def plan_line(mode, directory, name, test_modes, timeout, program, args, setups):
    """NAME<TAB>TIMEOUT<TAB>COMMAND of one test in one mode."""
    if program.startswith("@"):
        words = [os.path.join(GUEST, program[1:])] + args
    else:
        words = ["./" + program] + args
    for key, value in reversed(setups):
        words = [os.path.join(GUEST, SETUPS[key]), value] + words
    command = "cd %s && %s" % (shlex.quote(directory), " ".join(shlex.quote(w) for w in words))
    return "%s/%s\t%d\t%s" % (mode, name, timeout, command)


def expand(path, values):
    """The lines of template LIST with every {KEY} replaced."""
    def sub(m):
        if m.group(1) not in values:
            raise PlanError("%s: no value for {%s}" % (path, m.group(1)))
        return values[m.group(1)]
    with open(path) as f:
        return [re.sub(r"\{(\w+)\}", sub, line) for line in f]


def main(argv):
    try:
        return _main(argv)
    except PlanError as e:
        print("workbench plan: error: %s" % e, file=sys.stderr)
        return 1


def _main(argv):
    modes = load_modes()
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "modes" and len(argv) == 3:
        print(" ".join(select_modes(argv[2], modes)))
    elif cmd == "kargs" and len(argv) == 3:
        print(modes[select_modes(argv[2], modes)[0]])
    elif cmd == "programs" and len(argv) in (2, 3):
        lst = argv[2] if len(argv) == 3 else os.path.join(CONFIGS, "tests", "check.txt")
        print(" ".join(sorted(programs(load_tests(lst, modes)))))
    elif cmd == "expand" and len(argv) >= 3:
        values = dict(kv.split("=", 1) for kv in argv[3:] if "=" in kv)
        sys.stdout.write("".join(expand(argv[2], values)))
    elif cmd == "plan" and len(argv) in (4, 5):
        mode = select_modes(argv[2], modes)[0]
        lst = argv[4] if len(argv) == 5 else os.path.join(CONFIGS, "tests", "check.txt")
        for test in load_tests(lst, modes):
            if mode in test[1]:
                print(plan_line(mode, argv[3], *test))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


#!/usr/bin/env python3
"""Read the test data: configs/mmu-modes.txt and a test list.

  test_plan.py modes SPEC            mode names of SPEC ("all" or a,b,...)
  test_plan.py kargs MODE            the kernel arguments of MODE
  test_plan.py programs [LIST]       the selftest programs LIST needs
  test_plan.py plan MODE DIR [LIST]  guest plan lines for MODE:
                                     NAME<TAB>TIMEOUT<TAB>COMMAND
LIST defaults to configs/check-tests.txt. Unknown names are an error.
A PROGRAM starting with "@" is a workbench script (scripts/NAME), run with
its arguments; any other PROGRAM is a KVM selftest, run from DIR.
"""

import os
import shlex
import sys

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
CONFIGS = os.path.join(SCRIPTS, "..", "configs")


class PlanError(Exception):
    pass


def data_lines(path):
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                yield n, line.split()


def load_modes(path=os.path.join(CONFIGS, "mmu-modes.txt")):
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
        name, spec, timeout, program = words[:4]
        if not timeout.isdigit():
            raise PlanError("%s:%d: timeout '%s' is not a number" % (path, n, timeout))
        try:
            test_modes = select_modes(spec, modes)
        except PlanError as e:
            raise PlanError("%s:%d: %s" % (path, n, e))
        tests.append((name, test_modes, int(timeout), program, words[4:]))
    return tests


def main(argv):
    modes = load_modes()
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "modes" and len(argv) == 3:
        print(" ".join(select_modes(argv[2], modes)))
    elif cmd == "kargs" and len(argv) == 3:
        print(modes[select_modes(argv[2], modes)[0]])
    elif cmd == "programs" and len(argv) in (2, 3):
        lst = argv[2] if len(argv) == 3 else os.path.join(CONFIGS, "check-tests.txt")
        print(" ".join(sorted({t[3] for t in load_tests(lst, modes)
                               if not t[3].startswith("@")})))
    elif cmd == "plan" and len(argv) in (4, 5):
        mode = select_modes(argv[2], modes)[0]
        lst = argv[4] if len(argv) == 5 else os.path.join(CONFIGS, "check-tests.txt")
        for name, test_modes, timeout, program, args in load_tests(lst, modes):
            if mode not in test_modes:
                continue
            if program.startswith("@"):
                command = " ".join(shlex.quote(w) for w in
                                   [os.path.join(SCRIPTS, program[1:])] + args)
            else:
                command = "cd %s && ./%s" % (shlex.quote(argv[3]),
                                             " ".join(shlex.quote(w) for w in [program] + args))
            print("%s/%s\t%d\t%s" % (mode, name, timeout, command))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except PlanError as e:
        print("test_plan.py: error: %s" % e, file=sys.stderr)
        sys.exit(1)

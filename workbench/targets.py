"""The make targets of configs/targets.txt: "make help", the README table.

  workbench targets help            the list, as "make help" prints it
  workbench targets table           the README's table (Markdown)
  workbench targets readme README   rewrite the table in README, between
                                    its two marker lines
"""

import os
import sys

from .layout import CONFIGS

TARGETS = os.path.join(CONFIGS, "targets.txt")
BEGIN = "<!-- targets: generated from configs/targets.txt by 'python3 -m workbench targets readme README.md' -->"
END = "<!-- end of targets -->"


def load(path=TARGETS):
    """[(name, description)] in the file's order."""
    with open(path) as f:
        return [tuple(line.rstrip("\n").split(None, 1)) for line in f
                if line.strip() and not line.startswith("#")]


def help_text(targets):
    width = max(len(name) for name, _ in targets) + 7
    return "".join("%-*s %s\n" % (width, "make " + name, what) for name, what in targets)


def table(targets):
    rows = ["| target | what it does |", "| --- | --- |"]
    rows += ["| `make %s` | %s |" % (name, what.replace("|", "\\|")) for name, what in targets]
    return "\n".join(rows) + "\n"


def readme_with_table(text, targets):
    """text with the table between the markers replaced."""
    head, sep, rest = text.partition(BEGIN + "\n")
    _, sep2, tail = rest.partition(END)
    if not sep or not sep2:
        raise ValueError("README has no target table markers")
    return head + BEGIN + "\n" + table(targets) + END + tail


def main(argv):
    targets = load()
    if len(argv) == 2 and argv[1] == "help":
        sys.stdout.write(help_text(targets))
    elif len(argv) == 2 and argv[1] == "table":
        sys.stdout.write(table(targets))
    elif len(argv) == 3 and argv[1] == "readme":
        with open(argv[2]) as f:
            text = f.read()
        new = readme_with_table(text, targets)
        if new != text:
            with open(argv[2], "w") as f:
                f.write(new)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0

"""python3 -m workbench COMMAND ARGS...: the workbench's one Python CLI."""

import importlib
import sys

# command: (module, what it does)
COMMANDS = {
    "plan": ("plan", "test lists and MMU modes: modes, kargs, programs, plan"),
    "results": ("results", "collect a guest run's results, print the summary"),
    "ktap": ("ktap", "parse a guest's KTAP output"),
    "console": ("console", "find kernel splats in a guest console log"),
    "perf": ("perf", "summarise what the tests measured"),
    "bench": ("bench", "benchmark rows, tables, charts; guest sizes"),
    "headline": ("headline", "make run's headline: base vs patched, side by side"),
    "slowdown": ("slowdown", "the slowdown benchmark: CSV rows, table, chart"),
    "regression": ("regression", "base vs patched selftest results"),
    "sanitizers": ("sanitizers", "KASAN/KCSAN reports, base vs patched"),
    "cover-letter": ("cover_letter", "refresh a cover letter's generated parts"),
    "vcpu-registers": ("vcpu_registers", "sample a hung guest's vCPUs"),
    "initramfs": ("initramfs", "pack a directory into an initramfs (newc cpio)"),
    "targets": ("targets", "the make targets: help text, README table"),
}


def main(argv):
    if len(argv) < 2 or argv[1] not in COMMANDS:
        print(__doc__.strip(), file=sys.stderr)
        for name, (_, what) in COMMANDS.items():
            print("  %-15s %s" % (name, what), file=sys.stderr)
        return 2
    module = importlib.import_module("workbench." + COMMANDS[argv[1]][0])
    return module.main(["workbench " + argv[1]] + argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""make run's headline: what the series changes, base and patched side by side.

  python3 -m workbench headline SETTINGS RUNDIR...

Each RUNDIR is one guest run of make run's list, named KERNEL-MODE
(base-tdp, patched-tdp...), whose output.log has an MGLRU aging run of
access_tracking_perf_test under guest/aging-calls.sh (workbench/bench.py
aging_run() reads it). For each MMU mode with both kernels, prints the
mechanism the series changes (KVM aging calls a pass: one per page, or one
batched call per page-table range; the time of an aging pass in the
kernel) and whether the test's own check of access tracking passed, then
what the numbers mean. One run each: "make bench" repeats them, with
spread, lock statistics and a profile.
"""

import os
import statistics
import sys

from . import bench, ktap
from .layout import read_lines

KERNELS = ("base", "patched")


def measure(rundir):
    """{"calls", "write_s", "result", "mem_mib"} of one run, or {"error"}."""
    stream = ktap.parse(read_lines(os.path.join(rundir, "output.log")))
    result = "/".join(sorted({r.status for r in stream.results})) or "no result"
    if not stream.results:
        return {"result": result, "error": "the guest ran no test"}
    try:
        run = bench.aging_run(stream.results[0].log)
    except bench.BenchError as e:
        return {"result": result, "error": str(e)}
    calls = sum(run["calls"].get(e, 0) for e in bench.CALL_EVENTS) / len(run["passes"])
    timed = [w for (kind, _), w in zip(run["passes"], run["writes"]) if kind == bench.SUMMARY_KIND]
    return {"result": result, "mem_mib": run["mem_mib"], "calls": calls,
            "write_s": statistics.median(timed or run["writes"])}


def table(settings, runs):
    """runs: {(kernel, mode): measure()}; the headline's lines."""
    modes = sorted({mode for _, mode in runs})
    out = ["", "What the series changes, measured in this run (" + settings + "):", ""]
    for mode in modes:
        b, p = runs.get(("base", mode)), runs.get(("patched", mode))
        out.append("MMU mode %s%s" % (mode, ", %d MiB of guest memory" % p["mem_mib"]
                                      if p and "mem_mib" in p else ""))
        out.append("  %-40s %12s %12s" % ("", "base", "patched"))
        for name, key, fmt in (("KVM aging calls a pass", "calls", "%12.0f"),
                               ("aging pass in the kernel (s)", "write_s", "%12.3f")):
            cells = [fmt % r[key] if r and key in r else "%12s" % "-" for r in (b, p)]
            why = ""
            if b and p and key in b and key in p and p[key]:
                why = ("  %.0fx fewer" if key == "calls" else "  %.2fx faster") % (b[key] / p[key])
            out.append("  %-40s %s %s%s" % (name, cells[0], cells[1], why))
        out.append("  %-40s %12s %12s" % ("access tracking checked (the test)",
                                          *(r["result"] if r else "not run" for r in (b, p))))
        for kernel, r in zip(KERNELS, (b, p)):
            if r and "error" in r:
                out.append("  %s: no aging measurement: %s" % (kernel, r["error"]))
        out.append("")
    out += ["KVM aging calls: the base asks KVM about every page MGLRU's aging walk",
            "finds young (clear_young, one call a page); the patched kernel asks once",
            "per page-table range with the batched test_clear_young_fast_only op.",
            "Aging pass: the time of one aging write (lru_gen_seq_write) over the",
            "populated, just-touched guest memory, timed in the guest kernel.",
            "Who takes kvm->mmu_lock and who waits for it, with spread over",
            "repetitions and a profile: make bench (README.md, Results)."]
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    runs = {}
    for rundir in argv[2:]:
        kernel, _, mode = os.path.basename(rundir.rstrip("/")).partition("-")
        if kernel not in KERNELS or not mode:
            sys.exit("workbench headline: %s: not a KERNEL-MODE run directory" % rundir)
        runs[(kernel, mode)] = measure(rundir)
    print("\n".join(table(argv[1], runs)))
    bad = [k for k, r in runs.items() if "error" in r or r["result"] != ktap.PASS]
    return 1 if bad else 0

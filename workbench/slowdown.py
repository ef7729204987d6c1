"""The "make bench" BENCH=slowdown kind: what MGLRU aging costs running vCPUs.

  workbench slowdown header            the CSV's columns
  workbench slowdown row OUTPUT_LOG PREFIX   one CSV row per vCPU and phase
        and one per extra thread of an access_tracking_perf_test -i (-a) run
        (its "aging_cost:" lines); fails if the run lacks a phase
  workbench slowdown report CSV OUTDIR SETTINGS   write OUTDIR/table.txt
        and OUTDIR/chart.png (gnuplot), and print the table; failed runs are
        counted from OUTDIR/discarded.txt (lib/guest-retry.sh)

access_tracking_perf_test -i N [-p MS] (the series' last patch; -a N on
base 6.12, where -i selects page_idle) writes
populated guest memory N times in each of three phases: baseline (nothing
else runs), aging (an extra thread on a CPU of its own ages the test's
memcg, pass after pass or one pass every MS) and control (the extra thread
replays the aging phase without aging: the same CPU time at the same times,
walking the test memory's page tables with mincore()). Each vCPU times itself:
wall clock and its thread's CPU time. The slowdowns are per run and vCPU,
against the same vCPU's baseline in the same run, so that the spread
between fresh guests cancels out.
"""

import csv
import os
import re
import subprocess
import sys

from . import layout
from .bench import spread

PHASES = ("baseline", "aging", "control")
COLUMNS = ("rep", "kernel", "config", "mmu", "vcpu_mib", "iterations", "phase", "thread",
           "pcpu", "work", "wall_s", "cpu_s", "pass_avg_s", "pass_min_s", "pass_max_s",
           "period_ms", "late")
HEADER = ",".join(COLUMNS)
# "aging_cost: key=value ..." (the test's machine-readable lines; a KTAP
# runner may prefix them with "# ").
_LINE = re.compile(r"aging_cost:((?:\s+[a-z_]+=\S+)+)\s*$")


class RunError(Exception):
    pass


def parse(lines):
    """The "aging_cost:" lines of a run: [dict of key: value]."""
    out = []
    for line in lines:
        m = _LINE.search(line)
        if m:
            out.append(dict(kv.split("=", 1) for kv in m.group(1).split()))
    return out


def run_rows(records):
    """CSV rows (without the prefix columns) of one run's records."""
    head = [r for r in records if "vcpus" in r]
    if len(head) != 1:
        raise RunError("%d header lines (aging_cost: vcpus=...), not 1" % len(head))
    head = head[0]
    vcpus = int(head["vcpus"])
    rows = []
    for r in records:
        if "phase" not in r:
            continue
        if r["phase"] not in PHASES:
            raise RunError("unknown phase %r" % r["phase"])
        thread = "vcpu%s" % r["vcpu"] if "vcpu" in r else "extra"
        rows.append({"vcpu_mib": "%d" % (int(head["vcpu_bytes"]) >> 20),
                     "iterations": head["iterations"], "phase": r["phase"],
                     "thread": thread, "pcpu": r["pcpu"], "work": r.get("work", ""),
                     "wall_s": r["wall_s"], "cpu_s": r["cpu_s"],
                     "pass_avg_s": r.get("pass_avg_s", ""), "pass_min_s": r.get("pass_min_s", ""),
                     "pass_max_s": r.get("pass_max_s", ""), "period_ms": r.get("period_ms", ""),
                     "late": r.get("late", "")})
    for phase in PHASES:
        got = [r for r in rows if r["phase"] == phase and r["thread"] != "extra"]
        if len(got) != vcpus:
            raise RunError("phase %s: %d vCPU lines, not %d" % (phase, len(got), vcpus))
        extra = [r for r in rows if r["phase"] == phase and r["thread"] == "extra"]
        if len(extra) != (phase != "baseline"):
            raise RunError("phase %s: %d extra-thread lines" % (phase, len(extra)))
    if not int(next(r["work"] for r in rows if r["phase"] == "aging" and r["thread"] == "extra")):
        raise RunError("no aging pass in the aging phase")
    return rows


def row(log_path, prefix):
    with open(log_path, errors="replace") as f:
        records = parse(f)
    try:
        rows = run_rows(records)
    except RunError as e:
        sys.exit("workbench slowdown: %s: %s" % (log_path, e))
    for r in rows:
        print(prefix + "," + ",".join(r[c] for c in COLUMNS[4:]))


def summarise(rows):
    """{(config, mmu): {kernel: stats}}: per phase the vCPUs' wall and CPU
    times, per non-baseline phase the slowdowns (%) of each run's vCPUs
    against their own baseline, the aging passes and their time, the
    passes the control replayed; each as (median, min, max)."""
    groups = layout.by_config_kernel(rows)
    out = {}
    for key, kernels in groups.items():
        for kernel, krows in kernels.items():
            vcpu = {}   # (rep, thread) -> {phase: row}
            extra = {}  # phase -> [row]
            for r in krows:
                if r["thread"] == "extra":
                    extra.setdefault(r["phase"], []).append(r)
                else:
                    vcpu.setdefault((r["rep"], r["thread"]), {})[r["phase"]] = r
            s = {"runs": len({r["rep"] for r in krows}), "vcpu_mib": int(krows[0]["vcpu_mib"]),
                 "iterations": int(krows[0]["iterations"])}
            for phase in PHASES:
                got = [p[phase] for p in vcpu.values() if phase in p]
                s["wall_" + phase] = spread([float(r["wall_s"]) for r in got])
                s["cpu_" + phase] = spread([float(r["cpu_s"]) for r in got])
                s["lost_" + phase] = spread([float(r["wall_s"]) - float(r["cpu_s"]) for r in got])
            for phase in PHASES[1:]:
                for what in ("wall", "cpu"):
                    s["slow_%s_%s" % (what, phase)] = spread([
                        100.0 * (float(p[phase][what + "_s"]) / float(p["baseline"][what + "_s"]) - 1)
                        for p in vcpu.values() if phase in p and "baseline" in p])
            # What aging costs beyond its replay (control): aging's slowdown minus
            # the control's, in percentage points, per run and vCPU.
            s["aging_beyond_control"] = spread([
                100.0 * (float(p["aging"]["wall_s"]) - float(p["control"]["wall_s"]))
                / float(p["baseline"]["wall_s"])
                for p in vcpu.values() if all(ph in p for ph in PHASES)])
            aging, control = extra.get("aging", []), extra.get("control", [])
            # The same per aging pass of the run: the patched kernel's
            # passes are shorter, so it makes more of them in a phase.
            passes = {r["rep"]: int(r["work"]) for r in aging}
            s["aging_beyond_control_pass"] = spread([
                100.0 * (float(p["aging"]["wall_s"]) - float(p["control"]["wall_s"]))
                / float(p["baseline"]["wall_s"]) / passes[rep]
                for (rep, _), p in vcpu.items()
                if all(ph in p for ph in PHASES) and passes.get(rep)])
            s["passes"] = spread([int(r["work"]) for r in aging])
            s["pass"] = spread([float(r["pass_avg_s"]) for r in aging])
            s["replayed"] = spread([int(r["work"]) for r in control])
            late = [int(r["late"]) for r in aging if r.get("late")]
            s["late"] = spread(late) if late else None
            periods = {r.get("period_ms") or "0" for r in aging}
            s["period_ms"] = int(periods.pop()) if len(periods) == 1 else None
            s["extra_cpu_aging"] = spread([float(r["cpu_s"]) for r in aging])
            s["extra_cpu_control"] = spread([float(r["cpu_s"]) for r in control])
            out.setdefault(key, {})[kernel] = s
    return out


def discarded(outdir, keys):
    """{(config, mmu, kernel): failed runs} for KEYS, the (config, mmu)
    pairs of the summary, from OUTDIR/discarded.txt (lib/guest-retry.sh's
    lines: RUN attempt N discarded: WHY; RUN's name is
    REP-KERNEL-MODE-CONFIG, lib/bench-slowdown.sh)."""
    out = {}
    try:
        with open(os.path.join(outdir, "discarded.txt")) as f:
            lines = [line.split()[0] for line in f if " discarded" in line]
    except FileNotFoundError:
        lines = []
    for run in lines:
        name = os.path.basename(run)
        for config, mmu in keys:
            for kernel in ("base", "patched"):
                if re.fullmatch(r"\d+-%s-%s-%s" % (kernel, re.escape(mmu), re.escape(config)), name):
                    key = (config, mmu, kernel)
                    out[key] = out.get(key, 0) + 1
    return out


def fmt(spread3, form):
    med, lo, hi = spread3
    return ("%s [%s, %s]" % (form, form, form)) % (med, lo, hi)


# (label, stats key, format); the rows of a configuration's block.
ROWS = (
    ("vCPU time, baseline (s)", "wall_baseline", "%.3f"),
    ("vCPU time, aging (s)", "wall_aging", "%.3f"),
    ("vCPU time, control (s)", "wall_control", "%.3f"),
    ("vCPU CPU time, baseline (s)", "cpu_baseline", "%.3f"),
    ("vCPU CPU time, aging (s)", "cpu_aging", "%.3f"),
    ("vCPU CPU time, control (s)", "cpu_control", "%.3f"),
    ("slowdown, aging (%)", "slow_wall_aging", "%+.1f"),
    ("slowdown, control (%)", "slow_wall_control", "%+.1f"),
    ("aging minus control (points)", "aging_beyond_control", "%+.1f"),
    ("  the same, per aging pass", "aging_beyond_control_pass", "%+.2f"),
    ("CPU-time slowdown, aging (%)", "slow_cpu_aging", "%+.1f"),
    ("CPU-time slowdown, control (%)", "slow_cpu_control", "%+.1f"),
    ("vCPU time not on a CPU, aging (s)", "lost_aging", "%.3f"),
    ("aging passes a run", "passes", "%d"),
    ("  late (longer than the period)", "late", "%d"),
    ("aging pass (s)", "pass", "%.4f"),
    ("aging thread CPU time (s)", "extra_cpu_aging", "%.3f"),
    ("control thread CPU time (s)", "extra_cpu_control", "%.3f"),
    ("  passes it replayed", "replayed", "%d"),
)


def table(summary, failed, settings):
    lines = ["What MGLRU aging costs running vCPUs: access_tracking_perf_test -i, one",
             "fresh guest per run, base and patched kernel interleaved. Each vCPU writes",
             "its populated memory ITERATIONS times in each phase: baseline (alone),",
             "aging (beside a thread on a CPU of its own aging the test's memcg, back to",
             "back or one pass every PERIOD), control (beside the same thread replaying",
             "the aging phase without aging: the CPU time of each pass, at the time it",
             "started, walking the test memory's page tables with mincore()). vCPU time",
             "= the vCPU's own wall clock; CPU time = its thread's",
             "(CLOCK_THREAD_CPUTIME_ID: guest time and KVM's, spinning on mmu_lock",
             "included; under TCG also the time the host did not run the guest CPU);",
             "slowdown = phase / baseline - 1 per run and vCPU; aging minus control =",
             "what aging costs beyond its CPU time and page-table walks, in points of",
             "the baseline; aging pass = the aging command's time alone.",
             "median [min, max] over runs (and vCPUs).",
             "Settings: " + settings, ""]
    width = max(len(label) for label, _, _ in ROWS)
    col = 26
    for key in sorted(summary):
        kernels = [k for k in ("base", "patched") if k in summary[key]]
        first = summary[key][kernels[0]]
        period = first.get("period_ms")
        lines.append("%s, %s MMU, %d MiB a vCPU, %d iterations a phase, %s" % (
            key[0], key[1], first["vcpu_mib"], first["iterations"],
            "an aging pass every %d ms" % period if period else "aging back to back"))
        lines.append(("  %-*s %s" % (width, "kernel", " ".join(
            "%-*s" % (col, k) for k in kernels))).rstrip())
        lines.append(("  %-*s %s" % (width, "runs (failed, redone)", " ".join(
            "%-*s" % (col, "%d (%d)" % (summary[key][k]["runs"], failed.get(key + (k,), 0)))
            for k in kernels))).rstrip())
        for label, stat, form in ROWS:
            cells = []
            for k in kernels:
                v = summary[key][k][stat]
                cells.append("%-*s" % (col, fmt(v, form) if v else "-"))
            lines.append("  %-*s %s" % (width, label, " ".join(cells).rstrip()))
        lines.append("")
    return "\n".join(lines)


def chart(summary, outdir):
    """The vCPU slowdown of control and aging, base and patched side by
    side, per configuration: median bars, min-max error bars."""
    data = os.path.join(outdir, "chart.dat")
    lows, highs = [0.0], [0.0]
    with open(data, "w") as f:
        x = 0
        for key in sorted(summary):
            for kernel in ("base", "patched"):
                s = summary[key].get(kernel)
                if not s:
                    continue
                for colour, phase in enumerate(PHASES[1:], 1):
                    med, lo, hi = s["slow_wall_" + phase]
                    lows.append(lo)
                    highs.append(hi)
                    f.write('%d "%s %s %s %s" %.3f %.3f %.3f %d\n' % (
                        x, key[0], key[1], kernel, phase, med, lo, hi, colour))
                    x += 1
                x += 1
    script = """set terminal png size 1100,600 noenhanced
set output '%s'
set bmargin 9
set rmargin 12
set style fill solid 0.6
set boxwidth 0.8
set xtics rotate by -30 scale 0
set key off
set xzeroaxis
set yrange [%f:%f]
set ylabel 'vCPU slowdown (%%): median, min-max'
set title 'What MGLRU aging and its replay without aging (control) cost running vCPUs'
plot '%s' using 1:3:6:xtic(2) with boxes lc variable, '' using 1:3:4:5 with yerrorbars lc black pt 0
""" % (os.path.join(outdir, "chart.png"), 1.1 * min(lows), 1.1 * max(highs) + 1, data)
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def report(csv_path, outdir, settings):
    with open(csv_path) as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit("workbench slowdown: no runs in %s" % csv_path)
    summary = summarise(rows)
    failed = discarded(outdir, summary)
    text = table(summary, failed, "%s; failed runs discarded and redone: %s" % (
        settings, ", ".join("%s %d" % (k, sum(n for key, n in failed.items() if key[2] == k))
                            for k in ("base", "patched"))))
    layout.write_table(outdir, text)
    chart(summary, outdir)


def main(argv):
    if len(argv) == 2 and argv[1] == "header":
        print(HEADER)
    elif len(argv) == 4 and argv[1] == "row":
        row(argv[2], argv[3])
    elif len(argv) == 5 and argv[1] == "report":
        report(argv[2], argv[3], argv[4])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0

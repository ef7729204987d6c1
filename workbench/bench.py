"""Turn "make bench" runs into a CSV, a text table and a chart.

  workbench bench row OUTPUT_LOG PREFIX     print PREFIX plus the run's four
        measurements as a CSV row (fails if the run did not print them)
  workbench bench report CSV OUTDIR SETTINGS   write OUTDIR/table.txt and
        OUTDIR/chart.png (gnuplot), and print the table; the settings line
        also counts the runs listed in OUTDIR/discarded.txt
  workbench bench interference CSV OUTDIR SETTINGS   the same for the runs of
        bench-interference.sh (OUTDIR/table.txt only)
  workbench bench guest VCPUS MEM   the guest of one run: "MEMORY TIMEOUT_S"
        (its VM's vcpus x MEM plus 3 GiB of headroom; 180 s + 180 s a GiB)
  workbench bench estimate MATRIX REPS   the estimated seconds of a matrix

Every number in the table comes from the CSV, which comes from the output
of access_tracking_perf_test -a in each run.
"""

import csv
import os
import statistics
import subprocess
import sys

from . import perf

LABELS = ("Populating memory", "Populating memory (aging)",
          "Aging passes", "Average aging pass")


def row(log_path, prefix):
    with open(log_path, errors="replace") as f:
        found = {label: value for label, value, _ in perf.measurements(f)}
    missing = [label for label in LABELS if label not in found]
    if missing:
        sys.exit("workbench bench: %s lacks %s" % (log_path, ", ".join(missing)))
    print("%s,%.6f,%.6f,%d,%.6f" % ((prefix,) + tuple(found[label] for label in LABELS)))


def mem_mib(mem):
    """MiB of a size like 256M or 1G (the only memory arithmetic here)."""
    return int(float(mem[:-1]) * (1024 if mem.endswith("G") else 1))


def guest(vcpus, mem):
    """(guest memory, timeout in s) of a benchmark run of vcpus x mem.

    A run takes 20-70 s on the 2-core development machine; one that stalls
    (seen with 2 vCPUs) times out after 4 to 10 times that."""
    gib = int(vcpus) * mem_mib(mem) / 1024
    return "%dG" % (gib + 3), int(180 + 180 * gib)


def estimate(matrix, reps):
    """Seconds for a matrix, from the full matrix on the 2-core development
    machine: ~15 s to boot, ~35 s per GiB of VM memory for both
    populations, both kernels, every repetition."""
    total = 0
    with open(matrix) as f:
        for line in f:
            words = line.split()
            if words and not words[0].startswith("#"):
                total += 15 + 35 * int(words[1]) * mem_mib(words[2]) / 1024
    return int(total * 2 * int(reps))


def summarise(rows):
    """{(mmu, vcpus, mem): {kernel: stats}} from CSV rows."""
    groups = {}
    for r in rows:
        key = (r["mmu"], int(r["vcpus"]), r["mem_per_vcpu"])
        groups.setdefault(key, {}).setdefault(r["kernel"], []).append(r)
    out = {}
    for key, kernels in groups.items():
        for kernel, runs in kernels.items():
            plain = [float(r["populate_s"]) for r in runs]
            aged = [float(r["populate_aging_s"]) for r in runs]
            passes = [float(r["avg_aging_pass_s"]) for r in runs]
            out.setdefault(key, {})[kernel] = {
                "n": len(runs),
                "plain": statistics.median(plain), "plain_min": min(plain), "plain_max": max(plain),
                "aged": statistics.median(aged), "aged_min": min(aged), "aged_max": max(aged),
                "slowdown": 100.0 * (statistics.median(aged) / statistics.median(plain) - 1),
                "pass": statistics.median(passes),
            }
    return out


def table(summary, settings):
    lines = ["vCPU time to populate memory (median of N runs, [min-max]), without and",
             "with MGLRU aging in a loop; slowdown = with/without - 1; aging pass =",
             "median of the average pass time; ratios are patched/base.",
             "Settings: " + settings, ""]
    head = ("%-7s %5s %6s | %-7s %2s | %-22s | %-22s | %8s | %10s" %
            ("MMU", "vCPUs", "mem", "kernel", "N", "without aging (s)", "with aging (s)",
             "slowdown", "aging pass"))
    lines += [head, "-" * len(head)]
    for key in sorted(summary, key=lambda k: (k[0], k[1], mem_mib(k[2]))):
        kernels = summary[key]
        for kernel in ("base", "patched"):
            if kernel not in kernels:
                continue
            s = kernels[kernel]
            lines.append("%-7s %5d %6s | %-7s %2d | %6.2f [%6.2f-%6.2f] | %6.2f [%6.2f-%6.2f] | %7.1f%% | %9.3fs" % (
                key[0], key[1], key[2], kernel, s["n"], s["plain"], s["plain_min"], s["plain_max"],
                s["aged"], s["aged_min"], s["aged_max"], s["slowdown"], s["pass"]))
        if "base" in kernels and "patched" in kernels:
            b, p = kernels["base"], kernels["patched"]
            lines.append("%-7s %5s %6s | %-10s | %22s | %-22s | %8s | %9.2fx" % (
                "", "", "", "ratio", "", "%.2fx" % (p["aged"] / b["aged"]), "",
                p["pass"] / b["pass"] if b["pass"] else float("nan")))
    return "\n".join(lines) + "\n"


def chart(summary, outdir):
    """Slowdown and aging pass time against memory per vCPU, base vs patched."""
    series = {}
    for (mmu, vcpus, mem), kernels in summary.items():
        for kernel, s in kernels.items():
            series.setdefault((kernel, mmu, vcpus), []).append((mem_mib(mem), s["slowdown"], s["pass"]))
    data = os.path.join(outdir, "chart.dat")
    names = []
    with open(data, "w") as f:
        for (kernel, mmu, vcpus), points in sorted(series.items()):
            names.append("%s %s %d vCPU" % (kernel, mmu, vcpus))
            f.write("# %s\n" % names[-1])
            for mib, slow, pss in sorted(points):
                f.write("%d %.3f %.6f\n" % (mib, slow, pss))
            f.write("\n\n")
    plots = lambda col: ", ".join(
        "'%s' index %d using 1:%d with linespoints title '%s'" % (data, i, col, n)
        for i, n in enumerate(names))
    script = """set terminal png size 1200,500
set output '%s'
set multiplot layout 1,2
set logscale x 2
set xlabel 'memory per vCPU (MiB)'
set key top left
set ylabel 'vCPU slowdown under aging (%%)'
set title 'Slowdown while MGLRU ages'
plot %s
set ylabel 'average aging pass (s)'
set title 'Aging pass time'
plot %s
unset multiplot
""" % (os.path.join(outdir, "chart.png"), plots(2), plots(3))
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def load(csv_path):
    with open(csv_path) as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit("workbench bench: no runs in %s" % csv_path)
    return rows


def with_discarded(settings, outdir):
    """SETTINGS plus the number of runs listed in OUTDIR/discarded.txt."""
    try:
        with open(os.path.join(outdir, "discarded.txt")) as f:
            n = sum(1 for line in f if line.strip())
    except FileNotFoundError:
        n = 0
    return "%s; %d failed runs discarded and redone (discarded.txt)" % (settings, n)


def report(csv_path, outdir, settings):
    rows = load(csv_path)
    settings = with_discarded(settings, outdir)
    summary = summarise(rows)
    text = table(summary, settings)
    with open(os.path.join(outdir, "table.txt"), "w") as f:
        f.write(text)
    sys.stdout.write(text)
    chart(summary, outdir)


LOADS = (("idle", "idle"), ("spin", "user-space spin loop"),
         ("copy", "dd /dev/zero -> /dev/null"))


def interference_table(rows, settings):
    """Population time per kernel with the other CPU idle or busy, and the
    population under aging of the idle runs, each against the idle median."""
    runs = {}
    for r in rows:
        runs.setdefault((r["kernel"], r["load"]), []).append(r)
    lines = ["vCPU time to populate memory (median of N runs, [min-max]) with the",
             "guest's other CPU idle, busy, or running MGLRU aging in a loop (the",
             "\"with aging\" half of the idle runs); change against idle.",
             "Settings: " + settings, ""]
    head = "%-7s | %-28s | %2s | %-22s | %8s" % ("kernel", "other CPU", "N", "populate (s)", "vs idle")
    lines += [head, "-" * len(head)]
    for kernel in ("base", "patched"):
        idle = runs.get((kernel, "idle"))
        if not idle:
            continue
        ref = statistics.median(float(r["populate_s"]) for r in idle)
        cases = [(label, [float(r["populate_s"]) for r in runs.get((kernel, load), [])])
                 for load, label in LOADS]
        cases.append(("MGLRU aging in a loop", [float(r["populate_aging_s"]) for r in idle]))
        for label, times in cases:
            if not times:
                continue
            med = statistics.median(times)
            lines.append("%-7s | %-28s | %2d | %6.2f [%6.2f-%6.2f] | %+7.1f%%" % (
                kernel, label, len(times), med, min(times), max(times), 100.0 * (med / ref - 1)))
    return "\n".join(lines) + "\n"


def interference(csv_path, outdir, settings):
    text = interference_table(load(csv_path), with_discarded(settings, outdir))
    with open(os.path.join(outdir, "table.txt"), "w") as f:
        f.write(text)
    sys.stdout.write(text)


def main(argv):
    if len(argv) == 4 and argv[1] == "row":
        row(argv[2], argv[3])
    elif len(argv) == 5 and argv[1] == "report":
        report(argv[2], argv[3], argv[4])
    elif len(argv) == 5 and argv[1] == "interference":
        interference(argv[2], argv[3], argv[4])
    elif len(argv) == 4 and argv[1] == "guest":
        print("%s %d" % guest(argv[2], argv[3]))
    elif len(argv) == 4 and argv[1] == "estimate":
        print(estimate(argv[2], argv[3]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


"""Turn "make bench" runs into a CSV, a text table and a chart.

  workbench bench aging-row OUTPUT_LOG PREFIX   one CSV row per aging pass
        of an aging-benchmark run (guest/aging-calls.sh around
        access_tracking_perf_test in MGLRU mode); fails if the run lacks them
  workbench bench profile-row OUTPUT_LOG PREFIX   one CSV row per symbol of
        a guest/aging-profile.sh run
  workbench bench lockstat-header   the columns of lockstat-row
  workbench bench lockstat-row OUTPUT_LOG PREFIX   one CSV row of a
        guest/aging-lockstat.sh run: kvm->mmu_lock's takers, contentions and
        wait times (workbench/lockstat.py)
  workbench bench aging-report CSV PROFILE_CSV LOCKSTAT_CSV OUTDIR SETTINGS
        write OUTDIR/table.txt and OUTDIR/chart.png, and print the table
        (PROFILE_CSV and LOCKSTAT_CSV may be missing: no such section)

Every number in a table comes from a CSV, which comes from the output of
the runs (the aging benchmark's guest scripts for BENCH=aging). BENCH=slowdown
has its own module, workbench/slowdown.py.
"""

import csv
import os
import re
import statistics
import subprocess
import sys

from . import layout, lockstat, perf


def kernel_rows(summary, keys, row, ratio):
    """For each key: row(key, kernel, stats) of base then patched, and
    ratio(base, patched) where both ran."""
    lines = []
    for key in keys:
        kernels = summary[key]
        lines += [row(key, k, kernels[k]) for k in ("base", "patched") if k in kernels]
        if "base" in kernels and "patched" in kernels:
            lines.append(ratio(kernels["base"], kernels["patched"]))
    return lines


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


# The aging benchmark (BENCH=aging).
#
# An aging pass, as access_tracking_perf_test prints it: upstream's MGLRU
# mode prints "Initial aging pass (lru_gen)" (untimed) and then "Mark memory
# idle (lru_gen) : Ns" for each pass over memory the guest just touched; the
# 6.12 series' -g mode prints "Aging touched memory : Ns" and "Aging
# untouched memory : Ns". Each pass is one write to the lru_gen file.
PASS_KINDS = {"Initial aging pass (lru_gen)": "initial",
              "Mark memory idle (lru_gen)": "touched",
              "Aging touched memory": "touched",
              "Aging untouched memory": "untouched"}
# The passes the table summarises: memory the guest touched since the last
# pass, so that every page is young for the host or KVM.
SUMMARY_KIND = "touched"
CALL_EVENTS = ("kvm_age_hva", "kvm_age_hva_fast_only")
AGING_FIELDS = ("rep", "kernel", "config", "mmu", "mem_mib", "populate_s", "pass", "kind",
                "test_s", "write_s", "clear_young_calls", "fast_only_calls")
_RANGE = re.compile(r"^guest physical test memory: \[0x([0-9a-f]+), 0x([0-9a-f]+)\)")


class BenchError(Exception):
    pass


def aging_run(lines):
    """What one aging-benchmark run measured: {"mem_mib", "populate_s",
    "passes": [(kind, test_s or None)], "writes": [s], "calls": {event: n}}."""
    run = {"mem_mib": None, "populate_s": None, "passes": [], "writes": [], "calls": {}}
    for line in lines:
        line = line.strip()
        m = _RANGE.match(line)
        if m:
            run["mem_mib"] = (int(m.group(2), 16) - int(m.group(1), 16)) // (1 << 20)
        elif line in PASS_KINDS:
            run["passes"].append((PASS_KINDS[line], None))
        elif line.startswith("# aging-calls "):
            _, _, event, n = line.split()
            run["calls"][event] = int(n)
        elif line.startswith("# aging-write "):
            run["writes"].append(float(line.split()[2]))
    with_times = perf.measurements(lines)
    for label, value, _ in with_times:
        if label == "Populating memory" and run["populate_s"] is None:
            run["populate_s"] = value
    # Timed passes, in order, merged with the untimed ones by position.
    timed = iter([(PASS_KINDS[label], value) for label, value, _ in with_times
                  if label in PASS_KINDS])
    run["passes"] = [p if p[0] == "initial" else next(timed) for p in run["passes"]] + list(timed)
    if run["mem_mib"] is None or run["populate_s"] is None:
        raise BenchError("no guest memory range or population time")
    if not run["passes"]:
        raise BenchError("no aging pass")
    if len(run["writes"]) != len(run["passes"]):
        raise BenchError("%d aging writes timed for %d aging passes"
                         % (len(run["writes"]), len(run["passes"])))
    if not any(e in run["calls"] for e in CALL_EVENTS):
        raise BenchError("no count of KVM aging calls")
    return run


def aging_rows(run, prefix):
    """CSV lines of a run: one per aging pass; the calls of the whole run
    divided by its number of passes (every pass ages the same memory)."""
    n = len(run["passes"])
    calls = ["%.1f" % (run["calls"].get(e, 0) / n) for e in CALL_EVENTS]
    out = []
    for i, ((kind, test_s), write_s) in enumerate(zip(run["passes"], run["writes"]), 1):
        out.append(",".join([prefix, str(run["mem_mib"]), "%.6f" % run["populate_s"], str(i), kind,
                             "" if test_s is None else "%.6f" % test_s, "%.6f" % write_s] + calls))
    return out


def aging_row(log_path, prefix):
    with open(log_path, errors="replace") as f:
        try:
            run = aging_run(f.readlines())
        except BenchError as e:
            sys.exit("workbench bench: %s: %s" % (log_path, e))
    print("\n".join(aging_rows(run, prefix)))


def lockstat_row(log_path, prefix):
    with open(log_path, errors="replace") as f:
        try:
            print(lockstat.row(f.readlines(), prefix))
        except lockstat.LockstatError as e:
            sys.exit("workbench bench: %s: %s" % (log_path, e))


def profile_row(log_path, prefix):
    """"# profile SYMBOL CHILDREN SELF" lines as CSV rows."""
    rows = []
    with open(log_path, errors="replace") as f:
        for line in f:
            w = line.split()
            if len(w) == 5 and w[:2] == ["#", "profile"]:
                rows.append("%s,%s,%s,%s" % (prefix, w[2], w[3], w[4]))
    if not any(",lru_gen_seq_write," in r for r in rows):
        sys.exit("workbench bench: %s: no samples of the aging write (lru_gen_seq_write)" % log_path)
    print("\n".join(rows))


def spread(values):
    return statistics.median(values), min(values), max(values)


def aging_summary(rows):
    """{(config, mmu): {kernel: stats}} over the passes of SUMMARY_KIND."""
    groups = {}
    for r in rows:
        if r["kind"] == SUMMARY_KIND:
            groups.setdefault((r["config"], r["mmu"]), {}).setdefault(r["kernel"], []).append(r)
    out = {}
    for key, kernels in groups.items():
        for kernel, passes in kernels.items():
            write = [float(r["write_s"]) for r in passes]
            out.setdefault(key, {})[kernel] = {
                "runs": len({r["rep"] for r in passes}), "passes": len(passes),
                "mem_mib": int(passes[0]["mem_mib"]),
                "write": spread(write),
                "test": statistics.median(float(r["test_s"]) for r in passes),
                "clear_young": statistics.median(float(r["clear_young_calls"]) for r in passes),
                "fast_only": statistics.median(float(r["fast_only_calls"]) for r in passes),
            }
    return out


# The notifier path of an aging write: where MGLRU hands over to the
# secondary MMUs (the per-page clear_young, or the batched fast op).
NOTIFIER_ENTRIES = ("__mmu_notifier_clear_young", "__mmu_notifier_test_clear_young_fast_only")


def profile_summary(rows):
    """{kernel: (aging write %, notifier path %)} of all samples."""
    out = {}
    for r in rows:
        write, notifier = out.get(r["kernel"], (0.0, 0.0))
        if r["symbol"] == "lru_gen_seq_write":
            write = float(r["children"])
        elif r["symbol"] in NOTIFIER_ENTRIES:
            notifier += float(r["children"])
        out[r["kernel"]] = (write, notifier)
    return out


def aging_table(summary, profile, locks, settings):
    lines = ["MGLRU aging of a populated VM: access_tracking_perf_test in MGLRU mode,",
             "one fresh guest per run, base and patched kernel interleaved.",
             "aging pass = time in the kernel's aging write (lru_gen_seq_write, kprobes),",
             "median of the passes over just-touched memory [min-max]; test = the same",
             "passes as the test times them (with its reads of the lru_gen file);",
             "KVM calls = aging notifier calls a pass (trace events kvm_age_hva:",
             "clear_young; kvm_age_hva_fast_only: the batched fast op).",
             "Settings: " + settings, ""]
    head = ("%-10s %-7s %5s | %-8s %4s %6s | %-24s | %8s | %8s | %10s %10s" %
            ("config", "MMU", "MiB", "kernel", "runs", "passes", "aging pass (s)",
             "s a GiB", "test (s)", "clear_young", "fast_only"))
    lines += [head, "-" * len(head)]
    def row(key, kernel, s):
        return "%-10s %-7s %5d | %-8s %4d %6d | %7.3f [%6.3f-%6.3f] | %8.3f | %8.3f | %11.0f %10.0f" % (
            key[0], key[1], s["mem_mib"], kernel, s["runs"], s["passes"], s["write"][0],
            s["write"][1], s["write"][2], s["write"][0] * 1024 / s["mem_mib"], s["test"],
            s["clear_young"], s["fast_only"])

    def ratio(b, p):
        bc, pc = b["clear_young"] + b["fast_only"], p["clear_young"] + p["fast_only"]
        return "%-24s | %-20s | %-24s | %8s | %8s | %22s" % (
            "", "base/patched", "%.2fx faster" % (b["write"][0] / p["write"][0]), "",
            "%.2fx" % (b["test"] / p["test"]),
            "%.0fx fewer calls" % (bc / pc) if pc else "no calls")

    lines += kernel_rows(summary, sorted(summary), row, ratio)
    if profile:
        lines += ["", "Guest profile of an aging run (perf record -a -g -e cpu-clock, % of all",
                  "samples, with callees): the aging write, and the secondary-MMU notifier",
                  "path within it (%s)." % " + ".join(NOTIFIER_ENTRIES), ""]
        for kernel in ("base", "patched"):
            if kernel in profile:
                write, notifier = profile[kernel]
                lines.append("%-8s aging write %6.2f%%, notifier path %6.2f%% = %5.1f%% of the aging write" % (
                    kernel, write, notifier, 100.0 * notifier / write if write else float("nan")))
    if locks:
        lines += lockstat.table(locks, kernel_rows)
    return "\n".join(lines) + "\n"


def aging_chart(summary, outdir):
    """Aging pass time (with its range) and KVM calls a pass, per
    configuration, base and patched side by side."""
    data = os.path.join(outdir, "chart.dat")
    with open(data, "w") as f:
        x = 0
        for key in sorted(summary):
            for colour, kernel in enumerate(("base", "patched"), 1):
                s = summary[key].get(kernel)
                if s:
                    f.write('%d "%s %s %s" %.6f %.6f %.6f %.1f %d\n' % (
                        x, key[0], key[1], kernel, s["write"][0], s["write"][1], s["write"][2],
                        max(1, s["clear_young"] + s["fast_only"]), colour))
                    x += 1
            x += 1
    script = """set terminal png size 1200,500 noenhanced
set output '%s'
set multiplot layout 1,2
set style fill solid 0.6
set boxwidth 0.8
set xtics rotate by -25 scale 0
set key off
set yrange [0:*]
set ylabel 'aging pass (s): median, min-max'
set title 'Aging pass (time in lru_gen_seq_write)'
plot '%s' using 1:3:7:xtic(2) with boxes lc variable, '' using 1:3:4:5 with yerrorbars lc black pt 0
set logscale y
set yrange [1:*]
set ylabel 'KVM aging calls a pass (log scale)'
set title 'Secondary-MMU aging calls a pass'
plot '%s' using 1:6:7:xtic(2) with boxes lc variable
unset multiplot
""" % (os.path.join(outdir, "chart.png"), data, data)
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def load_optional(path):
    try:
        with open(path) as f:
            return list(csv.DictReader(f))
    except FileNotFoundError:
        return []


def aging_report(csv_path, profile_csv, lockstat_csv, outdir, settings):
    summary = aging_summary(load(csv_path))
    if not summary:
        sys.exit("workbench bench: no aging passes over touched memory in %s" % csv_path)
    text = aging_table(summary, profile_summary(load_optional(profile_csv)),
                       lockstat.summary(load_optional(lockstat_csv)),
                       with_discarded(settings, outdir))
    layout.write_table(outdir, text)
    aging_chart(summary, outdir)


def main(argv):
    if len(argv) == 4 and argv[1] == "aging-row":
        aging_row(argv[2], argv[3])
    elif len(argv) == 4 and argv[1] == "profile-row":
        profile_row(argv[2], argv[3])
    elif len(argv) == 2 and argv[1] == "lockstat-header":
        print(lockstat.HEADER)
    elif len(argv) == 4 and argv[1] == "lockstat-row":
        lockstat_row(argv[2], argv[3])
    elif len(argv) == 7 and argv[1] == "aging-report":
        aging_report(argv[2], argv[3], argv[4], argv[5], argv[6])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


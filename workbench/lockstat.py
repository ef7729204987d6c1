"""What kvm->mmu_lock went through in a run of guest/aging-lockstat.sh (on a
lock-statistics kernel, configs/kernel/lockstat.config): who took the lock,
how often a taker had to wait and for how long, and behind whom.

  workbench bench lockstat-row OUTPUT_LOG PREFIX   one CSV row (HEADER)

The aging-benchmark report (workbench bench aging-report) adds table()'s
section when the benchmark made a lock-statistics CSV.

Acquisitions are told apart by their call stack (the "# mmu_lock-acquire N
FRAMES" lines): the first of USERS with a frame matching wins, "other"
else. Contentions and wait times are /proc/lock_stat's, for the write (-W)
and the read (-R) side of the rwlock; "behind aging" adds up lock_stat's
contending points (the code that held the lock when someone had to wait
for it; lock_stat keeps the first 4 such sites) that are aging notifiers.
"""

import re
import statistics

from . import layout

# Who took mmu_lock, by a frame of the acquisition's call stack. The MMU
# notifier callbacks inline the lock taking (kvm_handle_hva_range() is
# __always_inline), so holders are told apart by the same names.
USERS = (
    ("aging", re.compile(r"^kvm_mmu_notifier_\w*young|^kvm_(test_)?age_gfn")),
    ("invalidation", re.compile(r"^kvm_mmu_notifier_(invalidate_range_(start|end)|release)")),
    ("vcpu", re.compile(r"^(kvm_arch_vcpu_ioctl_run|kvm_vcpu_ioctl|vcpu_enter_guest|vcpu_run"
                        r"|kvm_mmu_page_fault|kvm_tdp_page_fault|user_mem_abort"
                        r"|kvm_handle_guest_abort|handle_access_fault)$")),
)

HEADER = ("passes,acq_aging,acq_vcpu,acq_invalidation,acq_other,"
          "w_acq,w_cont,w_wait_us,r_acq,r_cont,r_wait_us,cont_behind_aging,cont_points")


class LockstatError(Exception):
    pass


def user(frames):
    for name, pattern in USERS:
        if any(pattern.search(f) for f in frames):
            return name
    return "other"


def _number(word):
    return float(word.replace(",", ""))


def lock_stat(lines):
    """/proc/lock_stat's kvm->mmu_lock block ("# lock_stat " lines):
    ({"W"|"R": {column: value}}, [(count, symbol)] of the holders)."""
    columns, sides, holders = None, {}, []
    section = 0
    for line in lines:
        text = line[len("# lock_stat "):]
        if "class name" in text:
            columns = text.split("class name", 1)[1].split()
            continue
        words = text.split()
        if len(words) >= 13 and words[-13].endswith(":"):
            # A class line: NAME: and 12 numbers (NAME may have spaces).
            m = re.search(r"kvm\)?->mmu_lock(-[WR])?:$", " ".join(words[:-12]))
            if not m:
                if sides:
                    break
                continue
            if columns is None:
                raise LockstatError("a lock_stat line before its header")
            side = (m.group(1) or "-W")[1]
            sides[side] = dict(zip(columns, (_number(w) for w in words[-12:])))
        elif not sides:
            continue
        elif words and set(words[0]) == {"-"}:
            section += 1
        elif section == 2 and len(words) >= 4 and words[-2].startswith("[<") and words[-3].isdigit():
            holders.append((int(words[-3]), re.sub(r"\+.*", "", words[-1])))
    if not sides:
        raise LockstatError("no kvm->mmu_lock in /proc/lock_stat: did the run make a VM?")
    return sides, holders


def run(lines):
    """One run's numbers, a dict keyed by HEADER's names."""
    acq = {"aging": 0, "vcpu": 0, "invalidation": 0, "other": 0}
    passes, dropped, stat_lines = 0, None, []
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("# mmu_lock-acquire "):
            words = line.split(None, 3)
            frames = words[3].split(",") if len(words) > 3 else []
            acq[user(frames)] += int(words[2])
        elif line.startswith("# mmu_lock-dropped "):
            dropped = int(line.split()[2])
        elif line.startswith("# lock_stat "):
            stat_lines.append(line)
        elif line.startswith("# aging-write "):
            passes += 1
    if dropped is None:
        raise LockstatError("no mmu_lock histogram (guest/aging-lockstat.sh did not finish)")
    if dropped:
        raise LockstatError("the mmu_lock histogram dropped %d call stacks" % dropped)
    sides, holders = lock_stat(stat_lines)
    out = {"passes": passes}
    out.update(("acq_" + k, v) for k, v in acq.items())
    for side in ("W", "R"):
        s = sides.get(side, {})
        out[side.lower() + "_acq"] = int(s.get("acquisitions", 0))
        out[side.lower() + "_cont"] = int(s.get("contentions", 0))
        out[side.lower() + "_wait_us"] = s.get("waittime-total", 0.0)
    out["cont_behind_aging"] = sum(n for n, sym in holders if user([sym]) == "aging")
    out["cont_points"] = " ".join("%s:%d" % (sym, n) for n, sym in holders)
    return out


def row(lines, prefix):
    r = run(lines)
    return ",".join([prefix] + ["%.2f" % r[k] if isinstance(r[k], float) else str(r[k])
                                for k in HEADER.split(",")])


# The columns summarised (median [min-max] over the runs).
NUMBERS = ("passes", "acq_aging", "acq_vcpu", "acq_invalidation", "acq_other",
           "r_cont", "w_cont", "r_wait_us", "w_wait_us", "cont_behind_aging")


def summary(rows):
    """{(config, mmu): {kernel: {"runs": n, column: (median, min, max)}}}."""
    groups = layout.by_config_kernel(rows)
    out = {}
    for key, kernels in groups.items():
        for kernel, runs in kernels.items():
            s = {"runs": len(runs)}
            for c in NUMBERS:
                values = [float(r[c]) for r in runs]
                s[c] = (statistics.median(values), min(values), max(values))
            out.setdefault(key, {})[kernel] = s
    return out


def _fewer(b, p):
    if not b:
        return "-"
    return "%.1f%% fewer" % (100.0 * (b - p) / b)


def _change(b, p):
    """The change from b to p, short: "-99.9%", "+12%", "0" (both none)."""
    if not b:
        return "0" if not p else "new"
    return "%+.1f%%" % (100.0 * (p - b) / b)


def table(summ, kernel_rows):
    """The section of the aging-benchmark table, as lines."""
    lines = ["", "kvm->mmu_lock on lock-statistics kernels (configs/kernel/lockstat.config,",
             "base and patched built alike; lockdep slows every lock, so these runs count",
             "and do not time). Medians of the runs, [min-max] for aging's acquisitions:",
             "acquisitions = who took the lock, by call stack (lock:lock_acquire",
             "histogram): the aging notifiers (clear_young, clear_flush_young, test_young,",
             "the fast op), vCPUs (faults), invalidation; \"a write\" = aging's",
             "acquisitions per aging write of the run (reclaim's clear_flush_young",
             "included); contentions and wait = /proc/lock_stat, read side / write side",
             "(vCPU faults take the read side where KVM's mmu_lock is an rwlock and the",
             "MMU is TDP or arm64 stage-2); behind aging = contentions whose holder was an",
             "aging notifier (lock_stat's contending points).", ""]
    head = "%-11s %-7s | %-8s %4s | %6s | %-27s %9s | %9s %9s | %-15s | %-17s | %8s" % (
        "config", "MMU", "kernel", "runs", "writes", "aging acquisitions", "a write",
        "vCPU acq", "inval acq", "contentions R/W", "wait ms R/W", "behind aging")
    lines += [head, "-" * len(head)]

    def row(key, kernel, s):
        a = s["acq_aging"]
        return "%-11s %-7s | %-8s %4d | %6.0f | %9.0f [%7.0f-%7.0f] %9.1f | %9.0f %9.0f | %7.0f/%-7.0f | %8.1f/%-8.1f | %8.0f" % (
            key[0], key[1], kernel, s["runs"], s["passes"][0], a[0], a[1], a[2],
            a[0] / s["passes"][0] if s["passes"][0] else float("nan"),
            s["acq_vcpu"][0], s["acq_invalidation"][0], s["r_cont"][0], s["w_cont"][0],
            s["r_wait_us"][0] / 1000, s["w_wait_us"][0] / 1000, s["cont_behind_aging"][0])

    def ratio(b, p):
        return "%-19s | %-13s | %6s | %-37s | %19s | %-15s | %-17s | %s" % (
            "", "base->patched", "", "aging: %s" % _fewer(b["acq_aging"][0], p["acq_aging"][0]),
            "", "%s/%s" % (_change(b["r_cont"][0], p["r_cont"][0]), _change(b["w_cont"][0], p["w_cont"][0])),
            "%s/%s" % (_change(b["r_wait_us"][0], p["r_wait_us"][0]),
                       _change(b["w_wait_us"][0], p["w_wait_us"][0])),
            _fewer(b["cont_behind_aging"][0], p["cont_behind_aging"][0]))

    lines += kernel_rows(summ, sorted(summ), row, ratio)
    return lines

"""Where are a guest's vCPUs? Sample QEMU's "info registers -a" over the
monitor socket and name each vCPU's instruction pointer from System.map.

  workbench vcpu-registers [--after SECS] [--samples N] SOCKET SYSTEM_MAP

lib/guest-boot.sh starts it beside every guest: just before the timeout it
writes the samples to registers.txt, so that a guest that hangs or stalls
leaves a trace of what its vCPUs were executing. With --after, it sleeps
first, and exits quietly if the guest is gone by then. A vCPU running an
L2 guest shows the L2 guest's registers (QEMU prints the current mode's).
"""

import argparse
import bisect
import collections
import re
import socket
import sys
import time

PROMPT = b"(qemu) "


def load_symbols(path):
    """Sorted (address, name) of the text symbols of a System.map."""
    syms = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[1] in "tTwW":
                syms.append((int(parts[0], 16), parts[2]))
    syms.sort()
    return syms


def symbolize(syms, addr):
    """name+0xoff for a kernel text address, None outside the kernel's text."""
    if not syms or addr < syms[0][0] or addr >= 0xffffffffffe00000:
        return None
    i = bisect.bisect_right([a for a, _ in syms], addr) - 1
    base, name = syms[i]
    if addr - base > 0x100000:
        return None
    return "%s+0x%x" % (name, addr - base)


def parse(text):
    """[(cpu, rip, cpl)] from the output of "info registers -a": x86's
    RIP and CPL, or arm64's PC and exception level (EL1 and EL2, where a
    VHE kernel runs, count as CPL 0; EL0 as user space, CPL 3)."""
    out = []
    cpu = pc = None
    for line in text.splitlines():
        m = re.match(r"CPU#(\d+)", line.strip())
        if m:
            cpu, pc = int(m.group(1)), None
            continue
        m = re.search(r"\b[RE]IP=([0-9a-f]+) .*\bCPL=(\d)", line)
        if m and cpu is not None:
            out.append((cpu, int(m.group(1), 16), int(m.group(2))))
            cpu = None
            continue
        m = re.search(r"\bPC=([0-9a-f]+)", line)
        if m:
            pc = int(m.group(1), 16)
        m = re.search(r"\bPSTATE=[0-9a-f]+ \S+ EL(\d)", line)
        if m and cpu is not None and pc is not None:
            out.append((cpu, pc, 0 if m.group(1) != "0" else 3))
            cpu = pc = None
    return out


def describe(syms, rip, cpl):
    name = symbolize(syms, rip) if cpl == 0 else None
    if name:
        return name
    return "outside the kernel's text (CPL %d: user space, firmware or an L2 guest)" % cpl


class Monitor:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(10)
        self.sock.connect(path)
        self.read_to_prompt()

    def read_to_prompt(self):
        data = b""
        while not data.endswith(PROMPT):
            chunk = self.sock.recv(65536)
            if not chunk:
                break
            data += chunk
        return data.decode(errors="replace")

    def command(self, cmd):
        self.sock.sendall(cmd.encode() + b"\n")
        text = self.read_to_prompt()
        # The monitor echoes the command with terminal escapes: drop that line.
        return text.split("\n", 1)[1] if "\n" in text else ""


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--after", type=float, default=0)
    ap.add_argument("--samples", type=int, default=5)
    ap.add_argument("socket")
    ap.add_argument("system_map")
    args = ap.parse_args(argv[1:])
    time.sleep(args.after)
    try:
        mon = Monitor(args.socket)
    except OSError as e:
        if args.after:
            return 0  # the guest finished before the deadline
        sys.exit("workbench vcpu-registers: cannot reach the QEMU monitor at %s: %s" % (args.socket, e))
    try:
        syms = load_symbols(args.system_map)
    except OSError as e:
        print("no symbols (%s): addresses only" % e)
        syms = []
    seen = collections.Counter()
    dumps = []
    for n in range(args.samples):
        text = mon.command("info registers -a")
        dumps.append(text)
        for cpu, rip, cpl in parse(text):
            where = describe(syms, rip, cpl)
            seen[(cpu, where.split("+")[0])] += 1
            print("sample %d: CPU#%d RIP=%016x %s" % (n + 1, cpu, rip, where))
        time.sleep(1)
    print("\nper vCPU, where the samples fell:")
    for (cpu, where), count in sorted(seen.items()):
        print("  CPU#%d %3d x %s" % (cpu, count, where))
    print("\nlast sample, in full:\n" + dumps[-1])
    return 0


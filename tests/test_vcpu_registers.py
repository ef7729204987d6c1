"""Tests of the vCPU register sampler (make lint)."""

import os
import sys
import tempfile
import unittest

from workbench import vcpu_registers

DUMP = """info registers -a\x1b[K
CPU#0
RAX=0000000000000000 RBX=ffff888100000000 RCX=0000000000000001 RDX=0000000000000000
RIP=ffffffff81102a4c RFL=00000246 [---Z-P-] CPL=0 II=0 A20=1 SMM=0 HLT=0
ES =0000 0000000000000000 00000000 00000000

CPU#1
RAX=0000000000000000 RBX=0000000000000000 RCX=0000000000000000 RDX=0000000000000000
RIP=0000000000401f3a RFL=00000202 [-------] CPL=3 II=0 A20=1 SMM=0 HLT=0
"""

MAP = """ffffffff81000000 T _stext
ffffffff81102a00 T queued_write_lock_slowpath
ffffffff81102b00 t helper
ffffffff82000000 D some_data
"""


class VcpuRegistersTest(unittest.TestCase):
    def test_parse_and_describe(self):
        regs = vcpu_registers.parse(DUMP)
        self.assertEqual(regs, [(0, 0xffffffff81102a4c, 0), (1, 0x401f3a, 3)])
        with tempfile.NamedTemporaryFile("w", suffix=".map") as f:
            f.write(MAP)
            f.flush()
            syms = vcpu_registers.load_symbols(f.name)
        self.assertEqual(vcpu_registers.describe(syms, *regs[0][1:]),
                         "queued_write_lock_slowpath+0x4c")
        self.assertIn("CPL 3", vcpu_registers.describe(syms, *regs[1][1:]))
        # Far past the last text symbol, or below the kernel: not named.
        self.assertIsNone(vcpu_registers.symbolize(syms, 0xffffffff82000010))
        self.assertIsNone(vcpu_registers.symbolize(syms, 0x1000))

    def test_arm64_dump(self):
        dump = ("CPU#0\n PC=ffff800080123450 X00=0000000000000000 X01=0000000000000001\n"
                "PSTATE=604003c9 -ZC- EL2h    BTYPE=0\n"
                "CPU#1\n PC=0000aaaab0001000 X00=0000000000000000\n"
                "PSTATE=80001000 N--- EL0t\n")
        self.assertEqual(vcpu_registers.parse(dump),
                         [(0, 0xffff800080123450, 0), (1, 0xaaaab0001000, 3)])

    def test_32bit_dump(self):
        self.assertEqual(vcpu_registers.parse("CPU#0\nEIP=0000fff0 EFL=00000002 [-------] CPL=0 II=0\n"),
                         [(0, 0xfff0, 0)])


if __name__ == "__main__":
    unittest.main()

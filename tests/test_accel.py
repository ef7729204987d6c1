"""ACCEL= (lib/guest-accel.sh): an accelerator the machine cannot give is a
one-line error before anything boots, never a silent fallback to TCG."""

import os
import subprocess
import unittest

from workbench.layout import TOP

from .env import clean_env


def boot(**env):
    return subprocess.run([os.path.join(TOP, "lib", "guest-boot.sh"), "-k", "/nonexistent", "--", "true"],
                          env=clean_env(**env), capture_output=True, text=True)


class Accel(unittest.TestCase):
    def assert_error(self, result, text):
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(result.stderr.count("\n"), 1, result.stderr)
        self.assertIn("guest-boot.sh: error: " + text, result.stderr)

    def test_unknown(self):
        self.assert_error(boot(ACCEL="xen"), "unknown ACCEL 'xen' (tcg or kvm)")

    def test_kvm_other_arch(self):
        self.assert_error(boot(ACCEL="kvm", ARCH="arm64"), "ACCEL=kvm runs the guest on this machine's CPU")

    @unittest.skipIf(os.path.exists("/sys/module/kvm_intel/parameters/nested")
                     or os.path.exists("/sys/module/kvm_amd/parameters/nested"),
                     "this machine has kvm_intel or kvm_amd")
    def test_kvm_without_hardware(self):
        self.assert_error(boot(ACCEL="kvm"), "ACCEL=kvm: ")


if __name__ == "__main__":
    unittest.main()

"""Tests of workbench/initramfs.py: the newc archive the kernel unpacks."""

import os
import stat
import tempfile
import unittest

from workbench import initramfs


def entries(data):
    """(name, mode, rdevmajor, rdevminor, content) of a newc archive."""
    out, pos = [], 0
    while True:
        head = data[pos:pos + 110]
        assert head[:6] == b"070701", head[:6]
        f = [int(head[6 + 8 * i:14 + 8 * i], 16) for i in range(13)]
        mode, size, rmaj, rmin, namesize = f[1], f[6], f[9], f[10], f[11]
        pos += 110
        name = data[pos:pos + namesize - 1].decode()
        pos += namesize
        pos += -pos % 4
        content = data[pos:pos + size]
        pos += size
        pos += -pos % 4
        if name == "TRAILER!!!":
            assert pos == len(data)
            return out
        out.append((name, mode, rmaj, rmin, content))


class Pack(unittest.TestCase):
    def test_files_links_dirs_and_console(self):
        with tempfile.TemporaryDirectory() as d:
            top = os.path.join(d, "root")
            os.makedirs(os.path.join(top, "bin"))
            with open(os.path.join(top, "bin", "busybox"), "wb") as f:
                f.write(b"\x7fELF12345")
            os.chmod(os.path.join(top, "bin", "busybox"), 0o755)
            os.symlink("busybox", os.path.join(top, "bin", "sh"))
            out = os.path.join(d, "initramfs.cpio")
            initramfs.pack(top, out)
            with open(out, "rb") as f:
                got = {e[0]: e[1:] for e in entries(f.read())}
        self.assertEqual(sorted(got), ["bin", "bin/busybox", "bin/sh", "dev", "dev/console"])
        self.assertTrue(stat.S_ISDIR(got["bin"][0]))
        self.assertEqual(got["bin/busybox"], (stat.S_IFREG | 0o755, 0, 0, b"\x7fELF12345"))
        self.assertEqual(got["bin/sh"], (stat.S_IFLNK | 0o777, 0, 0, b"busybox"))
        self.assertEqual(got["dev/console"][:3], (stat.S_IFCHR | 0o600, 5, 1))

    def test_same_directory_same_archive(self):
        with tempfile.TemporaryDirectory() as d:
            top = os.path.join(d, "root")
            os.makedirs(os.path.join(top, "dev"))
            a, b = os.path.join(d, "a"), os.path.join(d, "b")
            initramfs.pack(top, a)
            os.utime(os.path.join(top, "dev"), (0, 12345))
            initramfs.pack(top, b)
            with open(a, "rb") as fa, open(b, "rb") as fb:
                self.assertEqual(fa.read(), fb.read())
            with open(a, "rb") as f:
                self.assertEqual([e[0] for e in entries(f.read())], ["dev", "dev/console"])


if __name__ == "__main__":
    unittest.main()

"""Pack a directory into an initramfs: a "newc" cpio archive, the format the
kernel unpacks (Documentation/driver-api/early-userspace/buffer-format.rst).

  workbench initramfs DIR OUT

Every entry is owned by root, with mtime 0 (the same DIR gives the same
archive). Regular files, directories and symbolic links are packed; the
archive also gets /dev/console, the one device node the kernel opens
before it runs /init, so that no root privilege (mknod) is needed to build
it. lib/guest-rootfs.sh makes the arm64 guests' initramfs with it.
"""

import os
import stat
import sys

# Device nodes every archive gets: path, type bits, major, minor.
NODES = (("dev/console", stat.S_IFCHR | 0o600, 5, 1),)


def _pad(n):
    return b"\0" * (-n % 4)


def entry(name, mode, data=b"", nlink=1, rdev=(0, 0), ino=0):
    """One newc entry: header, NUL-terminated name and data, 4-byte aligned."""
    fields = (ino, mode, 0, 0, nlink, 0, len(data), 0, 0, rdev[0], rdev[1],
              len(name) + 1, 0)
    head = b"070701" + b"".join(b"%08X" % f for f in fields)
    raw = name.encode() + b"\0"
    out = head + raw
    out += _pad(len(out))
    return out + data + _pad(len(data))


def walk(top):
    """(archive name, lstat, data) of DIR's entries, parents first, sorted."""
    for root, dirs, files in os.walk(top):
        dirs.sort()
        rel = os.path.relpath(root, top)
        if rel != ".":
            yield rel, os.lstat(root), b""
        for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(root, d))]):
            path = os.path.join(root, name)
            st = os.lstat(path)
            arcname = os.path.normpath(os.path.join(rel, name))
            if stat.S_ISLNK(st.st_mode):
                yield arcname, st, os.readlink(path).encode()
            elif stat.S_ISREG(st.st_mode):
                with open(path, "rb") as f:
                    yield arcname, st, f.read()


def pack(top, out):
    ino = 0
    names = set()
    with open(out, "wb") as f:
        for name, st, data in walk(top):
            ino += 1
            names.add(name)
            mode = stat.S_IFMT(st.st_mode) | stat.S_IMODE(st.st_mode)
            nlink = 2 if stat.S_ISDIR(st.st_mode) else 1
            f.write(entry(name, mode, data, nlink=nlink, ino=ino))
        for name, mode, major, minor in NODES:
            parent = os.path.dirname(name)
            if parent not in names:
                ino += 1
                names.add(parent)
                f.write(entry(parent, stat.S_IFDIR | 0o755, nlink=2, ino=ino))
            ino += 1
            f.write(entry(name, mode, rdev=(major, minor), ino=ino))
        f.write(entry("TRAILER!!!", 0))


def main(argv):
    if len(argv) != 3 or not os.path.isdir(argv[1]):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    pack(argv[1], argv[2])
    return 0

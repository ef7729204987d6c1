#!/bin/sh
# guest-rootfs.sh: make the initramfs of $ARCH's guests present, and print
# its path (configs/guest/qemu-$ARCH.conf: QEMU_ROOT=initramfs).
#
# configs/guest/rootfs-$ARCH.conf names the Debian packages
# (ROOTFS_PACKAGES) and their sources list (ROOTFS_SOURCES). They are
# downloaded with apt-get download through a private apt configuration
# (APT::Architectures=$ARCH, lists and archives in $CACHE/apt/rootfs-$ARCH:
# the system's apt sources and dpkg architectures are not touched), unpacked
# with dpkg -x, and packed with guest/initramfs-init.sh as /init
# (python3 -m workbench initramfs). The result is cached in
# $CACHE/rootfs-$ARCH/KEY/initramfs.cpio, KEY the hash of what made it, so
# that only a change of those files fetches and packs again (the package
# versions are the archive's at that time: packages.txt beside it says which).
set -eu
. "$(dirname "$0")/common.sh"

conf=$TOP/configs/guest/rootfs-$ARCH.conf
[ -f "$conf" ] || die "ARCH=$ARCH guests have no initramfs description ($conf)"
# shellcheck source=configs/guest/rootfs-arm64.conf
. "$conf"
list=$TOP/configs/guest/$ROOTFS_SOURCES
[ -f "$list" ] || die "no sources list $list"
key=$(cat "$conf" "$list" "$TOP/guest/initramfs-init.sh" "$TOP/workbench/initramfs.py" |
	sha1sum | cut -c1-12)
dest=$CACHE/rootfs-$ARCH/$key
if [ -f "$dest/initramfs.cpio" ]; then
	echo "$dest/initramfs.cpio"
	exit 0
fi

apt=$CACHE/apt/rootfs-$ARCH
mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/download"
set -- -o Dir::Etc::sourcelist="$list" -o Dir::Etc::sourceparts=- \
	-o Dir::State::Lists="$apt/lists" -o Dir::Cache::archives="$apt/archives" \
	-o APT::Get::List-Cleanup=0 -o APT::Architecture="$ARCH" \
	-o APT::Architectures::="$ARCH"
note "guest userspace for $ARCH: looking up $ROOTFS_PACKAGES (${list#"$TOP"/}, private apt lists in $apt)"
apt-get "$@" update >"$apt/update.log" 2>&1 ||
	die "apt-get update with ${list#"$TOP"/} failed (log: $apt/update.log)"
rm -f "$apt/download"/*.deb
# shellcheck disable=SC2086 # the package list
(cd "$apt/download" && apt-get "$@" download $ROOTFS_PACKAGES) >"$apt/download.log" 2>&1 ||
	die "apt-get download $ROOTFS_PACKAGES ($ARCH) failed (log: $apt/download.log)"
rm -rf "$dest.tmp"
mkdir -p "$dest.tmp/root"
for deb in "$apt/download"/*.deb; do
	note "unpacking ${deb##*/}"
	dpkg -x "$deb" "$dest.tmp/root" || die "dpkg -x $deb failed"
	# shellcheck disable=SC2016 # dpkg's format, not the shell's
	dpkg-deb --show --showformat='${Package} ${Version} ${Architecture}\n' "$deb" \
		>>"$dest.tmp/packages.txt"
done
r=$dest.tmp/root
[ -x "$r/bin/busybox" ] || die "the packages ($ROOTFS_PACKAGES) have no /bin/busybox"
mkdir -p "$r/proc" "$r/sys" "$r/dev" "$r/run" "$r/tmp" "$r/host" "$r/mnt" \
	"$r/sbin" "$r/usr/bin" "$r/usr/sbin"
ln -sf busybox "$r/bin/sh"
cp "$TOP/guest/initramfs-init.sh" "$r/init"
chmod 755 "$r/init"
python3 -m workbench initramfs "$r" "$dest.tmp/initramfs.cpio"
rm -rf "$r" "$dest"
mv "$dest.tmp" "$dest"
rm -f "$apt/download"/*.deb
# Older initramfs of this arch (made from other versions of these files).
for old in "$CACHE/rootfs-$ARCH"/*; do
	[ "$old" = "$dest" ] || rm -rf "$old"
done
note "guest userspace for $ARCH: $dest/initramfs.cpio ($(du -k "$dest/initramfs.cpio" | cut -f1) KiB: $(awk '{ printf "%s%s %s %s", sep, $1, $2, $3; sep = ", " }' "$dest/packages.txt"))"
echo "$dest/initramfs.cpio"

#!/bin/sh
# /init of a workbench guest whose root is an initramfs (arm64:
# lib/guest-rootfs.sh packs it, with busybox as its userspace). It makes
# the guest look like an x86_64 one, whose root is the host's, then runs
# guest/init.sh: the host's / (9p tag "hostroot", read-only) is mounted on
# /host, and the host paths the run needs (the results share's keep file:
# the workbench, its work directory) and the host's /tmp are bind-mounted
# where the host has them.
# busybox finds itself through /proc/self/exe to install its applets.
/bin/busybox mount -t proc proc /proc
/bin/busybox --install -s
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
opts=trans=virtio,version=9p2000.L,msize=262144
mount -t 9p -o "$opts,ro,cache=loose" hostroot /host ||
	{ echo "initramfs-init: cannot mount the host's root (9p tag hostroot)"; poweroff -f; }
mount -t 9p -o "$opts" results /mnt ||
	{ echo "initramfs-init: cannot mount the results share"; poweroff -f; }
top=""
while read -r keep; do
	top=${top:-$keep}
	case $keep in
	/tmp/*) ;;
	*)
		mkdir -p "$keep"
		mount --bind "/host$keep" "$keep"
		;;
	esac
done </mnt/keep
umount /mnt
mount --bind /host/tmp /tmp
umount /proc
exec "$top/guest/init.sh"

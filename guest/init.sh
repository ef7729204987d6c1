#!/bin/sh
# PID 1 of a workbench guest. The root is the host's, read-only over 9p;
# the results share (tag "results") holds cmd.sh, which is run here. Its
# output goes to output.log (the console keeps kernel messages only, so a
# test printing "WARNING" is never taken for a kernel splat), its exit status
# to status. The guest then powers off.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
HOME=/tmp
export PATH HOME

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /run
mount -t debugfs debugfs /sys/kernel/debug
mount -t cgroup2 cgroup2 /sys/fs/cgroup
# What systemd does on a real host: the memory controller for the root's
# children (upstream's MGLRU tests look up their memcg there).
echo +memory >/sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || true
mkdir -p /run/results /run/host-tmp
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 results /run/results

# A writable /tmp. The host paths the run needs (listed in keep, e.g. a
# checkout under the host's /tmp) stay visible through bind mounts.
mount --bind /tmp /run/host-tmp
mount -t tmpfs tmpfs /tmp
while read -r keep; do
	case $keep in
	/tmp/?*)
		mkdir -p "$keep"
		mount --bind "/run/host-tmp/${keep#/tmp/}" "$keep"
		;;
	esac
done </run/results/keep

echo "workbench-guest: kernel $(uname -r), cmdline: $(cat /proc/cmdline)"
cd /tmp || exit 1
sh /run/results/cmd.sh >/run/results/output.log 2>&1 </dev/null
echo $? >/run/results/status
echo "workbench-guest: exit status $(cat /run/results/status 2>/dev/null)"
sync
umount /run/results
# Power off through sysrq; it completes asynchronously. Wait with a shell
# builtin: the root (9p) may already be gone, and PID 1 must not exit.
echo o >/proc/sysrq-trigger
while :; do :; done

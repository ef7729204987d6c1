# Sourced by lib/guest-boot.sh and the benchmarks, after
# configs/guest/qemu-$ARCH.conf: which QEMU accelerator the guests run on.
#   ACCEL=tcg  (default) QEMU TCG: what every number in this repository
#              was measured with (see README.md, "Requirements")
#   ACCEL=kvm  QEMU on the host's /dev/kvm, -cpu host, for reviewers whose
#              machine has hardware virtualization with nested
#              virtualization enabled (the KVM selftests run L2 guests).
#              x86_64 only. Untested here: no machine of this project has
#              /dev/kvm; it fails with a one-line error where /dev/kvm
#              cannot run such a guest, never falls back to TCG.
# Sets ACCEL_ARGS (QEMU's -accel argument for TCG threading TCG_MODE,
# "single" or "multi") through accel_args, and QEMU_CPU.
# shellcheck shell=sh

ACCEL=${ACCEL:-tcg}
case $ACCEL in
tcg) ;;
kvm)
	[ "$ARCH" = "$(uname -m)" ] ||
		die "ACCEL=kvm runs the guest on this machine's CPU: ARCH=$ARCH is not $(uname -m)"
	[ "$ARCH" = x86_64 ] ||
		die "ACCEL=kvm is x86_64 only: the arm64 guests need EL2, which QEMU gives only under TCG here"
	[ -e /dev/kvm ] || die "ACCEL=kvm: no /dev/kvm on this machine (no hardware virtualization, or kvm not loaded)"
	if [ ! -r /dev/kvm ] || [ ! -w /dev/kvm ]; then
		die "ACCEL=kvm: /dev/kvm is not readable and writable by $(id -un)"
	fi
	_nested=""
	for _m in kvm_intel kvm_amd; do
		[ -r "/sys/module/$_m/parameters/nested" ] && _nested=$(cat "/sys/module/$_m/parameters/nested")
	done
	case $_nested in
	Y | 1) ;;
	"") die "ACCEL=kvm: neither kvm_intel nor kvm_amd is loaded" ;;
	*) die "ACCEL=kvm: nested virtualization is off (modprobe kvm_intel nested=1, or kvm_amd nested=1): the KVM selftests need L2 guests" ;;
	esac
	QEMU_CPU=host
	;;
*) die "unknown ACCEL '$ACCEL' (tcg or kvm)" ;;
esac

# accel_args TCG_MODE: QEMU's -accel argument.
accel_args() {
	if [ "$ACCEL" = kvm ]; then echo kvm; else echo "tcg,thread=$1"; fi
}

# accel_desc TCG_MODE: the accelerator in words, for benchmark settings.
accel_desc() {
	if [ "$ACCEL" = kvm ]; then echo "KVM (/dev/kvm, nested), -cpu host"; else echo "TCG thread=$1, -cpu $QEMU_CPU"; fi
}

# qemu_settings MEMORY: how the benchmarks' guests run, for their tables
# (QEMU, accelerator, CPUs, MEMORY, the host).
qemu_settings() {
	printf '%s; %s, -smp %s, -m %s; host: %s CPUs (%s)' \
		"$("$QEMU" --version | head -n 1)" "$(accel_desc multi)" "$QEMU_SMP" "$1" "$(nproc)" \
		"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
}

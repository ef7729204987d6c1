# Sourced by the scripts that build kernels: the one kbuild command line,
# the one configuration step, and the objects the series touches.
# shellcheck shell=sh

command -v ccache >/dev/null || die "ccache missing: run 'make deps'"
# Reproducible builds; paths under the base's work directory are hashed
# relative to it, so that a clone elsewhere (CI) gets ccache hits from this
# one's builds.
KBUILD_BUILD_TIMESTAMP=$BASE_DATE KBUILD_BUILD_USER=workbench KBUILD_BUILD_HOST=workbench
CCACHE_BASEDIR=${CCACHE_BASEDIR:-$WORK}
export KBUILD_BUILD_TIMESTAMP KBUILD_BUILD_USER KBUILD_BUILD_HOST CCACHE_BASEDIR

# kbuild ARCH SRC OUT MAKE-ARGS...: make in the kernel tree SRC, objects in
# OUT, for ARCH (configs/arch/ARCH.conf: x86_64, or arm64 cross-compiled),
# with ccache and $JOBS (3) jobs.
kbuild() {
	_arch=$1 _src=$2 _out=$3
	shift 3
	arch_conf "$_arch"
	if [ -n "$ARCH_CROSS_COMPILE" ]; then
		command -v "${ARCH_CROSS_COMPILE}gcc" >/dev/null ||
			die "${ARCH_CROSS_COMPILE}gcc missing: run 'make check-cross' (it installs it)"
		set -- CROSS_COMPILE="$ARCH_CROSS_COMPILE" "$@"
	fi
	make -C "$_src" O="$_out" HOSTCC="ccache gcc" -j"${JOBS:-3}" \
		ARCH="$ARCH_KBUILD" CC="ccache ${ARCH_CROSS_COMPILE}gcc" "$@"
}

# arch_conf ARCH: read configs/arch/ARCH.conf (ARCH_KBUILD, ARCH_SRCARCH,
# ARCH_CROSS_COMPILE).
arch_conf() {
	[ -f "$TOP/configs/arch/$1.conf" ] ||
		die "unknown architecture '$1' (known: $(cd "$TOP/configs/arch" && echo *.conf | sed 's/\.conf//g'))"
	# shellcheck source=configs/arch/x86_64.conf
	. "$TOP/configs/arch/$1.conf"
}

# kconfigure ARCH SRC OUT "BASE..." FRAGMENT...: OUT/.config = the kbuild
# configuration targets BASE (e.g. "x86_64_defconfig kvm_guest.config") +
# the FRAGMENTs, every value the FRAGMENTs ask for checked in the result
# (dies naming the lost ones). OUT/.config is only replaced when its content
# changed, so that rebuilds stay incremental. Log: OUT/config.log.
kconfigure() {
	_arch=$1 _src=$2 _out=$3 _def=$4
	shift 4
	mkdir -p "$_out"
	_log=$_out/config.log
	# shellcheck disable=SC2086 # the configuration targets
	kbuild "$_arch" "$_src" "$_out" KCONFIG_CONFIG=.config.new $_def >"$_log" 2>&1 ||
		{ cat "$_log" >&2; die "$_arch $_def failed"; }
	cat "$@" >>"$_out/.config.new"
	kbuild "$_arch" "$_src" "$_out" KCONFIG_CONFIG=.config.new olddefconfig >>"$_log" 2>&1 ||
		{ cat "$_log" >&2; die "$_arch olddefconfig failed"; }
	_bad=$(for f in "$@"; do
		sed -n -e 's/^\(CONFIG_[A-Za-z0-9_]*\)=\(.*\)/\1 \2/p' \
			-e 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set/\1 n/p' "$f"
	done | while read -r sym val; do
		got=$(sed -n -e "s/^$sym=//p" -e "s/^# $sym is not set/n/p" "$_out/.config.new")
		[ "${got:-n}" = "$val" ] || echo "$sym=$val(got:${got:-n})"
	done)
	[ -z "$_bad" ] ||
		die "${_out#"$WORK"/}: the configuration lost requested values: $(echo "$_bad" | tr '\n' ' ')"
	if cmp -s "$_out/.config.new" "$_out/.config"; then
		rm -f "$_out/.config.new"
	else
		mv "$_out/.config.new" "$_out/.config"
		note "${_out#"$WORK"/}: configuration updated"
	fi
}

# touched_objects ARCH CONFIG: the objects the series touches that CONFIG
# builds (make targets, for W=1, sparse and bisection builds). arch/*/kvm/
# includes virt/kvm.
touched_objects() {
	_objs="mm/vmscan.o"
	! grep -q '^CONFIG_MMU_NOTIFIER=y' "$2" || _objs="$_objs mm/mmu_notifier.o"
	if grep -q '^CONFIG_KVM=y' "$2"; then
		arch_conf "$1"
		_objs="$_objs arch/$ARCH_SRCARCH/kvm/"
	fi
	echo "$_objs"
}

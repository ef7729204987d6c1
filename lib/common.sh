# Sourced by every workbench script: the base, the paths, the series, and
# the one way to fail.
# shellcheck shell=sh

TOP=$(cd "$(dirname "$0")/.." && pwd)

die() {
	printf '%s: error: %s\n' "${0##*/}" "$*" >&2
	exit 1
}

note() {
	printf '%s: %s\n' "${0##*/}" "$*" >&2
}

# The base: configs/bases/$BASE/ (base.conf, and data that differs from the
# defaults in configs/). 7.3 unless the environment says otherwise.
BASE=${BASE:-7.3}
BASE_DIR=$TOP/configs/bases/$BASE
[ -f "$BASE_DIR/base.conf" ] ||
	die "unknown BASE '$BASE' (known: $(cd "$TOP/configs/bases" && echo */ | tr -d /))"
# shellcheck source=configs/bases/7.3/base.conf
. "$BASE_DIR/base.conf"
PATCHES=${PATCHES:-$TOP/patches/$BASE}

# Everything generated for a base lives in $WORK_ROOT/$BASE (its tree, its
# builds, its results), so that switching BASE keeps the other one. The
# downloaded base sources live in $CACHE, which no "make clean" removes.
WORK_ROOT=${WORK_ROOT:-${WORK:-$TOP/work}}
WORK=$WORK_ROOT/$BASE
TREE=$WORK/linux
CACHE=${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kernel-workbench}
# The Python package (python3 -m workbench ...).
PYTHONPATH=$TOP

# The architecture the targets build, boot and test: configs/arch/$ARCH.conf
# (x86_64 unless the environment says otherwise; ARCH=arm64 cross-builds).
ARCH=${ARCH:-x86_64}
[ -f "$TOP/configs/arch/$ARCH.conf" ] ||
	die "unknown ARCH '$ARCH' (known: $(cd "$TOP/configs/arch" && echo *.conf | sed 's/\.conf//g'))"
# shellcheck source=configs/arch/x86_64.conf
. "$TOP/configs/arch/$ARCH.conf"

# arch_name FILE: the name of FILE's version for $ARCH (kernel.config ->
# kernel-arm64.config; unchanged for x86_64: configs/arch/*.conf).
arch_name() {
	case $1 in
	*.*) echo "${1%.*}$ARCH_DATA_SUFFIX.${1##*.}" ;;
	*) echo "$1$ARCH_DATA_SUFFIX" ;;
	esac
}
# arch_only ARCH...: stop unless the target runs for $ARCH (the targets
# that boot or build x86-only things).
arch_only() {
	for _a in "$@"; do [ "$ARCH" != "$_a" ] || return 0; done
	die "ARCH=$ARCH is not supported by this target (only: $*)"
}
# The MMU modes of $ARCH (workbench/plan.py reads them).
WORKBENCH_MMU_MODES=$TOP/configs/tests/$(arch_name mmu-modes.txt)
export BASE WORK_ROOT WORK TREE CACHE PYTHONPATH WORKBENCH_MMU_MODES

# base_data KIND NAME: the base's own configs/bases/$BASE/NAME if it has
# one, else the default configs/KIND/NAME (test lists, kernel fragments).
base_data() {
	if [ -f "$BASE_DIR/$2" ]; then echo "$BASE_DIR/$2"; else echo "$TOP/configs/$1/$2"; fi
}

# The code patches of the series, in order (the cover letter is not code).
series_patches() {
	for p in "$PATCHES"/0*.patch; do
		[ -f "$p" ] || continue
		case ${p##*/} in 0000-*) ;; *) echo "$p" ;; esac
	done
}

# The series id: what the tree is made of (the code patches' content).
series_id() {
	series_patches | while read -r p; do cat "$p"; done | sha1sum | cut -c1-40
}

# select_modes DEFAULT: the MMU modes a target runs in, $MODES or else
# DEFAULT (configs/tests/mmu-modes.txt names, or "all"), checked.
select_modes() {
	python3 -m workbench plan modes "${MODES:-$1}" || exit 1
}

# dry_run WHAT...: with DRY_RUN=1, print what the target would do (base,
# modes, test list) and stop before doing anything.
dry_run() {
	[ "${DRY_RUN:-0}" = 1 ] || return 0
	echo "${0##*/}: base $BASE; $*"
	exit 0
}

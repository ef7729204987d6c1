# Sourced by the workbench scripts: paths and the one way to fail.
# shellcheck shell=sh

TOP=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-$TOP/work}
TREE=${TREE:-$WORK/linux}
# shellcheck source=configs/base.conf
. "$TOP/configs/base.conf"

die() {
	printf '%s: error: %s\n' "${0##*/}" "$*" >&2
	exit 1
}

note() {
	printf '%s: %s\n' "${0##*/}" "$*" >&2
}

#!/bin/sh
# deps.sh: "make deps", the Debian packages of configs/packages.txt that
# $ARCH needs (configs/arch/$ARCH.conf: core; arm64: core cross arm64).
set -eu
. "$(dirname "$0")/../lib/common.sh"
# shellcheck disable=SC2086 # the package groups
exec "$TOP/lib/deps.sh" $ARCH_PACKAGES

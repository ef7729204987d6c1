#!/bin/sh
# clean.sh: "make clean". Remove the base's work directory ($WORK_ROOT/$BASE):
# its tree, builds and results. The other base's and the downloaded sources
# ($CACHE) stay; ccache keeps its cache (~/.cache/ccache).
set -eu
. "$(dirname "$0")/../lib/common.sh"
case $WORK in "$WORK_ROOT"/?*) ;; *) die "refusing to remove $WORK" ;; esac
rm -rf "$WORK"
note "removed $WORK"

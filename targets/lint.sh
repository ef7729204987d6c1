#!/bin/sh
# lint.sh: "make lint". shellcheck -x on every shell script of the workbench
# and the unit tests (tests/, which also check the README's target table
# against configs/targets.txt).
set -eu
. "$(dirname "$0")/../lib/common.sh"
"$TOP/lib/deps.sh" lint
cd "$TOP"
shellcheck -x targets/*.sh lib/*.sh guest/*.sh .ci/run
note "shellcheck: clean"
python3 -m unittest discover -q -s tests -t .

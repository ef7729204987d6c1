#!/bin/sh
# deps.sh: "make deps", the Debian packages of configs/packages.txt (core).
set -eu
exec "$(dirname "$0")/../lib/deps.sh" core

#!/usr/bin/env bash
# Builds Spindle and runs the whole test suite (CTest). The last lines are
# CTest's summary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh"
cd "$root/build"
ctest --output-on-failure -j"$(nproc)"

#!/usr/bin/env bash
# Configures and builds Spindle (Release, -O2) in build/ with Ninja.
# Usage: tools/build.sh [extra cmake -D options...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
ninja -C "$root/build" -j"$(nproc)"

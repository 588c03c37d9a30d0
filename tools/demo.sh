#!/usr/bin/env bash
# Builds Spindle and runs the bundled demo program through it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/build.sh" >/dev/null
cd "$root/demo"
echo "== spindle demo.py"
"$root/build/spindle" demo.py

#!/usr/bin/env bash
# Builds Spindle and compares it with CPython 3.11 and PyPy on the benchmark
# suite (bench/compare.py): interleaved processes, a Markdown table, a JSON
# file and a chart under bench/results/. Options go to compare.py, e.g.
#   tools/bench.sh --quick                 (under 3 minutes)
#   tools/bench.sh --only richards,micro   (some benchmarks or groups)
#   tools/bench.sh --pyperformance DIR     (also the pyperformance files)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# PyPy and matplotlib are optional: without them the comparison leaves PyPy
# out or draws no chart, after deps.sh has said what to install.
"$root/tools/deps.sh" --bench || echo "bench: going on with the engines that are present" >&2
"$root/tools/build.sh" >/dev/null
# Debian's python3 is CPython 3.11, the reference; its matplotlib draws the chart.
python=python3
[[ -x /usr/bin/python3 ]] && python=/usr/bin/python3
exec "$python" "$root/bench/compare.py" "$@"

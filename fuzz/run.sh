#!/usr/bin/env bash
# Builds the libFuzzer build (clang, ASan+UBSan, build dir build-fuzz/) and
# fuzzes the front end for SECONDS (default 600).
#
#   fuzz/run.sh [SECONDS]
#
# Inputs that crash, leak or time out are copied into tests/frontend/regress/
# (named by their SHA-1), where the frontend.regress CTest test replays them
# through `spindle -X compile-only` and checks them against python3.
# Exit status: 0 if the run found nothing, 1 if it found crashes.
set -euo pipefail
command -v clang++ >/dev/null || { echo "fuzz/run.sh: needs clang (tools/deps.sh --fuzz)" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
build=${SPINDLE_FUZZ_BUILD:-$root/build-fuzz}
jobs=${SPINDLE_FUZZ_JOBS:-2}

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DSPINDLE_FUZZ=ON \
  -DSPINDLE_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" -j"$jobs" spindle-frontend-fuzz spindle

work=$build/fuzz-work
mkdir -p "$work/corpus" "$work/artifacts"
rm -f "$work/artifacts"/*
# The working corpus grows across runs; the committed seeds stay small.
cp -n "$root"/fuzz/corpus/* "$work/corpus/" 2>/dev/null || true

set +e
"$build/fuzz/spindle-frontend-fuzz" "$work/corpus" \
  -dict="$root/fuzz/python.dict" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" 2>&1 | tee "$work/last-run.log" | grep -v '^#[0-9]*.*\(NEW\|REDUCE\|pulse\)'
status=${PIPESTATUS[0]}
set -e

found=0
for f in "$work/artifacts"/*; do
  [ -e "$f" ] || continue
  base=$(basename "$f")
  dest="$root/tests/frontend/regress/fuzz_${base}"
  cp "$f" "$dest"
  echo "new regression input: $dest (from $base)"
  found=$((found + 1))
done
echo "fuzz: ${seconds}s, libFuzzer exit $status, $found crash input(s) saved"
[ "$found" -eq 0 ] && [ "$status" -eq 0 ]

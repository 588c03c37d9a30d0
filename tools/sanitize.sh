#!/usr/bin/env bash
# Builds Spindle with AddressSanitizer + UndefinedBehaviorSanitizer in
# build-asan/ (RelWithDebInfo: -O2 -g) and runs the whole test suite under it.
# Any sanitizer report fails the test that triggered it (UBSan is built with
# -fno-sanitize-recover, ASan aborts). The build allocates objects through
# malloc (SPINDLE_SYSTEM_MALLOC) so ASan sees them. Leak detection is on: a
# block still allocated at exit that nothing reachable points to (LSan; the GC
# registry hides its addresses, so GC objects count too) fails the test.
# Usage: tools/sanitize.sh [ctest options...]   e.g. tools/sanitize.sh -L lang
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/deps.sh"
cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSPINDLE_SANITIZE=ON >/dev/null
ninja -C "$root/build-asan" -j"$(nproc)"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd "$root/build-asan"
ctest --output-on-failure -j"$(nproc)" "$@"

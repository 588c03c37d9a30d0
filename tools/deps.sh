#!/usr/bin/env bash
# Makes sure the Debian packages Spindle builds and tests with are installed.
# As root, installs what is missing with apt-get; otherwise says what to run.
# Usage: tools/deps.sh [--fuzz | --bench]
#   --fuzz adds clang and its libFuzzer runtime; --bench adds what
#   tools/bench.sh compares with and draws with (pypy3, matplotlib, GNU time).
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config libgmp-dev unicode-data libgtest-dev
          libbenchmark-dev libmimalloc-dev python3 bzip2)
case "${1:-}" in
  --fuzz) packages+=(clang libclang-rt-14-dev) ;;
  --bench) packages+=(pypy3 python3-matplotlib time) ;;
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  echo "deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "deps: missing Debian packages: ${missing[*]}" >&2
  echo "deps: run: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

#!/usr/bin/env python3
"""Parse + compile every .py file of the installed CPython 3.11 standard
library with Spindle and with CPython's compile(), side by side in one run.

Both sides read the files up front and time only compilation. Rounds
alternate (CPython, Spindle, CPython, Spindle, ...) so machine noise hits
both alike; the ratio is the median of the per-round pair ratios.

Usage: bench/compile_stdlib.py [--rounds N] [--bench PATH-TO-spindle-compile-bench]
"""
import argparse
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import warnings


def stdlib_files():
    root = sysconfig.get_paths()["stdlib"]
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        out.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return out


def cpython_round(sources):
    ok = failed = 0
    t0 = time.perf_counter()
    for path, data in sources:
        try:
            compile(data, path, "exec", dont_inherit=True)
            ok += 1
        except (SyntaxError, ValueError):
            failed += 1
    return time.perf_counter() - t0, ok, failed


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--bench", default=os.path.join(here, "..", "build", "bench", "spindle-compile-bench"))
    args = ap.parse_args()

    # Compile-time SyntaxWarnings are still produced on both sides, not printed.
    warnings.simplefilter("ignore")
    files = stdlib_files()
    sources = []
    for p in files:
        with open(p, "rb") as f:
            sources.append((p, f.read()))
    total_bytes = sum(len(d) for _, d in sources)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as lst:
        lst.write("\n".join(files) + "\n")

    ratios, cp_times, sp_times = [], [], []
    for r in range(args.rounds):
        cp, cp_ok, cp_failed = cpython_round(sources)
        out = subprocess.run([args.bench, lst.name, "1"], capture_output=True, text=True, check=True).stdout
        sp = float(out.split("round 0: ")[1].split()[0])
        sp_ok = out.strip().splitlines()[-1]
        cp_times.append(cp)
        sp_times.append(sp)
        ratios.append(sp / cp)
        print(f"round {r}: CPython {cp:.3f}s  Spindle {sp:.3f}s  ratio {sp / cp:.3f}", flush=True)
    os.unlink(lst.name)
    print(f"files: {len(files)} ({total_bytes / 1e6:.1f} MB); CPython ok={cp_ok} failed={cp_failed}; Spindle {sp_ok}")
    print(f"median CPython {statistics.median(cp_times):.3f}s, Spindle {statistics.median(sp_times):.3f}s")
    print(f"Spindle/CPython time ratio (median of pairs): {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()

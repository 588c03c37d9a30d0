#!/usr/bin/env python3
"""Runs pyperformance's benchmark files, unmodified, with Spindle and its
pyperf (lib/pyperf). Usage:

    bench/pyperformance.py CHECKOUT [--spindle PATH] [--only NAME,...] [-- PYPERF OPTIONS]

CHECKOUT is a clone of github.com/python/pyperformance (never committed
here); the files are CHECKOUT/pyperformance/data-files/benchmarks/bm_*/
run_benchmark.py. Every benchmark of issue 4's list runs to completion (or
the script says why not); PYPERF OPTIONS default to --fast. Prints one line
per benchmark and `N passed, M failed` last."""
import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS = ["richards", "richards_super", "nbody", "fannkuch", "float", "chaos", "deltablue", "go", "hexiom",
              "nqueens", "spectral_norm", "raytrace", "generators", "coroutines", "unpack_sequence", "pidigits",
              "meteor_contest", "scimark"]


def main():
    argv = sys.argv[1:]
    extra = ["--fast"]
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkout")
    ap.add_argument("--spindle", default=os.path.join(HERE, "..", "build", "spindle"))
    ap.add_argument("--only", help="comma-separated benchmark names")
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args(argv)
    root = os.path.join(args.checkout, "pyperformance", "data-files", "benchmarks")
    names = args.only.split(",") if args.only else BENCHMARKS
    failed = 0
    for name in names:
        script = os.path.join(root, "bm_" + name, "run_benchmark.py")
        if not os.path.exists(script):
            print(f"{name:16} MISSING {script}")
            failed += 1
            continue
        t0 = time.perf_counter()
        try:
            p = subprocess.run([args.spindle, script, *extra], capture_output=True, text=True, timeout=args.timeout,
                               cwd=os.path.dirname(script))
            code, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired:
            code, out, err = None, "", "timeout"
        wall = time.perf_counter() - t0
        last = (out.strip().splitlines() or [""])[-1]
        if code == 0:
            print(f"{name:16} ok   {wall:6.1f} s  {last}")
        else:
            print(f"{name:16} FAIL {wall:6.1f} s  exit {code}: {(err.strip().splitlines() or [''])[-1]}")
            failed += 1
        sys.stdout.flush()
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

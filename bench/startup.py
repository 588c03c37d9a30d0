#!/usr/bin/env python3
"""Start-up time: `spindle -c pass` against `python3 -c pass`, side by side.

Runs both commands alternately (--rounds rounds of --runs runs each) and
prints the median wall time per command and the Spindle/CPython ratio. Both
run with their defaults (CPython imports site; pass --no-site to compare with
`python3 -S`). Never a test: see bench/README.md.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def time_runs(cmd, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return times


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--spindle", default=os.path.join(here, "..", "build", "spindle"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--no-site", action="store_true", help="run python3 with -S")
    args = ap.parse_args()

    spindle = [args.spindle, "-c", "pass"]
    python = [args.python] + (["-S"] if args.no_site else []) + ["-c", "pass"]
    s_times, p_times = [], []
    for _ in range(args.rounds):
        s_times += time_runs(spindle, args.runs)
        p_times += time_runs(python, args.runs)
    s, p = statistics.median(s_times), statistics.median(p_times)
    print(f"spindle -c pass: median {s * 1000:.2f} ms over {len(s_times)} runs")
    print(f"{' '.join(python)}: median {p * 1000:.2f} ms over {len(p_times)} runs")
    print(f"ratio spindle/cpython: {s / p:.3f}")


if __name__ == "__main__":
    sys.exit(main())

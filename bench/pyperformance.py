#!/usr/bin/env python3
"""Runs pyperformance's benchmark files, unmodified, with Spindle and its
pyperf (lib/pyperf). Usage:

    bench/pyperformance.py CHECKOUT [--spindle PATH] [--only NAME,...] [-- PYPERF OPTIONS]

CHECKOUT is a clone of github.com/python/pyperformance (never committed
here); the files are CHECKOUT/pyperformance/data-files/benchmarks/bm_*/
run_benchmark.py. Every benchmark of issue 4's list runs to completion (or
the script says why not); PYPERF OPTIONS default to --fast. Prints one line
per benchmark and `N passed, M failed` last.

--rss also runs each file under CPython (python3, with Spindle's pyperf on
PYTHONPATH, the same options) right after Spindle's run and prints both
peak RSS values (each child's own ru_maxrss) and their ratio."""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BENCHMARKS = ["richards", "richards_super", "nbody", "fannkuch", "float", "chaos", "deltablue", "go", "hexiom",
              "nqueens", "spectral_norm", "raytrace", "generators", "coroutines", "unpack_sequence", "pidigits",
              "meteor_contest", "scimark"]


LIB = os.path.normpath(os.path.join(HERE, "..", "lib"))


def run_measured(cmd, cwd, timeout, env=None):
    """Runs cmd; returns (exit code or None on timeout, stdout, stderr, peak RSS
    in KB of that child alone: wait4's ru_maxrss)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                return None, "", "timeout", 0
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return p.returncode, out.read(), err.read(), usage.ru_maxrss


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
    ap.add_argument("--rss", action="store_true", help="compare peak RSS with CPython's")
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
        code, out, err, rss = run_measured([args.spindle, script, *extra], os.path.dirname(script), args.timeout)
        wall = time.perf_counter() - t0
        last = (out.strip().splitlines() or [""])[-1]
        if code == 0:
            line = f"{name:16} ok   {wall:6.1f} s  {last}"
            if args.rss:
                env = dict(os.environ, PYTHONPATH=LIB)
                c2, _, e2, rss2 = run_measured([sys.executable, script, *extra], os.path.dirname(script),
                                               args.timeout, env)
                line += (f"  | peak RSS spindle {rss // 1024} MB, cpython {rss2 // 1024} MB, ratio {rss / rss2:.2f}"
                         if c2 == 0 else f"  | cpython failed: {e2.strip()[-120:]}")
            print(line)
        else:
            print(f"{name:16} FAIL {wall:6.1f} s  exit {code}: {(err.strip().splitlines() or [''])[-1]}")
            failed += 1
        sys.stdout.flush()
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

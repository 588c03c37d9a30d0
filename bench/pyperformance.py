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
peak RSS values (GNU time's %M: each process's own) and their ratio.

--stability SECONDS runs each benchmark for that long instead (endless
values, then killed) and checks that its peak RSS at the end is within 10% of
its peak after SECONDS/6 (issue 4: 60 s against the first 10 s)."""
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
sys.path.insert(0, os.path.join(HERE, "..", "tests", "memory"))
import check_rss  # noqa: E402  (sample_peaks: one RSS sampler for the test and this script)


# GNU time reports the benchmark process's own peak RSS (%M): it forks from
# a small process, while wait4's ru_maxrss for a child of this script would
# also count the forked copy of this python3 driver that existed before exec.
GNU_TIME = "/usr/bin/time"


# The CPU every measured process is pinned to (None: wherever the kernel
# puts it). The vCPUs of a shared machine can differ in speed by half for
# minutes at a time, so engines compared side by side share one CPU.
PIN_CPU = None


def run_measured(cmd, timeout, cwd=None, env=None, rss=False):
    """Runs cmd; returns (exit code or None on timeout, stdout, stderr, peak
    RSS in KB with rss (GNU time's, when it is installed), else 0)."""
    if rss and os.access(GNU_TIME, os.X_OK):
        cmd = [GNU_TIME, "-f", "@peak-rss-kb %M", *cmd]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        pin = None if PIN_CPU is None else (lambda: os.sched_setaffinity(0, {PIN_CPU}))
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             preexec_fn=pin)
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            return None, "", f"timed out after {timeout:.0f} s", 0
        out.seek(0)
        err.seek(0)
        lines = err.read().splitlines()
        peak = [int(line.split()[1]) for line in lines if line.startswith("@peak-rss-kb ")]
        text = "\n".join(line for line in lines if not line.startswith("@peak-rss-kb "))
        return p.returncode, out.read(), text, peak[-1] if peak else 0


def stability(args, name, script):
    """One --stability line; returns 1 if the benchmark failed the check."""
    seconds = args.stability
    cmd = [args.spindle, script, "--warmups", "1", "--values", "1000000000"]
    early, last, code, err = check_rss.sample_peaks(cmd, seconds / 6, seconds, os.path.dirname(script))
    ratio = last / early if early else float("inf")
    ok = code is None and ratio <= check_rss.LIMIT
    how = "ran" if code is None else f"exited {code} before"
    print(f"{name:16} {'ok  ' if ok else 'FAIL'} {how} {seconds:.0f} s; peak RSS at {seconds / 6:.0f} s "
          f"{early // 1024} MB, at {seconds:.0f} s {last // 1024} MB, ratio {ratio:.3f}"
          + ("" if code is None else f": {(err.strip().splitlines() or [''])[-1]}"))
    sys.stdout.flush()
    return 0 if ok else 1


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
    ap.add_argument("--stability", type=float, metavar="SECONDS",
                    help="run each benchmark this long; peak RSS at the end within 10%% of the peak at 1/6")
    args = ap.parse_args(argv)
    if args.rss and not os.access(GNU_TIME, os.X_OK):
        sys.exit(f"--rss needs GNU time ({GNU_TIME}): apt-get install time")
    root = os.path.join(args.checkout, "pyperformance", "data-files", "benchmarks")
    names = args.only.split(",") if args.only else BENCHMARKS
    failed = 0
    for name in names:
        script = os.path.join(root, "bm_" + name, "run_benchmark.py")
        if not os.path.exists(script):
            print(f"{name:16} MISSING {script}")
            failed += 1
            continue
        if args.stability:
            failed += stability(args, name, script)
            continue
        t0 = time.perf_counter()
        code, out, err, rss = run_measured([args.spindle, script, *extra], args.timeout, os.path.dirname(script),
                                           rss=args.rss)
        wall = time.perf_counter() - t0
        last = (out.strip().splitlines() or [""])[-1]
        if code == 0:
            line = f"{name:16} ok   {wall:6.1f} s  {last}"
            if args.rss:
                env = dict(os.environ, PYTHONPATH=LIB)
                c2, _, e2, rss2 = run_measured([sys.executable, script, *extra], args.timeout, os.path.dirname(script),
                                                 env, rss=True)
                line += (f"  | peak RSS spindle {rss / 1024:.1f} MB, cpython {rss2 / 1024:.1f} MB, ratio {rss / rss2:.2f}"
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

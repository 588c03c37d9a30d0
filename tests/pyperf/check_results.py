#!/usr/bin/env python3
"""Checks that the pyperformance benchmarks with a checkable result compute
the same result under Spindle as under CPython 3.11: pidigits' digits,
fannkuch's checksum, nqueens' solutions, and the images chaos and raytrace
write (compared byte for byte). Both interpreters use Spindle's pyperf
(lib/pyperf; CPython gets it through PYTHONPATH).
Usage: check_results.py SPINDLE CHECKOUT (a pyperformance clone).
Last line: `N passed, M failed`."""
import hashlib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.normpath(os.path.join(HERE, "..", "..", "lib"))

# name -> Python code printing the result (run in the benchmark's directory).
CALLS = {
    "pidigits": "import run_benchmark as b; print(''.join(map(str, b.calc_ndigits(1000))))",
    "fannkuch": "import run_benchmark as b; print(b.fannkuch(9))",
    "nqueens": "import run_benchmark as b; print(sorted(b.n_queens(8)))",
}
# name -> extra arguments that make the benchmark write its image.
IMAGES = {
    "chaos": ["--width", "64", "--height", "64", "--iterations", "20000"],
    "raytrace": ["--width", "40", "--height", "40"],
}


def run(interp, args, cwd):
    env = dict(os.environ, PYTHONPATH=LIB)
    p = subprocess.run([interp, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=600)
    return p.returncode, p.stdout, p.stderr


def main():
    spindle, checkout = sys.argv[1], sys.argv[2]
    root = os.path.join(checkout, "pyperformance", "data-files", "benchmarks")
    failures, checks = [], 0
    for name, code in CALLS.items():
        checks += 1
        cwd = os.path.join(root, "bm_" + name)
        results = [run(interp, ["-c", code], cwd) for interp in (sys.executable, spindle)]
        (c1, o1, e1), (c2, o2, e2) = results
        if c1 != 0 or c2 != 0 or o1 != o2:
            failures.append(f"{name}: cpython exit {c1}, spindle exit {c2}: {(e1 + e2)[-300:]} {o1[:80]!r} {o2[:80]!r}")
        else:
            print(f"{name}: same result ({len(o1.strip())} characters)")
    for name, extra in IMAGES.items():
        checks += 1
        cwd = os.path.join(root, "bm_" + name)
        digests = []
        with tempfile.TemporaryDirectory() as d:
            for i, interp in enumerate((sys.executable, spindle)):
                out = os.path.join(d, f"{i}.ppm")
                c, o, e = run(interp, ["run_benchmark.py", "--debug-single-value", *extra, "--filename", out], cwd)
                digests.append(hashlib.sha256(open(out, "rb").read()).hexdigest() if c == 0 and os.path.exists(out)
                               else f"exit {c}: {e[-200:]}")
        if digests[0] != digests[1]:
            failures.append(f"{name}: image differs: {digests}")
        else:
            print(f"{name}: same image (sha256 {digests[0][:16]})")
    for f in failures:
        print("FAIL", f)
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

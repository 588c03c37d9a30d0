#!/usr/bin/env python3
"""Memory is reclaimed: runs a program for T seconds and compares its peak
RSS (VmHWM) at T/6 with its peak at the end; the end may exceed the early
value by at most 10%. Usage: check_rss.py SPINDLE [SECONDS] [PROGRAM ARGS...]
(default: tests/memory/churn.py for 6 s; the program gets SECONDS as its last
argument and stops by itself). Last line: `N passed, M failed`.

`sample_peaks` is also what bench/pyperformance.py --stability uses to run
each pyperformance benchmark for 60 s."""
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LIMIT = 1.10


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def sample_peaks(cmd, early_at, stop_at, cwd=None):
    """Runs cmd; returns (peak KB at early_at s, last peak KB seen, exit code or
    None if it was still running at stop_at s and was killed, stderr tail)."""
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        start = time.monotonic()
        early = last = 0
        code = None
        while True:
            elapsed = time.monotonic() - start
            if p.poll() is not None:
                code = p.returncode
                break
            try:
                # A process that has exited but is not reaped yet has no VmHWM.
                last = max(last, peak_kb(p.pid))
            except (FileNotFoundError, ProcessLookupError):
                continue
            if not early and elapsed >= early_at:
                early = last
            if elapsed >= stop_at:
                p.kill()
                p.wait()
                break
            time.sleep(0.05)
        err.seek(0)
        return early, last, code, err.read().decode(errors="replace")[-500:]


def main():
    spindle = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 6.0
    program = sys.argv[3:] or [os.path.join(HERE, "churn.py")]
    early, last, code, err = sample_peaks([spindle, *program, str(seconds)], seconds / 6, seconds * 10)
    ratio = last / early if early else float("inf")
    ok = code == 0 and early > 0 and ratio <= LIMIT
    print(f"peak RSS after {seconds / 6:.1f} s: {early} KB; at the end ({seconds:.0f} s): {last} KB; ratio {ratio:.3f}")
    if code != 0:
        print(err)
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

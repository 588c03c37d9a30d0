#!/usr/bin/env python3
"""Memory is reclaimed: runs a program for T seconds and compares its peak
RSS (VmHWM) at T/6 with its peak at the end; the end may exceed the early
value by at most 10%. Usage: check_rss.py SPINDLE [SECONDS] [PROGRAM ARGS...]
(default: tests/memory/churn.py for 6 s). Last line: `N passed, M failed`."""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    spindle = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 6.0
    program = sys.argv[3:] or [os.path.join(HERE, "churn.py")]
    p = subprocess.Popen([spindle, *program, str(seconds)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(seconds / 6)
    early = peak_kb(p.pid)
    last = early
    while p.poll() is None:
        try:
            last = peak_kb(p.pid)
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.05)
    out, err = p.communicate()
    ratio = last / early if early else float("inf")
    ok = p.returncode == 0 and early > 0 and ratio <= 1.10
    print(f"peak RSS after {seconds / 6:.1f} s: {early} KB; at the end ({seconds:.0f} s): {last} KB; ratio {ratio:.3f}")
    if p.returncode != 0:
        print(err.decode()[-500:])
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

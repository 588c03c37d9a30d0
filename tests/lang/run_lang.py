#!/usr/bin/env python3
"""Runs the tests/lang programs under an interpreter and compares stdout,
exit status and the last stderr line with the CPython-generated .expected
files. Usage: run_lang.py INTERPRETER [--filter SUBSTR] [--exclude SUBSTR] [-j N]
[--timeout SECONDS] [-X OPTION ...]
The last line is `N passed, M failed`; exit status 0 iff M == 0."""
import argparse
import difflib
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from lang_common import HERE, parse_expected, programs, run


def check(interpreter, rel, timeout, xoptions):
    exp_path = os.path.join(HERE, rel[:-3] + ".expected")
    if not os.path.exists(exp_path):
        return f"{rel}: no .expected file (run regen_expected.py)"
    want_code, want_err, want_out = parse_expected(open(exp_path, encoding="utf-8").read())
    code, err, out = run(interpreter, rel, timeout, xoptions)
    problems = []
    if code != want_code:
        problems.append(f"exit {code}, expected {want_code}")
    if err != want_err:
        problems.append(f"stderr last line {err!r}, expected {want_err!r}")
    if out != want_out:
        diff = list(difflib.unified_diff(want_out.splitlines(), out.splitlines(), "expected", "got", lineterm="", n=0))
        problems.append("stdout differs:\n    " + "\n    ".join(diff[2:14]))
    return f"{rel}: " + "; ".join(problems) if problems else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("interpreter")
    ap.add_argument("--filter")
    ap.add_argument("--exclude", help="skip programs whose path contains this")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=10, help="seconds per program (default 10)")
    ap.add_argument("-X", dest="xoption", action="append", default=[], help="pass -X OPTION to the interpreter")
    a = ap.parse_args()
    progs = [p for p in programs(a.filter) if not (a.exclude and a.exclude in p)]
    with ThreadPoolExecutor(max_workers=a.j) as ex:
        results = list(ex.map(lambda rel: check(a.interpreter, rel, a.timeout, a.xoption), progs))
    failed = [r for r in results if r]
    for r in failed:
        print("FAIL", r)
    print(f"{len(progs) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed or not progs else 0


if __name__ == "__main__":
    sys.exit(main())
